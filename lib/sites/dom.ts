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

/**
 * Every element matching any of the selectors, once each, in document order:
 * the same elements as `querySelectorAll(selectors.join(', '))`, found one
 * selector at a time. Chromium answers a single selector through fast paths
 * but matches a selector list against every element of the tree one by one:
 * on a 10,000-element page, a list of four classes costs about as much as the
 * whole rest of a read. Throws as `querySelectorAll` does (an invalid selector).
 */
export function queryEach(root: ParentNode, selectors: readonly string[]): Element[] {
  const found: Element[] = [];
  const seen = new Set<Element>();
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      if (seen.has(el)) continue;
      seen.add(el);
      found.push(el);
    }
  }
  if (selectors.length > 1) found.sort(inDocumentOrder);
  return found;
}

/** Sorts elements as they appear in the document (a precedes b when b follows it). */
function inDocumentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  // 4: DOCUMENT_POSITION_FOLLOWING
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Text cleanText reduces to nothing: whitespace and the invisible characters it removes. */
const BLANK = /^[\s\u200b-\u200d\u2060\ufeff\u00ad]*$/;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);

/**
 * Text of an element with line breaks where blocks and `<br>`s are, without
 * layout (innerText forces one, and happy-dom has none). Lines are trimmed,
 * runs of blank lines collapse to one.
 */
export function blockText(root: Node, limit = 40_000, leave?: LeaveOut): string {
  const parts: string[] = [];
  let length = 0;
  // An explicit stack, not recursion: a page can nest 8,000 elements deep.
  // A string entry is text to emit when it is popped (a block's closing break).
  // Children are read through `childNodes` by index: sibling pointers cost a
  // scan of the parent per step in some DOMs (happy-dom), and 20,000 <br> in
  // one parent would make the walk quadratic.
  const stack: Array<Node | string> = [root];
  // Line breaks since the last visible text, at most two kept: the result collapses longer runs
  // of blank lines anyway, and 8,000 nested blocks or 20,000 <br> would otherwise make as many
  // empty lines to clean one by one. Starts at 2: leading blank lines are trimmed.
  let breaks = 2;
  const lineBreak = () => {
    if (breaks >= 2) return;
    parts.push('\n');
    breaks++;
  };
  while (stack.length && length <= limit) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      lineBreak();
      continue;
    }
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if (breaks > 0 && BLANK.test(text)) {
        // On an empty line, blank text only adds line breaks (its spaces are trimmed away).
        for (let at = text.indexOf('\n'); at >= 0 && breaks < 2; at = text.indexOf('\n', at + 1)) lineBreak();
        continue;
      }
      parts.push(text);
      length += text.length;
      breaks = 0;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) continue;
    if (leave && node !== root) {
      // Everything from the cut on, in document order, is left out: nothing after it is read.
      if (node === leave.cutAt) break;
      if (leave.skip.has(node as Element)) continue;
      // Tested as reached, not queried up front: nothing after the cut is ever matched (20,000 <br>).
      if (leave.skipMatching && node.nodeType === 1 && (node as Element).matches(leave.skipMatching)) continue;
    }
    const tag = (node as Element).tagName;
    if (tag && SKIP.has(tag)) continue;
    if (tag === 'BR') {
      lineBreak();
      continue;
    }
    const block = tag !== undefined && BLOCK.has(tag);
    if (block) {
      lineBreak();
      stack.push('\n');
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts
    .join('')
    .slice(0, limit + 1000)
    .split('\n')
    .map((line) => cleanText(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** What `blockText` leaves out: elements (with what they hold), and everything from `cutAt` on. */
export interface LeaveOut {
  skip: ReadonlySet<Element>;
  /** A selector (list) this DOM parses: elements matching it are left out too. */
  skipMatching?: string;
  cutAt?: Element;
}

/**
 * The option a `<select>` shows. Frameworks (Dynamics 365's option sets,
 * React) set the choice as a property, so a page read from its markup (a
 * saved or server-rendered page) has no `selected` attribute and the browser
 * selects the first option, a placeholder. Marked choices come first: the
 * `selected` attribute, then the select's `value` or `title` attribute naming
 * an option, then the live selection.
 */
function selectedOption(select: HTMLSelectElement): HTMLOptionElement | null {
  const options = Array.from(select.querySelectorAll('option'));
  const marked = options.find((option) => option.hasAttribute('selected'));
  if (marked) return marked;
  const value = select.getAttribute('value');
  const byValue = value !== null ? options.find((option) => option.getAttribute('value') === value) : undefined;
  if (byValue) return byValue;
  const title = cleanText(select.getAttribute('title'));
  const byTitle = title ? options.find((option) => cleanText(option.textContent) === title) : undefined;
  if (byTitle) return byTitle;
  return select.selectedOptions?.[0] ?? null;
}

/** One-line text of an element; for form controls, their value. */
export function valueText(el: Element | null | undefined): string {
  if (!el) return '';
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return cleanText((el as HTMLInputElement).value || el.getAttribute('value'));
  if (tag === 'SELECT') return cleanText(selectedOption(el as HTMLSelectElement)?.textContent);
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

/** Whether `root` or anything in it hosts a shadow root (cheap for small items: at most `limit` elements). */
export function hasShadowHost(root: ParentNode, limit = 2000): boolean {
  if ((root as Element).shadowRoot) return true;
  const elements = root.querySelectorAll('*');
  for (let i = 0; i < elements.length && i < limit; i++) if (elements[i]!.shadowRoot) return true;
  return false;
}

/**
 * `first` and `all` within one scope that also look inside open shadow roots
 * (LWC native shadow), light DOM first, and skip anything inside `exclude`
 * (dialogs over the page). A selector matches within one tree (light DOM or
 * one shadow root), never across a boundary. The scope's shadow roots are
 * found once per finder: make one per read.
 */
export class DeepFinder {
  private shadows: ShadowRoot[] | undefined;
  private readonly exclude: string;

  constructor(
    readonly scope: ParentNode,
    exclude: readonly string[] = [],
  ) {
    this.exclude = exclude.join(', ');
  }

  private roots(): ShadowRoot[] {
    this.shadows ??= openShadowRoots(this.scope);
    return this.shadows;
  }

  /**
   * Every element matching `selector` in the scope's light DOM (`deep` false) or
   * in its open shadow roots (`deep` true), excluded ones too: for a caller that
   * indexes them once and checks `accepts` only on the few it uses.
   */
  candidates(selector: string, deep: boolean): Element[] {
    try {
      if (!deep) return Array.from(this.scope.querySelectorAll(selector));
      const found: Element[] = [];
      for (const root of this.roots()) found.push(...Array.from(root.querySelectorAll(selector)));
      return found;
    } catch {
      return [];
    }
  }

  /** Whether `el` is outside the excluded parts (dialogs): what `first` and `all` return. */
  accepts(el: Element): boolean {
    return this.ok(el);
  }

  private ok = (el: Element): boolean => {
    if (!this.exclude) return true;
    try {
      return el.closest(this.exclude) === null;
    } catch {
      return true;
    }
  };

  /** The first element matching any selector (in order), light DOM before shadow roots. */
  first(selectors: readonly string[], within: ParentNode = this.scope): Element | null {
    for (const selector of selectors) {
      const found = this.query(within, selector, false)[0];
      if (found) return found;
    }
    if (within !== this.scope && !hasShadowHost(within)) return null;
    for (const selector of selectors) {
      const found = this.query(within, selector, true)[0];
      if (found) return found;
    }
    return null;
  }

  /** Elements matching the first selector that matches anything, light DOM before shadow roots. */
  all(selectors: readonly string[], within: ParentNode = this.scope): Element[] {
    for (const selector of selectors) {
      const found = this.query(within, selector, false);
      if (found.length) return found;
    }
    if (within !== this.scope && !hasShadowHost(within)) return [];
    for (const selector of selectors) {
      const found = this.query(within, selector, true);
      if (found.length) return found;
    }
    return [];
  }

  private query(within: ParentNode, selector: string, deep: boolean): Element[] {
    try {
      if (!deep) return Array.from(within.querySelectorAll(selector)).filter(this.ok);
      const roots = within === this.scope ? this.roots() : openShadowRoots(within, 2000);
      const found: Element[] = [];
      for (const root of roots) for (const el of Array.from(root.querySelectorAll(selector))) if (this.ok(el)) found.push(el);
      return found;
    } catch {
      // An invalid selector finds nothing.
      return [];
    }
  }
}

const DEEP_SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'LABEL', 'LEGEND', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IMG']);
const DEEP_BLOCKS = new Set(['DIV', 'P', 'LI', 'TR', 'DD', 'DT', 'H1', 'H2', 'H3', 'SECTION', 'ARTICLE', 'ADDRESS', 'TABLE', 'UL', 'DL']);

/**
 * Non-empty lines of text under `el`, entering open shadow roots and their
 * slots' assigned nodes, without controls, labels and elements with one of
 * `skipClasses` (assistive text). `el` itself is never skipped. Visits at most
 * `budget` nodes.
 */
export function deepLines(el: Element, skipClasses: readonly string[] = [], budget = 3000): string[] {
  const parts: string[] = [];
  let left = budget;
  const walk = (node: Node, isRoot: boolean): void => {
    if (--left < 0) return;
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType === 11) {
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child, false);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (!isRoot && (DEEP_SKIP_TAGS.has(tag) || skipClasses.some((c) => element.classList.contains(c)))) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = DEEP_BLOCKS.has(tag);
    if (block) parts.push('\n');
    if (tag === 'SLOT' && typeof (element as HTMLSlotElement).assignedNodes === 'function') {
      const assigned = (element as HTMLSlotElement).assignedNodes({ flatten: true });
      if (assigned.length) {
        for (const child of assigned) walk(child, false);
        if (block) parts.push('\n');
        return;
      }
    }
    const shadow = element.shadowRoot;
    const from: Node = shadow ?? element;
    for (let child = from.firstChild; child; child = child.nextSibling) walk(child, false);
    if (block) parts.push('\n');
  };
  walk(el, true);
  return parts
    .join('')
    .split('\n')
    .map((line) => cleanText(line))
    .filter(Boolean);
}
