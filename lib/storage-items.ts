import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { readHosts, type CustomHost } from './custom-hosts';
import type { ImportedFile, RepSourceOptions } from './playbook/fetch-rules';
import type { TabState } from './tab-state';

// Every setting and every piece of session state the extension keeps in browser storage, typed,
// in one place. Watchers (`.watch`) replace hand-written `storage.onChanged` filters.

/** What the rep set on the options page about the playbook source. */
export const playbookOptions = storage.defineItem<RepSourceOptions>('local:playbookOptions', { fallback: {} });

/** The name of the last imported playbook file; its content is in the playbook history. Written by the background only. */
export const playbookFile = storage.defineItem<ImportedFile | null>('local:playbookFile', { fallback: null });

/** CRM hosts the rep added; read defensively, since an older build may have written anything. */
export const customHosts = {
  item: storage.defineItem<unknown>('local:customHosts', { fallback: [] }),
  async get(): Promise<CustomHost[]> {
    return readHosts(await this.item.getValue());
  },
  set(hosts: CustomHost[]): Promise<void> {
    return this.item.setValue(hosts);
  },
  watch(callback: (hosts: CustomHost[]) => void): () => void {
    return this.item.watch((value) => callback(readHosts(value)));
  },
};

/**
 * What the panel shows for a tab, kept by the background in `storage.session` so it survives
 * a service-worker restart and a panel reload, and is gone when the browser closes.
 */
export function tabState(tabId: number) {
  return storage.defineItem<TabState | null>(`session:tab:${tabId}`, { fallback: null });
}

/**
 * The administrator's policy (`storage.managed`, keys as in public/managed-schema.json). Read as
 * a whole, because readPolicy checks what an administrator typed by hand; any change is a policy change.
 */
export const policy = {
  async get(): Promise<Record<string, unknown>> {
    // Firefox rejects storage.managed.get when no policy exists; that is "no policy".
    return browser.storage.managed.get().catch(() => ({}));
  },
  watch(callback: () => void): () => void {
    const listener = () => callback();
    browser.storage.managed.onChanged.addListener(listener);
    return () => browser.storage.managed.onChanged.removeListener(listener);
  },
};

/** My accounts: the hours per month the rep has for account work, against which the workload is shown. */
export const accountHours = storage.defineItem<number>('local:accountHours', { fallback: 80 });
