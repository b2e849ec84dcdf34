// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { gmail } from '../../lib/sites/gmail';
import { missingOn, shown } from './sites-helpers';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy';

interface Msg {
  from: [string, string];
  to?: Array<[string, string]>;
  body?: string;
}

function page(messages: Msg[], title = 'Re: Offer - rep@fleetwise.io - Mail'): Document {
  const html = `<!DOCTYPE html><html><head><title>${title}</title></head><body><div role="main">
    <h2 class="hP">Re: Offer</h2>
    ${messages
      .map(
        (m) => `<div class="adn ads"><h3 class="iw"><span class="gD" email="${m.from[0]}" name="${m.from[1]}">${m.from[1]}</span></h3>
        <span class="hb">${(m.to ?? []).map(([email, name]) => `<span class="g2" email="${email}" name="${name}">${name}</span>`).join(', ')}</span>
        ${m.body === undefined ? '' : `<div class="a3s aiL">${m.body}</div>`}</div>`,
      )
      .join('\n')}
  </div></body></html>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

const REP: [string, string] = ['rep@fleetwise.io', 'Rita Rep'];

describe('quoted history is removed', () => {
  test.each([
    ['Gmail quote block', 'We need it by May.<div class="gmail_quote"><div class="gmail_attr">On Mon, Mar 3, 2025 at 10:00 AM Rita Rep &lt;rep@fleetwise.io&gt; wrote:</div><blockquote>OLD TEXT</blockquote></div>'],
    ['plain-text quote', 'We need it by May.<br><br>On Mon, 3 Mar 2025 at 10:00, Rita Rep &lt;rep@fleetwise.io&gt; wrote:<br>&gt; OLD TEXT'],
    ['"> " lines only', 'We need it by May.<br>&gt; OLD TEXT<br>&gt; more OLD TEXT'],
    ['Polish header', 'We need it by May.<br>W dniu pon., 3 mar 2025 o 10:00 Rita Rep &lt;rep@fleetwise.io&gt; napisał(a):<br>OLD TEXT'],
    ['Russian header', 'We need it by May.<br>пн, 3 мар. 2025 г. в 10:00, Rita Rep &lt;rep@fleetwise.io&gt;:<br>OLD TEXT'],
    ['Italian header', 'We need it by May.<br>Il giorno lun 3 mar 2025 alle ore 10:00 Rita Rep &lt;rep@fleetwise.io&gt; ha scritto:<br>OLD TEXT'],
    ['Outlook original message', 'We need it by May.<br>-----Original Message-----<br>From: Rita Rep &lt;rep@fleetwise.io&gt;<br>OLD TEXT'],
    ['Outlook header block', 'We need it by May.<br><br>From: Rita Rep &lt;rep@fleetwise.io&gt;<br>Sent: Monday, March 3, 2025<br>OLD TEXT'],
    ['bare blockquote', 'We need it by May.<blockquote type="cite">OLD TEXT</blockquote>'],
  ])('%s', (_name, body) => {
    const snap = gmail.read(page([{ from: ['ana@acme-tools.com', 'Ana Buyer'], to: [REP], body }]), new URL(THREAD));
    expect(snap?.text).toBe('We need it by May.');
  });

  test('the signature is not part of the text but gives the company and title', () => {
    const body = 'Please send references.<div class="gmail_signature">Ana Buyer<br>Procurement Lead<br>Acme Tools S.A.<br>+40 21 555 0101</div>';
    const snap = gmail.read(page([{ from: ['ana@acme-tools.ro', 'Ana Buyer'], to: [REP], body }]), new URL(THREAD));
    expect(snap).toMatchObject({
      company: { name: 'Acme Tools S.A.', domain: 'acme-tools.ro' },
      people: [{ name: 'Ana Buyer', email: 'ana@acme-tools.ro', title: 'Procurement Lead' }],
      text: 'Please send references.',
    });
  });

  test('a plain-text signature after "-- " is dropped', () => {
    const snap = gmail.read(page([{ from: ['ana@acme-tools.com', 'Ana'], to: [REP], body: 'Call me.<br>-- <br>Ana<br>ООО «Акме»' }]), new URL(THREAD));
    expect(snap?.text).toBe('Call me.');
    expect(snap?.company.name).toBe('ООО «Акме»');
  });
});

describe('participants', () => {
  test('free-mail senders give no domain; the display name stands for the account', () => {
    const doc = page([{ from: ['ivan.petrov77@mail.ru', 'Иван Петров'], to: [REP], body: 'Сравниваем три предложения.' }]);
    const snap = gmail.read(doc, new URL(THREAD));
    expect(snap?.company).toEqual({ name: 'Иван Петров' });
    expect(snap?.people).toEqual([{ name: 'Иван Петров', email: 'ivan.petrov77@mail.ru' }]);
    expect(gmail.describeMissing(doc, new URL(THREAD))).toEqual({ kind: 'record', facts: ['domain'] });
  });

  test('a company participant wins over a free-mail sender', () => {
    const doc = page([
      { from: ['t.nowak@gmail.com', 'T Nowak'], to: [REP, ['k@kowalski-meble.pl', 'K']], body: 'Prosimy o ofertę.' },
      { from: REP, to: [['t.nowak@gmail.com', 'T Nowak'], ['k@kowalski-meble.pl', 'K']], body: 'Oferta w załączniku.' },
    ]);
    const snap = gmail.read(doc, new URL(THREAD));
    expect(snap?.company.domain).toBe('kowalski-meble.pl');
    expect(snap?.text).toBe('Prosimy o ofertę.');
  });

  test("the user's colleagues are not the company", () => {
    const doc = page([
      { from: ['boss@fleetwise.io', 'Boss'], to: [REP, ['cto@buyer-corp.com', 'CTO']], body: 'Looping in our CTO.' },
      { from: ['cto@buyer-corp.com', 'CTO'], to: [REP], body: 'Happy to talk.' },
    ]);
    expect(gmail.read(doc, new URL(THREAD))?.company.domain).toBe('buyer-corp.com');
  });

  test('without the user in the title, the account button says who the user is', () => {
    const doc = page([{ from: ['cto@buyer-corp.com', 'CTO'], to: [REP], body: 'Hi' }], 'Re: Offer - Mail');
    doc.body.insertAdjacentHTML('afterbegin', '<a aria-label="Google Account: Rita Rep (rep@fleetwise.io)" href="#">R</a>');
    const snap = gmail.read(doc, new URL(THREAD));
    expect(snap?.company.domain).toBe('buyer-corp.com');
    expect(snap?.people?.map((p) => p.email)).toEqual(['cto@buyer-corp.com']);
  });

  test('with no hint at all, the address in most messages is taken for the user', () => {
    const doc = page(
      [
        { from: ['cto@buyer-corp.com', 'CTO'], to: [REP], body: 'One' },
        { from: REP, to: [['cto@buyer-corp.com', 'CTO']], body: 'Two' },
        { from: ['cto@buyer-corp.com', 'CTO'], to: [REP], body: 'Three' },
      ],
      'Re: Offer',
    );
    // Both appear three times: the tie goes to whoever the DOM lists first, so only check no crash and a sane company.
    const snap = gmail.read(doc, new URL(THREAD));
    expect(snap).not.toBeNull();
  });

  test('an internal thread has no company', () => {
    const doc = page([{ from: ['boss@fleetwise.io', 'Boss'], to: [REP], body: 'Lunch?' }]);
    expect(gmail.read(doc, new URL(THREAD))).toBeNull();
    expect(missingOn(gmail, doc, THREAD)).toEqual({ kind: 'internal', facts: [] });
  });

  test('collapsed messages count as participants but give no text', () => {
    const doc = page([{ from: ['cto@buyer-corp.com', 'CTO'], to: [REP] }]);
    const snap = gmail.read(doc, new URL(THREAD));
    expect(snap?.company.domain).toBe('buyer-corp.com');
    expect(snap?.text).toBeUndefined();
  });
});

describe('urls', () => {
  test.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy', 'record FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy'],
    ['https://mail.google.com/mail/u/2/#label/Clients%2FHot/FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy', 'record FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy'],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy?compose=new', 'record FMfcgzQXKhwjZqPrWcTbLmNvBdJsRtXy'],
    ['https://mail.google.com/mail/u/0/#inbox', 'inbox'],
    ['https://mail.google.com/mail/u/0/#inbox/p3', 'inbox'],
    ['https://mail.google.com/mail/u/0/#search/references', 'inbox'],
    ['https://mail.google.com/chat/u/0/#chat/home', 'inbox'],
  ])('%s → %s', (url, what) => {
    expect(shown(gmail, page([{ from: ['ana@acme-tools.com', 'Ana Buyer'], to: [REP], body: 'Hi' }]), url)).toBe(what);
  });

  test('Google Chat and Calendar are not Gmail', () => {
    expect(gmail.matches(new URL('https://mail.google.com/chat/u/0/'))).toBe(false);
    expect(gmail.matches(new URL('https://calendar.google.com/calendar/u/0/r'))).toBe(false);
  });
});

test('text keeps the newest messages when over the cap', () => {
  const old = 'old '.repeat(4_000);
  const mid = 'mid '.repeat(3_000);
  const doc = page([
    { from: ['cto@buyer-corp.com', 'CTO'], to: [REP], body: old },
    { from: ['cto@buyer-corp.com', 'CTO'], to: [REP], body: mid },
    { from: ['cto@buyer-corp.com', 'CTO'], to: [REP], body: 'newest words' },
  ]);
  const text = gmail.read(doc, new URL(THREAD))?.text ?? '';
  expect(text.length).toBeLessThanOrEqual(20_000);
  expect(text.endsWith('newest words')).toBe(true);
  expect(text).toContain('mid');
  expect(text).not.toContain('old');
});

test('broken markup does not throw', () => {
  const doc = new DOMParser().parseFromString(
    '<div role="main"><h2 class="hP">x<div class="adn"><span class="gD" email="not-an-address" name="<b>">a<div class="a3s"><blockquote><blockquote><table><td>On x wrote:',
    'text/html',
  );
  expect(() => gmail.read(doc, new URL(THREAD))).not.toThrow();
  expect(() => gmail.describeMissing(doc, new URL(THREAD))).not.toThrow();
  expect(gmail.read(doc, new URL(THREAD))).toBeNull();
});
