/**
 * Numbers, money, dates and relative times in the rep's locale, by `Intl`.
 * Formatters are cached per locale and options: constructing one costs more
 * than using it, and the panel formats on every render.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return cached('n', locale, options, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** A short amount for a glance: `PLN 1.2M` in English, `1,2 mln zł` in Polish; the bare number without a currency. */
export function formatMoney(amount: number, currency: string | undefined, locale: string): string {
  const compact: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: 1 };
  if (!currency) return formatNumber(amount, locale, compact);
  try {
    return formatNumber(amount, locale, { ...compact, style: 'currency', currency });
  } catch {
    // Not an ISO 4217 code Intl knows: keep the rep's code beside the number.
    return `${formatNumber(amount, locale, compact)} ${currency}`;
  }
}

export function formatDateTime(at: number | Date, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(at);
}

export type RelativeUnit = 'minute' | 'hour' | 'day';

/** How long ago `then` was, in the unit a person would say; undefined under a minute ("just now" is the caller's message). */
export function elapsed(then: number, now: number): { value: number; unit: RelativeUnit } | undefined {
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return undefined;
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { value: hours, unit: 'hour' };
  return { value: Math.floor(hours / 24), unit: 'day' };
}

/** `5 min. ago`, `5 min temu`, `5 мин. назад`. */
export function formatRelative(value: number, unit: RelativeUnit, locale: string): string {
  const options: Intl.RelativeTimeFormatOptions = { numeric: 'auto', style: 'short' };
  return cached('r', locale, options, () => new Intl.RelativeTimeFormat(locale, options)).format(-value, unit);
}
