import { t, uiLanguage } from '../../lib/i18n';
import type { HistoryEntry, PersonaIds } from '../../lib/accounts/types';
import type { Playbook } from '../../lib/playbook/schema';
import { text } from '../use-text';

/**
 * Whose words: My accounts' own keys, or the side panel's copies of them (`panel.book.`), so
 * the panel never needs My accounts' catalogue (catalogues load per page, by key prefix).
 */
export type Area = 'accounts' | 'panel.book';

/**
 * One formatter per language and style: building an Intl formatter costs far more than
 * formatting with it, and the list formats two values per row on every keystroke.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(style: string, make: (language: string) => F): F {
  const language = uiLanguage.value;
  const id = `${language}|${style}`;
  let made = formatters.get(id) as F | undefined;
  if (!made) {
    made = make(language);
    formatters.set(id, made);
  }
  return made;
}

/** "12 Nov" (with the year when it is not this year), in the UI language. */
export function shortDate(at: number, now = Date.now()): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return sameYear
    ? formatter('day-month', (language) => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' })).format(at)
    : formatter('day-month-year', (language) => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric' })).format(at);
}

/**
 * Builds the list's formatters ahead of need, when the page is idle: making a date format took
 * 3 ms, paid by the first keystroke whose rows show a date when the rows on screen had none.
 */
export function prepareRowFormats(now = Date.now()): void {
  shortDate(now, now);
  shortDate(0, now);
  compact(0);
}

export function number(value: number, digits = 0): string {
  return formatter(`number-${digits}`, (language) => new Intl.NumberFormat(language, { maximumFractionDigits: digits })).format(value);
}

/** 12 500 000 → "12.5M" in the UI language. */
export function compact(value: number): string {
  return formatter('compact', (language) => new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 })).format(value);
}

export function percent(share: number): string {
  return formatter('percent', (language) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

export function segmentLabel(playbook: Playbook, id: string): string {
  const segment = playbook.segmentation.segments.find((s) => s.id === id);
  return segment ? text(segment.label, playbook) : id;
}

export function segmentColour(playbook: Playbook, id: string): string | undefined {
  return playbook.segmentation.segments.find((s) => s.id === id)?.colour;
}

export function personaLabel(playbook: Playbook, persona: PersonaIds | undefined, area: Area = 'accounts'): string {
  if (!persona) return t(`${area}.persona.none`);
  const name = (id: string) => {
    const found = playbook.personas.find((p) => p.id === id);
    return found ? text(found.label, playbook) : id;
  };
  return persona.secondary ? `${name(persona.primary)} + ${name(persona.secondary)}` : name(persona.primary);
}

function factValue(value: number | string | undefined, area: Area): string {
  if (value === undefined) return t(`${area}.value.none`);
  return typeof value === 'number' ? number(value) : value;
}

/** The headline of a history entry: what moved, when. */
export function moveHeadline(entry: HistoryEntry, playbook: Playbook, area: Area = 'accounts'): string {
  const date = shortDate(entry.at);
  if (entry.cause === 'pin' && entry.pin) return t(`${area}.move.pin`, { segment: segmentLabel(playbook, entry.pin.segment), date });
  if (entry.cause === 'unpin' && entry.pin) return t(`${area}.move.unpin`, { segment: segmentLabel(playbook, entry.pin.segment), date });
  if (entry.segment) return t(`${area}.move.segment`, { from: segmentLabel(playbook, entry.segment.from), to: segmentLabel(playbook, entry.segment.to), date });
  return t(`${area}.move.persona`, { from: personaLabel(playbook, entry.persona?.from, area), to: personaLabel(playbook, entry.persona?.to, area), date });
}

/** Why it moved: the facts and answers that changed, the playbook that changed, or the pin's reason. */
export function moveReasons(entry: HistoryEntry, playbook: Playbook, area: Area = 'accounts'): string[] {
  const reasons: string[] = [];
  if ((entry.cause === 'pin' || entry.cause === 'unpin') && entry.pin?.reason) reasons.push(t(`${area}.because.reason`, { reason: entry.pin.reason }));
  if (entry.playbook) {
    const version = entry.playbook.to;
    for (const change of entry.playbook.thresholds)
      reasons.push(
        t(change.to > change.from ? `${area}.because.raised` : `${area}.because.lowered`, {
          version,
          segment: segmentLabel(playbook, change.segment),
          from: number(change.from, 2),
          to: number(change.to, 2),
        }),
      );
    if (!entry.playbook.thresholds.length) reasons.push(t(`${area}.because.playbook`, { version }));
  }
  for (const change of entry.facts)
    reasons.push(t(`${area}.because.fact`, { fact: t(`${area}.fact.${change.fact}`), from: factValue(change.from, area), to: factValue(change.to, area) }));
  for (const change of entry.answers) {
    const criterion = playbook.segmentation.criteria.find((c) => c.id === change.criterion);
    const criterionName = criterion ? text(criterion.label, playbook) : change.criterion;
    if (change.to === undefined) reasons.push(t(`${area}.because.answerCleared`, { criterion: criterionName }));
    else {
      const option = criterion?.options.find((o) => o.id === change.to);
      reasons.push(t(`${area}.because.answer`, { criterion: criterionName, option: option ? text(option.label, playbook) : change.to }));
    }
  }
  if (entry.cause === 'import' && !reasons.length) reasons.push(t(`${area}.because.import`));
  return reasons;
}
