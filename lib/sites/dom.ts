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

/**
 * Open shadow roots under `root`, nested ones included (LWC native shadow, web
 * components). Closed roots are out of reach by design. Visits at most `limit`
 * elements, so a 10,000-element page costs one pass over its elements.
 */
export function openShadowRoots(root: ParentNode, limit = 20_000): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const queue: ParentNode[] = [root];
  let visited = 0;
  for (let i = 0; i < queue.length && visited < limit; i++) {
    const elements = queue[i]!.querySelectorAll('*');
    for (let j = 0; j < elements.length && visited < limit; j++, visited++) {
      const shadow = elements[j]!.shadowRoot;
      if (shadow) {
        found.push(shadow);
        queue.push(shadow);
      }
    }
  }
  return found;
}

/**
 * `querySelector` that also looks inside open shadow roots. A selector matches
 * within one tree (light DOM or one shadow root), never across a boundary.
 * Pass `roots` (from `openShadowRoots`) when querying the same root many times.
 */
export function queryDeep(root: ParentNode, selector: string, roots?: readonly ShadowRoot[]): Element | null {
  try {
    const light = root.querySelector(selector);
    if (light) return light;
    for (const shadow of roots ?? openShadowRoots(root)) {
      const found = shadow.querySelector(selector);
      if (found) return found;
    }
  } catch {
    // An invalid selector finds nothing.
  }
  return null;
}

/** Every element matching `selector` in `root` and its open shadow roots: light DOM first, then each root. */
export function queryAllDeep(root: ParentNode, selector: string, roots?: readonly ShadowRoot[]): Element[] {
  try {
    const found = Array.from(root.querySelectorAll(selector));
    for (const shadow of roots ?? openShadowRoots(root)) found.push(...Array.from(shadow.querySelectorAll(selector)));
    return found;
  } catch {
    return [];
  }
}
