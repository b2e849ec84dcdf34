import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CustomHostsSection, type AddHostFailure } from '../../components/custom-hosts-section';
import { LanguageSection } from '../../components/language-section';
import { PlaybookSection } from '../../components/playbook-section';
import '../../components/panel.css';
import { describeOutcome } from '../../components/playbook-outcome';
import { addHost, matchPatterns, parseHostInput, removeHost, type CustomHost } from '../../lib/custom-hosts';
import { pageAreas, t } from '../../lib/i18n';
import { followLanguageSetting } from '../../lib/i18n/setting';
import { ADAPTERS } from '../../lib/sites';
import { DB_NAME, noticeOf, openDb, statusOf, type MetaRecord, type PlaybookVersion, type StoredPlaybook } from '../../lib/db';
import { sendMessage } from '../../lib/messages';
import { StorageProblemNotice } from '../../components/storage-problem';
import { storageProblemHooks } from '../../lib/storage-problem';
import { liveSignal } from '../../lib/panel/live';
import { checkPlaybookUrl, MAX_PLAYBOOK_BYTES, type RepSourceOptions } from '../../lib/playbook/fetch-rules';
import { encodeBase64 } from '../../lib/playbook/signature';
import { customHosts, playbookOptions } from '../../lib/storage-items';
import { createPlaybookSettings } from './playbook-settings';

// This page's own strings load with the rep's language.
pageAreas('options');
await followLanguageSetting();
// Re-worded when the rep picks another language below, like the rest of the page.
effect(() => {
  document.title = t('options.title');
});

const hosts = signal<CustomHost[]>([]);
/** Worded at each render, so a language change reaches the list too. */
const sites = () => [{ id: 'generic', label: t('options.hosts.generic') }, ...ADAPTERS.map(({ id, label }) => ({ id, label }))];

const db = openDb(DB_NAME, storageProblemHooks);
const active = liveSignal<StoredPlaybook | null>(() => async () => (await db.playbooks.get('active')) ?? null, console.error);
const history = liveSignal<PlaybookVersion[]>(() => () => db.playbookHistory.reverse().toArray(), console.error);
const meta = liveSignal<MetaRecord[]>(() => () => db.meta.toArray(), console.error);
// The page reads the playbook and its history; every change of it is asked of the background.
const playbookSettings = createPlaybookSettings();
const { options: repOptions, resolution } = playbookSettings;

async function savePlaybookOptions(next: RepSourceOptions): Promise<string> {
  if (next.url) {
    const checked = checkPlaybookUrl(next.url);
    if (!checked.ok) return checked.message;
    // With the host's permission the background reads the file without CORS; without it,
    // the host must send Access-Control-Allow-Origin (docs/playbook.md). Asked inside the click.
    await browser.permissions.request({ origins: [`${new URL(checked.url).origin}/*`] }).catch(() => false);
  }
  await playbookOptions.setValue(next);
  return t('options.playbook.saved');
}

async function checkNow(): Promise<string> {
  return describeOutcome(await sendMessage('checkPlaybook'));
}

async function importFiles(files: File[]): Promise<string> {
  const playbook = files.find((file) => !file.name.endsWith('.sig'));
  if (!playbook) return t('options.playbook.noJson');
  // Checked before the file is read and sent; the background checks the bytes again.
  if (playbook.size > MAX_PLAYBOOK_BYTES) return describeOutcome({ status: 'rejected', reason: { code: 'too-large', bytes: playbook.size, limit: MAX_PLAYBOOK_BYTES } });
  const signature = files.find((file) => file.name.endsWith('.sig'));
  const outcome = await sendMessage('importPlaybook', {
    name: playbook.name,
    // The exact bytes (a signature covers bytes, not text), as base64 because extension messages are JSON.
    base64: encodeBase64(new Uint8Array(await playbook.arrayBuffer())),
    signature: signature ? (await signature.text()).trim() : null,
  });
  return describeOutcome(outcome);
}

async function rollBackTo(seq: number): Promise<string> {
  const outcome = await sendMessage('rollBackPlaybook', seq);
  return outcome.status === 'applied' ? t('options.playbook.rolledBack', { version: outcome.version }) : describeOutcome(outcome);
}

async function loadHosts(): Promise<void> {
  hosts.value = await customHosts.get();
}
customHosts.watch((next) => (hosts.value = next));

async function add(address: string, site: string): Promise<AddHostFailure | undefined> {
  const parsed = parseHostInput(address);
  if (!parsed.ok) return parsed.error;
  // Asked before any other await: the browser shows its prompt only during the click.
  const granted = await browser.permissions.request({ origins: [parsed.pattern] });
  if (!granted) return 'denied';
  await customHosts.set(addHost(hosts.value, parsed.origin, site));
  return undefined;
}

async function remove(origin: string): Promise<void> {
  const next = removeHost(hosts.value, origin);
  await customHosts.set(next);
  const parsed = parseHostInput(origin);
  // Another entry (same host, other port or scheme) may still need the permission.
  if (parsed.ok && !matchPatterns(next).includes(parsed.pattern)) {
    // A host the manifest grants already (a known site) stays granted: that is not an error.
    await browser.permissions.remove({ origins: [parsed.pattern] }).catch(() => false);
  }
}

function Options() {
  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      <StorageProblemNotice />
      <p><a href="/studio.html" data-testid="studio-link">{t('options.studioLink')}</a></p>
      <p><a href="/accounts.html" target="_blank" data-testid="accounts-link">{t('accounts.link')}</a></p>
      <p class="learn-link"><a href={browser.runtime.getURL('/learn.html')} target="_blank" rel="noopener" data-testid="open-learn" title={t('learn.open.hint')}>{t('learn.open')}</a> <span class="muted small">{t('learn.open.hint')}</span></p>
      <PlaybookSection
        active={active.value.value ?? undefined}
        history={history.value.value ?? []}
        status={statusOf(meta.value.value)}
        notice={noticeOf(meta.value.value)}
        resolution={resolution.value}
        options={repOptions.value}
        onSave={savePlaybookOptions}
        onCheckNow={checkNow}
        onImport={importFiles}
        onRollBack={rollBackTo}
      />
      <CustomHostsSection hosts={hosts.value} sites={sites()} onAdd={add} onRemove={(origin) => void remove(origin)} />
      <LanguageSection />
    </main>
  );
}

void loadHosts();
void playbookSettings.load();
render(<Options />, document.getElementById('app')!);
