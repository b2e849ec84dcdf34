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
import { all, first } from './dom';
import { classifyThread, cleanBodyText, ownLines, mailReader, sawParticipant, textLines, type MailMessage, type MailReading, type MailThread, type Participant } from './mail';
import { cleanText, emailIn } from './normalise';
import type { SiteAdapter } from './types';

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
  /** The open thread's messages, expanded and collapsed: Gmail's conversation list. */
  thread: ['[role="list"]'],
  /** A row of the thread list (inbox, label, search), kept in the DOM behind an open thread. */
  listRow: ['tr.zA', '[role="row"]'],
  /** Every participant in the thread: senders, To/Cc ("g2"), collapsed headers. */
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
  ],
  /**
   * Outlook's marker above a quoted reply: it and everything after it are
   * dropped (one cut, not a `#appendonsend ~ *` selector and one removal per
   * sibling, which is quadratic on 20,000 `<br>`).
   */
  quoteStart: ['#appendonsend'],
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

function threadId(url: URL): string | undefined {
  // The host is `matches`' business.
  if (!url.pathname.startsWith('/mail/')) return undefined;
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = hash.split('/');
  const last = parts[parts.length - 1] ?? '';
  return parts.length >= 2 && /^[A-Za-z0-9_-]{16,}$/.test(last) ? last : undefined;
}

function userEmail(doc: Document, thread: Element): string | undefined {
  // The tab title: "Inbox (3) - sam.carter@fleetwise.io - Fleetwise Mail".
  const fromTitle = emailIn(doc.title);
  if (fromTitle) return fromTitle;
  for (const selector of SELECTORS.account) {
    const el = doc.querySelector(selector);
    const found = emailIn(el?.getAttribute('data-email')) ?? emailIn(el?.getAttribute('aria-label'));
    if (found) return found;
  }
  for (const el of Array.from(thread.querySelectorAll('span.g2[email]'))) {
    if (ME.test(cleanText(el.textContent))) return emailIn(el.getAttribute('email'));
  }
  return undefined;
}

/** The element holding the open thread's messages (collapsed ones too), never the thread list. */
function threadContainer(message: Element): Element {
  for (const selector of SELECTORS.thread) {
    const found = message.closest(selector);
    if (found) return found;
  }
  return message.parentElement ?? message;
}

function bodyText(body: Element): string {
  return cleanBodyText(body, [...SELECTORS.quoted, ...SELECTORS.signature], SELECTORS.quoteStart);
}

function signatureLines(message: MailMessage): string[] {
  const sig = first(message.el, SELECTORS.signature);
  if (sig) return textLines(sig);
  if (!message.body) return [];
  // No marked signature: the last lines before any quote.
  return ownLines(message.body, SELECTORS.quoted, SELECTORS.quoteStart).map(cleanText).filter(Boolean).slice(-6);
}

const READING: MailReading = { site: 'gmail', signatureLines, bodyText };

function readThread(doc: Document, url: URL): MailThread | undefined {
  const id = threadId(url);
  if (!id) return undefined;
  const pane = first(doc, SELECTORS.main) ?? doc;
  if (!first(pane, SELECTORS.subject)) return undefined;
  const messages: MailMessage[] = all(pane, SELECTORS.message).map((el) => {
    const sender = first(el, SELECTORS.sender);
    const read: MailMessage = { el, body: first(el, SELECTORS.body) };
    const from = emailIn(sender?.getAttribute('email'));
    const fromName = cleanText(sender?.getAttribute('name') ?? sender?.textContent);
    if (from) read.from = from;
    if (fromName) read.fromName = fromName;
    return read;
  });
  if (!messages.length) return undefined;

  // Only the open thread's container: the inbox's rows stay in the DOM behind it, each with its sender's `span[email]`.
  const thread = threadContainer(messages[0]!.el);
  const participants = new Map<string, Participant>();
  for (const el of all(thread, SELECTORS.participant)) {
    if (el.closest(SELECTORS.listRow.join(', '))) continue;
    const email = emailIn(el.getAttribute('email'));
    if (!email) continue;
    const name = cleanText(el.getAttribute('name') ?? '') || cleanText(el.textContent);
    sawParticipant(participants, email, ME.test(name) ? undefined : name);
  }
  for (const message of messages) {
    if (message.from) sawParticipant(participants, message.from, message.fromName, true);
  }
  return classifyThread(id, messages, participants, userEmail(doc, thread));
}

export const gmail: SiteAdapter = {
  id: 'gmail',
  label: 'Gmail',
  hosts: ['https://mail.google.com/*'],
  matches: (url) => url.hostname === 'mail.google.com' && url.pathname.startsWith('/mail/'),
  ...mailReader({ messageId: threadId, readThread, how: READING }),
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
