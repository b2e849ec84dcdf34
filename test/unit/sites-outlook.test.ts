// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { outlook } from '../../lib/sites/outlook';
import { missingOn, shown } from './sites-helpers';

const THREAD = new URL('https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjU3LWI2ZDYtMDACLTAwCgAQAHn%2BqJ8%3D');

interface Msg {
  from: [string, string];
  to?: Array<[string, string]>;
  /** Undefined: a collapsed message. */
  body?: string;
}

/** An OWA reading pane; `labels` are the UI strings, which the adapter must not need. */
function page(messages: Msg[], user: string | null = 'rep@fleetwise.io', labels = { pane: 'Reading Pane', body: 'Message body', to: 'To:' }): Document {
  const items = messages
    .map((m, i) =>
      m.body === undefined
        ? `<div role="listitem"><div role="button" aria-expanded="false" aria-label="${m.from[1]}"><span title="${m.from[0]}">${m.from[1]}</span><div>preview</div></div></div>`
        : `<div role="listitem"><div aria-expanded="true">
            <div id="AAMk${i}_FROM"><span><button type="button">${m.from[1]}&lt;${m.from[0]}&gt;</button></span></div>
            <div id="AAMk${i}_TO"><span>${labels.to}&nbsp;</span>${(m.to ?? []).map(([email, name]) => `<span title="${email}">${name}</span>`).join('; ')}</div>
            <div id="UniqueMessageBody_${i}" role="document" aria-label="${labels.body}"><div class="rps_5e1a">${m.body}</div></div>
          </div></div>`,
    )
    .join('\n');
  const tree = user ? `<div role="navigation"><div role="tree"><div role="treeitem" aria-level="1" aria-expanded="true" title="${user}">${user}</div></div></div>` : '';
  return new DOMParser().parseFromString(
    `<!DOCTYPE html><html><head><title>Outlook</title></head><body>${tree}<div role="main"><div id="ReadingPaneContainerId">
      <div data-app-section="ConversationContainer" aria-label="${labels.pane}"><div role="heading" aria-level="2" id="CONV_AAQk_SUBJECT"><span>Re: Offer</span></div>
      <div role="list">${items}</div></div></div></div></body></html>`,
    'text/html',
  );
}

const REP: [string, string] = ['rep@fleetwise.io', 'Rita Rep'];
const BUYER: [string, string] = ['ana@acme-tools.com', 'Ana Buyer'];

describe('quoted history is removed', () => {
  test.each([
    ['OWA reply (appendonsend, hr, divRplyFwdMsg)', 'We need it by May.<div id="x_appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="x_divRplyFwdMsg" dir="ltr"><b>From:</b> Rita Rep &lt;rep@fleetwise.io&gt;<br><b>Sent:</b> Monday, March 3, 2025 10:00 AM</div><div>OLD TEXT</div>'],
    ['divRplyFwdMsg alone', '<div>We need it by May.</div><div id="x_divRplyFwdMsg"><b>From:</b> Rita Rep</div><div>OLD TEXT</div>'],
    ['new Outlook reference container', '<div>We need it by May.</div><div id="x_mail-editor-reference-message-container"><div>OLD TEXT</div></div>'],
    ['Outlook desktop header, English', '<p>We need it by May.</p><div style="border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> Rita Rep<br><b>Sent:</b> 03 March 2025 10:00<br><b>To:</b> Ana</p></div><p>OLD TEXT</p>'],
    ['Polish header', 'We need it by May.<br><hr><b>Od:</b> Rita Rep<br><b>Wysłano:</b> poniedziałek, 3 marca 2025 10:00<br><b>Do:</b> Ana<br>OLD TEXT'],
    ['Italian header', 'We need it by May.<br><hr><b>Da:</b> Rita Rep<br><b>Inviato:</b> lunedì 3 marzo 2025 10:00<br>OLD TEXT'],
    ['German header', 'We need it by May.<br><b>Von:</b> Rita Rep<br><b>Gesendet:</b> Montag, 3. März 2025 10:00<br>OLD TEXT'],
    ['French header', 'We need it by May.<br><b>De :</b> Rita Rep<br><b>Envoyé :</b> lundi 3 mars 2025 10:00<br>OLD TEXT'],
    ['Spanish header', 'We need it by May.<br><b>De:</b> Rita Rep<br><b>Enviado el:</b> lunes, 3 de marzo de 2025 10:00<br>OLD TEXT'],
    ['Russian header', 'We need it by May.<br><b>От:</b> Rita Rep<br><b>Отправлено:</b> 3 марта 2025 г. 10:00<br>OLD TEXT'],
    ['Gmail quote in an Outlook pane', 'We need it by May.<div class="x_gmail_quote"><div>On Mon, Mar 3, 2025 Rita Rep wrote:</div>OLD TEXT</div>'],
    ['blockquote', 'We need it by May.<blockquote>OLD TEXT</blockquote>'],
  ])('%s', (_name, body) => {
    const snap = outlook.read(page([{ from: BUYER, to: [REP], body }]), THREAD);
    expect(snap?.text).toBe('We need it by May.');
  });

  test('a line that merely starts with "From:" is kept', () => {
    const snap = outlook.read(page([{ from: BUYER, to: [REP], body: 'From: our side, the budget is fixed.<br>Thanks' }]), THREAD);
    expect(snap?.text).toBe('From: our side, the budget is fixed.\nThanks');
  });

  test('the Outlook signature gives the company and title and is left out of the text', () => {
    const body = '<div>Please send references.</div><div id="x_Signature"><div>Ana Buyer</div><div>Procurement Lead</div><div>Acme Tools S.A.</div></div>';
    const snap = outlook.read(page([{ from: ['ana@acme-tools.ro', 'Ana Buyer'], to: [REP], body }]), THREAD);
    expect(snap).toMatchObject({
      site: 'outlook',
      kind: 'email',
      company: { name: 'Acme Tools S.A.', domain: 'acme-tools.ro' },
      people: [{ name: 'Ana Buyer', email: 'ana@acme-tools.ro', title: 'Procurement Lead' }],
      text: 'Please send references.',
    });
  });
});

describe('localised UI', () => {
  test.each([
    ['Polish', { pane: 'Okienko odczytu', body: 'Treść wiadomości', to: 'Do:' }],
    ['Italian', { pane: 'Riquadro di lettura', body: 'Corpo del messaggio', to: 'A:' }],
    ['Japanese', { pane: '閲覧ウィンドウ', body: 'メッセージ本文', to: '宛先:' }],
  ])('%s labels read the same', (_lang, labels) => {
    const doc = page([{ from: BUYER, to: [REP], body: 'Kiedy możemy zacząć?' }], 'rep@fleetwise.io', labels);
    expect(outlook.read(doc, THREAD)).toMatchObject({ company: { domain: 'acme-tools.com' }, people: [{ email: 'ana@acme-tools.com', name: 'Ana Buyer' }], text: 'Kiedy możemy zacząć?' });
  });
});

describe('participants', () => {
  test('free-mail senders give no domain; the display name stands for the account', () => {
    const doc = page([{ from: ['ivan.petrov77@outlook.com', 'Иван Петров'], to: [REP], body: 'Сравниваем три предложения.' }]);
    expect(outlook.read(doc, THREAD)?.company).toEqual({ name: 'Иван Петров' });
    expect(outlook.describeMissing(doc, THREAD)).toEqual({ kind: 'record', facts: ['domain'] });
  });

  test('a company participant wins over a free-mail sender', () => {
    const doc = page([
      { from: ['t.nowak@hotmail.com', 'T Nowak'], to: [REP, ['k@kowalski-meble.pl', 'K']], body: 'Prosimy o ofertę.' },
      { from: REP, to: [['t.nowak@hotmail.com', 'T Nowak'], ['k@kowalski-meble.pl', 'K']], body: 'Oferta w załączniku.' },
    ]);
    const snap = outlook.read(doc, THREAD);
    expect(snap?.company.domain).toBe('kowalski-meble.pl');
    expect(snap?.text).toBe('Prosimy o ofertę.');
  });

  test('collapsed messages count as participants but give no text', () => {
    const doc = page([{ from: BUYER }, { from: REP, to: [BUYER], body: 'Hello Ana' }]);
    const snap = outlook.read(doc, THREAD);
    expect(snap?.company.domain).toBe('acme-tools.com');
    expect(snap?.people).toEqual([{ email: 'ana@acme-tools.com', name: 'Ana Buyer' }]);
    // No outside message is expanded: the user's own words stand in.
    expect(snap?.text).toBe('Hello Ana');
  });

  test("without the folder pane, the address in most messages is the user's; colleagues are not the company", () => {
    const doc = page(
      [
        { from: ['boss@fleetwise.io', 'Boss'], to: [REP, ['cto@buyer-corp.com', 'CTO']], body: 'Looping in our CTO.' },
        { from: ['cto@buyer-corp.com', 'CTO'], to: [REP, ['boss@fleetwise.io', 'Boss']], body: 'Happy to talk.' },
        { from: REP, to: [['cto@buyer-corp.com', 'CTO']], body: 'Great.' },
      ],
      null,
    );
    expect(outlook.read(doc, THREAD)?.company.domain).toBe('buyer-corp.com');
  });

  test('an internal thread has no company', () => {
    const doc = page([{ from: ['boss@fleetwise.io', 'Boss'], to: [REP], body: 'Lunch?' }]);
    expect(outlook.read(doc, THREAD)).toBeNull();
    expect(missingOn(outlook, doc, THREAD)).toEqual({ kind: 'internal', facts: [] });
  });
});

describe('urls and pages that are not threads', () => {
  test.each([
    ['https://outlook.office.com/mail/inbox/id/AAQkADAw%2BqJ8%3D', 'record AAQkADAw+qJ8='],
    ['https://outlook.office365.com/mail/0/inbox/id/AAQkAGI2TG93AAAEAAAQ', 'record AAQkAGI2TG93AAAEAAAQ'],
    ['https://outlook.live.com/mail/0/id/AQQkADAwATYwMAItYjI3', 'record AQQkADAwATYwMAItYjI3'],
    ['https://outlook.cloud.microsoft/mail/sentitems/id/AAQkADFkZWM5NjQ3', 'record AAQkADFkZWM5NjQ3'],
    ['https://outlook.office.com/mail/shared@fleetwise.io/inbox/id/AAQkADFkZWM5NjQ3', 'record AAQkADFkZWM5NjQ3'],
    ['https://outlook.office.com/mail/deeplink/read/AAMkADFkZWM5NjQ3?ItemID=x', 'record AAMkADFkZWM5NjQ3'],
    ['https://outlook.office.com/mail/inbox', 'inbox'],
    ['https://outlook.office.com/mail/0/', 'inbox'],
    ['https://outlook.office.com/calendar/view/week', 'inbox'],
  ])('%s → %s', (url, what) => {
    expect(shown(outlook, page([{ from: BUYER, to: [REP], body: 'Hi' }]), url)).toBe(what);
  });

  test('calendar, people and lookalike hosts are not Outlook mail', () => {
    expect(outlook.matches(new URL('https://outlook.office.com/calendar/view/week'))).toBe(false);
    expect(outlook.matches(new URL('https://outlook.live.com/people/'))).toBe(false);
    expect(outlook.matches(new URL('https://outlook.office.com.evil.example/mail/'))).toBe(false);
    expect(outlook.matches(new URL('https://outlook.office.com/mail/'))).toBe(true);
  });

  test('a list view is not a thread', () => {
    const doc = page([{ from: BUYER, to: [REP], body: 'Hi' }]);
    const list = new URL('https://outlook.office.com/mail/inbox');
    expect(outlook.read(doc, list)).toBeNull();
    expect(missingOn(outlook, doc, list)).toEqual({ kind: 'inbox', facts: [] });
  });

  test('a message still loading is unreadable', () => {
    const doc = new DOMParser().parseFromString('<html><body><div role="main"><div id="ReadingPaneContainerId"></div></div></body></html>', 'text/html');
    expect(outlook.read(doc, THREAD)).toBeNull();
    expect(missingOn(outlook, doc, THREAD)).toEqual({ kind: 'loading', facts: [] });
  });

  test('observeRoot is the reading pane container', () => {
    expect(outlook.observeRoot?.(page([{ from: BUYER, body: 'x' }]))?.id).toBe('ReadingPaneContainerId');
  });
});

test('text keeps the newest messages when over the cap', () => {
  const doc = page([
    { from: BUYER, to: [REP], body: 'old '.repeat(4_000) },
    { from: BUYER, to: [REP], body: 'mid '.repeat(3_000) },
    { from: BUYER, to: [REP], body: 'newest words' },
  ]);
  const text = outlook.read(doc, THREAD)?.text ?? '';
  expect(text.length).toBeLessThanOrEqual(20_000);
  expect(text.endsWith('newest words')).toBe(true);
  expect(text).not.toContain('old');
});

test('broken markup never throws', () => {
  const doc = new DOMParser().parseFromString(
    '<div role="main"><div data-app-section="ConversationContainer"><div role="heading" aria-level="2" id="x_SUBJECT">x<div id="a_FROM">&lt;not-an-address&gt;<div id="UniqueMessageBody" role="document"><div id="x_divRplyFwdMsg"><hr tabindex="-1"><table><td>From: x',
    'text/html',
  );
  expect(() => outlook.read(doc, THREAD)).not.toThrow();
  expect(() => outlook.describeMissing(doc, THREAD)).not.toThrow();
  expect(outlook.read(doc, THREAD)).toBeNull();
  const broken = { querySelector: () => { throw new Error('boom'); }, querySelectorAll: () => { throw new Error('boom'); }, title: '' } as unknown as Document;
  expect(outlook.read(broken, THREAD)).toBeNull();
  expect(missingOn(outlook, broken, THREAD)).toMatchObject({ kind: 'loading' });
});

// How long a read takes is measured in Chromium by `npm run bench`, not asserted here.
test('a 10,000-element page is read whole', () => {
  const messages: Msg[] = Array.from({ length: 12 }, (_, i) => ({ from: i % 2 ? REP : BUYER, to: [i % 2 ? BUYER : REP], body: `<div>Message ${i}</div>`.repeat(20) }));
  const doc = page(messages);
  const filler = Array.from({ length: 2_000 }, (_, i) => `<div role="option"><span>${i}</span><a href="#">x</a><i></i><b></b></div>`).join('');
  doc.body.insertAdjacentHTML('afterbegin', `<div class="list">${filler}</div>`);
  expect(doc.getElementsByTagName('*').length).toBeGreaterThan(10_000);
  const snapshot = outlook.read(doc, THREAD);
  expect(snapshot?.company).toEqual({ domain: 'acme-tools.com' });
  expect(snapshot?.people).toEqual([{ email: 'ana@acme-tools.com', name: 'Ana Buyer' }]);
  // Building a 10,000-element page in happy-dom is slow on a busy machine: a generous timeout, no timing asserted.
}, 30_000);
