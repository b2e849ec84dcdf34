// Words for a playbook change, at render: the panel and the options page in the rep's
// language (through `t`), the CLI in English (through the English catalogue). The sentences
// live in lib/i18n/messages.ts (`change.*`); this module only picks the message and its
// parameters, and the names: the CLI names things by id, the rep sees their labels and texts.
import type { MessageKey } from '../i18n/messages';
import { localise } from '../i18n/local-text';
import type { ChangeOwner, PlaybookChange } from './changes';
import type { Condition, Playbook } from './schema';

type ChangeKey = Extract<MessageKey, `change.${string}`>;
export type ChangeMessage = (key: ChangeKey, params?: Record<string, string | number>) => string;

/** How a rendering names the things a change is about. */
export interface ChangeNames {
  /** The thing itself: a tactic, segment, option… (`id` is its own id, without its parent's). */
  item(change: PlaybookChange, id: string): string;
  persona(id: string): string;
  segment(id: string): string;
  criterion(id: string): string;
  /** A tactic's moment: before, during, after. */
  when(when: string): string;
}

/** Names by id, quoted: what a lead editing the JSON searches for. */
export function namesById(msg: ChangeMessage): ChangeNames {
  const quote = (text: string) => msg('change.quoted', { text });
  return { item: (_change, id) => quote(id), persona: (id) => id, segment: (id) => id, criterion: quote, when: (when) => when };
}

/** The longest label quoted in a line; a tactic's text can be a paragraph. */
const LABEL_MAX = 60;

/** Names by the playbook's own words in `language`, falling back to the id when a thing has none. */
export function namesByLabel(msg: ChangeMessage, playbook: Playbook | undefined, language: string, when: (when: string) => string): ChangeNames {
  const fallback = playbook?.fallbackLanguage ?? 'en';
  const quote = (text: string) => msg('change.quoted', { text: text.length <= LABEL_MAX ? text : `${text.slice(0, LABEL_MAX - 1).trimEnd()}…` });
  const byId = namesById(msg);
  const label = <T extends { id: string; label: Record<string, string> }>(list: readonly T[] | undefined, id: string) => {
    const found = list?.find((x) => x.id === id);
    return found ? localise(found.label, language, fallback) : id;
  };
  return {
    item: (change, id) => (change.label ? quote(localise(change.label, language, fallback)) : byId.item(change, id)),
    persona: (id) => label(playbook?.personas, id),
    segment: (id) => label(playbook?.segmentation.segments, id),
    criterion: (id) => {
      const found = playbook?.segmentation.criteria.find((c) => c.id === id);
      return quote(found ? localise(found.label, language, fallback) : id);
    },
    when,
  };
}

/** Text values short enough to quote in a line; longer ones are just "changed". */
const QUOTE_LIMIT = 60;

const FIELDS: Record<string, ChangeKey> = {
  id: 'change.field.id',
  name: 'change.field.name',
  fallbackLanguage: 'change.field.fallbackLanguage',
  minConfidence: 'change.field.minConfidence',
  secondaryRatio: 'change.field.secondaryRatio',
  neutralExamples: 'change.field.neutralExamples',
  label: 'change.field.label',
  question: 'change.field.question',
  fact: 'change.field.fact',
  ask: 'change.field.ask',
  points: 'change.field.points',
  when: 'change.field.when',
  rows: 'change.field.rows',
  columns: 'change.field.columns',
  segment: 'change.field.segment',
  description: 'change.field.description',
  minPoints: 'change.field.minPoints',
  colour: 'change.field.colour',
  'serviceLevel.owner': 'change.field.serviceLevel.owner',
  'serviceLevel.responseTime': 'change.field.serviceLevel.responseTime',
  'serviceLevel.channel': 'change.field.serviceLevel.channel',
  'serviceLevel.touch': 'change.field.serviceLevel.touch',
  summary: 'change.field.summary',
  traits: 'change.field.traits',
  avoid: 'change.field.avoid',
  examples: 'change.field.examples',
  weight: 'change.field.weight',
  patterns: 'change.field.patterns',
  text: 'change.field.text',
  why: 'change.field.why',
  persona: 'change.field.persona',
  secondary: 'change.field.secondary',
};

/** The last part of a dotted id: `employees.micro` → `micro`. */
const leaf = (id: string): string => id.slice(id.lastIndexOf('.') + 1);
const parent = (id: string): string => id.slice(0, Math.max(0, id.indexOf('.')));

/** One line for a change, e.g. `Option "enterprise" of criterion "employees": points 4 → 5`. */
export function describeChange(change: PlaybookChange, msg: ChangeMessage, names: ChangeNames): string {
  // A notice stored before changes were data carries its English line.
  if (typeof change.summary === 'string') return change.summary;
  const name = names.item(change, leaf(change.id));
  const owner = (o: ChangeOwner | undefined) =>
    o?.persona !== undefined
      ? msg('change.owner.persona', { name: names.persona(o.persona) })
      : msg('change.owner.segment', { name: names.segment(o?.segment ?? '') });
  const detail = change.detail ?? {};
  const cell = detail.row !== undefined && detail.column !== undefined && change.id !== 'matrix';
  const params = {
    name,
    owner: owner(change.owner),
    criterion: names.criterion(parent(change.id)),
    row: detail.row ?? '',
    column: detail.column ?? '',
    segment: names.segment(detail.segment ?? ''),
  };

  if (change.kind === 'added' || change.kind === 'removed') {
    const added = change.kind === 'added';
    switch (change.area) {
      case 'tactic':
        return added ? msg('change.added.tactic', { ...params, when: names.when(detail.when ?? '') }) : msg('change.removed.tactic', params);
      case 'segment':
        return added ? msg('change.added.segment', { ...params, points: detail.points ?? 0 }) : msg('change.removed.segment', params);
      case 'criterion':
        return added
          ? msg('change.added.criterion', { ...params, options: (detail.options ?? []).map((o) => `${o.id} ${o.points}`).join(', ') })
          : msg('change.removed.criterion', params);
      case 'option':
        return added ? msg('change.added.option', { ...params, points: detail.points ?? 0 }) : msg('change.removed.option', params);
      case 'signal':
        return added ? msg('change.added.signal', { ...params, weight: detail.weight ?? 0 }) : msg('change.removed.signal', params);
      case 'persona':
        return msg(added ? 'change.added.persona' : 'change.removed.persona', params);
      case 'scenario':
        return msg(added ? 'change.added.scenario' : 'change.removed.scenario', params);
      case 'matrix':
        if (cell) return msg(added ? 'change.added.cell' : 'change.removed.cell', params);
        return added ? msg('change.added.matrix', { rows: detail.row ?? '', columns: detail.column ?? '' }) : msg('change.removed.matrix');
      case 'meta':
        break;
    }
  }

  if (change.area === 'tactic' && change.field === 'owner')
    return msg('change.moved.tactic', { name, from: owner(change.previousOwner), to: owner(change.owner) });

  const thing = thingOf(change, params, msg);
  const fieldName = change.field === undefined ? '' : FIELDS[change.field] ? msg(FIELDS[change.field]!) : change.field;
  const field = change.language === undefined ? fieldName : msg('change.field.inLanguage', { field: fieldName, language: change.language });
  if (change.counts) {
    const { added, removed } = change.counts;
    const key = added && removed ? 'change.list.both' : added ? 'change.list.added' : removed ? 'change.list.removed' : 'change.list.reordered';
    return msg(key, { thing, field, added, removed });
  }
  const before = valueText(change, change.before, msg);
  const after = valueText(change, change.after, msg);
  if (change.before === undefined) return after === undefined ? msg('change.value.addedLong', { thing, field }) : msg('change.value.added', { thing, field, after });
  if (change.after === undefined) return msg('change.value.removed', { thing, field });
  if (before !== undefined && after !== undefined) return msg('change.value.changed', { thing, field, before, after });
  return msg('change.value.rewritten', { thing, field });
}

function thingOf(change: PlaybookChange, params: Record<string, string>, msg: ChangeMessage): string {
  switch (change.area) {
    case 'tactic':
      return msg('change.thing.tactic', params);
    case 'segment':
      return msg('change.thing.segment', params);
    case 'criterion':
      return msg('change.thing.criterion', params);
    case 'option':
      return msg('change.thing.option', params);
    case 'signal':
      return msg('change.thing.signal', params);
    case 'persona':
      return msg('change.thing.persona', params);
    case 'scenario':
      return msg('change.thing.scenario', params);
    case 'matrix':
      return change.id === 'matrix' ? msg('change.thing.matrix') : msg('change.thing.cell', params);
    case 'meta':
      return change.id === 'personaSuggestion' ? msg('change.thing.personaSuggestion') : msg('change.thing.playbook');
  }
}

/** A value worth quoting in full (numbers, short one-line texts, conditions), or undefined. */
function valueText(change: PlaybookChange, value: string | number | undefined, msg: ChangeMessage): string | undefined {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return undefined;
  const condition = (change.area === 'option' && change.field === 'when') || (change.area === 'signal' && change.field === 'fact');
  const text = condition ? conditionText(value, change.field === 'fact', msg) : value;
  if (text.length > QUOTE_LIMIT || text.includes('\n')) return undefined;
  return msg('change.quoted', { text });
}

/** `{"min":50,"max":250}` → `min 50, max 250`; a signal's fact → `employees: min 250`. */
function conditionText(json: string, withKey: boolean, msg: ChangeMessage): string {
  try {
    const parsed = JSON.parse(json) as { key: string; when: Condition } | Condition;
    const c = withKey ? (parsed as { when: Condition }).when : (parsed as Condition);
    const parts: string[] = [];
    if (c.min !== undefined) parts.push(msg('change.condition.min', { value: c.min }));
    if (c.max !== undefined) parts.push(msg('change.condition.max', { value: c.max }));
    if (c.equals) parts.push(msg('change.condition.equals', { values: c.equals.join(' / ') }));
    if (c.contains) parts.push(msg('change.condition.contains', { values: c.contains.join(' / ') }));
    const text = parts.join(', ');
    return withKey ? msg('change.condition.fact', { fact: (parsed as { key: string }).key, condition: text }) : text;
  } catch {
    return json;
  }
}
