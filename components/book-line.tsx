import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { BookPanelState } from '../lib/panel/book-state';
import type { Playbook } from '../lib/playbook/schema';
import { LastMove, PinNote } from './accounts/history';
import type { BookDetailsProps } from './book-details';

/** "Pinned by you: <reason> · Scored: Standard", beside the segment in the card's header. */
export function BookPinNote({ book, playbook, scored }: { book: BookPanelState; playbook: Playbook; scored: string | undefined }) {
  const pin = book.pin.value;
  return pin && scored ? <PinNote pin={pin} scored={scored} playbook={playbook} area="panel.book" /> : null;
}

/**
 * The account's latest move ("Moved from Standard to Key on 12 Nov · employees 180 → 260"),
 * and the history and the pin form one click away. Those two are loaded when first opened
 * (import()): most calls never need them, and the panel's first script stays small.
 */
export function BookLine({ book, playbook, scored }: { book: BookPanelState; playbook: Playbook; scored: string }) {
  const [open, setOpen] = useState(false);
  const [Details, setDetails] = useState<FunctionComponent<BookDetailsProps> | undefined>(undefined);
  const lastMove = book.lastMove.value;
  const toggle = () => {
    if (!open && !Details) void import('./book-details').then((module) => setDetails(() => module.BookDetails));
    setOpen(!open);
  };
  return (
    <section class="book-line small" data-testid="book-line" aria-label={t('panel.book.history.title')}>
      {lastMove ? <LastMove entry={lastMove} playbook={playbook} area="panel.book" /> : null}
      <button type="button" class="link" aria-expanded={open} aria-controls="book-details" onClick={toggle} data-testid="book-open">
        {open ? t('panel.book.close') : t('panel.book.open')}
      </button>
      {open ? <div id="book-details">{Details ? <Details book={book} playbook={playbook} scored={scored} /> : <p class="muted">{t('panel.loading')}</p>}</div> : null}
    </section>
  );
}
