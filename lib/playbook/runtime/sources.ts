import { playbookFile, playbookOptions, policy } from '../../storage-items';
import { readPolicy, resolveSource, type ImportedFile, type SourceResolution, type UrlRuleOptions } from '../fetch-rules';

/**
 * The playbook source in force: the administrator's policy, the rep's options and the last
 * imported file, resolved by the rules in fetch-rules.ts.
 */
export async function currentSource(
  builtin: { version: string },
  rules: UrlRuleOptions = {},
  /** Resolve as if this file were already imported: the key in force for a file about to be applied. */
  incomingFile?: ImportedFile,
): Promise<SourceResolution> {
  const [managed, options, file] = await Promise.all([policy.get(), playbookOptions.getValue(), playbookFile.getValue()]);
  const { policy: read, problems } = readPolicy(managed, rules);
  const resolution = resolveSource({ policy: read, options, file: incomingFile ?? file ?? undefined, builtin }, rules);
  return { ...resolution, notes: [...problems, ...resolution.notes] };
}

/**
 * Calls back when anything the source depends on changes (policy, the rep's options, the
 * imported file), and on nothing else: a page read's session write is not a source change.
 */
export function watchSource(callback: () => void): () => void {
  const stops = [policy.watch(callback), playbookOptions.watch(() => callback()), playbookFile.watch(() => callback())];
  return () => stops.forEach((stop) => stop());
}
