/**
 * Small DOM helpers shared by the adapters. Kept free of `window` globals so
 * they work on any Document (the page's, or one parsed in a test).
 */
import { cleanText } from './normalise';

/** The first element matching any selector, tried in order (most trusted first). */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // An unsupported selector in one engine must not hide the others.
    }
  }
  return null;
}

/** Every element matching any of the selectors, in the order of the first selector that matches. */
export function all(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    try {
      const found = root.querySelectorAll(selector);
      if (found.length) return Array.from(found);
    } catch {
      // As in `first`.
    }
  }
  return [];
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);

/**
 * Text of an element with line breaks where blocks and `<br>`s are, without
 * layout (innerText forces one, and happy-dom has none). Lines are trimmed,
 * runs of blank lines collapse to one.
 */
export function blockText(root: Node, limit = 40_000): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    if (length > limit) return;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      parts.push(text);
      length += text.length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const tag = (node as Element).tagName;
    if (tag && SKIP.has(tag)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = tag !== undefined && BLOCK.has(tag);
    if (block) parts.push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => cleanText(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One-line text of an element; for form controls, their value. */
export function valueText(el: Element | null | undefined): string {
  if (!el) return '';
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return cleanText((el as HTMLInputElement).value || el.getAttribute('value'));
  if (tag === 'SELECT') {
    const select = el as HTMLSelectElement;
    const option = select.selectedOptions?.[0] ?? select.querySelector('option[selected]');
    return cleanText(option?.textContent);
  }
  return cleanText(blockText(el).replace(/\n+/g, ' '));
}

/** Placeholders CRMs show for an empty field. */
export function isEmptyValue(text: string): boolean {
  return !text || /^(?:-+|—|–|n\/a|none|brak|нет|—\s*—|\.\.\.|…|not set|no value|(?:nie )?ustawion\p{L}*|не указан\p{L}*)$/iu.test(text);
}
