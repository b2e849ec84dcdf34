// What changed between two versions of a playbook, for the rep ("Playbook updated to
// 2026.11-2: 4 changes") and for the lead (`npm run playbook -- diff old.json new.json`).
// Pure: no zod, no browser API, so the panel can format changes without bundling the schema.
import type { Condition, Criterion, LocalPhrases, LocalText, Persona, Playbook, Segment, Tactic } from './schema';

export type ChangeKind = 'added' | 'removed' | 'changed';
export type ChangeArea = 'persona' | 'segment' | 'tactic' | 'criterion' | 'option' | 'signal' | 'matrix' | 'scenario' | 'meta';

export interface PlaybookChange {
  kind: ChangeKind;
  area: ChangeArea;
  /**
   * The thing's stable id. Options and signals are `<criterion>.<option>` and
   * `<persona>.<signal>` (ids never contain a dot); matrix cells are `<row>×<column>`.
   */
  id: string;
  /** JSON path in the new playbook, or in the old one for a removal: `personas[3].tactics[5].text.en`. */
  path: string;
  /** The persona or segment the change touches, so changes for the current account can come first. */
  owner?: { persona?: string; segment?: string };
  /** The field that changed, `text.pl` for one language of a text. Absent for added and removed. */
  field?: string;
  before?: string | number;
  after?: string | number;
  /** One English line: `Tactic "burned-offer-guarantees" (persona burned): text (en) changed`. */
  summary: string;
}

type Path = (string | number)[];

function formatPath(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || '(root)';
}

/** Text values short enough to quote in a summary; longer ones are just "changed". */
const QUOTE_LIMIT = 60;

function quoted(value: string | number | undefined): string {
  return typeof value === 'number' ? String(value) : `"${value ?? ''}"`;
}

function describeChange(field: string, before: string | number | undefined, after: string | number | undefined): string {
  const label = fieldLabel(field);
  if (before === undefined) return `${label} added${short(after) ? `: ${quoted(after)}` : ''}`;
  if (after === undefined) return `${label} removed`;
  if (short(before) && short(after)) return `${label} ${quoted(before)} → ${quoted(after)}`;
  return `${label} changed`;
}

function short(value: string | number | undefined): boolean {
  return typeof value === 'number' || (typeof value === 'string' && value.length <= QUOTE_LIMIT && !value.includes('\n'));
}

/** `text.pl` → `text (pl)`; `serviceLevel.owner.en` → `serviceLevel.owner (en)`; `minPoints` → `minimum points`. */
function fieldLabel(field: string): string {
  const names: Record<string, string> = { minPoints: 'minimum points', when: 'when', ask: 'ask the rep' };
  const match = /^(.*)\.([a-z]{2}(?:-[A-Z]{2})?)$/.exec(field);
  if (match) return `${names[match[1]!] ?? match[1]} (${match[2]})`;
  return names[field] ?? field;
}

const conditionText = (c: Condition | undefined): string | undefined => {
  if (!c) return undefined;
  const parts: string[] = [];
  if (c.min !== undefined) parts.push(`min ${c.min}`);
  if (c.max !== undefined) parts.push(`max ${c.max}`);
  if (c.equals) parts.push(`equals ${c.equals.join(' / ')}`);
  if (c.contains) parts.push(`contains ${c.contains.join(' / ')}`);
  return parts.join(', ');
};

/** Collects changes for one thing (a tactic, a segment...) with a common prefix for summaries. */
class Recorder {
  readonly changes: PlaybookChange[] = [];

  scalar(
    base: Omit<PlaybookChange, 'kind' | 'field' | 'before' | 'after' | 'summary' | 'path'>,
    title: string,
    path: Path,
    field: string,
    before: string | number | boolean | undefined,
    after: string | number | boolean | undefined,
  ): void {
    if (before === after) return;
    const b = typeof before === 'boolean' ? String(before) : before;
    const a = typeof after === 'boolean' ? String(after) : after;
    this.changes.push({
      kind: 'changed',
      ...base,
      path: formatPath([...path, ...field.split('.')]),
      field,
      ...(b === undefined ? {} : { before: b }),
      ...(a === undefined ? {} : { after: a }),
      summary: `${title}: ${describeChange(field, b, a)}`,
    });
  }

  /** One change per language whose text differs. */
  text(
    base: Omit<PlaybookChange, 'kind' | 'field' | 'before' | 'after' | 'summary' | 'path'>,
    title: string,
    path: Path,
    field: string,
    before: LocalText | undefined,
    after: LocalText | undefined,
  ): void {
    for (const lang of languages(before, after)) this.scalar(base, title, path, `${field}.${lang}`, before?.[lang], after?.[lang]);
  }

  /** Lists of texts or phrases, compared per language as a whole. */
  list(
    base: Omit<PlaybookChange, 'kind' | 'field' | 'before' | 'after' | 'summary' | 'path'>,
    title: string,
    path: Path,
    field: string,
    before: LocalPhrases | undefined,
    after: LocalPhrases | undefined,
  ): void {
    for (const lang of languages(before, after)) {
      const b = before?.[lang] ?? [];
      const a = after?.[lang] ?? [];
      if (sameList(b, a)) continue;
      const added = a.filter((x) => !b.includes(x)).length;
      const removed = b.filter((x) => !a.includes(x)).length;
      const what = added || removed ? [added && `${added} added`, removed && `${removed} removed`].filter(Boolean).join(', ') : 'reordered';
      this.changes.push({
        kind: 'changed',
        ...base,
        path: formatPath([...path, field, lang]),
        field: `${field}.${lang}`,
        before: b.join(' | '),
        after: a.join(' | '),
        summary: `${title}: ${field} (${lang}) changed (${what})`,
      });
    }
  }

  push(change: PlaybookChange): void {
    this.changes.push(change);
  }
}

function languages(...texts: (Record<string, unknown> | undefined)[]): string[] {
  const all = new Set<string>();
  for (const text of texts) for (const lang of Object.keys(text ?? {})) all.add(lang);
  return [...all];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `[{en: "a"}, {en: "b"}]` → `{en: ["a", "b"]}`, for traits and "avoid" lists. */
function byLanguage(list: readonly LocalText[]): LocalPhrases {
  const out: LocalPhrases = {};
  for (const text of list) for (const [lang, value] of Object.entries(text)) (out[lang] ??= []).push(value);
  return out;
}

function indexById<T extends { id: string }>(items: readonly T[]): Map<string, { item: T; index: number }> {
  return new Map(items.map((item, index) => [item.id, { item, index }]));
}

/** Ids present in either list: the new order first, then removed ones in their old order. */
function unionIds(before: readonly { id: string }[], after: readonly { id: string }[]): string[] {
  const ids = after.map((x) => x.id);
  for (const { id } of before) if (!ids.includes(id)) ids.push(id);
  return ids;
}

interface TacticPlace {
  tactic: Tactic;
  path: Path;
  owner: { persona?: string; segment?: string };
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

const ownerText = (owner: { persona?: string; segment?: string }): string =>
  owner.persona !== undefined ? `persona ${owner.persona}` : `segment ${owner.segment}`;

function diffTactics(old: Playbook, next: Playbook, rec: Recorder): void {
  const before = tacticPlaces(old);
  const after = tacticPlaces(next);
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) {
      rec.push({
        kind: 'added',
        area: 'tactic',
        id,
        path: formatPath(now.path),
        owner: now.owner,
        summary: `Tactic "${id}" added to ${ownerText(now.owner)} (${now.tactic.when})`,
      });
      continue;
    }
    const base = { area: 'tactic' as const, id, owner: now.owner };
    const title = `Tactic "${id}" (${ownerText(now.owner)})`;
    if (ownerText(was.owner) !== ownerText(now.owner)) {
      rec.push({
        kind: 'changed',
        ...base,
        path: formatPath(now.path),
        field: 'owner',
        before: ownerText(was.owner),
        after: ownerText(now.owner),
        summary: `Tactic "${id}" moved from ${ownerText(was.owner)} to ${ownerText(now.owner)}`,
      });
    }
    rec.scalar(base, title, now.path, 'when', was.tactic.when, now.tactic.when);
    rec.text(base, title, now.path, 'text', was.tactic.text, now.tactic.text);
    rec.text(base, title, now.path, 'why', was.tactic.why, now.tactic.why);
  }
  for (const [id, was] of before) {
    if (after.has(id)) continue;
    rec.push({
      kind: 'removed',
      area: 'tactic',
      id,
      path: formatPath(was.path),
      owner: was.owner,
      summary: `Tactic "${id}" removed from ${ownerText(was.owner)}`,
    });
  }
}

function diffSegments(old: Playbook, next: Playbook, rec: Recorder): void {
  const before = indexById(old.segmentation.segments);
  const after = indexById(next.segmentation.segments);
  for (const id of unionIds(old.segmentation.segments, next.segmentation.segments)) {
    const was = before.get(id);
    const now = after.get(id);
    const owner = { segment: id };
    if (!was && now) {
      rec.push({
        kind: 'added',
        area: 'segment',
        id,
        path: formatPath(['segmentation', 'segments', now.index]),
        owner,
        summary: `Segment "${id}" added (from ${now.item.minPoints} points)`,
      });
    } else if (was && !now) {
      rec.push({ kind: 'removed', area: 'segment', id, path: formatPath(['segmentation', 'segments', was.index]), owner, summary: `Segment "${id}" removed` });
    } else if (was && now) {
      const path: Path = ['segmentation', 'segments', now.index];
      const base = { area: 'segment' as const, id, owner };
      const title = `Segment "${id}"`;
      const [b, a]: [Segment, Segment] = [was.item, now.item];
      rec.text(base, title, path, 'label', b.label, a.label);
      rec.text(base, title, path, 'description', b.description, a.description);
      rec.scalar(base, title, path, 'minPoints', b.minPoints, a.minPoints);
      rec.scalar(base, title, path, 'colour', b.colour, a.colour);
      rec.text(base, title, path, 'serviceLevel.owner', b.serviceLevel.owner, a.serviceLevel.owner);
      rec.text(base, title, path, 'serviceLevel.responseTime', b.serviceLevel.responseTime, a.serviceLevel.responseTime);
      rec.text(base, title, path, 'serviceLevel.channel', b.serviceLevel.channel, a.serviceLevel.channel);
      rec.scalar(base, title, path, 'serviceLevel.touch', b.serviceLevel.touch, a.serviceLevel.touch);
    }
  }
}

function diffCriteria(old: Playbook, next: Playbook, rec: Recorder): void {
  const before = indexById(old.segmentation.criteria);
  const after = indexById(next.segmentation.criteria);
  for (const id of unionIds(old.segmentation.criteria, next.segmentation.criteria)) {
    const was = before.get(id);
    const now = after.get(id);
    if (!was && now) {
      const options = now.item.options.map((o) => `${o.id} ${o.points}`).join(', ');
      rec.push({
        kind: 'added',
        area: 'criterion',
        id,
        path: formatPath(['segmentation', 'criteria', now.index]),
        summary: `Criterion "${id}" added (${options})`,
      });
    } else if (was && !now) {
      rec.push({ kind: 'removed', area: 'criterion', id, path: formatPath(['segmentation', 'criteria', was.index]), summary: `Criterion "${id}" removed` });
    } else if (was && now) {
      const path: Path = ['segmentation', 'criteria', now.index];
      const base = { area: 'criterion' as const, id };
      const title = `Criterion "${id}"`;
      const [b, a]: [Criterion, Criterion] = [was.item, now.item];
      rec.text(base, title, path, 'label', b.label, a.label);
      rec.text(base, title, path, 'question', b.question, a.question);
      rec.scalar(base, title, path, 'fact', b.fact, a.fact);
      rec.scalar(base, title, path, 'ask', b.ask, a.ask);
      diffOptions(b, a, path, was.index, rec);
    }
  }
}

function diffOptions(b: Criterion, a: Criterion, path: Path, oldIndex: number, rec: Recorder): void {
  const before = indexById(b.options);
  const after = indexById(a.options);
  for (const optionId of unionIds(b.options, a.options)) {
    const was = before.get(optionId);
    const now = after.get(optionId);
    const id = `${a.id}.${optionId}`;
    if (!was && now) {
      rec.push({
        kind: 'added',
        area: 'option',
        id,
        path: formatPath([...path, 'options', now.index]),
        summary: `Option "${optionId}" added to criterion "${a.id}" (${now.item.points} points)`,
      });
    } else if (was && !now) {
      rec.push({
        kind: 'removed',
        area: 'option',
        id,
        path: formatPath(['segmentation', 'criteria', oldIndex, 'options', was.index]),
        summary: `Option "${optionId}" removed from criterion "${a.id}"`,
      });
    } else if (was && now) {
      const optionPath: Path = [...path, 'options', now.index];
      const base = { area: 'option' as const, id };
      const title = `Option "${optionId}" of criterion "${a.id}"`;
      rec.text(base, title, optionPath, 'label', was.item.label, now.item.label);
      rec.scalar(base, title, optionPath, 'points', was.item.points, now.item.points);
      rec.scalar(base, title, optionPath, 'when', conditionText(was.item.when), conditionText(now.item.when));
    }
  }
}

function diffMatrix(old: Playbook, next: Playbook, rec: Recorder): void {
  const b = old.segmentation.matrix;
  const a = next.segmentation.matrix;
  const path: Path = ['segmentation', 'matrix'];
  if (!b && !a) return;
  if (!b && a) {
    rec.push({ kind: 'added', area: 'matrix', id: 'matrix', path: formatPath(path), summary: `Segment matrix added (${a.rows} × ${a.columns})` });
    return;
  }
  if (b && !a) {
    rec.push({ kind: 'removed', area: 'matrix', id: 'matrix', path: formatPath(path), summary: 'Segment matrix removed' });
    return;
  }
  if (!b || !a) return;
  const base = { area: 'matrix' as const, id: 'matrix' };
  rec.scalar(base, 'Segment matrix', path, 'rows', b.rows, a.rows);
  rec.scalar(base, 'Segment matrix', path, 'columns', b.columns, a.columns);
  const key = (c: { row: string; column: string }) => `${c.row}×${c.column}`;
  const before = new Map(b.cells.map((c, index) => [key(c), { cell: c, index }]));
  const after = new Map(a.cells.map((c, index) => [key(c), { cell: c, index }]));
  for (const [id, now] of after) {
    const was = before.get(id);
    const cellPath: Path = [...path, 'cells', now.index];
    const title = `Matrix cell ${now.cell.row} × ${now.cell.column}`;
    if (!was) {
      rec.push({ kind: 'added', area: 'matrix', id, path: formatPath(cellPath), owner: { segment: now.cell.segment }, summary: `${title} added (${now.cell.segment})` });
    } else if (was.cell.segment !== now.cell.segment) {
      rec.push({
        kind: 'changed',
        area: 'matrix',
        id,
        path: formatPath([...cellPath, 'segment']),
        owner: { segment: now.cell.segment },
        field: 'segment',
        before: was.cell.segment,
        after: now.cell.segment,
        summary: `${title}: segment "${was.cell.segment}" → "${now.cell.segment}"`,
      });
    }
  }
  for (const [id, was] of before) {
    if (after.has(id)) continue;
    rec.push({
      kind: 'removed',
      area: 'matrix',
      id,
      path: formatPath([...path, 'cells', was.index]),
      owner: { segment: was.cell.segment },
      summary: `Matrix cell ${was.cell.row} × ${was.cell.column} removed (was ${was.cell.segment})`,
    });
  }
}

function diffPersonas(old: Playbook, next: Playbook, rec: Recorder): void {
  const before = indexById(old.personas);
  const after = indexById(next.personas);
  for (const id of unionIds(old.personas, next.personas)) {
    const was = before.get(id);
    const now = after.get(id);
    const owner = { persona: id };
    if (!was && now) {
      rec.push({ kind: 'added', area: 'persona', id, path: formatPath(['personas', now.index]), owner, summary: `Persona "${id}" added` });
    } else if (was && !now) {
      rec.push({ kind: 'removed', area: 'persona', id, path: formatPath(['personas', was.index]), owner, summary: `Persona "${id}" removed` });
    } else if (was && now) {
      const path: Path = ['personas', now.index];
      const base = { area: 'persona' as const, id, owner };
      const title = `Persona "${id}"`;
      const [b, a]: [Persona, Persona] = [was.item, now.item];
      rec.text(base, title, path, 'label', b.label, a.label);
      rec.text(base, title, path, 'summary', b.summary, a.summary);
      rec.list(base, title, path, 'traits', byLanguage(b.traits), byLanguage(a.traits));
      rec.list(base, title, path, 'avoid', byLanguage(b.avoid), byLanguage(a.avoid));
      rec.list(base, title, path, 'examples', b.examples, a.examples);
      rec.scalar(base, title, path, 'colour', b.colour, a.colour);
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
        summary: `Signal "${signalId}" added to persona ${a.id} (weight ${now.item.weight})`,
      });
    } else if (was && !now) {
      rec.push({
        kind: 'removed',
        area: 'signal',
        id,
        path: formatPath(['personas', oldIndex, 'signals', was.index]),
        owner,
        summary: `Signal "${signalId}" removed from persona ${a.id}`,
      });
    } else if (was && now) {
      const signalPath: Path = [...path, 'signals', now.index];
      const base = { area: 'signal' as const, id, owner };
      const title = `Signal "${signalId}" (persona ${a.id})`;
      rec.text(base, title, signalPath, 'label', was.item.label, now.item.label);
      rec.scalar(base, title, signalPath, 'weight', was.item.weight, now.item.weight);
      rec.list(base, title, signalPath, 'patterns', was.item.patterns, now.item.patterns);
      const fact = (f: typeof was.item.fact) => (f ? `${f.key}: ${conditionText(f.when)}` : undefined);
      rec.scalar(base, title, signalPath, 'fact', fact(was.item.fact), fact(now.item.fact));
    }
  }
}

function diffScenarios(old: Playbook, next: Playbook, rec: Recorder): void {
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
        summary: `Scenario "${id}" added (persona ${now.item.persona})`,
      });
    } else if (was && !now) {
      rec.push({
        kind: 'removed',
        area: 'scenario',
        id,
        path: formatPath(['learning', 'scenarios', was.index]),
        owner: { persona: was.item.persona },
        summary: `Scenario "${id}" removed`,
      });
    } else if (was && now) {
      const path: Path = ['learning', 'scenarios', now.index];
      const base = { area: 'scenario' as const, id, owner: { persona: now.item.persona } };
      const title = `Scenario "${id}"`;
      rec.text(base, title, path, 'text', was.item.text, now.item.text);
      rec.scalar(base, title, path, 'persona', was.item.persona, now.item.persona);
      rec.scalar(base, title, path, 'secondary', was.item.secondary, now.item.secondary);
      rec.text(base, title, path, 'why', was.item.why, now.item.why);
    }
  }
}

function diffMeta(old: Playbook, next: Playbook, rec: Recorder): void {
  // `version` is not a change of its own: it heads the notice ("updated to 2026.11-2").
  const base = { area: 'meta' as const, id: 'playbook' };
  rec.scalar(base, 'Playbook', [], 'id', old.id, next.id);
  rec.text(base, 'Playbook', [], 'name', old.name, next.name);
  rec.scalar(base, 'Playbook', [], 'fallbackLanguage', old.fallbackLanguage, next.fallbackLanguage);
  const b = old.personaSuggestion;
  const a = next.personaSuggestion;
  const path: Path = ['personaSuggestion'];
  const suggestion = { area: 'meta' as const, id: 'personaSuggestion' };
  rec.scalar(suggestion, 'Persona suggestion', path, 'minConfidence', b.minConfidence, a.minConfidence);
  rec.scalar(suggestion, 'Persona suggestion', path, 'secondaryRatio', b.secondaryRatio, a.secondaryRatio);
  rec.list(suggestion, 'Persona suggestion', path, 'neutralExamples', b.neutralExamples, a.neutralExamples);
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

export interface RelevanceContext {
  /** The account's persona(s): primary first, maybe a secondary. */
  persona?: readonly string[];
  segment?: string;
}

/** Whether a change touches the account's persona or segment. */
export function touches(change: PlaybookChange, context: RelevanceContext): boolean {
  const { owner } = change;
  if (!owner) return false;
  return (
    (owner.persona !== undefined && (context.persona ?? []).includes(owner.persona)) ||
    (owner.segment !== undefined && owner.segment === context.segment)
  );
}

/** The changes that touch the current account first, otherwise in their original order. */
export function relevantFirst(changes: readonly PlaybookChange[], context: RelevanceContext): PlaybookChange[] {
  return [...changes.filter((c) => touches(c, context)), ...changes.filter((c) => !touches(c, context))];
}

const SYMBOL: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~' };

/** One line per change, `+`, `-` or `~` first and the JSON path last, for the CLI. */
export function formatDiff(changes: readonly PlaybookChange[]): string {
  if (changes.length === 0) return 'No changes.\n';
  const noun = changes.length === 1 ? 'change' : 'changes';
  const lines = changes.map((c) => `${SYMBOL[c.kind]} ${c.summary}  [${c.path}]`);
  return `${changes.length} ${noun}\n${lines.join('\n')}\n`;
}
