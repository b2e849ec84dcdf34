import Papa from 'papaparse';
import { localise } from '../i18n/local-text';
import type { Playbook } from '../playbook/schema';
import { effectiveSegment } from './pins';
import type { AccountScore, Pin } from './types';

/**
 * The scored book as CSV for a lead's spreadsheet. Column names are stable codes (the import
 * knows them as "Playcard"), with the labels beside the ids in the rep's language; the facts and
 * answers the score came from are included, so the file re-imports to the same segments.
 * A BOM starts the file so spreadsheet programs read it as UTF-8.
 */
export function exportBook(scores: readonly AccountScore[], pins: readonly Pin[], playbook: Playbook, language: string): string {
  const label = (text: Parameters<typeof localise>[0]) => localise(text, language, playbook.fallbackLanguage);
  const segmentLabel = (id: string | undefined) => label(playbook.segmentation.segments.find((s) => s.id === id)?.label);
  const personaLabel = (id: string | undefined) => label(playbook.personas.find((p) => p.id === id)?.label);
  const criteria = playbook.segmentation.criteria.map((c) => c.id);
  const pinOf = new Map(pins.map((pin) => [pin.key, pin]));
  const day = (at: number | undefined) => (at ? new Date(at).toISOString().slice(0, 10) : '');
  const fields = [
    'key', 'name', 'domain', 'segment', 'segment_label', 'scored_segment', 'pinned_segment', 'pin_reason',
    'persona', 'persona_secondary', 'persona_label', 'last_seen', 'last_move', 'last_move_from', 'last_move_to',
    'employees', 'annual_revenue', 'country', 'city', 'industry', 'type', 'open_deals', 'open_amount', 'won_deals', 'won_amount',
    ...criteria.map((id) => `answer:${id}`),
  ];
  const data = scores.map((score) => {
    const pin = pinOf.get(score.key);
    const { segment } = effectiveSegment(score.segment, pin, playbook);
    const f = score.facts;
    return [
      score.key, score.name, score.domain ?? '', segment, segmentLabel(segment), score.segment, pin?.segment ?? '', pin?.reason ?? '',
      score.persona?.primary ?? '', score.persona?.secondary ?? '', personaLabel(score.persona?.primary),
      day(score.seenAt), day(score.lastMove?.at), score.lastMove?.from ?? '', score.lastMove?.to ?? '',
      f.employees ?? '', f.annualRevenue ?? '', f.country ?? '', f.city ?? '', f.industry ?? '', f.type ?? '', f.openDeals ?? '', f.openAmount ?? '', f.wonDeals ?? '', f.wonAmount ?? '',
      ...criteria.map((id) => score.answers[id] ?? ''),
    ].map(String);
  });
  return `\ufeff${Papa.unparse({ fields, data }, { newline: '\r\n' })}\r\n`;
}
