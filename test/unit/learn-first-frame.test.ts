// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { afterNextPaint, drawFirstFrame, FRAME_KEY, holdInput, saveFrame, usableFrame, type FirstFrame, type FrameMeta } from '../../components/learn/first-frame';

/** A Web Storage stand-in: a Map behind getItem/setItem. */
function memoryStore(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value), map };
}

const NOON = Date.UTC(2026, 11, 2, 12);
const META: FrameMeta = { since: Date.UTC(2026, 11, 2), until: Date.UTC(2026, 11, 3) - 1, lang: 'pl', title: 'Playcard — nauka', playbook: 'abc123' };

/** Builds a small screen by hand, as the page would render it. */
function screen(): HTMLElement {
  const root = document.createElement('div');
  const article = document.createElement('article');
  article.setAttribute('class', 'flashcard');
  article.setAttribute('data-testid', 'flashcard');
  article.setAttribute('tabindex', '-1');
  const title = document.createElement('h2');
  title.append('Ekspert ', '<b>not markup</b>');
  const flip = document.createElement('button');
  flip.setAttribute('type', 'button');
  flip.setAttribute('aria-keyshortcuts', 'Space');
  flip.textContent = 'Pokaż odpowiedź';
  article.append(title, flip);
  root.append(article);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('Learn first frame: kept, then drawn', () => {
  test('a kept screen is drawn back node for node, its text as text, with the title and language', () => {
    const store = memoryStore();
    expect(saveFrame(store, '1.4.0', screen(), META)).toBe(true);
    // The same screen again: nothing to write.
    expect(saveFrame(store, '1.4.0', screen(), META)).toBe(false);
    const frame = usableFrame(store, NOON, '1.4.0');
    expect(frame).toBeDefined();
    const app = document.createElement('div');
    document.body.append(app);
    expect(drawFirstFrame(app, frame!)).toBe(true);
    expect(app.innerHTML).toBe('<article class="flashcard" data-testid="flashcard" tabindex="-1"><h2>Ekspert &lt;b&gt;not markup&lt;/b&gt;</h2><button type="button" aria-keyshortcuts="Space">Pokaż odpowiedź</button></article>');
    expect(app.querySelector('b')).toBeNull();
    expect(app.querySelector('h2')!.childNodes.length).toBe(2);
    expect(document.title).toBe('Playcard — nauka');
    expect(document.documentElement.lang).toBe('pl');
  });

  test('another build, a later day without due dates, an earlier day or another format is not drawn', () => {
    const store = memoryStore();
    saveFrame(store, '1.4.0', screen(), META);
    expect(usableFrame(store, NOON, '1.4.1')).toBeUndefined();
    // Kept without the due dates (they come from the page), so a later day cannot count "due today".
    expect(usableFrame(store, Date.UTC(2026, 11, 3, 0, 0, 1), '1.4.0')).toBeUndefined();
    // A clock set back.
    expect(usableFrame(store, Date.UTC(2026, 11, 1, 23), '1.4.0')).toBeUndefined();
    const stored = JSON.parse(store.map.get(FRAME_KEY)!) as FirstFrame;
    expect(usableFrame(memoryStore({ [FRAME_KEY]: JSON.stringify({ ...stored, format: 0 }) }), NOON, '1.4.0')).toBeUndefined();
    expect(usableFrame(memoryStore({ [FRAME_KEY]: '{not json' }), NOON, '1.4.0')).toBeUndefined();
    expect(usableFrame(memoryStore(), NOON, '1.4.0')).toBeUndefined();
  });

  test('a frame kept on an earlier day counts "due today" again for today; without the due dates it is not drawn', () => {
    const line = (text: string, count: string) => ['p', {}, [['span', { 'data-testid': 'due-today', 'data-count': count }, [text]], ' · ', ['span', { 'data-testid': 'new-count' }, ['58 new cards']]]] as FirstFrame['nodes'][number];
    const kept: FirstFrame = {
      format: 1,
      build: '1.4.0',
      ...META,
      nodes: [line('2 reviews due today', '2')],
      // Due on Dec 2 (counted that day), Dec 3 and Dec 5; one card changed by the team.
      due: { at: [Date.UTC(2026, 11, 2, 10), Date.UTC(2026, 11, 3, 9), Date.UTC(2026, 11, 5, 9)], changed: 1, texts: ['0 reviews', '1 review', '2 reviews', '3 reviews', '4 reviews'] },
    };
    const store = memoryStore({ [FRAME_KEY]: JSON.stringify(kept) });
    const app = document.createElement('div');
    drawFirstFrame(app, usableFrame(store, Date.UTC(2026, 11, 3, 12), '1.4.0')!);
    expect(app.innerHTML).toBe('<p><span data-testid="due-today" data-count="3">3 reviews</span> · <span data-testid="new-count">58 new cards</span></p>');
    drawFirstFrame(app, usableFrame(store, Date.UTC(2026, 11, 5, 12), '1.4.0')!);
    expect(app.querySelector('[data-testid="due-today"]')!.textContent).toBe('4 reviews');
    const { due: _, ...withoutDue } = kept;
    expect(usableFrame(memoryStore({ [FRAME_KEY]: JSON.stringify(withoutDue) }), Date.UTC(2026, 11, 3, 12), '1.4.0')).toBeUndefined();
  });

  test.each([
    ['a script element', ['script', {}, ['alert(1)']]],
    ['an event handler attribute', ['button', { onclick: 'alert(1)' }, ['Flip']]],
    ['a link', ['a', { href: 'https://example.com' }, ['here']]],
    ['a style attribute', ['p', { style: 'display:none' }, []]],
    ['an image deep inside', ['div', {}, [['p', {}, [['img', { src: 'x' }, []]]]]]],
  ])('a frame with %s is not drawn, and the page is left as it was', (_, node) => {
    const frame: FirstFrame = { format: 1, build: '', ...META, nodes: [['div', { class: 'screen' }, ['Hello']], node as FirstFrame['nodes'][number]] };
    const app = document.createElement('div');
    app.textContent = 'before';
    expect(drawFirstFrame(app, frame)).toBe(false);
    expect(app.innerHTML).toBe('before');
  });
});

describe('Learn first frame: what the rep does before the page has loaded', () => {
  test('a click and a key on the frame reach the page once it has rendered; a key with Ctrl does not; typed search text stays', () => {
    document.body.innerHTML = '<input type="search"><button type="button" id="flip">Flip</button>';
    const held = holdInput(document);
    const flip = document.getElementById('flip')!;
    flip.click();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true }));
    document.querySelector('input')!.value = 'burned';
    const seen: string[] = [];
    held.around(() => {
      // The page renders: it takes over the nodes, empties the field (its search is ''), and listens.
      flip.addEventListener('click', () => seen.push('click'));
      document.addEventListener('keydown', (event) => seen.push(`key ${event.key}`));
      document.querySelector('input')!.value = '';
      document.querySelector('input')!.addEventListener('input', (event) => seen.push(`search ${(event.target as HTMLInputElement).value}`));
    });
    expect(seen).toEqual(['search burned', 'click', 'key 3']);
  });

  test('a click on a node the page replaced (the frame was stale) is dropped', () => {
    document.body.innerHTML = '<div id="app"><button type="button">Old card</button></div>';
    const held = holdInput(document);
    document.querySelector('button')!.click();
    const seen: string[] = [];
    held.around(() => {
      document.getElementById('app')!.innerHTML = '<button type="button">New card</button>';
      document.querySelector('button')!.addEventListener('click', () => seen.push('click'));
    });
    expect(seen).toEqual([]);
  });
});

describe('Learn first frame: the page loads once the frame is painted', () => {
  /** A window whose animation frames and timers run only when the test says so, in order. */
  function steppedWindow() {
    const frames: (() => void)[] = [];
    const timers: { at: number; run: () => void }[] = [];
    let now = 0;
    return {
      requestAnimationFrame: (run: () => void) => frames.push(run),
      setTimeout: (run: () => void, ms = 0) => timers.push({ at: now + ms, run }),
      /** The browser paints: the animation frames run, then what is due. */
      paint() {
        frames.splice(0).forEach((run) => run());
      },
      advance(ms: number) {
        now += ms;
        for (const timer of timers.filter((t) => t.at <= now)) {
          timers.splice(timers.indexOf(timer), 1);
          timer.run();
        }
      },
    };
  }
  const settled = async (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    return done;
  };

  test('not before the next animation frame; in the task after it', async () => {
    const win = steppedWindow();
    const painted = afterNextPaint(win as unknown as Window);
    win.advance(0);
    expect(await settled(painted)).toBe(false);
    win.paint();
    expect(await settled(painted)).toBe(false);
    win.advance(0);
    expect(await settled(painted)).toBe(true);
  });

  test('a hidden tab, which runs no animation frames, still loads the page after 100 ms', async () => {
    const win = steppedWindow();
    const painted = afterNextPaint(win as unknown as Window);
    win.advance(99);
    expect(await settled(painted)).toBe(false);
    win.advance(1);
    expect(await settled(painted)).toBe(true);
  });
});
