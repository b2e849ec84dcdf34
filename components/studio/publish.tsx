import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { describeOutcome } from '../playbook-outcome';
import { t } from '../../lib/i18n';
import type { PlaycardDb } from '../../lib/db/database';
import { forgetSigningKey, saveSigningKey, signingKeys } from '../../lib/db/studio';
import { clearStorageProblem, noteStorageError } from '../../lib/storage-problem';
import { sendMessage } from '../../lib/messages';
import { diffPlaybooks } from '../../lib/playbook/diff';
import { encodeBase64 } from '../../lib/playbook/signature';
import { bumpVersion, canonicalBytes, canonicalText, exportFileName } from '../../lib/studio/canonical';
import { getAt, setAt } from '../../lib/studio/draft';
import { createSigningKey, loadSigningKey, privateKeyFileText, signPlaybookText } from '../../lib/studio/signing';
import type { StudioState } from '../../lib/studio/state';
import { download } from './download';
import { changeLine } from '../change-line';
import { signingKeyList as keys } from './keys';

/** The signature of the exact text it was made for; stale as soon as the draft changes. */
const signed = signal<{ text: string; signature: string; publicKey: string } | undefined>(undefined);

export function Diff({ s }: { s: StudioState }) {
  const active = s.active.value;
  const draft = s.check.value?.playbook;
  if (!active || !draft) return null;
  const changes = diffPlaybooks(active.playbook, draft);
  return (
    <section class="card diff" aria-labelledby="diff-title" data-testid="diff">
      <h2 id="diff-title">{t('studio.diff.title', { version: active.version })}</h2>
      <p>{t('studio.diff.count', { n: changes.length })}</p>
      <ul>
        {changes.map((c, i) => (
          <li key={i} class={c.kind}>
            <code>{c.kind === 'added' ? '+' : c.kind === 'removed' ? '−' : '~'}</code> {changeLine(c, draft)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Publish({ s, db }: { s: StudioState; db: PlaycardDb }) {
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [keyMessage, setKeyMessage] = useState<string | undefined>(undefined);
  const [backupWarning, setBackupWarning] = useState(false);
  useEffect(() => {
    void signingKeys(db).then((list) => (keys.value = list));
  }, []);
  const doc = s.doc.value;
  const valid = s.check.value?.playbook !== undefined;
  if (doc === undefined) return null;
  const text = canonicalText(doc);
  const name = exportFileName(doc);
  const current = signed.value?.text === text ? signed.value : undefined;
  const key = keys.value[0];
  const version = getAt(doc, ['version']);

  const refreshKeys = async () => (keys.value = await signingKeys(db));
  /** A key write the browser refused (a full disk): the storage notice says so; nothing was downloaded. */
  const storing = (write: () => Promise<unknown>) => async () => {
    try {
      await write();
      clearStorageProblem();
    } catch (failure) {
      noteStorageError(failure);
    }
  };
  const createKey = storing(async () => {
    const created = await createSigningKey();
    await saveSigningKey(db, { publicKey: created.publicKey, privateKey: created.privateKey, createdAt: Date.now(), origin: 'created' });
    // The one time the private key's bytes exist outside the browser's key store.
    download('playbook.private.key', privateKeyFileText(created.backup), 'text/plain');
    download('playbook.public.key', `${created.publicKey}\n`, 'text/plain');
    setBackupWarning(true);
    await refreshKeys();
  });
  const loadKey = (file: File | undefined) =>
    storing(async () => {
      if (!file) return;
      const loaded = await loadSigningKey(await file.text());
      if (!loaded) return setKeyMessage(t('studio.sign.badKeyFile'));
      await saveSigningKey(db, { ...loaded, createdAt: Date.now(), origin: 'loaded' });
      setKeyMessage(t('studio.sign.keyLoaded'));
      await refreshKeys();
    })();
  const sign = async () => {
    if (!key) return;
    // Signed only once the draft is valid (the button is disabled otherwise): id and version are the checked ones.
    const checked = (await s.checkNow())?.playbook;
    if (!checked) return;
    const signature = await signPlaybookText(key, canonicalBytes(doc), { id: checked.id, version: checked.version });
    signed.value = { text, signature, publicKey: key.publicKey };
    setMessage(t('studio.sign.done'));
  };
  const publish = async () => {
    // The header's check may be a moment behind the last keystroke: check what is sent.
    if (!(await s.checkNow())?.playbook) return;
    const outcome = await sendMessage('publishPlaybook', { name, base64: encodeBase64(canonicalBytes(doc)), signature: current?.signature ?? null });
    // A subscription (the rep's URL or the policy's) wins over a file at its next check: say so.
    const source = outcome.status === 'applied' ? (await sendMessage('resolvePlaybookSource').catch(() => undefined))?.active : undefined;
    const follows = source?.kind === 'url' || source?.kind === 'policy' ? ` ${t('studio.publish.followsUrl', { url: source.url })}` : '';
    setMessage(`${describeOutcome(outcome)}${follows}`);
  };

  return (
    <section class="card" aria-labelledby="publish-title" data-testid="publish">
      <h2 id="publish-title">{t('studio.publish.title')}</h2>
      <ol class="steps">
        <li>
          <p>{t('studio.publish.version', { version: typeof version === 'string' ? version : '' })}</p>
          <button type="button" data-testid="bump" disabled={typeof version !== 'string'} onClick={() => s.edit((d) => setAt(d, ['version'], bumpVersion(String(version))))}>
            {t('studio.publish.bump')}
          </button>
        </li>
        <li>
          <button type="button" data-testid="export" disabled={!valid} onClick={() => void s.checkNow().then((checked) => checked?.playbook && download(name, text, 'application/json'))}>
            {t('studio.publish.export', { name })}
          </button>
          {!valid && <p class="error small">{t('studio.publish.invalid')}</p>}
        </li>
        <li>
          <h3>{t('studio.sign.title')}</h3>
          {key ? (
            <p class="small" data-testid="signing-key">
              {t('studio.sign.key', { key: `${key.publicKey.slice(0, 12)}…${key.publicKey.slice(-8)}` })}{' '}
              <button type="button" class="link" onClick={() => void storing(() => forgetSigningKey(db, key.publicKey).then(refreshKeys))()}>
                {t('studio.sign.forget')}
              </button>
            </p>
          ) : (
            <p class="small">{t('studio.sign.noKey')}</p>
          )}
          {backupWarning && (
            <p class="warning" role="alert" data-testid="backup-warning">
              {t('studio.sign.backupWarning')}
            </p>
          )}
          <div class="row">
            <button type="button" data-testid="create-key" onClick={() => void createKey()}>
              {t('studio.sign.create')}
            </button>
            <label class="file">
              {t('studio.sign.load')}
              <input type="file" accept=".key,.pem,.txt" onChange={(e) => void loadKey(e.currentTarget.files?.[0])} />
            </label>
          </div>
          {keyMessage && <p class="small">{keyMessage}</p>}
          <div class="row">
            <button type="button" data-testid="sign" disabled={!key || !valid} onClick={() => void sign()}>
              {t('studio.sign.sign')}
            </button>
            <button type="button" data-testid="download-sig" disabled={!current} onClick={() => current && download(`${name}.sig`, current.signature, 'text/plain')}>
              {t('studio.sign.download', { name: `${name}.sig` })}
            </button>
          </div>
          {current && <p class="small ok" data-testid="signed">{t('studio.sign.signedBy', { key: `${current.publicKey.slice(0, 12)}…` })}</p>}
        </li>
        <li>
          <button type="button" data-testid="publish-here" disabled={!valid} onClick={() => void publish()}>
            {t('studio.publish.here')}
          </button>
          <p class="small muted">{t('studio.publish.hereHelp')}</p>
        </li>
      </ol>
      {message && (
        <p class="small" role="status" data-testid="publish-message">
          {message}
        </p>
      )}
    </section>
  );
}

export function currentSignature() {
  return signed.value;
}

