// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { watchPage } from '../../lib/page-watch';

type Report = { status: 'ok'; name: string } | { status: 'unreadable' };

let reads = 0;
function readTitle(): Report {
  reads++;
  const name = document.querySelector('h1')?.textContent;
  return name ? { status: 'ok', name } : { status: 'unreadable' };
}

let controller: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

function start(sent: Report[], extra: { scope?: () => Node | null } = {}) {
  return watchPage<Report>({
    ...extra,
    root: () => document.body,
    inspect: readTitle,
    isFound: (r) => r.status === 'ok',
    send: (r) => sent.push(r),
    signal: controller.signal,
    quietMs: 50,
    settleMs: 1000,
    staleDomMs: 300,
  });
}

function render(name: string) {
  const h1 = document.createElement('h1');
  h1.textContent = name;
  document.body.replaceChildren(h1);
}

test('a record that renders late is reported once it appears, without reporting "unreadable" first', async () => {
  const sent: Report[] = [];
  start(sent);
  expect(sent).toEqual([]);
  render('Acme');
  await vi.advanceTimersByTimeAsync(60);
  expect(sent).toEqual([{ status: 'ok', name: 'Acme' }]);
});

test('a page that never shows a record is reported as unreadable once it settles', async () => {
  const sent: Report[] = [];
  start(sent);
  await vi.advanceTimersByTimeAsync(1000);
  expect(sent).toEqual([{ status: 'unreadable' }]);
});

test('after an SPA navigation the old record is not re-reported; the new one is, once', async () => {
  render('Acme');
  const sent: Report[] = [];
  const watch = start(sent);
  expect(sent).toEqual([{ status: 'ok', name: 'Acme' }]);
  watch.navigated();
  await vi.advanceTimersByTimeAsync(100);
  expect(sent).toHaveLength(1);
  render('Globex');
  await vi.advanceTimersByTimeAsync(60);
  render('Globex');
  await vi.advanceTimersByTimeAsync(60);
  expect(sent).toEqual([{ status: 'ok', name: 'Acme' }, { status: 'ok', name: 'Globex' }]);
});

test('once settled, nothing observes the page and an abort stops everything', async () => {
  render('Acme');
  const sent: Report[] = [];
  const watch = start(sent);
  await vi.advanceTimersByTimeAsync(1100);
  render('Changed without navigation');
  await vi.advanceTimersByTimeAsync(200);
  expect(sent).toEqual([{ status: 'ok', name: 'Acme' }]);
  controller.abort();
  watch.navigated();
  render('After abort');
  await vi.advanceTimersByTimeAsync(2000);
  expect(sent).toHaveLength(1);
});

test('readNow reports even when nothing changed (the panel asked)', () => {
  render('Acme');
  const sent: Report[] = [];
  const watch = start(sent);
  watch.readNow();
  expect(sent).toEqual([{ status: 'ok', name: 'Acme' }, { status: 'ok', name: 'Acme' }]);
});

test('readNow on a page still rendering does not report "unreadable" early', async () => {
  const sent: Report[] = [];
  const watch = start(sent);
  watch.readNow();
  expect(sent).toEqual([]);
  await vi.advanceTimersByTimeAsync(1000);
  expect(sent).toEqual([{ status: 'unreadable' }]);
  watch.readNow();
  expect(sent).toEqual([{ status: 'unreadable' }, { status: 'unreadable' }]);
});

test('a router that renders before the navigation is handled is reported at once, without waiting for the page to settle', () => {
  render('Acme');
  const sent: Report[] = [];
  const watch = start(sent);
  render('Globex');
  watch.navigated();
  expect(sent).toEqual([{ status: 'ok', name: 'Acme' }, { status: 'ok', name: 'Globex' }]);
});

test('a record container replaced by the router is still watched: changes outside the new one are ignored once it is there', async () => {
  const container = () => document.querySelector('main');
  const page = (name: string) => {
    const main = document.createElement('main');
    const h1 = document.createElement('h1');
    h1.textContent = name;
    main.append(h1);
    const aside = document.createElement('aside');
    document.body.replaceChildren(main, aside);
  };
  page('Acme');
  const sent: Report[] = [];
  const watch = start(sent, { scope: container });
  watch.navigated();
  page('Globex');
  await vi.advanceTimersByTimeAsync(60);
  expect(sent.at(-1)).toEqual({ status: 'ok', name: 'Globex' });
  const readsBefore = reads;
  document.querySelector('aside')!.textContent = 'chat widget ticking';
  await vi.advanceTimersByTimeAsync(60);
  expect(reads).toBe(readsBefore);
  document.querySelector('h1')!.textContent = 'Globex Ltd';
  await vi.advanceTimersByTimeAsync(60);
  expect(reads).toBe(readsBefore + 1);
  expect(sent.at(-1)).toEqual({ status: 'ok', name: 'Globex Ltd' });
});

test('a record with a live feed inside is not re-read on every quiet moment once nothing new comes out of it', async () => {
  render('Acme');
  const feed = document.createElement('ul');
  document.body.append(feed);
  const sent: Report[] = [];
  start(sent);
  const readsAtStart = reads;
  // Ten updates a second with 100 ms gaps, each longer than the 50 ms quiet time, for 900 ms.
  for (let i = 0; i < 9; i++) {
    feed.append(document.createElement('li'));
    await vi.advanceTimersByTimeAsync(100);
  }
  expect(reads - readsAtStart).toBeLessThanOrEqual(2);
  expect(sent).toEqual([{ status: 'ok', name: 'Acme' }]);
  // A real change still comes through, at the latest when the page settles.
  document.querySelector('h1')!.textContent = 'Acme Holdings';
  await vi.advanceTimersByTimeAsync(1000);
  expect(sent.at(-1)).toEqual({ status: 'ok', name: 'Acme Holdings' });
});
