/**
 * Which rows of a fixed-height list to render: the ones in the viewport, and `overscan` more on
 * each side. Every row of My accounts is one height, so this is arithmetic: nothing per row is
 * kept, and a search that changes the count from 50,000 to 40,000 costs nothing here.
 * (@tanstack/virtual-core, used before, rebuilt a measurement object per row on every change of
 * count: 1–3 ms and 50,000 objects of garbage per keystroke, for sizes it never had to measure.)
 */
export interface RowWindow {
  /** The first row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): RowWindow {
  // A shorter list than the last one scrolled: the browser will clamp the scroll position; render
  // what it will show rather than an empty window for a frame.
  const top = Math.max(0, Math.min(scrollTop, count * rowHeight - viewportHeight));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + viewportHeight) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/** The scroll position that shows row `index` whole, moving as little as it can (`block: 'nearest'`). */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return scrollTop;
}

/**
 * The rows rendered last time that a shorter list no longer reaches. They are kept, hidden, so
 * a longer list (a letter deleted from the search) fills them with its accounts instead of
 * building new rows: building 16 rows took 18 ms, filling them 10 ms.
 */
export function spareRows(previous: Iterable<number>, count: number): number[] {
  return [...previous].filter((index) => index >= count);
}
