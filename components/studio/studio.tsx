import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { lazy, Suspense } from 'preact/compat';
import { useEffect } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { LANGUAGES } from '../../lib/playbook/constants';
import type { PlaycardDb } from '../../lib/db/database';
import { signingKeys } from '../../lib/db/studio';
import { parseJsonText } from '../../lib/studio/validate';
import type { StudioState } from '../../lib/studio/state';
import { Criteria, General, Matrix, Personas, Scenarios, Segments } from './editor';
import { editingLanguage } from './fields';
import { signingKeyList } from './keys';
import { Moves } from './moves';
import { StorageProblemNotice } from '../storage-problem';

// The other tabs load when first opened: the editor is what the studio shows first, and the
// preview (the panel's cards), the diff, signing and the policies need not delay it.
const later = <P,>(load: () => Promise<ComponentType<P>>) => lazy(() => load().then((component) => ({ default: component })));
const RawJson = later(() => import('./raw').then((m) => m.RawJson));
const TryEmail = later(() => import('./preview').then((m) => m.TryEmail));
const RepPanel = later(() => import('./preview').then((m) => m.RepPanel));
const Quality = later(() => import('./preview').then((m) => m.Quality));
const Diff = later(() => import('./publish').then((m) => m.Diff));
const Publish = later(() => import('./publish').then((m) => m.Publish));
const Rollout = later(() => import('./rollout').then((m) => m.Rollout));

const TABS = ['edit', 'raw', 'preview', 'publish', 'rollout'] as const;
type Tab = (typeof TABS)[number];
const tab = signal<Tab>('edit');

function Header({ s }: { s: StudioState }) {
  const base = s.base.value;
  const check = s.check.value;
  const errors = check?.errors ?? [];
  const languages = [...new Set([...LANGUAGES, editingLanguage.value])];
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseJsonText(await file.text());
    if (parsed.ok) s.openFile(file.name, parsed.value);
    else alertLine.value = t('studio.open.notJson', { name: file.name, message: parsed.message });
  };
  return (
    <header class="studio-head">
      <h1>{t('studio.title')}</h1>
      <StorageProblemNotice />
      <p class="small muted" data-testid="draft-base">
        {base && t(`studio.base.${base.kind}` as 'studio.base.active', { version: base.version, name: base.name ?? '' })} ·{' '}
        <span data-testid="save-state">{t(`studio.save.${s.saveState.value}` as 'studio.save.saved')}</span>
      </p>
      <div class="row">
        <button type="button" onClick={() => s.openActive()} disabled={!s.active.value}>
          {t('studio.open.active')}
        </button>
        <button type="button" onClick={() => void s.openBuiltin().catch(console.error)}>
          {t('studio.open.builtin')}
        </button>
        <label class="file">
          {t('studio.open.file')}
          <input type="file" accept=".json,application/json" onChange={(e) => void openFile(e.currentTarget.files?.[0])} />
        </label>
        <span class="spacer" />
        <button type="button" onClick={() => s.undo()} disabled={!s.canUndo.value} data-testid="undo" aria-keyshortcuts="Control+Z">
          {t('studio.undo')}
        </button>
        <button type="button" onClick={() => s.redo()} disabled={!s.canRedo.value} data-testid="redo" aria-keyshortcuts="Control+Shift+Z">
          {t('studio.redo')}
        </button>
        <label for="edit-language" class="small">
          {t('studio.language')}
        </label>
        <select id="edit-language" value={editingLanguage.value} onChange={(e) => (editingLanguage.value = e.currentTarget.value)}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      {alertLine.value && (
        <p class="error small" role="alert">
          {alertLine.value}
        </p>
      )}
      {check ? (
        <p class={errors.length ? 'error small' : 'ok small'} data-testid="error-count" role="status">
          {errors.length ? t('studio.errors', { n: errors.length }) : t('studio.valid')}
        </p>
      ) : (
        <p class="small muted" role="status">
          {t('studio.checking')}
        </p>
      )}
      <nav class="tabs" aria-label={t('studio.title')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            aria-current={tab.value === id ? 'page' : undefined}
            data-testid={`tab-${id}`}
            onClick={() => (tab.value = id)}
          >
            {t(`studio.tab.${id}` as 'studio.tab.edit')}
          </button>
        ))}
      </nav>
    </header>
  );
}

const alertLine = signal<string | undefined>(undefined);

/**
 * Whether the editor's later sections (criteria, matrix, personas, scenarios: four fifths of its
 * elements) are in the page. The first frame holds what the lead sees first, the playbook's name
 * and its segments; the rest follows once that frame is painted, before the lead can act on it.
 */
const restOfEditor = signal(false);
function showRestAfterPaint(): void {
  if (restOfEditor.peek()) return;
  requestAnimationFrame(() => setTimeout(() => (restOfEditor.value = true), 0));
}

export function Studio({ s, db, extensionId }: { s: StudioState; db: PlaycardDb; extensionId: string }) {
  useEffect(() => {
    void signingKeys(db).then((list) => (signingKeyList.value = list));
  }, []);
  useEffect(() => {
    // The draft's own undo, also inside text fields (their native undo would not know the draft).
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' && event.key.toLowerCase() !== 'y') return;
      if ((event.target as HTMLElement | null)?.closest('[data-testid="raw-json"]')) return;
      event.preventDefault();
      if (event.key.toLowerCase() === 'y' || event.shiftKey) s.redo();
      else s.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const loaded = s.doc.value !== undefined;
  useEffect(() => {
    if (loaded) showRestAfterPaint();
  }, [loaded]);
  if (!loaded) return <p class="status muted">{t('panel.loading')}</p>;
  return (
    <div class="studio">
      <Header s={s} />
      <main>
        {tab.value === 'edit' && (
          <>
            <General s={s} />
            <Segments s={s} />
            {restOfEditor.value && (
              <>
                <Criteria s={s} />
                <Matrix s={s} />
                <Personas s={s} />
                <Scenarios s={s} />
              </>
            )}
          </>
        )}
        <Suspense fallback={<p class="status muted">{t('panel.loading')}</p>}>
          {tab.value === 'raw' && <RawJson s={s} />}
          {tab.value === 'preview' && (
            <>
              <Moves s={s} />
              <TryEmail s={s} />
              <RepPanel s={s} />
              <Quality s={s} />
            </>
          )}
          {tab.value === 'publish' && (
            <>
              <Diff s={s} />
              <Publish s={s} db={db} />
            </>
          )}
          {tab.value === 'rollout' && <Rollout s={s} extensionId={extensionId} />}
        </Suspense>
      </main>
      {tab.value === 'edit' && (
        <aside class="side">
          <Moves s={s} />
        </aside>
      )}
    </div>
  );
}
