import { describe, expect, test } from 'vitest';
import { rowWindow, scrollToShow, spareRows } from '../../lib/accounts/row-window';

// My accounts' list: 36 px rows in a 480 px viewport (13⅓ rows), three more rows each side.
describe('the rows My accounts renders', () => {
  test('the rows in view and three beyond each edge', () => {
    // Rows 0–13 are (partly) in view at the top.
    expect(rowWindow(0, 480, 36, 998, 3)).toEqual({ start: 0, end: 17 });
    // Scrolled to row 100 (3,600 px): rows 100–113 in view.
    expect(rowWindow(3600, 480, 36, 998, 3)).toEqual({ start: 97, end: 117 });
    // At the bottom of 998 rows (35,928 px tall): rows 984–997 in view.
    expect(rowWindow(35_448, 480, 36, 998, 3)).toEqual({ start: 981, end: 998 });
  });

  test('a search that shortens the list shows the rows the browser will scroll back to, never none', () => {
    // Scrolled to row 100 of the book, then a search leaves 20 rows (720 px): the browser clamps to 240 px.
    expect(rowWindow(3600, 480, 36, 20, 3)).toEqual({ start: 3, end: 20 });
    // Fewer rows than fit: all of them.
    expect(rowWindow(3600, 480, 36, 5, 3)).toEqual({ start: 0, end: 5 });
    expect(rowWindow(0, 480, 36, 0, 3)).toEqual({ start: 0, end: 0 });
  });

  test('the keyboard scrolls a row into view as little as it can', () => {
    // Row 5 (180–216 px) is in view: no scroll.
    expect(scrollToShow(5, 0, 480, 36)).toBe(0);
    // Row 20 (720–756 px) is below: it becomes the bottom row.
    expect(scrollToShow(20, 0, 480, 36)).toBe(276);
    // Row 2 (72–108 px) is above: it becomes the top row.
    expect(scrollToShow(2, 500, 480, 36)).toBe(72);
  });

  test('rows a shorter list no longer reaches are kept as spares, and no others', () => {
    const top = Array.from({ length: 17 }, (_, i) => i);
    // One account left of 17 rows: rows 1–16 wait, hidden, for the next longer list.
    expect(spareRows(top, 1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    // The list is long again: every row is an account; none is spare.
    expect(spareRows(top, 1111)).toEqual([]);
    expect(spareRows([], 0)).toEqual([]);
  });
});
