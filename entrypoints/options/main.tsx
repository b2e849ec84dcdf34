import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CustomHostsSection, type AddHostFailure } from '../../components/custom-hosts-section';
import { LanguageSection } from '../../components/language-section';
import { PlaybookSection } from '../../components/playbook-section';
import '../../components/panel.css';
import { CUSTOM_HOSTS_KEY, addHost, matchPatterns, parseHostInput, readHosts, removeHost, type CustomHost } from '../../lib/custom-hosts';
import { t } from '../../lib/i18n';
import { followLanguageSetting } from '../../lib/i18n/setting';
import { ADAPTERS } from '../../lib/sites';
import { noticeOf, openDb, statusOf, type MetaRecord, type PlaybookVersion, type StoredPlaybook } from '../../lib/db';
import { liveSignal } from '../../lib/panel/live';
import { applyIncoming, rollBack } from '../../lib/playbook-store';
import {
  CHECK_PLAYBOOK,
  describeCheck,
  PLAYBOOK_FILE_KEY,
  PLAYBOOK_OPTIONS_KEY,
  RESOLVE_PLAYBOOK_SOURCE,
  type CheckOutcome,
} from '../../lib/playbook-service';
import { checkPlaybookUrl, type RepSourceOptions, type SourceResolution } from '../../lib/playbook/fetch-rules';

followLanguageSetting();
document.title = t('options.title');

const hosts = signal<CustomHost[]>([]);
const sites = [{ id: 'generic', label: t('options.hosts.generic') }, ...ADAPTERS.map(({ id, label }) => ({ id, label }))];

const db = openDb();
const active = liveSignal<StoredPlaybook | null>(() => async () => (await db.playbooks.get('active')) ?? null, console.error);
const history = liveSignal<PlaybookVersion[]>(() => () => db.playbookHistory.reverse().toArray(), console.error);
const meta = liveSignal<MetaRecord[]>(() => () => db.meta.toArray(), console.error);
const resolution = signal<SourceResolution | undefined>(undefined);
const repOptions = signal<RepSourceOptions>({});

async function loadPlaybookSettings(): Promise<void> {
  repOptions.value = ((await browser.storage.local.get(PLAYBOOK_OPTIONS_KEY))[PLAYBOOK_OPTIONS_KEY] as RepSourceOptions | undefined) ?? {};
  resolution.value = (await browser.runtime.sendMessage(RESOLVE_PLAYBOOK_SOURCE)) as SourceResolution | undefined;
}
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && (PLAYBOOK_OPTIONS_KEY in changes || PLAYBOOK_FILE_KEY in changes))) void loadPlaybookSettings();
});

async function savePlaybookOptions(next: RepSourceOptions): Promise<string> {
  if (next.url) {
    const checked = checkPlaybookUrl(next.url);
    if (!checked.ok) return checked.message;
    // With the host's permission the background reads the file without CORS; without it,
    // the host must send Access-Control-Allow-Origin (docs/playbook.md). Asked inside the click.
    await browser.permissions.request({ origins: [`${new URL(checked.url).origin}/*`] }).catch(() => false);
  }
  await browser.storage.local.set({ [PLAYBOOK_OPTIONS_KEY]: next });
  return t('options.playbook.saved');
}

async function checkNow(): Promise<string> {
  return describeCheck((await browser.runtime.sendMessage(CHECK_PLAYBOOK)) as CheckOutcome);
}

async function importFiles(files: File[]): Promise<string> {
  const playbook = files.find((file) => !file.name.endsWith('.sig'));
  if (!playbook) return t('options.playbook.noJson');
  const signature = files.find((file) => file.name.endsWith('.sig'));
  const outcome = await applyIncoming(db, {
    bytes: new Uint8Array(await playbook.arrayBuffer()),
    source: 'file',
    origin: playbook.name,
    publicKey: resolution.value?.publicKey,
    signature: signature ? (await signature.text()).trim() : null,
  });
  if (outcome.status !== 'rejected') await browser.storage.local.set({ [PLAYBOOK_FILE_KEY]: { name: playbook.name } });
  return describeCheck(outcome);
}

async function rollBackTo(seq: number): Promise<string> {
  const outcome = await rollBack(db, seq);
  return outcome.status === 'applied' ? t('options.playbook.rolledBack', { version: outcome.version }) : describeCheck(outcome);
}

async function loadHosts(): Promise<void> {
  hosts.value = readHosts((await browser.storage.local.get(CUSTOM_HOSTS_KEY))[CUSTOM_HOSTS_KEY]);
}
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && CUSTOM_HOSTS_KEY in changes) void loadHosts();
void loadPlaybookSettings();
});

async function add(address: string, site: string): Promise<AddHostFailure | undefined> {
  const parsed = parseHostInput(address);
  if (!parsed.ok) return parsed.error;
  // Asked before any other await: the browser shows its prompt only during the click.
  const granted = await browser.permissions.request({ origins: [parsed.pattern] });
  if (!granted) return 'denied';
  await browser.storage.local.set({ [CUSTOM_HOSTS_KEY]: addHost(hosts.value, parsed.origin, site) });
  return undefined;
}

async function remove(origin: string): Promise<void> {
  const next = removeHost(hosts.value, origin);
  await browser.storage.local.set({ [CUSTOM_HOSTS_KEY]: next });
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
      <CustomHostsSection hosts={hosts.value} sites={sites} onAdd={add} onRemove={(origin) => void remove(origin)} />
      <LanguageSection />
    </main>
  );
}

void loadHosts();
void loadPlaybookSettings();
render(<Options />, document.getElementById('app')!);
