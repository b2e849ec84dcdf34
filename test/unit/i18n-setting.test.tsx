// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LanguageSection } from '../../components/language-section';
import { t, textLanguage, uiLanguage } from '../../lib/i18n';
import { followLanguageSetting, languageSetting, readLanguageSetting } from '../../lib/i18n/setting';

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

let stop: (() => void) | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  stop?.();
  uiLanguage.value = 'en';
  textLanguage.value = 'en';
  document.body.replaceChildren();
});

test('a Polish page switches to Polish only once the Polish catalogue has loaded: no English in between', async () => {
  const seen: string[] = [];
  const unsubscribe = uiLanguage.subscribe((language) => seen.push(`${language}: ${t('checklist.when.before')}`));
  stop = await followLanguageSetting(['pl-PL', 'pl'], document.createElement('html'));
  unsubscribe();
  expect(seen).toEqual(['en: Before the call', 'pl-PL: Przed rozmową']);
});

test('a page follows the stored setting from its first render, then each change of it', async () => {
  await languageSetting.setValue({ text: 'it' });
  const root = document.createElement('html');
  stop = await followLanguageSetting(['pl-PL', 'pl'], root);
  // Once ready: the browser's UI language, and the text language the rep chose.
  expect([uiLanguage.value, textLanguage.value, root.lang]).toEqual(['pl-PL', 'it', 'pl-PL']);
  expect(t('checklist.when.before')).toBe('Przed rozmową');

  // A Polish rep who wants the screens in Russian and the playbook in Romanian: both switch live.
  await languageSetting.setValue({ ui: 'ru', text: 'ro' });
  await until(() => textLanguage.value === 'ro', 'the changed text language');
  expect([uiLanguage.value, root.lang, t('checklist.when.before')]).toEqual(['ru', 'ru', 'До звонка']);
  await languageSetting.setValue({});
  await until(() => textLanguage.value === 'pl-PL', 'back to the browser');
  expect([uiLanguage.value, root.lang]).toEqual(['pl-PL', 'pl-PL']);
});

test('a stored setting is read defensively', () => {
  expect(readLanguageSetting(undefined)).toEqual({});
  expect(readLanguageSetting('pl')).toEqual({});
  expect(readLanguageSetting({ ui: 'pl', text: 'pt-BR' })).toEqual({ ui: 'pl', text: 'pt-BR' });
  expect(readLanguageSetting({ ui: 42, text: '<img>' })).toEqual({});
});

test("the options section offers the browser's choice and each language by its own name, and saves the rep's choice", async () => {
  const root = document.createElement('div');
  document.body.append(root);
  render(<LanguageSection browserLanguages={['pl-PL', 'pl']} />, root);
  const text = root.querySelector('select[name="text"]') as HTMLSelectElement;
  const ui = root.querySelector('select[name="ui"]') as HTMLSelectElement;
  expect([...text.options].map((o) => o.textContent)).toEqual(['As the browser: Polski (Polska)', 'English', 'Polski', 'Русский', 'Română', 'Italiano']);
  expect([...ui.options].map((o) => o.textContent)).toEqual(['As the browser: Polski (Polska)', 'English', 'Polski', 'Русский', 'Română', 'Italiano']);

  text.value = 'ru';
  text.dispatchEvent(new Event('change', { bubbles: true }));
  let stored = await languageSetting.getValue();
  for (let i = 0; i < 100 && !stored.text; i++) stored = await languageSetting.getValue();
  expect(stored).toEqual({ text: 'ru' });
  await until(() => text.value === 'ru', 'the choice shown');
  render(null, root);
});

test('choosing a UI language on the options page re-words the open page at once', async () => {
  const root = document.createElement('div');
  document.body.append(root);
  stop = await followLanguageSetting(['en-US'], document.createElement('html'));
  render(<LanguageSection browserLanguages={['en-US']} />, root);
  const heading = () => root.querySelector('h2')!.textContent;
  expect(heading()).toBe('Language');

  const ui = root.querySelector('select[name="ui"]') as HTMLSelectElement;
  ui.value = 'pl';
  ui.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => uiLanguage.value === 'pl', 'the Polish UI');
  await until(() => heading() === 'Język', 'the Polish heading');
  expect(root.querySelector('label')!.firstChild!.textContent).toBe('Ekrany i komunikaty');

  ui.value = 'it';
  ui.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => heading() === 'Lingua', 'the Italian heading');
  render(null, root);
});
