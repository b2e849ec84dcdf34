import { useEffect, useState } from 'preact/hooks';
import { UI_LANGUAGES, resolveLanguages, t, uiLanguage } from '../lib/i18n';
import { languageSetting, readLanguageSetting } from '../lib/i18n/setting';
import type { LanguageSetting } from '../lib/i18n/languages';
import { LANGUAGES } from '../lib/playbook/constants';

/** A language by its own name ("polski", "русский"): a rep looks for their language in their language. */
function endonym(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

/**
 * The options page's language override: the screens and the playbook's text
 * separately (a Polish rep on an English browser, or a team whose playbook is
 * written in a language the UI does not speak yet). Saved to extension storage;
 * every open page follows it at once.
 */
export function LanguageSection({ browserLanguages = navigator.languages }: { browserLanguages?: readonly string[] }) {
  const [setting, setSetting] = useState<LanguageSetting>({});
  useEffect(() => {
    void languageSetting.getValue().then((value) => setSetting(readLanguageSetting(value)), console.error);
    return languageSetting.watch((value) => setSetting(readLanguageSetting(value)));
  }, []);

  const fromBrowser = resolveLanguages(browserLanguages, UI_LANGUAGES);
  const textChoices = [...new Set([...LANGUAGES, ...(setting.text ? [setting.text] : [])])];
  const save = (next: LanguageSetting) => {
    setSetting(next);
    void languageSetting.setValue(next).catch(console.error);
  };
  // Read so the labels re-render in the new language as soon as it applies.
  void uiLanguage.value;

  return (
    <section class="card" aria-labelledby="language-title" data-testid="language">
      <h2 id="language-title">{t('options.language.title')}</h2>
      <p class="small">{t('options.language.body')}</p>
      <div class="stack">
        <label>
          {t('options.language.ui')}
          <select name="ui" value={setting.ui ?? ''} onChange={(e) => save({ ...setting, ui: e.currentTarget.value || undefined })}>
            <option value="">{t('options.language.browser', { language: endonym(fromBrowser.ui) })}</option>
            {UI_LANGUAGES.map((tag) => (
              <option key={tag} value={tag}>
                {endonym(tag)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('options.language.text')}
          <select name="text" value={setting.text ?? ''} onChange={(e) => save({ ...setting, text: e.currentTarget.value || undefined })}>
            <option value="">{t('options.language.browser', { language: endonym(fromBrowser.text) })}</option>
            {textChoices.map((tag) => (
              <option key={tag} value={tag}>
                {endonym(tag)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
