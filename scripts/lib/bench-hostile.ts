/**
 * Hostile pages (issue 14, defect 1): a company fixture with one part made
 * huge, the way a sender or a page can make it. The bench loads each in
 * Chromium and reports the worst read ("worst read on hostile pages", budget
 * 50 ms); test/unit/sites-hostile.test.ts checks each still reads as its
 * fixture does.
 *
 * Generated from the fixtures rather than stored: each is 50-250 KB.
 */
import type { FixturePage } from './fixtures';

export interface HostilePage {
  /** `gmail: 50,000-character subject` */
  name: string;
  site: string;
  url: string;
  html: string;
  /** The fixture it was made from: the company read must be the same. */
  from: FixturePage;
  /** Why happy-dom cannot read it (its selector engine recurses per level): checked in Chromium only. */
  browserOnly?: string;
}

/** A token with no space: the worst case for a pattern with `+` around `@` or a trailing-run trim. */
export const HUGE = 50_000;
export const BREAKS = 20_000;
export const NESTING = 8_000;

function replaceOnce(html: string, find: string, replace: string, what: string): string {
  const at = html.indexOf(find);
  if (at < 0) throw new Error(`${what}: "${find.slice(0, 60)}" is not in the fixture`);
  return html.slice(0, at) + replace + html.slice(at + find.length);
}

function replaceAll(html: string, find: string, replace: string, what: string): string {
  if (!html.includes(find)) throw new Error(`${what}: "${find.slice(0, 60)}" is not in the fixture`);
  return html.split(find).join(replace);
}

function page(name: string, from: FixturePage, html: string): HostilePage {
  return { name, site: from.name.split('/')[0]!, url: from.url, html, from };
}

/** `load` reads a fixture by name: `loadFixture` of ./fixtures, or a test's own (under happy-dom import.meta.url is no file URL). */
export function hostilePages(load: (name: string) => FixturePage): HostilePage[] {
  const gmail = load('gmail/thread-northwind-en');
  const outlook = load('outlook/thread-alder-finch-en');
  const dynamics = load('dynamics/account-northwind');
  const generic = load('generic/suitecrm7-accounts-detailview');
  const letters = 'a'.repeat(HUGE);
  const colons = `${':'.repeat(HUGE)}x`;
  const pages: HostilePage[] = [];

  // The tab title and the thread's heading carry the subject.
  pages.push(
    page(
      `gmail: ${HUGE.toLocaleString('en')}-character subject`,
      gmail,
      replaceAll(gmail.html, 'Re: Rollout plan and guarantees', `Re: Rollout${letters}`, 'gmail subject'),
    ),
  );
  // A sender's display name, in the `name` attribute and the header text.
  pages.push(
    page(
      `gmail: ${HUGE.toLocaleString('en')}-character display name`,
      gmail,
      replaceAll(gmail.html, 'name="Marcus Lee"', `name="Marcus${letters}"`, 'gmail name'),
    ),
  );
  // Outlook's marker above a quote, then 20,000 line breaks, in the newest body.
  pages.push(
    page(
      `gmail: ${BREAKS.toLocaleString('en')} <br> after a quote marker`,
      gmail,
      replaceOnce(gmail.html, '<div class="yj6qo"></div>', `<div id="appendonsend"></div>${'<br>'.repeat(BREAKS)}<div class="yj6qo"></div>`, 'gmail breaks'),
    ),
  );
  // The newest body nested 8,000 elements deep.
  pages.push({
    ...page(
      `gmail: body nested ${NESTING.toLocaleString('en')} deep`,
      gmail,
      replaceOnce(gmail.html, '<div class="a3s aiL" id=":9d">', `<div class="a3s aiL" id=":9d">${'<div>'.repeat(NESTING)}deep${'</div>'.repeat(NESTING)}`, 'gmail nesting'),
    ),
    browserOnly: "happy-dom's querySelectorAll overflows its stack below 8,000 levels",
  });
  // A display name before "<address>" in Outlook's From line.
  pages.push(
    page(
      `outlook: ${HUGE.toLocaleString('en')}-character display name`,
      outlook,
      replaceOnce(outlook.html, 'Ravi Patel&lt;ravi.patel@alderfinch.co.uk&gt;', `Ravi${letters}&lt;ravi.patel@alderfinch.co.uk&gt;`, 'outlook name'),
    ),
  );
  // A form field whose label is a long run of colons (the trailing-colon trim's worst case).
  pages.push(
    page(
      `dynamics: ${HUGE.toLocaleString('en')}-character field label`,
      dynamics,
      replaceOnce(dynamics.html, '>Phone</label>', `>Phone${colons}</label>`, 'dynamics label'),
    ),
  );
  // The same in a page the generic reader reads, plus a 50,000-character field value.
  pages.push(
    page(
      `generic: ${HUGE.toLocaleString('en')}-character field`,
      generic,
      generic.html.replace('</body>', `<table><tr><td>Industry${colons}</td><td>${letters}@${letters}</td></tr></table><p>${letters}</p></body>`),
    ),
  );
  return pages;
}
