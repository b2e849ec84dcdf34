// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { queryEach } from '../../lib/sites/dom';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

const ids = (elements: Element[]) => elements.map((el) => el.id);

test('queryEach finds what the selector list finds: each element once, in document order', () => {
  const doc = page(
    '<div id="a" class="tabContent"><section id="b" class="oneWorkspace tabContent"></section></div>' +
      '<div id="c" class="windowViewMode-normal"></div><p id="d" class="other"></p><div id="e" class="oneWorkspace"></div>',
  );
  const selectors = ['.oneWorkspace', '.tabContent', '.windowViewMode-normal'];
  // b matches two selectors; the order is the page's, not the selectors'.
  expect(ids(queryEach(doc, selectors))).toEqual(['a', 'b', 'c', 'e']);
  expect(ids(queryEach(doc, selectors))).toEqual(ids(Array.from(doc.querySelectorAll(selectors.join(', ')))));
  expect(queryEach(doc, ['.none', 'article'])).toEqual([]);
});

test('queryEach searches only under its root', () => {
  const doc = page('<div id="out" class="x"></div><main id="root"><span id="in" class="x"></span></main>');
  expect(ids(queryEach(doc.getElementById('root')!, ['.x', 'span']))).toEqual(['in']);
});

test('queryEach throws on an invalid selector, as querySelectorAll does', () => {
  expect(() => queryEach(page('<p></p>'), ['p', 'p[['])).toThrow();
});
