// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import { CustomHostsSection, type AddHostFailure } from '../../components/custom-hosts-section';
import { parseHostInput } from '../../lib/custom-hosts';

afterEach(() => document.body.replaceChildren());

/** Submits `address` the way a rep does and returns the line the section shows. */
async function submit(address: string, onAdd: (address: string) => Promise<AddHostFailure | undefined>): Promise<string | null | undefined> {
  const root = document.createElement('div');
  document.body.append(root);
  render(<CustomHostsSection hosts={[]} sites={[{ id: 'generic', label: 'Another CRM' }]} onAdd={onAdd} onRemove={() => {}} />, root);
  const input = root.querySelector('input[name="address"]') as HTMLInputElement;
  input.value = address;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0)); // Preact re-renders with the typed address
  (root.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  for (let i = 0; i < 100 && !root.querySelector('[data-testid="custom-hosts-message"]'); i++) await new Promise((r) => setTimeout(r, 5));
  return root.querySelector('[data-testid="custom-hosts-message"]')?.textContent;
}

const parse = async (address: string) => {
  const parsed = parseHostInput(address);
  return parsed.ok ? undefined : parsed.error;
};

test('a refused address is explained in words, naming what the rep typed', async () => {
  expect(await submit(' http:// ', parse)).toBe('"http://" is not a web address');
  expect(await submit('ftp://files.example.com', parse)).toBe('Only http and https addresses can be read');
  expect(await submit('', parse)).toBe('Enter the address of your CRM, e.g. crm.example.com');
});

test('a permission the browser did not grant is explained', async () => {
  expect(await submit('crm.example.com', async () => 'denied')).toBe('The browser did not allow reading that site, so it was not added.');
});
