/**
 * What every mail client adapter (Gmail, Outlook) does once it has found a
 * thread's messages and addresses: choose the company among the participants,
 * strip quoted history from the text, read signatures, build the snapshot.
 * The DOM knowledge stays in each adapter; nothing here queries a page except
 * through the elements it is given.
 *
 * Runs in the content script: types only from ../snapshot (no zod here).
 */
import type { PageSnapshotInput } from '../snapshot';
import { blockText, type LeaveOut } from './dom';
import { CAPS } from '../limits';
import { COMPANY_NOT_FOUND, wrongPage, type FactCode, type Missing } from './missing';
import { cleanText, domainFromEmail, domainFromUrl, isFreeMailDomain } from './normalise';
import type { SiteAdapter } from './types';

/** A line that introduces quoted history; everything from it on is dropped. */
export const QUOTE_HEADER: readonly RegExp[] = [
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

/**
 * Outlook's reply header ("From: Sam Carter" / "Sent: Monday, ..."), whose
 * From line often has a name and no address: a From line followed within
 * two lines by a Sent/Date line, in the languages Outlook writes it.
 */
const FROM_LINE = /^(?:from|od|от|de|de la|da|von|van|från|fra|lähettäjä|feladó|от кого)\s?:/i;
const SENT_LINE =
  /^(?:sent|date|wysłano|wysłane|data|отправлено|дата|inviato|gesendet|datum|envoyé|enviado(?: el)?|fecha|trimis|dată|verzonden|skickat|sendt|lähetetty|elküldve)\s?:/i;

/** The lines before the first quoted-history header; `>` lines are skipped. */
export function cutQuotedLines(lines: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (QUOTE_HEADER.some((pattern) => pattern.test(line))) break;
    if (FROM_LINE.test(line) && lines.slice(i + 1, i + 3).some((next) => SENT_LINE.test(next))) break;
    if (line.startsWith('>')) continue;
    kept.push(line);
  }
  return kept;
}

/** Drops a plain-text signature after "-- ". */
export function withoutDashSignature(lines: readonly string[]): string[] {
  const sig = lines.findIndex((line) => line === '--' || line === '-- ');
  return sig >= 0 ? lines.slice(0, sig) : [...lines];
}

/** Whether this DOM's selector engine takes the selectors as one list (happy-dom rejects some). */
function parses(el: Element, selectors: readonly string[]): boolean {
  if (!selectors.length) return false;
  try {
    el.matches(selectors.join(', '));
    return true;
  } catch {
    return false;
  }
}

/** Elements matching any selector, in document order; one query when all selectors parse. */
function queryUnion(root: Element, selectors: readonly string[]): Element[] {
  if (!selectors.length) return [];
  try {
    return Array.from(root.querySelectorAll(selectors.join(', ')));
  } catch {
    // One selector this engine rejects: try them one by one.
    const found = new Set<Element>();
    for (const selector of selectors) {
      try {
        root.querySelectorAll(selector).forEach((el) => found.add(el));
      } catch {
        // Skip it.
      }
    }
    return [...found];
  }
}

/**
 * A body's own words: without the elements matching `remove`, without
 * everything from the first element matching `cutAt` on (in document order),
 * and with quoted-history lines cut. The page's body is never changed or
 * copied: one walk leaves those parts out, linear in the body's size (a copy
 * with one removal per quoted element is quadratic on 20,000 `<br>`).
 */
export function cleanBodyText(body: Element, remove: readonly string[], cutAt: readonly string[] = []): string {
  return withoutDashSignature(cutQuotedLines(ownLines(body, remove, cutAt))).join('\n').trim();
}

/** The lines of `body` without the parts matching `remove` and without everything from the first `cutAt` on. */
export function ownLines(body: Element, remove: readonly string[], cutAt: readonly string[] = []): string[] {
  const leave: LeaveOut = parses(body, remove) ? { skip: new Set(), skipMatching: remove.join(', ') } : { skip: new Set(queryUnion(body, remove)) };
  const marker = parses(body, cutAt) ? body.querySelector(cutAt.join(', ')) : queryUnion(body, cutAt)[0];
  if (marker) leave.cutAt = marker;
  return blockText(body, undefined, leave).split('\n');
}

export const LEGAL_FORM =
  /(?:^|[\s,])(?:inc\.?|llc|l\.l\.c\.|ltd\.?|limited|gmbh|ag|s\.?a\.?|s\.p\.a\.?|spa|s\.r\.l\.?|srl|sp\. ?z ?o\. ?o\.?|sp\. ?k\.?|s\.a\.s\.?|sas|sarl|b\.v\.|n\.v\.|oy|ab|a\/s|corp\.?|corporation|plc|k\.k\.|kft\.?|s\.r\.o\.?|ооо|оао|зао|ао|пао)(?=$|[\s,.)»"])|^(?:ооо|ао|пао|зао)\s|株式会社|合同会社/iu;

/** The signature line that names a company (it carries a legal form). */
export function companyLine(lines: readonly string[]): string | undefined {
  return lines.find((line) => line.length <= 80 && !line.includes('@') && LEGAL_FORM.test(line));
}

/** A web address as signatures write it: `www.meblex.pl`, `https://meblex.pl/kontakt`, `meblex.pl`. */
const WEBSITE = /^(?:https?:\/\/|www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?$|^[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\/?$/i;

/** The company website a signature gives (never a free-mail or social-network address). */
export function websiteIn(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    if (line.length > 160) continue;
    for (const token of line.split(/[\s|•·,;]+/)) {
      if (token.length > 100 || token.includes('@') || !WEBSITE.test(token)) continue;
      const domain = domainFromUrl(token);
      if (domain && !isFreeMailDomain(domain) && !SOCIAL.test(domain)) return domain;
    }
  }
  return undefined;
}

/** Links a signature carries that are not the company's own site. */
const SOCIAL = /(?:^|\.)(?:linkedin\.com|facebook\.com|twitter\.com|x\.com|instagram\.com|youtube\.com|calendly\.com|google\.com|goo\.gl|bit\.ly)$/;

/** The line after the person's name in their signature, when it reads like a job title. */
export function titleLine(lines: readonly string[], name: string | undefined, company: string | undefined): string | undefined {
  if (!name) return undefined;
  const at = lines.findIndex((line) => line.toLowerCase().startsWith(name.toLowerCase()));
  const next = at >= 0 ? lines[at + 1] : undefined;
  if (!next || next === company || next.length > 60 || /[@\d]|https?:|www\./i.test(next)) return undefined;
  return next;
}

/** Joins message texts, dropping the oldest when over the snapshot's text cap. */
export function capNewestFirst(parts: readonly string[], cap: number = CAPS.text): string {
  const kept: string[] = [];
  let length = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (length + part.length + 2 > cap) {
      if (!kept.length) kept.unshift(part.slice(0, cap));
      break;
    }
    kept.unshift(part);
    length += part.length + 2;
  }
  return kept.join('\n\n');
}

export interface Participant {
  email: string;
  name?: string;
  /** Messages they sent in the thread. */
  sent: number;
  /** Times the pane shows them (headers, recipient lists). */
  seen: number;
}

export interface MailMessage {
  from?: string;
  fromName?: string;
  el: Element;
  body: Element | null;
}

export interface MailThread {
  id: string;
  messages: MailMessage[];
  participants: Map<string, Participant>;
  user?: string;
  external: Participant[];
  companyDomain?: string;
}

/** Adds one sighting of an address (a header, a recipient) to the participants. */
export function sawParticipant(participants: Map<string, Participant>, email: string, name: string | undefined, sent = false): void {
  const entry = participants.get(email) ?? { email, sent: 0, seen: 0 };
  if (sent) entry.sent++;
  else entry.seen++;
  if (name && !entry.name && !name.includes('@')) entry.name = name;
  participants.set(email, entry);
}

/**
 * The thread with its outsiders and company: `user` is whose mailbox it is
 * (when the page does not say, the address in most messages); the company is
 * the most active outside domain that is not a free-mail provider.
 */
export function classifyThread(id: string, messages: MailMessage[], participants: Map<string, Participant>, user: string | undefined): MailThread {
  const userGuess = user ?? [...participants.values()].sort((a, b) => b.seen + b.sent - (a.seen + a.sent))[0]?.email;
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
  const thread: MailThread = { id, messages, participants, external };
  if (userGuess) thread.user = userGuess;
  if (companyDomain) thread.companyDomain = companyDomain;
  return thread;
}

/** How an adapter reads the parts of its messages. */
export interface MailReading {
  site: string;
  /** Signature lines of a message (a marked signature, or the last lines of the body). */
  signatureLines(message: MailMessage): string[];
  /** A body's own words, without quoted history and signature. */
  bodyText(body: Element): string;
}

export function mailSnapshot(thread: MailThread, url: URL, how: MailReading): PageSnapshotInput | null {
  if (!thread.external.length) return null;
  const externalEmails = new Set(thread.external.map((p) => p.email));
  const fromExternal = thread.messages.filter((m) => m.from && externalEmails.has(m.from));

  // Signatures of the company's people (or, with only free-mail senders, of any outsider).
  const signatures = new Map<string, string[]>();
  for (const m of fromExternal) {
    if (!m.from || signatures.has(m.from)) continue;
    const lines = how.signatureLines(m);
    if (lines.length) signatures.set(m.from, lines);
  }
  const inCompany = (email: string) => !thread.companyDomain || domainFromEmail(email) === thread.companyDomain;
  let name: string | undefined;
  for (const [email, lines] of signatures) {
    if (!inCompany(email)) continue;
    name = companyLine(lines);
    if (name) break;
  }
  let domain = thread.companyDomain;
  if (!domain) {
    // Only free-mail outsiders: a signature with a company and its website says which company writes.
    for (const lines of signatures.values()) {
      const site = websiteIn(lines);
      const company = companyLine(lines);
      if (!site && !company) continue;
      domain = site;
      name = company;
      break;
    }
  }
  if (!name && !domain) {
    // No company anywhere: the main sender's display name stands for the account.
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
  const text = capNewestFirst(source.map((m) => how.bodyText(m.body!)).filter(Boolean));

  const company: PageSnapshotInput['company'] = {};
  if (name) company.name = name;
  if (domain) company.domain = domain;
  const snapshot: PageSnapshotInput = {
    site: how.site,
    kind: 'email',
    url: url.href,
    recordId: thread.id,
    company,
    people,
  };
  if (text) snapshot.text = text;
  return snapshot;
}

/** `describeMissing` for a thread that was found. */
export function mailMissing(thread: MailThread, url: URL, how: MailReading): Missing {
  if (!thread.external.length) return wrongPage('internal');
  const facts: FactCode[] = [];
  const snap = mailSnapshot(thread, url, how);
  if (!snap?.company.domain) facts.push('domain');
  if (!snap?.company.name) facts.push('name');
  if (!snap?.text) facts.push('text');
  return { kind: 'record', facts };
}

/** Non-empty trimmed lines of an element's text. */
export function textLines(el: Element): string[] {
  return blockText(el).split('\n').map(cleanText).filter(Boolean);
}

/**
 * What a mail client's adapter does once it can find the open message and its
 * thread: the same for Gmail and Outlook, apart from these parts.
 */
export function mailReader(parts: {
  /** The open message or thread id in the URL; undefined in a list. */
  messageId: (url: URL) => string | undefined;
  readThread: (doc: Document, url: URL) => MailThread | undefined;
  how: MailReading;
}): Pick<SiteAdapter, 'read' | 'describeMissing'> {
  const { messageId, readThread, how } = parts;
  return {
    read(doc, url) {
      try {
        const thread = readThread(doc, url);
        return thread ? mailSnapshot(thread, url, how) : null;
      } catch {
        return null;
      }
    },
    describeMissing(doc, url) {
      try {
        if (!messageId(url)) return wrongPage('inbox');
        const thread = readThread(doc, url);
        if (!thread) return wrongPage('loading');
        return mailMissing(thread, url, how);
      } catch {
        return COMPANY_NOT_FOUND;
      }
    },
  };
}
