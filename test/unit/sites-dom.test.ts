// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { blockText, queryEach } from '../../lib/sites/dom';

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

describe('blockText on runs of breaks (issue 14: 8,000 nested blocks, 20,000 <br>)', () => {
  test('blank lines collapse to one, and blank text between breaks keeps its line breaks', () => {
    const el = document.createElement('div');
    el.innerHTML = `<p>Hello</p>${'<div>'.repeat(300)}<div>  </div>${'</div>'.repeat(300)}${'<br>'.repeat(500)}Kind regards<br>\n<span>Anna</span><br>\u200b \n<b>Nowak</b>`;
    expect(blockText(el)).toBe('Hello\n\nKind regards\n\nAnna\n\nNowak');
  });
});
