import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPlaybookSettings } from '../../entrypoints/options/playbook-settings';
import type { SourceResolution } from '../../lib/playbook/fetch-rules';
import { customHosts, playbookFile, playbookOptions, tabState } from '../../lib/storage-items';

beforeEach(() => fakeBrowser.reset());

/** Lets storage events and the reloads they start run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function counted() {
  let asked = 0;
  const settings = createPlaybookSettings({
    resolve: async () => {
      asked++;
      return { active: { kind: 'builtin', version: 'x' } } as SourceResolution;
    },
  });
  return { settings, asked: () => asked };
}

test('an open options page does not ask the background again for each page read or host change', async () => {
  const { settings, asked } = counted();
  await settings.load();
  expect(asked()).toBe(1);
  // What happens all day while the options page is open: each page read writes the tab's state.
  await tabState(12).setValue({ status: 'unrecognised', url: 'https://example.com/', at: 1 });
  await tabState(12).setValue({ status: 'unrecognised', url: 'https://example.com/a', at: 2 });
  await customHosts.set([{ origin: 'https://crm.example.com', site: 'generic', addedAt: 1 }]);
  await settle();
  expect(asked()).toBe(1);
  settings.dispose();
});

test('it reloads when the playbook source changes: the rep options, an imported file, the policy', async () => {
  const { settings, asked } = counted();
  await playbookOptions.setValue({ url: 'https://playbooks.example.com/team.json' });
  await settle();
  expect(asked()).toBe(1);
  expect(settings.options.value).toEqual({ url: 'https://playbooks.example.com/team.json' });
  await playbookFile.setValue({ name: 'team.json' });
  await settle();
  expect(asked()).toBe(2);
  await fakeBrowser.storage.managed.set({ playbookUrl: 'https://cdn.example.com/team.json' });
  await settle();
  expect(asked()).toBe(3);
  settings.dispose();
  await playbookOptions.setValue({});
  await settle();
  expect(asked()).toBe(3);
});
