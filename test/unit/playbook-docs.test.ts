import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readPolicy } from '../../lib/playbook/fetch-rules';
import { loadPlaybook } from '../../lib/playbook/migrate';

// docs/playbook.md is what leads and administrators copy from: its examples must work.
const markdown = readFileSync(fileURLToPath(new URL('../../docs/playbook.md', import.meta.url)), 'utf8');
const jsonBlocks = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as any);

describe('docs/playbook.md', () => {
  test('the example playbook is valid', () => {
    const example = jsonBlocks.find((b) => 'schemaVersion' in b);
    const result = loadPlaybook(example);
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(example.$schema).toBe('./playbook.schema.json');
  });

  test('the Firefox and Chrome policy examples use exactly the managed keys', () => {
    const firefox = jsonBlocks.find((b) => 'policies' in b).policies['3rdparty'].Extensions['playcard@playcard.app'];
    const chrome = Object.values(jsonBlocks.find((b) => '3rdparty' in b)['3rdparty'].extensions)[0];
    for (const policy of [firefox, chrome]) {
      expect(Object.keys(policy)).toEqual(['playbookUrl', 'publicKey', 'pollMinutes', 'lockSource']);
      expect(readPolicy(policy).problems).toEqual([]);
    }
  });
});
