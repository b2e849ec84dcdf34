import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

extend([a11yPlugin]);

const LIGHT_TEXT = '#ffffff';
const DARK_TEXT = '#111111';

/**
 * A badge in a playbook colour with text that stays readable: of white and near-black, the
 * one with more contrast on that colour. One of the two always reaches WCAG AA's 4.5:1 on
 * any background, so the team lead's colour is kept as written.
 */
export function badgeColours(colour: string | undefined, fallback = '#444444'): { background: string; color: string } {
  const parsed = colord(colour ?? fallback);
  const background = parsed.isValid() ? parsed.toHex() : fallback;
  const color = colord(background).contrast(LIGHT_TEXT) >= colord(background).contrast(DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
  return { background, color };
}
