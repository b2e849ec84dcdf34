import { signal } from '@preact/signals';
import { sendMessage } from '../../lib/messages';
import type { RepSourceOptions, SourceResolution } from '../../lib/playbook/fetch-rules';
import { watchSource } from '../../lib/playbook/runtime/sources';
import { playbookOptions } from '../../lib/storage-items';

export interface PlaybookSettingsDeps {
  /** Asks the background which source is in force (the real message, or a test's counter). */
  resolve?: () => Promise<SourceResolution | undefined>;
}

/**
 * The options page's view of the playbook source: the rep's saved options and the background's
 * resolution, loaded once and again whenever the source's settings or the policy change, and
 * on nothing else (not on each page read's session write, not on a custom host).
 */
export function createPlaybookSettings({ resolve = () => sendMessage('resolvePlaybookSource') }: PlaybookSettingsDeps = {}) {
  const options = signal<RepSourceOptions>({});
  const resolution = signal<SourceResolution | undefined>(undefined);
  async function load(): Promise<void> {
    options.value = await playbookOptions.getValue();
    resolution.value = await resolve().catch(() => undefined);
  }
  const stop = watchSource(() => void load());
  return { options, resolution, load, dispose: stop };
}
