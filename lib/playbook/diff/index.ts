// What changed between two versions of a playbook, for the rep ("Playbook updated to
// 2026.11-2: 4 changes") and for the lead (`npm run playbook -- diff old.json new.json`).
// Changes are data (../changes.ts), worded at render (../change-text.ts).
// Pure: no zod, no browser API.
import type { PlaybookChange } from '../changes';
import type { Playbook } from '../schema';
import { diffPersonas, diffScenarios, diffTactics } from './personas';
import { Recorder, type Path } from './record';
import { diffCriteria, diffMatrix, diffSegments } from './segmentation';

export { relevantFirst, touches, type ChangeArea, type ChangeKind, type PlaybookChange, type RelevanceContext } from '../changes';

function diffMeta(old: Playbook, next: Playbook, rec: Recorder): void {
  // `version` is not a change of its own: it heads the notice ("updated to 2026.11-2").
  const base = { area: 'meta' as const, id: 'playbook', label: next.name };
  rec.scalar(base, [], 'id', old.id, next.id);
  rec.text(base, [], 'name', old.name, next.name);
  rec.scalar(base, [], 'fallbackLanguage', old.fallbackLanguage, next.fallbackLanguage);
  const b = old.personaSuggestion;
  const a = next.personaSuggestion;
  const path: Path = ['personaSuggestion'];
  const suggestion = { area: 'meta' as const, id: 'personaSuggestion' };
  rec.scalar(suggestion, path, 'minConfidence', b.minConfidence, a.minConfidence);
  rec.scalar(suggestion, path, 'secondaryRatio', b.secondaryRatio, a.secondaryRatio);
  rec.list(suggestion, path, 'neutralExamples', b.neutralExamples, a.neutralExamples);
}

/**
 * Structural changes from `old` to `next`, matched by stable ids (not by array
 * position), texts compared per language. Order: meta, criteria and their options,
 * matrix, segments, personas and their signals, tactics, scenarios. Reordering a
 * list of ids is not a change. A change of `version` alone yields no change.
 */
export function diffPlaybooks(old: Playbook, next: Playbook): PlaybookChange[] {
  const rec = new Recorder();
  diffMeta(old, next, rec);
  diffCriteria(old, next, rec);
  diffMatrix(old, next, rec);
  diffSegments(old, next, rec);
  diffPersonas(old, next, rec);
  diffTactics(old, next, rec);
  diffScenarios(old, next, rec);
  return rec.changes;
}
