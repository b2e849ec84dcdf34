import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BookRow, SortKey } from '../../lib/accounts/book';
import { rowWindow, scrollToShow, spareRows, type RowWindow } from '../../lib/accounts/row-window';
import { t } from '../../lib/i18n';
import type { Playbook } from '../../lib/playbook/schema';
import { text } from '../use-text';
import { compact, personaLabel, prepareRowFormats, segmentColour, segmentLabel, shortDate } from './format';

const ROW_HEIGHT = 36;

// Three rows beyond each edge cover a fast wheel scroll; every extra row is layout and paint on
// each keystroke of the search.
const OVERSCAN = 3;

/**
 * The rows of `count` to render in `scroller`, following its scroll position and height. Renders
 * again only when the window moves by a row, not on every scroll event.
 */
function useRowWindow(scroller: RefObject<HTMLDivElement>, count: number): RowWindow {
  // The scroll position is read on every scroll event; the component renders when the window moves.
  const view = useRef({ top: 0, height: 0 });
  const rowCount = useRef(count);
  rowCount.current = count;
  const [, setShown] = useState<RowWindow>({ start: 0, end: 0 });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const read = () => {
      view.current = { top: element.scrollTop, height: element.clientHeight };
      const now = rowWindow(view.current.top, view.current.height, ROW_HEIGHT, rowCount.current, OVERSCAN);
      setShown((last) => (last.start === now.start && last.end === now.end ? last : now));
    };
    read();
    element.addEventListener('scroll', read, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      resize.disconnect();
    };
  }, []);
  return rowWindow(view.current.top, view.current.height, ROW_HEIGHT, count, OVERSCAN);
}

const COLUMNS: { key: SortKey | 'service'; label: () => string }[] = [
  { key: 'name', label: () => t('accounts.col.name') },
  { key: 'segment', label: () => t('accounts.col.segment') },
  { key: 'persona', label: () => t('accounts.col.persona') },
  { key: 'service', label: () => t('accounts.col.service') },
  { key: 'seenAt', label: () => t('accounts.col.seen') },
  { key: 'openTactics', label: () => t('accounts.col.tactics') },
  { key: 'revenue', label: () => t('accounts.col.revenue') },
];

/**
 * Every account as a virtualised grid: only the rows on screen are in the DOM, so 50,000
 * accounts cost what 30 do. Arrow keys, Page Up/Down, Home and End move through the rows;
 * Enter or a click opens the account.
 */
export function BookList({
  rows,
  total,
  complete,
  playbook,
  sort,
  selected,
  onSort,
  onOpen,
}: {
  rows: readonly BookRow[];
  /** The book's size, once counted. */
  total?: number;
  /** False while only the first screen is read. */
  complete: boolean;
  playbook: Playbook;
  sort: { key: SortKey; descending: boolean };
  selected?: string;
  onSort: (key: SortKey) => void;
  onOpen: (key: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const shown = useRowWindow(scroller, rows.length);
  /** The row the keyboard moved to, in which list, until it is on screen and focused. */
  const focusRow = useRef<{ index: number; rows: readonly BookRow[] } | undefined>(undefined);
  const current = Math.min(active, Math.max(0, rows.length - 1));

  useEffect(() => {
    const wanted = focusRow.current;
    if (!wanted) return;
    // A list changed meanwhile (a search typed) must not have a row take the focus later.
    if (wanted.rows !== rows) {
      focusRow.current = undefined;
      return;
    }
    // A far move (End, Page Down) scrolls first; the row is rendered on the scroll's frame, so
    // this waits for the render that brings it.
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${wanted.index}"]`);
    if (!row) return;
    focusRow.current = undefined;
    row.focus();
  });

  useEffect(() => {
    if (!complete) return;
    const idle = requestIdleCallback(() => prepareRowFormats(), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [complete]);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    const element = scroller.current;
    if (element) element.scrollTop = scrollToShow(next, element.scrollTop, element.clientHeight, ROW_HEIGHT);
    focusRow.current = { index: next, rows };
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      PageDown: () => move(current + page),
      PageUp: () => move(current - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => rows[current] && onOpen(rows[current]!.key),
    };
    const action = keys[event.key];
    if (action && (event.target as HTMLElement).getAttribute('role') === 'row') {
      event.preventDefault();
      action();
    }
  };

  // The rows on screen, and the spare rows a shorter list left (hidden, with their last account).
  const rendered = useRef(new Map<number, BookRow>());
  const slots = new Map<number, BookRow>();
  for (let index = shown.start; index < shown.end; index++) slots.set(index, rows[index]!);
  for (const index of spareRows(rendered.current.keys(), rows.length)) slots.set(index, rendered.current.get(index)!);
  rendered.current = slots;

  const renderRow = (index: number, row: BookRow, spare: boolean) => {
    const segment = playbook.segmentation.segments.find((s) => s.id === row.segment);
    return (
      // Keyed by place, not by account: a search that replaces the rows on screen then
      // rewrites their texts instead of building new rows (about a third of the frame). A
      // spare row is hidden from sight, focus and assistive technology until the list is long
      // enough to reach it again.
      <div
        key={index}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={row.key === selected}
        tabIndex={index === current && !spare ? 0 : -1}
        data-index={index}
        data-key={row.key}
        data-testid={spare ? 'book-row-spare' : 'book-row'}
        aria-hidden={spare || undefined}
        class={`book-row${row.key === selected ? ' selected' : ''}${spare ? ' spare' : ''}`}
        style={{ transform: `translateY(${index * ROW_HEIGHT}px)`, height: `${ROW_HEIGHT}px` }}
        onClick={() => {
          setActive(index);
          onOpen(row.key);
        }}
        onFocus={() => setActive(index)}
      >
        <span role="gridcell" class="name" title={row.domain ?? row.name}>
          {row.name}
          {row.domain && row.domain !== row.name ? <span class="muted small">{` ${row.domain}`}</span> : null}
        </span>
        <span role="gridcell" data-testid="row-segment">
          <span class="dot" style={{ background: segmentColour(playbook, row.segment) ?? 'var(--muted)' }} aria-hidden="true" />
          {segmentLabel(playbook, row.segment)}
          {row.pin ? <span class="tag pinned-tag">{` ${t('accounts.pinnedMark')}`}</span> : null}
        </span>
        <span role="gridcell">{personaLabel(playbook, row.persona)}</span>
        <span role="gridcell">{segment ? text(segment.serviceLevel.responseTime, playbook) : ''}</span>
        <span role="gridcell">{row.seenAt ? shortDate(row.seenAt) : <span class="muted">{t('accounts.seen.never')}</span>}</span>
        <span role="gridcell" class="num">
          {row.openTactics}
        </span>
        <span role="gridcell" class="num">
          {row.revenue !== undefined ? compact(row.revenue) : ''}
        </span>
      </div>
    );
  };

  return (
    <div class="book" role="grid" aria-rowcount={rows.length + 1} aria-label={t('accounts.title')} data-total={total} data-complete={complete} aria-busy={!complete}>
      <div class="book-row book-head" role="row" aria-rowindex={1}>
        {COLUMNS.map((column) =>
          column.key === 'service' ? (
            <span key={column.key} role="columnheader">
              {column.label()}
            </span>
          ) : (
            <span key={column.key} role="columnheader" aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" class="sort" onClick={() => onSort(column.key as SortKey)} data-testid={`sort-${column.key}`}>
                {column.label()}
                {sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </span>
          ),
        )}
      </div>
      <div class="book-body" ref={scroller} onKeyDown={onKeyDown} data-testid="book-body">
        <div class="book-rows" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {[...slots].map(([index, row]) => renderRow(index, row, index >= rows.length))}
        </div>
      </div>
    </div>
  );
}
