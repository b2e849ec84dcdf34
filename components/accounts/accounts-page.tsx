import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { distribution, pareto, workload } from '../../lib/accounts/stats';
import { t, uiLanguage } from '../../lib/i18n';
import { accountHours } from '../../lib/storage-items';
import type { Playbook } from '../../lib/playbook/schema';
import { text } from '../use-text';
import { BookList } from './book-list';
import { DistributionChart, ParetoChart, WorkloadChart } from './charts';
import { personaLabel, segmentLabel } from './format';
import { AccountHistory, LastMove, PinNote } from './history';
import { PinControl } from './pin-control';
import type { BookState } from './state';
import { StorageProblemNotice } from '../storage-problem';

const MONTH = 30 * 24 * 3600 * 1000;

/** The side panel page showing one account (the panel opens the account named in its hash). */
export function cardUrl(key: string): string {
  return `${browser.runtime.getURL('/sidepanel.html')}#account=${encodeURIComponent(key)}`;
}

function download(name: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function AccountsPage({ state }: { state: BookState }) {
  const hours = useSignal<number>(80);
  useEffect(() => {
    void accountHours.getValue().then((value) => (hours.value = value));
    return accountHours.watch((value) => (hours.value = value ?? 80));
  }, []);
  const shares = useComputed(() => (state.playbook.value && state.rows.value ? distribution(state.rows.value, state.playbook.value) : []));
  const paretoFigure = useComputed(() => (state.rows.value ? pareto(state.rows.value) : undefined));

  const playbook = state.playbook.value;
  const rows = state.rows.value;
  if (rows === undefined) return <main class="accounts"><p class="status">{t('accounts.loading')}</p></main>;
  if (!playbook) return <main class="accounts"><p class="status">{t('accounts.noPlaybook')}</p></main>;

  const exportCsv = async () => {
    const [scores, pins, { exportBook }] = await Promise.all([state.db.scores.toArray(), state.db.pins.toArray(), import('../../lib/accounts/csv-export')]);
    download(`playcard-accounts-${new Date().toISOString().slice(0, 10)}.csv`, exportBook(scores, pins, playbook, uiLanguage.value));
  };

  return (
    <main class="accounts">
      <header class="accounts-head">
        <h1>{t('accounts.title')}</h1>
        <ShownCount state={state} />
        <button type="button" onClick={() => void exportCsv()} data-testid="export" disabled={!rows.length}>
          {t('accounts.export')}
        </button>
      </header>
      <StorageProblemNotice />

      <Toolbar state={state} playbook={playbook} />

      {rows.length ? (
        <BookArea state={state} playbook={playbook} />
      ) : (
        <p class="card">{t('accounts.empty')}</p>
      )}

      <section class="card stats" aria-labelledby="stats-title">
        <h2 id="stats-title">{t('accounts.stats.title')}</h2>
        <div class="charts">
          <DistributionChart shares={shares.value} playbook={playbook} />
          <ParetoChart figure={paretoFigure.value} />
          <WorkloadChart workload={workload(shares.value, playbook, hours.value)} playbook={playbook} onHours={(value) => void accountHours.setValue(value)} />
        </div>
      </section>

      <LazyImportSection state={state} playbook={playbook} />
    </main>
  );
}

type ImportSectionType = typeof import('./import-section').ImportSection;

/**
 * The import, with the CSV parser, loads after the book is on screen: the page's first script
 * is what stands between opening My accounts and its first rows.
 */
function LazyImportSection({ state, playbook }: { state: BookState; playbook: Playbook }) {
  const [Section, setSection] = useState<ImportSectionType | undefined>(undefined);
  useEffect(() => {
    import('./import-section').then((module) => setSection(() => module.ImportSection), console.error);
  }, []);
  return Section ? <Section db={state.db} playbook={playbook} onStart={() => state.pause()} onEnd={() => void state.resume()} /> : null;
}

// The parts a keystroke changes are components of their own, reading the signals they show:
// typing re-renders the search box, the count and the list, not the charts and the import.

function ShownCount({ state }: { state: BookState }) {
  const complete = state.complete.value;
  const shown = state.shown.value;
  return (
    <p class="muted" data-testid="shown-count" data-shown={complete ? shown.length : undefined}>
      {complete
        ? t('accounts.shown', { shown: shown.length, n: state.rows.value?.length ?? 0 })
        : state.total.value !== undefined
          ? t('accounts.loadingMore', { n: state.total.value })
          : t('accounts.loading')}
    </p>
  );
}

function Toolbar({ state, playbook }: { state: BookState; playbook: Playbook }) {
  const searching = state.complete.value;
  const filter = state.filter.value;
  return (
    <div class="toolbar" role="search">
      <input
        type="search"
        placeholder={t('accounts.search')}
        aria-label={t('accounts.search')}
        value={filter.query}
        disabled={!searching}
        onInput={(e) => state.setFilter({ query: e.currentTarget.value })}
        data-testid="search"
      />
      <label>
        {t('accounts.filter.segment')}{' '}
        <select value={filter.segment ?? ''} onChange={(e) => state.setFilter({ segment: e.currentTarget.value || undefined })} data-testid="filter-segment">
          <option value="">{t('accounts.filter.all')}</option>
          {playbook.segmentation.segments.map((s) => (
            <option key={s.id} value={s.id}>
              {segmentLabel(playbook, s.id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('accounts.filter.persona')}{' '}
        <select value={filter.persona ?? ''} onChange={(e) => state.setFilter({ persona: e.currentTarget.value || undefined })}>
          <option value="">{t('accounts.filter.all')}</option>
          {playbook.personas.map((p) => (
            <option key={p.id} value={p.id}>
              {text(p.label, playbook)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={Boolean(filter.pinnedOnly)} onChange={(e) => state.setFilter({ pinnedOnly: e.currentTarget.checked })} />{' '}
        {t('accounts.filter.pinned')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={filter.movedSince !== undefined}
          onChange={(e) => state.setFilter({ movedSince: e.currentTarget.checked ? Date.now() - MONTH : undefined })}
          data-testid="filter-moved"
        />{' '}
        {t('accounts.filter.moved')}
      </label>
    </div>
  );
}

function BookArea({ state, playbook }: { state: BookState; playbook: Playbook }) {
  const shown = state.shown.value;
  const selected = state.selectedRow.value;
  const history = state.history.value;
  return (
    <div class={`book-area${selected ? ' with-detail' : ''}`}>
      <BookList
        rows={shown}
        total={state.total.value}
        complete={state.complete.value}
        playbook={playbook}
        sort={state.sort.value}
        selected={state.selected.value}
        onSort={(key) => state.sortBy(key)}
        onOpen={(key) => state.select(key)}
      />
      {selected ? (
        <aside class="card detail" aria-labelledby="detail-title" data-testid="detail">
          <div class="card-head">
            <h2 id="detail-title" class="detail-title">
              {selected.name}
            </h2>
            <button type="button" class="link" onClick={() => state.select(undefined)}>
              {t('accounts.close')}
            </button>
          </div>
          <p>
            <strong data-testid="detail-segment">{segmentLabel(playbook, selected.segment)}</strong>
          </p>
          {selected.pin ? <PinNote pin={selected.pin} scored={selected.scored} playbook={playbook} /> : null}
          {history[0] && history[0].segment ? <LastMove entry={history[0]} playbook={playbook} /> : null}
          <p>{t('accounts.detail.persona', { persona: personaLabel(playbook, selected.persona) })}</p>
          {(() => {
            const level = playbook.segmentation.segments.find((s) => s.id === selected.segment)?.serviceLevel;
            return level ? (
              <p class="small">
                {t('accounts.detail.service', { owner: text(level.owner, playbook), response: text(level.responseTime, playbook), channel: text(level.channel, playbook) })}
              </p>
            ) : null;
          })()}
          <p>
            <a href={cardUrl(selected.key)} target="_blank" rel="noopener" data-testid="open-card">
              {t('accounts.openCard')}
            </a>
          </p>
          <h3>{t('accounts.pin.title')}</h3>
          <PinControl
            key={selected.key}
            playbook={playbook}
            pin={selected.pin}
            scored={selected.scored}
            onPin={(segment, reason) => state.pin(selected.key, segment, reason)}
            onUnpin={() => state.unpin(selected.key)}
          />
          <h3>{t('accounts.history.title')}</h3>
          <AccountHistory entries={history} playbook={playbook} />
        </aside>
      ) : null}
    </div>
  );
}
