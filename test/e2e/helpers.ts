import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/lib/browser';
import { FIXTURES_DIR, loadFixture, type FixturePage } from '../../scripts/lib/fixtures';

/** Fixture pages of a site that are company records or threads (expected is not null). */
export function companyPages(site: string): FixturePage[] {
  return readdirSync(`${FIXTURES_DIR}${site}`)
    .filter((file) => file.endsWith('.expected.json'))
    .map((file) => loadFixture(`${site}/${file.replace(/\.expected\.json$/, '')}`))
    .filter((page) => page.expected !== null);
}

export function expectedName(page: FixturePage): string {
  const company = (page.expected?.company ?? {}) as { name?: string; domain?: string };
  return company.name ?? company.domain ?? '';
}

/**
 * Waits until the panel shows `name`'s whole card: the cards below "For this call" come a frame
 * after its top (components/after-first-paint.tsx), all in one render, the segment card first.
 */
export async function cardFor(panel: Page, name: string): Promise<void> {
  await panel.waitForFunction(
    (wanted) => document.querySelector('[data-testid="account-name"]')?.textContent === wanted && document.querySelector('[data-testid="segment"]') !== null,
    name,
    { timeout: 15_000 },
  );
}

export async function openSite(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Replaces the page's content the way a CRM's router does: pushState, then the
 * next record rendered into the same <body> (its children replaced, as React or
 * Angular roots do), no reload. The path is the other fixture's, on the current
 * page's host.
 */
export async function spaNavigate(page: Page, to: FixturePage): Promise<void> {
  const target = new URL(to.url);
  await page.evaluate(
    ([path, html]) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      history.pushState({}, '', path);
      document.title = next.title;
      for (const name of document.body.getAttributeNames()) document.body.removeAttribute(name);
      for (const attribute of Array.from(next.body.attributes)) document.body.setAttribute(attribute.name, attribute.value);
      document.body.replaceChildren(...Array.from(next.body.childNodes).map((node) => document.adoptNode(node)));
    },
    [target.pathname + target.search + target.hash, to.html] as const,
  );
}

