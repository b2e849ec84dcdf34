// The Learn page's first frame, kept between visits. The page's code (Dexie, Preact, the signals,
// the i18n runtime, the scheduler: about 60 KB gzip) takes longer to load than the whole 100 ms
// budget on a slow machine, so the page's entry script is this module alone: it rebuilds the
// cards view as the page last drew it for a fresh open (the first card, question side, the list,
// the counts), from data in localStorage, then loads the page. The page renders over the same
// nodes (Preact reuses DOM it finds in the container), so nothing flashes; it keeps the frame up
// to date while it is open (keep-frame.tsx). No imports: this is the entry chunk.
//
// Text is set as text nodes and attributes one by one, from a short list of tags and attribute
// names; anything else in the store (another format, a hand edit) and the page simply loads.

/** An element as [tag, attributes, children], or a text node as its text. */
export type FrameNode = string | [tag: string, attributes: Record<string, string>, children: FrameNode[]];

export interface FirstFrame {
  format: number;
  /** The extension's version: a frame drawn by other code is not shown. */
  build: string;
  /** The local day the counts ("due today") were counted for, [since, until] in ms. */
  since: number;
  until: number;
  /** The page's language and title when it was drawn. */
  lang: string;
  title: string;
  /** The playbook's SHA-256 it was drawn from (to tell, when the page has read the playbook, whether it was stale). */
  playbook: string;
  /** The children of #app. */
  nodes: FrameNode[];
  /** What "due today" says on a later day (a frame kept yesterday is counted again for today). */
  due?: FrameDue;
}

/** Enough to count "due today" again on a later day, without the page's code. */
export interface FrameDue {
  /** When each card studied (and not changed since) comes due, in ms. */
  at: number[];
  /** Cards the team changed since they were studied: due every day until studied again. */
  changed: number;
  /** The "due today" line for 0, 1, 2… reviews, in the frame's language. */
  texts: string[];
}

export const FRAME_KEY = 'playcard.learn.frame';
/** Bump when the page's markup changes in a way that must not be reused. */
export const FRAME_FORMAT = 1;

/** The tags the cards view uses; a frame with any other is not drawn. */
const TAGS = new Set(['div', 'header', 'nav', 'main', 'article', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'strong', 'em', 'small', 'kbd', 'q', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'label', 'input', 'button']);
const ATTRIBUTE = /^(?:class|id|type|role|tabindex|placeholder|title|lang|dir|aria-[a-z]+|data-[a-z][a-z-]*)$/;

/** The extension's version where there is one (an extension page), else '' (tests). */
export function buildVersion(): string {
  const runtime = (globalThis as { chrome?: { runtime?: { getManifest?: () => { version?: string } } } }).chrome?.runtime;
  try {
    return runtime?.getManifest?.().version ?? '';
  } catch {
    return '';
  }
}

const DAY = 86_400_000;

/** The node whose data-testid is `id`, depth first. */
function findNode(nodes: FrameNode[], id: string): [string, Record<string, string>, FrameNode[]] | undefined {
  for (const node of nodes) {
    if (typeof node === 'string' || !Array.isArray(node)) continue;
    if (node[1]?.['data-testid'] === id) return node;
    const inside = Array.isArray(node[2]) ? findNode(node[2], id) : undefined;
    if (inside) return inside;
  }
  return undefined;
}

/**
 * The frame for a later day than it was kept on: "due today" counted again for the day that
 * contains `now` (the same local day boundaries), or undefined when the frame cannot say.
 */
function forLaterDay(frame: FirstFrame, now: number): FirstFrame | undefined {
  const due = frame.due;
  if (!due || !Array.isArray(due.at) || !Array.isArray(due.texts) || typeof due.changed !== 'number') return undefined;
  const days = Math.ceil((now - frame.until) / DAY);
  const until = frame.until + days * DAY;
  const count = due.changed + due.at.filter((at) => typeof at === 'number' && at <= until).length;
  const text = due.texts[count];
  const line = findNode(frame.nodes, 'due-today');
  if (typeof text !== 'string' || !line) return undefined;
  line[1] = { ...line[1], 'data-count': String(count) };
  line[2] = [text];
  return { ...frame, since: until - DAY + 1, until };
}

/** The frame in the store if it can be shown now: same format and build, kept today (or on an earlier day, counted again for today). */
export function usableFrame(store: Pick<Storage, 'getItem'>, now: number, build: string): FirstFrame | undefined {
  let frame: Partial<FirstFrame> | null;
  try {
    frame = JSON.parse(store.getItem(FRAME_KEY) ?? 'null') as Partial<FirstFrame> | null;
  } catch {
    return undefined;
  }
  if (!frame || typeof frame !== 'object' || frame.format !== FRAME_FORMAT || frame.build !== build) return undefined;
  if (typeof frame.since !== 'number' || typeof frame.until !== 'number' || now < frame.since) return undefined;
  if (typeof frame.lang !== 'string' || typeof frame.title !== 'string' || !Array.isArray(frame.nodes)) return undefined;
  return now > frame.until ? forLaterDay(frame as FirstFrame, now) : (frame as FirstFrame);
}

function build(node: FrameNode, doc: Document): Node | undefined {
  if (typeof node === 'string') return doc.createTextNode(node);
  if (!Array.isArray(node) || node.length !== 3) return undefined;
  const [tag, attributes, children] = node;
  if (!TAGS.has(tag) || typeof attributes !== 'object' || attributes === null || !Array.isArray(children)) return undefined;
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE.test(name) || typeof value !== 'string') return undefined;
    element.setAttribute(name, value);
  }
  for (const child of children) {
    const built = build(child, doc);
    if (!built) return undefined;
    element.append(built);
  }
  return element;
}

/** Draws the stored frame into `container` (all at once) and says whether it did. */
export function drawFirstFrame(container: HTMLElement, frame: FirstFrame): boolean {
  const doc = container.ownerDocument;
  const fragment = doc.createDocumentFragment();
  for (const node of frame.nodes) {
    const built = build(node, doc);
    if (!built) return false;
    fragment.append(built);
  }
  container.replaceChildren(fragment);
  doc.title = frame.title;
  doc.documentElement.lang = frame.lang;
  return true;
}

/** A node as frame data (the inverse of drawing it): elements with their attributes, text as text. */
function frameNodeOf(node: Node): FrameNode | undefined {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType !== 1) return undefined;
  const element = node as Element;
  const attributes: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes)) attributes[attribute.name] = attribute.value;
  const children: FrameNode[] = [];
  for (const child of Array.from(element.childNodes)) {
    const data = frameNodeOf(child);
    if (data !== undefined) children.push(data);
  }
  return [element.localName, attributes, children];
}

/** What the page needs to keep the frame, beyond the nodes: when it was drawn and in which language. */
export type FrameMeta = Omit<FirstFrame, 'format' | 'build' | 'nodes'>;

/**
 * Stores `root`'s children as the next open's first frame, unless the store already holds the
 * same; says whether it wrote. The page gets this from the entry script (main.tsx) rather than
 * importing it, so this module stays in the entry chunk alone.
 */
export function saveFrame(store: Pick<Storage, 'getItem' | 'setItem'>, build: string, root: Node, meta: FrameMeta): boolean {
  const nodes = Array.from(root.childNodes)
    .map(frameNodeOf)
    .filter((node): node is FrameNode => node !== undefined);
  const text = JSON.stringify({ format: FRAME_FORMAT, build, ...meta, nodes } satisfies FirstFrame);
  try {
    if (store.getItem(FRAME_KEY) === text) return false;
    store.setItem(FRAME_KEY, text);
    return true;
  } catch {
    // Full or disabled: the next open loads without it.
    return false;
  }
}

/**
 * Resolves once the frame just drawn has been painted: after the next animation frame, in the
 * task after it. Loading the page's code starts with a synchronous step (the bundler's helper
 * adds a preload link per chunk: 5–10 ms here) that would otherwise hold back that first paint.
 * A hidden tab runs no animation frames, so `fallbackMs` resolves it anyway.
 */
export function afterNextPaint(win: Pick<Window, 'requestAnimationFrame' | 'setTimeout'> = window, fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    win.requestAnimationFrame(() => win.setTimeout(resolve, 0));
    win.setTimeout(resolve, fallbackMs);
  });
}

/** saveFrame with its store and build given: what main.tsx hands the page. */
export type SaveFrame = (root: Node, meta: FrameMeta) => boolean;

/**
 * Until the page's code has loaded, what the rep does on the drawn frame is noted: keys (Space
 * flips, 1-4 grade, arrows browse) and clicks (a tab, a card in the list, Flip). `around(render)`
 * renders the page, then replays them on the same nodes, which the page now handles; a click on
 * a node the page replaced (the frame was stale) is dropped with it. Text typed into the search
 * field is kept.
 */
export function holdInput(doc: Document) {
  const held: Event[] = [];
  const note = (event: Event) => {
    const target = event.target as Element | null;
    // Typing in the search field goes in as usual (its text is kept, below).
    if (event.type === 'keydown' && target?.closest?.('input, textarea, select')) return;
    // The page ignores keys with a modifier (Ctrl+P prints); replayed without it, one would act.
    const { altKey, ctrlKey, metaKey } = event as KeyboardEvent;
    if (altKey || ctrlKey || metaKey) return;
    held.push(event);
  };
  doc.addEventListener('keydown', note, true);
  doc.addEventListener('click', note, true);
  return {
    around(render: () => void) {
      doc.removeEventListener('keydown', note, true);
      doc.removeEventListener('click', note, true);
      const search = doc.querySelector<HTMLInputElement>('input[type="search"]');
      const typed = search?.value ?? '';
      render();
      const field = doc.querySelector<HTMLInputElement>('input[type="search"]');
      if (typed && field && !field.value) {
        field.value = typed;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
      for (const event of held) {
        const target = event.target as HTMLElement | null;
        if (!target?.isConnected) continue;
        if (event.type === 'click') target.click();
        else {
          const key = event as KeyboardEvent;
          target.dispatchEvent(new KeyboardEvent('keydown', { key: key.key, code: key.code, shiftKey: key.shiftKey, bubbles: true, cancelable: true }));
        }
      }
    },
  };
}
