// @vitest-environment happy-dom
/** Persona evidence quotes whole sentences of the buyer's words, and only sentences that speak for the persona. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { factsOf } from '../../lib/core/facts';
import { suggestPersona } from '../../lib/core/persona';
import { sentenceAround } from '../../lib/core/persona/evidence';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import { readPage } from '../../lib/sites';
import { PageSnapshot } from '../../lib/snapshot';

function snapshotOf(name: string): PageSnapshot {
  const dir = join(__dirname, '../fixtures/pages');
  const { url } = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as { url: string };
  const doc = new DOMParser().parseFromString(readFileSync(join(dir, `${name}.html`), 'utf8'), 'text/html');
  return PageSnapshot.parse(readPage(doc, url));
}

const NOTES =
  'She does not want another slide deck. She asked for written guarantees: a go-live date in the contract, penalty clauses if we slip, and a named engineer on our side. "I\'ve been burned once, I\'m not signing anything that depends on promises."\n\nMarcus Lee (CFO) joins the next call.';

const at = (text: string, words: string) => [text.indexOf(words), text.indexOf(words) + words.length] as const;

test('a quote is the whole sentence around the words, not a window cut mid-sentence', () => {
  expect(sentenceAround(NOTES, ...at(NOTES, 'penalty clauses'))).toBe(
    'She asked for written guarantees: a go-live date in the contract, penalty clauses if we slip, and a named engineer on our side.',
  );
  // Quoted speech keeps its quotes; a line break ends a sentence without a full stop.
  expect(sentenceAround(NOTES, ...at(NOTES, 'burned once'))).toBe('"I\'ve been burned once, I\'m not signing anything that depends on promises."');
  expect(sentenceAround('Hi Sam\nWe need a rollback plan\nDana', 9, 11)).toBe('We need a rollback plan');
});

test('abbreviations and decimals do not end a sentence', () => {
  const text = 'Proszę też o dane: ile trwało wdrożenie u klienta podobnej wielkości (ok. 250 osób, 3 zakłady). Dziękuję.';
  expect(sentenceAround(text, ...at(text, 'wdrożenie'))).toBe('Proszę też o dane: ile trwało wdrożenie u klienta podobnej wielkości (ok. 250 osób, 3 zakłady).');
  const price = 'We paid 3.5 times the quote last time. Never again.';
  expect(sentenceAround(price, ...at(price, 'quote'))).toBe('We paid 3.5 times the quote last time.');
});

test('a sentence longer than the cap keeps the clauses around the words, marked where cut', () => {
  const long =
    'We have reviewed the proposal with our operations team, our finance team, our legal counsel and the regional managers, ' +
    'and before anything is signed we need a written guarantee of the go-live date, ' +
    'a penalty for every week of delay, and a rollback plan that our IT department has approved in advance of the cutover weekend.';
  expect(sentenceAround(long, ...at(long, 'penalty'), 120)).toBe(
    '…and before anything is signed we need a written guarantee of the go-live date, a penalty for every week of delay…',
  );
});

test('on the Northwind notes no quote of the guarantees-and-penalties sentence is Expert evidence, and every quote is a whole sentence', () => {
  const snapshot = snapshotOf('hubspot/company-northwind');
  const { evidence } = suggestPersona(snapshot.text ?? '', factsOf(snapshot), DEFAULT_PLAYBOOK);
  const guarantees = 'She asked for written guarantees: a go-live date in the contract, penalty clauses if we slip, and a named engineer on our side.';
  // "go-live" is an Expert phrase, but the sentence is a burned buyer's demand: it is quoted for Burned only.
  // (It may be quoted by a signal and by the classifier; the panel lists a sentence once.)
  expect([...new Set(evidence.filter((e) => e.excerpt.includes('penalty')).map((e) => `${e.personaId}: ${e.excerpt}`))]).toEqual([`burned: ${guarantees}`]);
  expect(evidence.filter((e) => e.kind === 'signal').map((e) => [e.personaId, e.excerpt])).toEqual([
    ['burned', '"I\'ve been burned once, I\'m not signing anything that depends on promises."'],
    ['burned', guarantees],
    ['expert', 'Marcus Lee (CFO) joins the next call and wants references from two fleets of similar size.'],
  ]);
});

test('a logistics sentence ("procurement is in copy") is not quoted as evidence', () => {
  const snapshot = snapshotOf('gmail/thread-meble-pl');
  const { primary, evidence } = suggestPersona(snapshot.text ?? '', factsOf(snapshot), DEFAULT_PLAYBOOK);
  expect(primary).toBe('expert');
  expect(evidence.map((e) => e.excerpt)).not.toContain('Pani Katarzyna Zielińska z działu zakupów jest w kopii.');
  expect(evidence.some((e) => e.excerpt.includes('w kopii'))).toBe(false);
});
