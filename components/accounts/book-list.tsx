import { elementScroll, observeElementOffset, observeElementRect, Virtualizer, type VirtualizerOptions } from '@tanstack/virtual-core';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { BookRow, SortKey } from '../../lib/accounts/book';
import { t } from '../../lib/i18n';
import type { Playbook } from '../../lib/playbook/schema';
import { text } from '../use-text';
import { compact, personaLabel, segmentColour, segmentLabel, shortDate } from './format';

const ROW_HEIGHT = 36;

/** @tanstack/virtual-core bound to a Preact component, the way its React adapter does it. */
function useVirtualizer(options: Omit<VirtualizerOptions<HTMLDivElement, HTMLDivElement>, 'observeElementRect' | 'observeElementOffset' | 'scrollToFn' | 'onChange'>) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const resolved: VirtualizerOptions<HTMLDivElement, HTMLDivElement> = {
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    ...options,
    onChange: () => rerender(0),
  };
  const [instance] = useState(() => new Virtualizer(resolved));
  instance.setOptions(resolved);
  useLayoutEffect(() => instance._didMount(), []);
  useLayoutEffect(() => instance._willUpdate());
  return instance;
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
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const focusRow = useRef(false);
  const current = Math.min(active, Math.max(0, rows.length - 1));

  useEffect(() => {
    if (!focusRow.current) return;
    focusRow.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${current}"]`)?.focus();
  });

  const move = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next);
    focusRow.current = true;
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
        <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const segment = playbook.segmentation.segments.find((s) => s.id === row.segment);
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={row.key === selected}
                tabIndex={item.index === current ? 0 : -1}
                data-index={item.index}
                data-key={row.key}
                data-testid="book-row"
                class={`book-row${row.key === selected ? ' selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: `${ROW_HEIGHT}px` }}
                onClick={() => {
                  setActive(item.index);
                  onOpen(row.key);
                }}
                onFocus={() => setActive(item.index)}
              >
                <span role="gridcell" class="name" title={row.domain ?? row.name}>
                  {row.name}
                  {row.domain && row.domain !== row.name ? <span class="muted small"> {row.domain}</span> : null}
                </span>
                <span role="gridcell" data-testid="row-segment">
                  <span class="dot" style={{ background: segmentColour(playbook, row.segment) ?? 'var(--muted)' }} aria-hidden="true" />
                  {segmentLabel(playbook, row.segment)}
                  {row.pin ? <span class="tag pinned-tag"> {t('accounts.pinnedMark')}</span> : null}
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
          })}
        </div>
      </div>
    </div>
  );
}
