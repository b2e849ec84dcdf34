/**
 * Outlook on the web (OWA, "new Outlook"): the message or conversation open in
 * the reading pane.
 *
 *   https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjU3LWI2ZDYtMDACLTAwCgAQAHn%2BqJ8%3D   work/school account
 *   https://outlook.office365.com/mail/0/inbox/id/AAQkAG...                                          older host, mailbox index
 *   https://outlook.live.com/mail/0/id/AQQkADAwATYwMAItYjI...                                        personal account, no folder
 *   https://outlook.cloud.microsoft/mail/sentitems/id/AAQkAD...                                      the 2024 host
 *   https://outlook.office.com/mail/deeplink/read/AAMkAD...                                          "open in new window"
 *
 * The item id is the path segment after `/id/` (or `/read/`); `/mail/inbox`,
 * `/mail/0/` and searches without an id are lists. The company is the thread's
 * most active outside domain, never a free-mail one (see ./mail.ts, shared
 * with Gmail).
 *
 * OWA's aria-labels and visible text follow the user's language and its class
 * names are hashed per build, so nothing here reads either: only element ids
 * OWA derives from the item (`…_SUBJECT`, `…_FROM`, `…_TO`, `UniqueMessageBody…`),
 * `data-app-section` regions, roles, and e-mail addresses found by pattern in
 * `title` / `aria-label` / "Name <address>" text. Inside a message body OWA
 * prefixes the sender's ids and classes with `x_` (`x_divRplyFwdMsg`), hence
 * the `[id$=…]` selectors. Written from public knowledge of the DOM (extensions
 * and scrapers that read OWA); no capture of a real mailbox is stored.
 */
import { first } from './dom';
import {
  classifyThread,
  cleanBodyText,
  mailReader,
  sawParticipant,
  textLines,
  type MailMessage,
  type MailReading,
  type MailThread,
  type Participant,
} from './mail';
import { cleanText, emailIn } from './normalise';
import type { SiteAdapter } from './types';

const HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft']);
/** `/mail[/<n>|/<shared mailbox>][/<folder>...]/id/<item id>` or `/mail/deeplink/read/<item id>`. */
const ITEM_PATH = /^\/mail\/(?:[^/]+\/)*?(?:id|read)\/([^/]+)\/?$/;

export const SELECTORS = {
  pane: [
    // Conversation view (the default): the whole thread in the reading pane.
    '[data-app-section="ConversationContainer"]',
    // One message without conversation view, or opened in its own window.
    '[data-app-section="MailReadCompose"]',
    '#ReadingPaneContainerId',
    // Last resort: the mail module's main region (also holds the message list).
    'div[role="main"]',
  ],
  subject: [
    // Conversation subject: id "CONV_<conversation id>_SUBJECT".
    '[role="heading"][id^="CONV_"][id$="_SUBJECT"]',
    // A single item's subject: "<item id>_SUBJECT".
    '[role="heading"][id$="_SUBJECT"]',
    // Builds without the ids: the pane's level-2 heading.
    '[role="heading"][aria-level="2"]',
  ],
  /** Starts a message, in document order. */
  sender: [
    // Header of an expanded message: "<item id>_FROM" wraps the sender persona, "Dana Whitfield <dana@…>".
    '[id$="_FROM"]',
    // A collapsed message of the conversation: its persona's title is the address.
    '[aria-expanded="false"] [title*="@"]',
    // 2025 reading pane (real OWA markup, any language): the header region's persona, labelled "<localised From>: <address>".
    '[role="region"] [aria-label*="@"]',
  ],
  /** To, Cc and Bcc lines of expanded headers. */
  recipients: ['[id$="_TO"]', '[id$="_CC"]', '[id$="_BCC"]', '[data-testid="RecipientWell"]'],
  body: [
    // The rendered body: id "UniqueMessageBody" or "UniqueMessageBody_<n>".
    '[id^="UniqueMessageBody"]',
    // Its role: a document with a (localised) aria-label.
    'div[role="document"][aria-label]',
  ],
  /** Quoted history: the element and everything after it in the body are dropped. */
  quoteStart: [
    // Outlook inserts this empty div right above the quoted reply.
    '[id$="appendonsend"]',
    // The reply header ("From: … Sent: … To: … Subject: …") of Outlook desktop and OWA.
    '[id$="divRplyFwdMsg"]',
    // The separator Outlook draws above that header.
    'hr[tabindex="-1"]',
    // New Outlook / OWA 2023+: the quoted message's container.
    '[id$="mail-editor-reference-message-container"]',
  ],
  /** Quoted or hidden parts removed wherever they are. */
  quoted: [
    'blockquote',
    // Gmail and Apple Mail quotes of replies from other clients.
    '.x_gmail_quote',
    '[class*="gmail_quote"]',
    // "Show original message" toggle and what it hides.
    '[id$="divRplyFwdMsgHidden"]',
  ],
  signature: [
    // Outlook signatures: id "Signature" (x_Signature once rendered in OWA).
    '[id$="Signature"]',
    '[id$="ms-outlook-mobile-signature"]',
    // Gmail signatures in replies from Gmail users.
    '[class*="gmail_signature"]',
    '[data-smartmail="gmail_signature"]',
  ],
  /** Where OWA shows whose mailbox this is. */
  account: [
    // Account manager flyout (rendered once opened): the signed-in address.
    '#mectrl_currentAccount_secondary',
    // Folder pane: the mailbox's root node is titled with its address.
    '[id^="primaryMailboxRoot_"][title*="@"]',
    '[role="tree"] [role="treeitem"][title*="@"]',
    '[role="tree"] [title*="@"]',
  ],
} as const;

const SENDER = SELECTORS.sender.join(', ');
const BODY = SELECTORS.body.join(', ');
const RECIPIENTS = SELECTORS.recipients.join(', ');

// Paths only: `matches` decides the host.
function itemId(url: URL): string | undefined {
  const m = ITEM_PATH.exec(url.pathname);
  if (!m?.[1]) return undefined;
  let id = m[1];
  try {
    id = decodeURIComponent(id);
  } catch {
    // Keep it as written.
  }
  return id.length >= 8 ? id : undefined;
}

interface Address {
  email: string;
  name?: string;
}

/** The most of a header line's text or attribute read: To lines of 50 recipients fit. */
const TEXT_SCAN = 20_000;
/** How far "Name <address>" is looked for around a `<`: an address is at most 320 characters, a display name is kept to 500. */
const ADDRESS_SCAN = 330;
const NAME_SCAN = 500;
const NAME_STOP = /[<>,;\n]/;
/** A name part that is only a legal form ("Inc.", "LLC", "GmbH", "S.A."). */
const LEGAL_FORM_ONLY = /^(?:inc\.?|llc|l\.l\.c\.|ltd\.?|limited|gmbh|ag|s\.?a\.?|s\.p\.a\.?|spa|s\.r\.l\.?|srl|sp\. ?z ?o\. ?o\.?|b\.v\.|n\.v\.|corp\.?|co\.?|plc|oy|ab|a\/s|s\.r\.o\.?|kft\.?)$/i;

/**
 * Every "Name <address>" in a text, in linear time: each `<` is looked at
 * once, with a bounded scan on each side (a pattern with a lazy name before
 * `<` retries from every position and is quadratic on a 50,000-character
 * display name).
 */
export function nameAddressPairs(text: string): Array<{ name: string; email: string }> {
  const pairs: Array<{ name: string; email: string }> = [];
  let from = 0;
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', open + 1)) {
    const close = text.indexOf('>', open + 1);
    if (close < 0) break;
    if (close - open > ADDRESS_SCAN) continue;
    const inner = text.slice(open + 1, close).trim();
    if (!inner.includes('@') || /[\s<]/.test(inner)) continue;
    let start = open;
    for (;;) {
      while (start > from && open - start < NAME_SCAN && !NAME_STOP.test(text[start - 1]!)) start--;
      // "PagerDuty, Inc. <…>": a comma before a legal form is part of a company's name, not a list separator.
      if (start > from && text[start - 1] === ',' && LEGAL_FORM_ONLY.test(text.slice(start, open).trim()) && open - start < NAME_SCAN) {
        start--;
        continue;
      }
      break;
    }
    pairs.push({ name: text.slice(start, open).trim(), email: inner });
    from = close + 1;
  }
  return pairs;
}

/** Addresses an element shows: "Name <address>" text, or personas whose title/aria-label holds the address. */
function addressesIn(el: Element): Address[] {
  const found = new Map<string, Address>();
  const add = (email: string | undefined, name: string | undefined) => {
    if (!email || found.has(email)) return;
    const clean = cleanText(name?.slice(0, NAME_SCAN)).replace(/^["'“]|["'”]$/g, '').replace(/[;,:]$/, '').trim();
    found.set(email, clean && !clean.includes('@') ? { email, name: clean } : { email });
  };
  // A header line is short; a hostile display name is cut before any work on it.
  const text = (el.textContent ?? '').slice(0, TEXT_SCAN);
  for (const pair of nameAddressPairs(text)) add(emailIn(pair.email), pair.name);
  const personas = [el, ...Array.from(el.querySelectorAll('[title*="@"], [aria-label*="@"]'))];
  for (const persona of personas) {
    const email = emailIn(persona.getAttribute('title')?.slice(0, TEXT_SCAN)) ?? emailIn(persona.getAttribute('aria-label')?.slice(0, TEXT_SCAN));
    if (email) add(email, persona.textContent?.slice(0, NAME_SCAN));
  }
  if (!found.size) add(emailIn(text), undefined);
  return [...found.values()];
}

function userEmail(doc: Document): string | undefined {
  for (const selector of SELECTORS.account) {
    const el = doc.querySelector(selector);
    const found = emailIn(el?.getAttribute('title')) ?? emailIn(el?.textContent);
    if (found) return found;
  }
  // Some tenants put the address in the tab title.
  return emailIn(doc.title);
}

function bodyText(body: Element): string {
  return cleanBodyText(body, [...SELECTORS.quoted, ...SELECTORS.signature], SELECTORS.quoteStart);
}

function signatureLines(message: MailMessage): string[] {
  if (!message.body) return [];
  const sig = first(message.body, SELECTORS.signature);
  if (sig) return textLines(sig);
  // No marked signature: the last lines before any quote.
  const own = cleanBodyText(message.body, SELECTORS.quoted, SELECTORS.quoteStart);
  return own.split('\n').map(cleanText).filter(Boolean).slice(-6);
}

const READING: MailReading = { site: 'outlook', signatureLines, bodyText };

interface Item extends MailMessage {
  /** The element that started it (a collapsed item holds several personas). */
  header?: Element;
}

/** Senders and bodies in document order: each body belongs to the sender before it. */
function readMessages(pane: ParentNode): Item[] {
  const items: Item[] = [];
  let current: Item | undefined;
  for (const el of Array.from(pane.querySelectorAll(`${SENDER}, ${BODY}`))) {
    if (el.matches(BODY)) {
      if (current?.body && (current.body.contains(el) || el.contains(current.body))) continue;
      if (!current || current.body) {
        current = { el, body: el };
        items.push(current);
      } else {
        current.body = el;
      }
      continue;
    }
    const header = el.closest('[aria-expanded="false"]') ?? el;
    if (current?.header === header) continue;
    const [address] = addressesIn(el);
    current = { el: header, header, body: null };
    if (address) {
      current.from = address.email;
      if (address.name) current.fromName = address.name;
    }
    items.push(current);
  }
  return items;
}

function readThread(doc: Document, url: URL): MailThread | undefined {
  const id = itemId(url);
  if (!id) return undefined;
  const pane = first(doc, SELECTORS.pane);
  // A subject heading, or (layouts without one: the 2025 reading pane) a rendered message body.
  if (!pane || !(first(pane, SELECTORS.subject) ?? first(pane, SELECTORS.body))) return undefined;
  const messages: MailMessage[] = readMessages(pane).filter((m) => m.from || m.body);
  if (!messages.length) return undefined;

  const participants = new Map<string, Participant>();
  for (const line of Array.from(pane.querySelectorAll(RECIPIENTS))) {
    for (const address of addressesIn(line)) sawParticipant(participants, address.email, address.name);
  }
  for (const message of messages) {
    if (message.from) sawParticipant(participants, message.from, message.fromName, true);
  }
  return classifyThread(id, messages, participants, userEmail(doc));
}

export const outlook: SiteAdapter = {
  id: 'outlook',
  label: 'Outlook',
  hosts: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
  matches: (url) => HOSTS.has(url.hostname) && /^\/mail(?:\/|$)/.test(url.pathname),
  ...mailReader({ messageId: itemId, readThread, how: READING }),
  observeRoot(doc) {
    // The reading pane's container outlives the messages it shows.
    const pane = first(doc, SELECTORS.pane);
    return pane?.matches('div[role="main"]') ? pane : (pane?.parentElement ?? null);
  },
  examples: {
    company: [
      'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjU3LWI2ZDYtMDACLTAwCgAQAHn%2BqJ8kQ0dPnX1sYwRkLmA%3D',
      'https://outlook.office365.com/mail/0/inbox/id/AAQkAGI2TG93AAAEAAAQAJ7vYyZ1b3hKq6rS8uN%2FdKE%3D',
      'https://outlook.live.com/mail/0/id/AQQkADAwATYwMAItYjI3Ny02NjQ0LTAwAi0wMAoAEABMn3Yt6a1XT5v3lCwZ4%2Fk0',
      'https://outlook.cloud.microsoft/mail/sentitems/id/AAQkADFkZWM5NjQ3LTg5YjAtNDUxNi1hNDQxLWFkZjE0NGZkZmQ4OAAQAF',
      'https://outlook.office.com/mail/deeplink/read/AAMkADFkZWM5NjQ3LTg5YjAtNDUxNi1hNDQxLWFkZjE0NGZkZmQ4OABGAAAAAAB',
    ],
    other: [
      'https://outlook.office.com/mail/',
      'https://outlook.office.com/mail/inbox',
      'https://outlook.office365.com/mail/0/',
      'https://outlook.live.com/mail/0/junkemail',
      'https://outlook.cloud.microsoft/mail/search',
    ],
  },
};
