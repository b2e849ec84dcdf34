/**
 * Which language the UI speaks and which language the playbook's text is shown
 * in. They differ on purpose: the UI can only speak a language it has a
 * catalogue for, but a team's playbook may be written in any language, so its
 * text follows the rep's languages whether or not a UI catalogue exists.
 */

/** What a rep chose on the options page; absent fields follow the browser. */
export interface LanguageSetting {
  /** A UI language with a catalogue, e.g. `pl`. */
  ui?: string;
  /** Any language tag the playbook may be written in, e.g. `pl` or `pt-BR`. */
  text?: string;
}

export interface Languages {
  /** A BCP 47 tag whose catalogue (or base language's) exists, e.g. `en-GB`; also the locale for numbers and dates. */
  ui: string;
  /** The tag the playbook's text is looked up by (then its base, then the playbook's fallback). */
  text: string;
}

const baseOf = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * The first of the rep's languages that has a catalogue, as the rep's own tag
 * (`en-GB` keeps British dates while using the `en` catalogue); `en` when none has.
 */
export function pickUiLanguage(preferred: readonly string[], available: readonly string[]): string {
  for (const tag of preferred) {
    if (available.includes(tag) || available.includes(baseOf(tag))) return tag;
  }
  return 'en';
}

/** The rep's first language, whatever catalogues exist: playbook text has its own fallback chain. */
export function pickTextLanguage(preferred: readonly string[]): string {
  return preferred.find((tag) => tag.trim() !== '') ?? 'en';
}

/** The rep's setting wins over the browser's languages, each part on its own. */
export function resolveLanguages(browserLanguages: readonly string[], available: readonly string[], setting: LanguageSetting = {}): Languages {
  const ui = setting.ui && pickUiLanguage([setting.ui], available) === setting.ui ? setting.ui : pickUiLanguage(browserLanguages, available);
  return { ui, text: setting.text || pickTextLanguage(browserLanguages) };
}
