import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, t, timeAgo, uiLanguage } from '../lib/i18n';
import type { PlaybookVersion, StoredPlaybook, UpdateNotice, UpdateStatus } from '../lib/db';
import type { RepSourceOptions, SourceResolution } from '../lib/playbook/fetch-rules';
import { changeLine } from './change-line';

export interface PlaybookSectionProps {
  active: StoredPlaybook | undefined;
  history: PlaybookVersion[];
  status: UpdateStatus;
  notice: UpdateNotice | undefined;
  resolution: SourceResolution | undefined;
  options: RepSourceOptions;
  /** Each resolves to the line to show the rep. */
  onSave: (options: RepSourceOptions) => Promise<string>;
  onCheckNow: () => Promise<string>;
  onImport: (files: File[]) => Promise<string>;
  onRollBack: (seq: number) => Promise<string>;
}

function sourceLabel(version: { source: string; origin?: string }): string {
  switch (version.source) {
    case 'builtin':
      return t('options.playbook.source.builtin');
    case 'policy':
      return t('options.playbook.source.policy', { origin: version.origin ?? '' });
    case 'url':
      return t('options.playbook.source.url', { origin: version.origin ?? '' });
    default:
      return t('options.playbook.source.file', { origin: version.origin ?? '' });
  }
}

export function PlaybookSection(props: PlaybookSectionProps) {
  const { active, history, status, notice, resolution, options } = props;
  const [url, setUrl] = useState(options.url ?? '');
  const [publicKey, setPublicKey] = useState(options.publicKey ?? '');
  const [message, setMessage] = useState<string | undefined>();
  // The saved settings arrive after the first render, and change when saved elsewhere.
  useEffect(() => setUrl(options.url ?? ''), [options.url]);
  useEffect(() => setPublicKey(options.publicKey ?? ''), [options.publicKey]);
  const show = (work: Promise<string>) => void work.then(setMessage, (error: unknown) => setMessage(String(error)));
  const may = resolution?.repMay;
  const polled = resolution?.active.kind === 'url' || resolution?.active.kind === 'policy';

  return (
    <section class="card" aria-labelledby="playbook-title" data-testid="playbook">
      <h2 id="playbook-title">{t('options.playbook.title')}</h2>
      {active && (
        <p data-testid="playbook-active">
          {t('options.playbook.active', { version: active.version, source: sourceLabel(active), when: timeAgo(active.appliedAt) })}
        </p>
      )}
      {resolution?.managed && <p class="small muted">{t('options.playbook.managed')}</p>}
      {resolution?.notes.map((note) => (
        <p key={note} class="small muted">
          {note}
        </p>
      ))}
      {status.lastError && (
        <p class="small update-error" role="alert" data-testid="playbook-error">
          {t('update.failed', { when: timeAgo(status.lastError.at), message: status.lastError.message, version: active?.version ?? '' })}
        </p>
      )}
      {status.lastCheckAt !== undefined && !status.lastError && <p class="small muted">{t('options.playbook.checked', { when: timeAgo(status.lastCheckAt) })}</p>}

      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          show(props.onSave({ ...options, url: url.trim() || undefined, publicKey: publicKey.trim() || undefined }));
        }}
      >
        <label>
          {t('options.playbook.url')}
          <input type="url" name="url" placeholder="https://playbooks.example.com/team.json" value={url} disabled={!may?.setUrl} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label>
          {t('options.playbook.key')}
          <textarea name="publicKey" rows={2} value={publicKey} disabled={!may?.setPublicKey} onInput={(e) => setPublicKey(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit" disabled={!may?.setUrl}>
            {t('options.playbook.save')}
          </button>
          <button type="button" data-testid="playbook-check" disabled={!polled} onClick={() => show(props.onCheckNow())}>
            {t('options.playbook.checkNow')}
          </button>
          {may?.useOwn && (
            <label class="small">
              <input type="checkbox" checked={options.useOwn ?? false} onChange={(e) => show(props.onSave({ ...options, useOwn: e.currentTarget.checked }))} />{' '}
              {t('options.playbook.useOwn')}
            </label>
          )}
        </div>
      </form>

      <label class="stack small">
        {t('options.playbook.import')}
        <input
          type="file"
          name="file"
          accept=".json,.sig,application/json"
          multiple
          disabled={!may?.importFile || polled}
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
            if (files.length) show(props.onImport(files));
          }}
        />
      </label>
      {polled && may?.importFile && <p class="small muted">{t('options.playbook.importNeedsNoUrl')}</p>}

      {message && (
        <p class="small" role="status" data-testid="playbook-message">
          {message}
        </p>
      )}

      {notice && (
        <details class="diff" open>
          <summary>{t('options.playbook.lastChanges', { from: notice.from ?? '—', to: notice.to, n: notice.changes.length })}</summary>
          <ul class="small" data-testid="playbook-diff">
            {notice.changes.map((change, index) => (
              <li key={index} class={change.kind}>
                <code>{change.kind === 'added' ? '+' : change.kind === 'removed' ? '−' : '~'}</code> {changeLine(change, active?.playbook)}
              </li>
            ))}
          </ul>
        </details>
      )}

      <h3>{t('options.playbook.history')}</h3>
      <table class="history small" data-testid="playbook-history">
        <tbody>
          {history.map((version) => {
            const current = active?.hash === version.hash && active.appliedAt === version.appliedAt;
            return (
              <tr key={version.seq} data-seq={version.seq}>
                <td>{version.version}</td>
                <td>{sourceLabel(version)}</td>
                <td>{formatDateTime(version.appliedAt, uiLanguage.value)}</td>
                <td title={version.hash}>
                  <code>{version.hash.slice(0, 12)}</code>
                </td>
                <td>
                  {current ? (
                    <span class="muted">{t('options.playbook.inUse')}</span>
                  ) : (
                    <button type="button" class="link" onClick={() => show(props.onRollBack(version.seq!))}>
                      {t('options.playbook.rollBack')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
