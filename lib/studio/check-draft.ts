// The draft checked by the extension's own zod schema. Its own module, loaded on demand:
// zod is the heaviest thing the studio uses, and opening a stored playbook needs no check (it
// was checked when it was stored), so the page loads this after its first paint.
import { loadPlaybook } from '../playbook/migrate';
import type { Json } from './draft';
import type { DraftCheck } from './validate';

export function checkDraft(doc: Json): DraftCheck {
  const result = loadPlaybook(doc);
  return result.ok ? { playbook: result.playbook, errors: [] } : { errors: result.errors };
}
