import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../lib/accounts/types';
import { t } from '../lib/i18n';
import type { BookPanelState } from '../lib/panel/book-state';
import type { Playbook } from '../lib/playbook/schema';
import { AccountHistory } from './accounts/history';
import { PinControl } from './accounts/pin-control';

export interface BookDetailsProps {
  book: BookPanelState;
  playbook: Playbook;
  /** The segment the score gives (the pin form offers the others first). */
  scored: string;
}

/** The panel's pin form and the account's whole history, loaded when the rep opens them. */
export function BookDetails({ book, playbook, scored }: BookDetailsProps) {
  const [history, setHistory] = useState<readonly HistoryEntry[] | undefined>(undefined);
  useEffect(() => {
    const live = book.history();
    const stop = live.value.subscribe((entries) => setHistory(entries));
    return () => {
      stop();
      live.dispose();
    };
  }, [book]);
  return (
    <div class="book-details">
      <h2 class="small-title">{t('panel.book.pin.title')}</h2>
      <PinControl
        area="panel.book"
        playbook={playbook}
        pin={book.storedPin.value}
        scored={scored}
        onPin={(segment, reason) => book.pinAccount(segment, reason)}
        onUnpin={() => void book.unpinAccount()}
      />
      <h2 class="small-title">{t('panel.book.history.title')}</h2>
      {history ? <AccountHistory entries={history} playbook={playbook} area="panel.book" /> : <p class="muted">{t('panel.loading')}</p>}
    </div>
  );
}
