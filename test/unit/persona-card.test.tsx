// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { PersonaCard, type PersonaView } from '../../components/persona-card';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

const evidenceLines = () => [...root.querySelectorAll('[data-testid="persona-evidence"] li')].map((li) => li.textContent);

test('evidence is worded in the rep’s language: the signal’s label, or whom the sentence reads like', () => {
  const persona: PersonaView = {
    primary: 'burned',
    chosenBy: 'suggestion',
    suggestion: {
      primary: 'burned',
      confidence: 0.8,
      scores: { burned: 0.8 },
      evidence: [
        { personaId: 'burned', kind: 'signal', signalId: 'burned-guarantees', signalLabel: { en: 'Asks for guarantees, penalties and written commitments' }, excerpt: 'a written guarantee', weight: 2 },
        { personaId: 'burned', kind: 'classifier', example: 'Last time we paid up front and got nothing.', excerpt: 'never worked', weight: 1.2 },
        { personaId: 'burned', kind: 'classifier', excerpt: 'we cannot go through that again', weight: 0.9 },
        { personaId: 'burned', kind: 'fact', signalId: 'burned-small-company', signalLabel: { en: 'Small company' }, excerpt: '12', weight: 0.5 },
      ],
    },
  };
  // The text is a thread with one outside sender: the quotes are hers; the fact is the page's.
  render(
    <PersonaCard persona={persona} playbook={DEFAULT_PLAYBOOK} onChoosePrimary={() => {}} onChooseSecondary={() => {}} onReset={() => {}} textSource={{ kind: 'person', name: 'Dana Whitfield' }} />,
    root,
  );
  expect(evidenceLines()).toEqual([
    'Burned Asks for guarantees, penalties and written commitmentsa written guarantee — Dana Whitfield',
    'Burned writes like: "Last time we paid up front and got nothing."never worked — Dana Whitfield',
    'Burned writes like a Burned buyerwe cannot go through that again — Dana Whitfield',
    'Burned Small company12 — from the page',
  ]);
});

test('an excerpt from the page is shown as text, never as HTML', () => {
  const persona: PersonaView = {
    chosenBy: 'none',
    suggestion: {
      confidence: 0.2,
      scores: {},
      evidence: [{ personaId: 'burned', kind: 'classifier', example: '<b>bold</b>', excerpt: '<img src=x onerror="window.pwned=1">', weight: 1 }],
    },
  };
  render(<PersonaCard persona={persona} playbook={DEFAULT_PLAYBOOK} onChoosePrimary={() => {}} onChooseSecondary={() => {}} onReset={() => {}} />, root);
  expect(root.querySelector('[data-testid="persona-evidence"] img, [data-testid="persona-evidence"] b')).toBeNull();
  expect(evidenceLines()).toEqual(['Burned writes like: "<b>bold</b>"<img src=x onerror="window.pwned=1"> — from the CRM notes']);
});
