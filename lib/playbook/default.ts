import json from './default-playbook.json';
import type { Playbook } from './schema';

/**
 * The built-in playbook. It is stored already normalised (every default
 * spelled out), which test/unit/default-playbook.test.ts checks by parsing it,
 * so extension pages can use it without shipping zod.
 */
export const DEFAULT_PLAYBOOK = json as unknown as Playbook;
