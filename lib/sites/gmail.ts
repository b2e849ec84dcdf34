/**
 * Gmail: an open thread.
 *
 *   https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy
 *   https://mail.google.com/mail/u/1/#label/Clients/FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy
 *
 * The hash is `#<view>[/<more>]/<threadId>`; `#inbox`, `#inbox/p2` and
 * `#search/<query>` are lists. The company is the thread's most active
 * participant domain outside the user's own, never a free-mail domain.
 *
 * Class names are Gmail's obfuscated but long-lived ones (used by InboxSDK and
 * Streak for a decade); the attributes (`email`, `name`, `data-message-id`)
 * are steadier still and come first where both exist.
 */
import type { PageSnapshotInput } from '../snapshot';
import { all, blockText, first, valueText } from './dom';
import { CAPS, cleanText, domainFromEmail, emailIn, isFreeMailDomain } from './normalise';
import type { SiteAdapter } from './types';

const TEXT_CAP = CAPS.text;

export const SELECTORS = {
  main: [
    // The conversation pane.
    'div[role="main"]',
  ],
  subject: [
    // Thread subject; carries data-thread-perm-id / data-legacy-thread-id.
    'h2.hP',
    'h2[data-thread-perm-id]',
  ],
  message: [
    // One message of the thread, expanded or collapsed ("adn ads" when expanded).
    'div.adn[data-message-id]',
    'div.adn',
    // Attribute only, in case the class is renamed.
    'div[data-message-id]',
  ],
  body: [
    // Body of an expanded message ("a3s aiL"); absent while collapsed.
    'div.a3s',
    // Its wrapper ("ii gt").
    'div.ii.gt',
  ],
  sender: [
    // Sender in the message header: <span class="gD" email="..." name="...">.
    'span.gD[email]',
    // Collapsed message header.
    'span.zF[email]',
    'span.yP[email]',
    // Older header layout.
    'h3.iw [email]',
  ],
  /** Every participant in the pane: senders, To/Cc ("g2"), collapsed headers. */
  participant: ['span[email]'],
  /** Quoted history inside a body: never the buyer's words in this message. */
  quoted: [
    'div.gmail_quote',
    'blockquote',
    '.gmail_extra',
    // "On ... wrote:" line Gmail writes above a quote.
    '.gmail_attr',
    // The "..." toggle that hides trimmed content, and what it hides.
    '.yj6qo',
    '.adL',
    // Outlook replies quoted as a div.
    '#divRplyFwdMsg',
    '#appendonsend ~ *',
  ],
  signature: ['div.gmail_signature', '[data-smartmail="gmail_signature"]'],
  /** Where Gmail shows whose mailbox this is. */
  account: [
    // Account button: "Google Account: Sam Carter (sam.carter@fleetwise.io)".
    'a[aria-label*="@"]',
    '[data-email]',
  ],
} as const;

/** How Gmail labels the user in a recipient list ("to me"), per UI language. */
const ME = /^(?:me|mnie|mi|я|мне|mich|mir|moi|yo|mí|eu|mie|私)$/i;

/** A line that introduces quoted history; everything from it on is dropped. */
const QUOTE_HEADER = [
  /^on\b.{4,240}\bwrote:?$/i,
  /napisał(?:\(a\)|a)?:$/i,
  /писал(?:\(а\)|а)?:$/i,
  /^il giorno\b.{4,240}ha scritto:?$/i,
  /^am\b.{4,240}schrieb.{0,120}:$/i,
  /^le\b.{4,240}a écrit ?:?$/i,
  /^el\b.{4,240}escribió:?$/i,
  /^în\b.{4,240}a scris:?$/i,
  /が書きました[:：]?$/,
  // Russian and other locales print only the date and the sender: "пн, 3 мар. 2025 г. в 10:12, Иван <ivan@x.ru>:".
  /^.{4,200}<[^<>\s]+@[^<>\s]+>:$/,
  /^-{2,}\s*(?:original message|forwarded message|wiadomość oryginalna|исходное сообщение|пересылаемое сообщение|messaggio originale|ursprüngliche nachricht|message d'origine|mensaje original|mesaj original|mesaj redirecționat)/i,
  /^(?:from|od|от|de|da|von):\s.*@/i,
];

const LEGAL_FORM =
  /(?:^|[\s,])(?:inc\.?|llc|l\.l\.c\.|ltd\.?|limited|gmbh|ag|s\.?a\.?|s\.p\.a\.?|spa|s\.r\.l\.?|srl|sp\. ?z ?o\. ?o\.?|sp\. ?k\.?|s\.a\.s\.?|sas|sarl|b\.v\.|n\.v\.|oy|ab|a\/s|corp\.?|corporation|plc|k\.k\.|kft\.?|s\.r\.o\.?|ооо|оао|зао|ао|пао)(?=$|[\s,.)»"])|^(?:ооо|ао|пао|зао)\s|株式会社|合同会社/iu;

function threadId(url: URL): string | undefined {
  if (url.hostname !== 'mail.google.com' || !url.pathname.startsWith('/mail/')) return undefined;
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = hash.split('/');
  const last = parts[parts.length - 1] ?? '';
  return parts.length >= 2 && /^[A-Za-z0-9_-]{16,}$/.test(last) ? last : undefined;
}

interface Participant {
  email: string;
  name?: string;
  sent: number;
  seen: number;
}

function userEmail(doc: Document, pane: ParentNode): string | undefined {
  // The tab title: "Inbox (3) - sam.carter@fleetwise.io - Fleetwise Mail".
  const fromTitle = emailIn(doc.title);
  if (fromTitle) return fromTitle;
  for (const selector of SELECTORS.account) {
    const el = doc.querySelector(selector);
    const found = emailIn(el?.getAttribute('data-email')) ?? emailIn(el?.getAttribute('aria-label'));
    if (found) return found;
  }
  for (const el of Array.from(pane.querySelectorAll('span.g2[email]'))) {
    if (ME.test(cleanText(el.textContent))) return emailIn(el.getAttribute('email'));
  }
  return undefined;
}

function bodyText(body: Element): string {
  const copy = body.cloneNode(true) as Element;
  for (const selector of [...SELECTORS.quoted, ...SELECTORS.signature]) {
    try {
      copy.querySelectorAll(selector).forEach((el) => el.remove());
    } catch {
      // Unsupported selector: skip it.
    }
  }
  const kept: string[] = [];
  for (const line of blockText(copy).split('\n')) {
    if (QUOTE_HEADER.some((pattern) => pattern.test(line))) break;
    if (line.startsWith('>')) continue;
    kept.push(line);
  }
  // A plain-text signature after "-- ".
  const sig = kept.findIndex((line) => line === '--' || line === '-- ');
  return (sig >= 0 ? kept.slice(0, sig) : kept).join('\n').trim();
}

function signatureLines(message: Element, body: Element | null): string[] {
  const sig = first(message, SELECTORS.signature);
  if (sig) return blockText(sig).split('\n').map(cleanText).filter(Boolean);
  if (!body) return [];
  // No marked signature: the last lines before any quote.
  const copy = body.cloneNode(true) as Element;
  for (const selector of SELECTORS.quoted) copy.querySelectorAll(selector).forEach((el) => el.remove());
  return blockText(copy).split('\n').map(cleanText).filter(Boolean).slice(-6);
}

function companyLine(lines: string[]): string | undefined {
  return lines.find((line) => line.length <= 80 && !line.includes('@') && LEGAL_FORM.test(line));
}

/** The line after the person's name in their signature, when it reads like a job title. */
function titleLine(lines: string[], name: string | undefined, company: string | undefined): string | undefined {
  if (!name) return undefined;
  const at = lines.findIndex((line) => line.toLowerCase().startsWith(name.toLowerCase()));
  const next = at >= 0 ? lines[at + 1] : undefined;
  if (!next || next === company || next.length > 60 || /[@\d]|https?:|www\./i.test(next)) return undefined;
  return next;
}

interface MessageRead {
  from?: string;
  fromName?: string;
  el: Element;
  body: Element | null;
}

interface ThreadRead {
  id: string;
  messages: MessageRead[];
  participants: Map<string, Participant>;
  user?: string;
  external: Participant[];
  companyDomain?: string;
}

function readThread(doc: Document, url: URL): ThreadRead | undefined {
  const id = threadId(url);
  if (!id) return undefined;
  const pane = first(doc, SELECTORS.main) ?? doc;
  if (!first(pane, SELECTORS.subject)) return undefined;
  const messages: MessageRead[] = all(pane, SELECTORS.message).map((el) => {
    const sender = first(el, SELECTORS.sender);
    const read: MessageRead = { el, body: first(el, SELECTORS.body) };
    const from = emailIn(sender?.getAttribute('email'));
    const fromName = cleanText(sender?.getAttribute('name') ?? sender?.textContent);
    if (from) read.from = from;
    if (fromName) read.fromName = fromName;
    return read;
  });
  if (!messages.length) return undefined;

  const participants = new Map<string, Participant>();
  for (const el of all(pane, SELECTORS.participant)) {
    const email = emailIn(el.getAttribute('email'));
    if (!email) continue;
    const entry = participants.get(email) ?? { email, sent: 0, seen: 0 };
    entry.seen++;
    const name = cleanText(el.getAttribute('name') ?? '') || cleanText(el.textContent);
    if (name && !entry.name && !ME.test(name) && !name.includes('@')) entry.name = name;
    participants.set(email, entry);
  }
  for (const message of messages) {
    if (!message.from) continue;
    const entry = participants.get(message.from) ?? { email: message.from, sent: 0, seen: 0 };
    entry.sent++;
    if (message.fromName && !entry.name) entry.name = message.fromName;
    participants.set(message.from, entry);
  }

  const user = userEmail(doc, pane);
  // When the page does not say who the user is: the address in most messages.
  const userGuess =
    user ?? [...participants.values()].sort((a, b) => b.seen + b.sent - (a.seen + a.sent))[0]?.email;
  const userDomain = domainFromEmail(userGuess);
  const sameOrg = (email: string) =>
    email === userGuess || (userDomain !== undefined && !isFreeMailDomain(userDomain) && domainFromEmail(email) === userDomain);
  const external = [...participants.values()].filter((p) => !sameOrg(p.email));

  const scores = new Map<string, number>();
  for (const p of external) {
    const domain = domainFromEmail(p.email);
    if (!domain || isFreeMailDomain(domain)) continue;
    scores.set(domain, (scores.get(domain) ?? 0) + p.sent * 2 + p.seen);
  }
  const companyDomain = [...scores.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const thread: ThreadRead = { id, messages, participants, external };
  if (userGuess) thread.user = userGuess;
  if (companyDomain) thread.companyDomain = companyDomain;
  return thread;
}

function capNewestFirst(parts: string[]): string {
  const kept: string[] = [];
  let length = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (length + part.length + 2 > TEXT_CAP) {
      if (!kept.length) kept.unshift(part.slice(0, TEXT_CAP));
      break;
    }
    kept.unshift(part);
    length += part.length + 2;
  }
  return kept.join('\n\n');
}

function snapshotOf(thread: ThreadRead, url: URL): PageSnapshotInput | null {
  if (!thread.external.length) return null;
  const externalEmails = new Set(thread.external.map((p) => p.email));
  const fromExternal = thread.messages.filter((m) => m.from && externalEmails.has(m.from));

  // Signatures of the company's people (or, with only free-mail senders, of any outsider).
  const signatures = new Map<string, string[]>();
  for (const m of fromExternal) {
    if (!m.from || signatures.has(m.from)) continue;
    const lines = signatureLines(m.el, m.body);
    if (lines.length) signatures.set(m.from, lines);
  }
  const inCompany = (email: string) => !thread.companyDomain || domainFromEmail(email) === thread.companyDomain;
  let name: string | undefined;
  for (const [email, lines] of signatures) {
    if (!inCompany(email)) continue;
    name = companyLine(lines);
    if (name) break;
  }
  if (!name && !thread.companyDomain) {
    // Only free-mail outsiders: the main sender's display name stands for the account.
    const main = [...thread.external].sort((a, b) => b.sent - a.sent || b.seen - a.seen)[0];
    name = main?.name;
  }

  const people = thread.external.map((p) => {
    const person: { name?: string; email?: string; title?: string } = { email: p.email };
    if (p.name) person.name = p.name;
    const lines = signatures.get(p.email);
    const title = lines ? titleLine(lines, p.name, name) : undefined;
    if (title) person.title = title;
    return person;
  });

  // The buyer's words: messages from outside; all messages if none are expanded.
  const voiced = fromExternal.filter((m) => m.body);
  const source = voiced.length ? voiced : thread.messages.filter((m) => m.body);
  const text = capNewestFirst(source.map((m) => bodyText(m.body!)).filter(Boolean));

  const company: PageSnapshotInput['company'] = {};
  if (name) company.name = name;
  if (thread.companyDomain) company.domain = thread.companyDomain;
  const snapshot: PageSnapshotInput = {
    site: 'gmail',
    kind: 'email',
    url: url.href,
    recordId: thread.id,
    company,
    people,
  };
  if (text) snapshot.text = text;
  return snapshot;
}

export const gmail: SiteAdapter = {
  id: 'gmail',
  label: 'Gmail',
  hosts: ['https://mail.google.com/*'],
  matches: (url) => url.hostname === 'mail.google.com' && url.pathname.startsWith('/mail/'),
  recordKey: threadId,
  read(doc, url) {
    try {
      const thread = readThread(doc, url);
      return thread ? snapshotOf(thread, url) : null;
    } catch {
      return null;
    }
  },
  describeMissing(doc, url) {
    try {
      if (!threadId(url)) return ['Open an email thread'];
      const thread = readThread(doc, url);
      if (!thread) return ['The thread has not loaded yet'];
      if (!thread.external.length) return ['A participant from outside your company'];
      const missing: string[] = [];
      if (!thread.companyDomain) missing.push('domain');
      const snap = snapshotOf(thread, url);
      if (!snap?.company.name) missing.push('name');
      if (!snap?.text) missing.push('text');
      return missing;
    } catch {
      return ['company'];
    }
  },
  examples: {
    company: [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy',
      'https://mail.google.com/mail/u/1/#label/Clients/FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy',
      'https://mail.google.com/mail/u/0/#search/northwind/FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy',
      'https://mail.google.com/mail/u/0/#sent/15a8c2f0b4e2d3a1',
    ],
    other: [
      'https://mail.google.com/mail/u/0/#inbox',
      'https://mail.google.com/mail/u/0/#inbox/p2',
      'https://mail.google.com/mail/u/0/#search/northwind',
      'https://mail.google.com/mail/u/0/#settings/general',
    ],
  },
};
