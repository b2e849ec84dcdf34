// Changes to the personas and their signals, to tactics wherever they live, and to the
// learning scenarios.
import type { ChangeOwner } from '../changes';
import type { Persona, Playbook, Tactic } from '../schema';
import { byLanguage, formatPath, indexById, unionIds, type Path, type Recorder } from './record';

export function diffPersonas(old: Playbook, next: Playbook, rec: Recorder): void {
  const before = indexById(old.personas);
  const after = indexById(next.personas);
  for (const id of unionIds(old.personas, next.personas)) {
    const was = before.get(id);
    const now = after.get(id);
    const owner = { persona: id };
    if (!was && now) {
      rec.push({ kind: 'added', area: 'persona', id, path: formatPath(['personas', now.index]), owner, label: now.item.label });
    } else if (was && !now) {
      rec.push({ kind: 'removed', area: 'persona', id, path: formatPath(['personas', was.index]), owner, label: was.item.label });
    } else if (was && now) {
      const path: Path = ['personas', now.index];
      const base = { area: 'persona' as const, id, owner, label: now.item.label };
      const [b, a]: [Persona, Persona] = [was.item, now.item];
      rec.text(base, path, 'label', b.label, a.label);
      rec.text(base, path, 'summary', b.summary, a.summary);
      rec.list(base, path, 'traits', byLanguage(b.traits), byLanguage(a.traits));
      rec.list(base, path, 'avoid', byLanguage(b.avoid), byLanguage(a.avoid));
      rec.list(base, path, 'examples', b.examples, a.examples);
      rec.scalar(base, path, 'colour', b.colour, a.colour);
      diffSignals(b, a, path, was.index, rec);
    }
  }
}

function diffSignals(b: Persona, a: Persona, path: Path, oldIndex: number, rec: Recorder): void {
  const before = indexById(b.signals);
  const after = indexById(a.signals);
  const owner = { persona: a.id };
  for (const signalId of unionIds(b.signals, a.signals)) {
    const was = before.get(signalId);
    const now = after.get(signalId);
    const id = `${a.id}.${signalId}`;
    if (!was && now) {
      rec.push({
        kind: 'added',
        area: 'signal',
        id,
        path: formatPath([...path, 'signals', now.index]),
        owner,
        label: now.item.label,
        detail: { weight: now.item.weight },
      });
    } else if (was && !now) {
      rec.push({ kind: 'removed', area: 'signal', id, path: formatPath(['personas', oldIndex, 'signals', was.index]), owner, label: was.item.label });
    } else if (was && now) {
      const signalPath: Path = [...path, 'signals', now.index];
      const base = { area: 'signal' as const, id, owner, label: now.item.label };
      rec.text(base, signalPath, 'label', was.item.label, now.item.label);
      rec.scalar(base, signalPath, 'weight', was.item.weight, now.item.weight);
      rec.list(base, signalPath, 'patterns', was.item.patterns, now.item.patterns);
      const fact = (f: typeof was.item.fact) => (f ? JSON.stringify(f) : undefined);
      rec.scalar(base, signalPath, 'fact', fact(was.item.fact), fact(now.item.fact));
    }
  }
}

interface TacticPlace {
  tactic: Tactic;
  path: Path;
  owner: ChangeOwner;
}

function tacticPlaces(pb: Playbook): Map<string, TacticPlace> {
  const places = new Map<string, TacticPlace>();
  pb.segmentation.segments.forEach((s, si) =>
    s.tactics.forEach((tactic, ti) =>
      places.set(tactic.id, { tactic, path: ['segmentation', 'segments', si, 'tactics', ti], owner: { segment: s.id } }),
    ),
  );
  pb.personas.forEach((p, pi) =>
    p.tactics.forEach((tactic, ti) => places.set(tactic.id, { tactic, path: ['personas', pi, 'tactics', ti], owner: { persona: p.id } })),
  );
  return places;
}

const sameOwner = (a: ChangeOwner, b: ChangeOwner): boolean => a.persona === b.persona && a.segment === b.segment;

/** Tactics are matched by id across every persona and segment, so a tactic that moved is one change. */
export function diffTactics(old: Playbook, next: Playbook, rec: Recorder): void {
  const before = tacticPlaces(old);
  const after = tacticPlaces(next);
  for (const [id, now] of after) {
    const was = before.get(id);
    const label = now.tactic.text;
    if (!was) {
      rec.push({ kind: 'added', area: 'tactic', id, path: formatPath(now.path), owner: now.owner, label, detail: { when: now.tactic.when } });
      continue;
    }
    const base = { area: 'tactic' as const, id, owner: now.owner, label };
    if (!sameOwner(was.owner, now.owner)) {
      rec.push({ kind: 'changed', ...base, path: formatPath(now.path), field: 'owner', previousOwner: was.owner });
    }
    rec.scalar(base, now.path, 'when', was.tactic.when, now.tactic.when);
    rec.text(base, now.path, 'text', was.tactic.text, now.tactic.text);
    rec.text(base, now.path, 'why', was.tactic.why, now.tactic.why);
  }
  for (const [id, was] of before) {
    if (after.has(id)) continue;
    rec.push({ kind: 'removed', area: 'tactic', id, path: formatPath(was.path), owner: was.owner, label: was.tactic.text });
  }
}

export function diffScenarios(old: Playbook, next: Playbook, rec: Recorder): void {
  const before = indexById(old.learning.scenarios);
  const after = indexById(next.learning.scenarios);
  for (const id of unionIds(old.learning.scenarios, next.learning.scenarios)) {
    const was = before.get(id);
    const now = after.get(id);
    if (!was && now) {
      rec.push({
        kind: 'added',
        area: 'scenario',
        id,
        path: formatPath(['learning', 'scenarios', now.index]),
        owner: { persona: now.item.persona },
        label: now.item.text,
      });
    } else if (was && !now) {
      rec.push({
        kind: 'removed',
        area: 'scenario',
        id,
        path: formatPath(['learning', 'scenarios', was.index]),
        owner: { persona: was.item.persona },
        label: was.item.text,
      });
    } else if (was && now) {
      const path: Path = ['learning', 'scenarios', now.index];
      const base = { area: 'scenario' as const, id, owner: { persona: now.item.persona }, label: now.item.text };
      rec.text(base, path, 'text', was.item.text, now.item.text);
      rec.scalar(base, path, 'persona', was.item.persona, now.item.persona);
      rec.scalar(base, path, 'secondary', was.item.secondary, now.item.secondary);
      rec.text(base, path, 'why', was.item.why, now.item.why);
    }
  }
}
