import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CustomHostsSection } from '../../components/custom-hosts-section';
import '../../components/panel.css';
import { CUSTOM_HOSTS_KEY, addHost, matchPatterns, parseHostInput, readHosts, removeHost, type CustomHost } from '../../lib/custom-hosts';
import { pickLanguage, t, uiLanguage } from '../../lib/i18n';
import { ADAPTERS } from '../../lib/sites';

uiLanguage.value = pickLanguage(navigator.languages);
document.documentElement.lang = uiLanguage.value;
document.title = t('options.title');

const hosts = signal<CustomHost[]>([]);
const sites = [{ id: 'generic', label: t('options.hosts.generic') }, ...ADAPTERS.map(({ id, label }) => ({ id, label }))];

async function loadHosts(): Promise<void> {
  hosts.value = readHosts((await browser.storage.local.get(CUSTOM_HOSTS_KEY))[CUSTOM_HOSTS_KEY]);
}
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && CUSTOM_HOSTS_KEY in changes) void loadHosts();
});

async function add(address: string, site: string): Promise<string | undefined> {
  const parsed = parseHostInput(address);
  if (!parsed.ok) return parsed.error;
  // Asked before any other await: the browser shows its prompt only during the click.
  const granted = await browser.permissions.request({ origins: [parsed.pattern] });
  if (!granted) return t('options.hosts.denied');
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
      <CustomHostsSection hosts={hosts.value} sites={sites} onAdd={add} onRemove={(origin) => void remove(origin)} />
    </main>
  );
}

void loadHosts();
render(<Options />, document.getElementById('app')!);
