// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { PlaybookSection } from '../../components/playbook-section';
import { UpdateNotice } from '../../components/update-banner';
import type { UpdateNotice as Notice } from '../../lib/db';
import { diffPlaybooks } from '../../lib/playbook/diff';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import type { Playbook } from '../../lib/playbook/schema';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

/** The default playbook after a lead's edit. */
function edited(edit: (playbook: Playbook) => void): Playbook {
  const copy = structuredClone(DEFAULT_PLAYBOOK);
  edit(copy);
  return copy;
}

const burned = (p: Playbook) => p.personas.find((persona) => persona.id === 'burned')!;

const next = edited((p) => {
  burned(p).tactics.push({ id: 'burned-pilot-order', when: 'during', text: { en: 'Offer a small pilot order before the full contract.' } });
  p.segmentation.segments.find((s) => s.id === 'key')!.minPoints = 22;
  p.segmentation.criteria.find((c) => c.id === 'employees')!.options.shift();
});
const notice = (changes: Notice['changes']): Notice => ({ from: '2026.10-1', to: '2026.11-2', at: 0, changes, seen: false });

const lines = () => [...root.querySelectorAll('[data-testid="update-notice"] li')].map((li) => li.textContent?.trim());

test('the notice names things by their text in the playbook, the account’s changes first', () => {
  render(<UpdateNotice notice={notice(diffPlaybooks(DEFAULT_PLAYBOOK, next))} context={{ persona: ['burned'] }} playbook={next} onDismiss={() => {}} />, root);
  expect(lines()).toEqual([
    'this account Tactic "Offer a small pilot order before the full contract." added to persona Burned (During the call)',
    'Option "1–9" removed from criterion "Company size (employees)"',
    'Segment "Key account": minimum points 20 → 22',
  ]);
});

test('a notice stored by an earlier version (English summaries) still shows', () => {
  const stored = notice([
    { kind: 'added', area: 'tactic', id: 'burned-pilot-order', path: 'personas[3].tactics[12]', owner: { persona: 'burned' }, summary: 'Tactic "burned-pilot-order" added to persona burned (during)' },
    { kind: 'changed', area: 'segment', id: 'key', path: 'segmentation.segments[0].minPoints', field: 'minPoints', before: 20, after: 22, summary: 'Segment "key": minimum points 20 → 22' },
  ] as Notice['changes']);
  render(<UpdateNotice notice={stored} context={{}} playbook={DEFAULT_PLAYBOOK} onDismiss={() => {}} />, root);
  expect(lines()).toEqual(['Tactic "burned-pilot-order" added to persona burned (during)', 'Segment "key": minimum points 20 → 22']);
});

test('a tactic text is shown as text, never as HTML', () => {
  const hostile = edited((p) => burned(p).tactics.push({ id: 'x-html', when: 'after', text: { en: '<img src=x onerror="window.pwned=1">' } }));
  render(<UpdateNotice notice={notice(diffPlaybooks(DEFAULT_PLAYBOOK, hostile))} context={{}} playbook={hostile} onDismiss={() => {}} />, root);
  expect(root.querySelector('img')).toBeNull();
  expect(lines()).toEqual(['Tactic "<img src=x onerror="window.pwned=1">" added to persona Burned (After the call)']);
});

test('the options page lists the last update’s changes in words too', () => {
  const active = { key: 'active' as const, source: 'url' as const, origin: 'https://playbooks.example.com', version: '2026.11-2', playbook: next, appliedAt: 0 };
  render(
    <PlaybookSection
      active={active as never}
      history={[]}
      status={{}}
      notice={notice(diffPlaybooks(DEFAULT_PLAYBOOK, next))}
      resolution={undefined}
      options={{}}
      onSave={async () => ''}
      onCheckNow={async () => ''}
      onImport={async () => ''}
      onRollBack={async () => ''}
    />,
    root,
  );
  expect([...root.querySelectorAll('[data-testid="playbook-diff"] li')].map((li) => li.textContent)).toEqual([
    '− Option "1–9" removed from criterion "Company size (employees)"',
    '~ Segment "Key account": minimum points 20 → 22',
    '+ Tactic "Offer a small pilot order before the full contract." added to persona Burned (During the call)',
  ]);
});
