// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, test } from 'vitest';
import { Moves } from '../../components/studio/moves';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default';
import type { SegmentMove } from '../../lib/studio/preview';
import type { StudioState } from '../../lib/studio/state';

test('a threshold edit that moves 250 accounts lists the first 100 and a button for all 250', async () => {
  const moves: SegmentMove[] = Array.from({ length: 250 }, (_, i) => ({ key: `k${i}`, name: `Account ${i}`, from: 'low-touch', to: 'standard' }));
  const s = {
    lastValid: signal(DEFAULT_PLAYBOOK),
    active: signal({ playbook: DEFAULT_PLAYBOOK }),
    moves: signal(moves),
    accounts: signal(Array.from({ length: 258 })),
  } as unknown as StudioState;
  const root = document.createElement('div');
  document.body.append(root);
  render(<Moves s={s} />, root);
  const listed = () => root.querySelectorAll('[data-testid="moved-account"]');
  expect(root.querySelector('[data-testid="move-group"] strong')?.textContent).toBe('250 accounts move from Low-touch to Standard account');
  expect(listed().length).toBe(100);
  expect(listed()[99]?.textContent).toBe('Account 99');
  const more = root.querySelector<HTMLButtonElement>('[data-testid="moves-show-all"]')!;
  expect(more.textContent).toBe('Show all 250 accounts');
  await act(() => more.click());
  expect(listed().length).toBe(250);
  expect(root.querySelector('[data-testid="moves-show-all"]')).toBeNull();
});
