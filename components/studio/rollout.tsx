import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { checkPublished, type PublishedCheck } from '../../lib/studio/check-published';
import { exportFileName } from '../../lib/studio/canonical';
import { FIREFOX_ID, firefoxPolicies, linuxJson, macMobileconfig, macPlist, windowsReg, type PolicyValues } from '../../lib/studio/policies';
import type { StudioState } from '../../lib/studio/state';
import { download } from './download';
import { signingKeyList } from './keys';

function describeCheck(result: PublishedCheck): string {
  if (result.ok)
    return result.signature === 'valid' ? t('studio.check.okSigned', { version: result.version }) : t('studio.check.ok', { version: result.version });
  switch (result.code) {
    case 'bad-url':
      return t('studio.check.badUrl', { detail: result.detail });
    case 'unreachable':
      return t('studio.check.unreachable', { detail: result.detail });
    case 'invalid':
      return t('studio.check.invalid', { detail: result.detail });
    case 'unsigned':
      return t('studio.check.unsigned', { url: result.detail });
    case 'bad-signature':
      return t('studio.check.badSignature', { url: result.detail });
    case 'response':
      return t('studio.check.response', { detail: result.detail });
  }
}

/** Step-by-step roll-out, filled in for this playbook: hosting, the rep's URL, policy files, a check of the published URL. */
export function Rollout({ s, extensionId }: { s: StudioState; extensionId: string }) {
  const name = s.doc.value === undefined ? 'playbook.json' : exportFileName(s.doc.value);
  const [url, setUrl] = useState(`https://playbooks.example.com/sales/${name}`);
  const [publicKey, setPublicKey] = useState(signingKeyList.value[0]?.publicKey ?? '');
  const newestKey = signingKeyList.value[0]?.publicKey;
  useEffect(() => {
    if (newestKey && !publicKey) setPublicKey(newestKey);
  }, [newestKey]);
  const [chromeId, setChromeId] = useState(extensionId);
  const [pollMinutes, setPollMinutes] = useState(60);
  const [lockSource, setLockSource] = useState(true);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<string | undefined>(undefined);
  const values: PolicyValues = { playbookUrl: url.trim(), publicKey: publicKey.trim(), pollMinutes, lockSource, chromeId: chromeId.trim(), firefoxId: FIREFOX_ID };
  const files = [
    { id: 'reg', name: 'playcard-policy.reg', title: t('studio.rollout.windows'), text: windowsReg(values), type: 'text/plain' },
    { id: 'mobileconfig', name: 'playcard-policy.mobileconfig', title: t('studio.rollout.macProfile'), text: macMobileconfig(values, () => crypto.randomUUID().toUpperCase()), type: 'application/x-apple-aspen-config' },
    { id: 'plist', name: `com.google.Chrome.extensions.${values.chromeId}.plist`, title: t('studio.rollout.macPlist'), text: macPlist(values), type: 'application/xml' },
    { id: 'linux', name: 'playcard-policy.json', title: t('studio.rollout.linux'), text: linuxJson(values), type: 'application/json' },
    { id: 'firefox', name: 'policies.json', title: t('studio.rollout.firefox'), text: firefoxPolicies(values), type: 'application/json' },
  ];
  const check = async () => {
    setChecking(true);
    try {
      setResult(describeCheck(await checkPublished(url, publicKey, { fetch: (input, init) => fetch(input, init) })));
    } finally {
      setChecking(false);
    }
  };
  return (
    <section class="card rollout" aria-labelledby="rollout-title" data-testid="rollout">
      <h2 id="rollout-title">{t('studio.rollout.title')}</h2>
      <ol class="steps">
        <li>
          <h3>{t('studio.rollout.host')}</h3>
          <p class="small">{t('studio.rollout.hostHelp', { name, sig: `${name}.sig` })}</p>
          <pre class="code">{`Access-Control-Allow-Origin: *\nCache-Control: no-cache\nContent-Type: application/json`}</pre>
        </li>
        <li>
          <h3>{t('studio.rollout.values')}</h3>
          <div class="field">
            <label for="rollout-url">{t('studio.rollout.url')}</label>
            <input id="rollout-url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} data-testid="rollout-url" />
          </div>
          <div class="field">
            <label for="rollout-key">{t('studio.rollout.key')}</label>
            <input id="rollout-key" type="text" value={publicKey} onInput={(e) => setPublicKey(e.currentTarget.value)} />
          </div>
          <div class="grid">
            <div class="field">
              <label for="rollout-id">{t('studio.rollout.extensionId')}</label>
              <input id="rollout-id" type="text" value={chromeId} onInput={(e) => setChromeId(e.currentTarget.value)} />
            </div>
            <div class="field narrow">
              <label for="rollout-poll">{t('studio.rollout.poll')}</label>
              <input id="rollout-poll" type="number" min={5} value={pollMinutes} onInput={(e) => setPollMinutes(Math.max(5, Number(e.currentTarget.value) || 60))} />
            </div>
            <label class="check">
              <input type="checkbox" checked={lockSource} onChange={(e) => setLockSource(e.currentTarget.checked)} />
              {t('studio.rollout.lock')}
            </label>
          </div>
        </li>
        <li>
          <h3>{t('studio.rollout.reps')}</h3>
          <p class="small">{t('studio.rollout.repsHelp', { url: values.playbookUrl })}</p>
        </li>
        <li>
          <h3>{t('studio.rollout.policy')}</h3>
          {files.map((file) => (
            <details key={file.id} data-testid={`policy-${file.id}`}>
              <summary>{file.title}</summary>
              <pre class="code">{file.text}</pre>
              <button type="button" onClick={() => download(file.name, file.text, file.type)}>
                {t('studio.rollout.download', { name: file.name })}
              </button>
            </details>
          ))}
        </li>
        <li>
          <h3>{t('studio.rollout.check')}</h3>
          <button type="button" disabled={checking} onClick={() => void check()} data-testid="check-published">
            {t('studio.rollout.checkButton')}
          </button>
          {result && (
            <p class="small" role="status" data-testid="check-result">
              {result}
            </p>
          )}
        </li>
      </ol>
    </section>
  );
}
