/**
 * Pure helpers that turn what a page shows into snapshot facts. No DOM, no
 * zod: this runs in the content script.
 */
import { DOMAIN_PATTERN as DOMAIN } from '../limits';

/** Collapses whitespace (incl. NBSP, narrow NBSP), drops zero-width characters, trims. */
export function cleanText(input: string | null | undefined): string {
  if (!input) return '';
  return input.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Multipliers written after a number, longest alternative first so `mln` wins
 * over `m` and `mila` over `mil`. `mil` is read as a million (English "$1.2 mil",
 * Romanian "1,2 mil. lei"), not the Spanish thousand: Spanish CRMs write digits.
 */
const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^(?:thousand|tausend|tsd|tys\p{L}*|тыс\p{L}*|тис\p{L}*|mila|mii|k)(?!\p{L})/iu, 1e3],
  [/^(?:mill?i?on\p{L}*|milioane|mio|mln|млн|миллион\p{L}*|mil|mm|m)(?!\p{L})/iu, 1e6],
  [/^(?:billion\p{L}*|miliard\p{L}*|mld|mrd|млрд|миллиард\p{L}*|bn|b)(?!\p{L})/iu, 1e9],
  [/^千/u, 1e3],
  [/^万/u, 1e4],
  [/^億/u, 1e8],
];

/** A number as pages write it: `1 200`, `1,200,000`, `3.400.000`, `1,2`, `1.234,56`. */
const NUMBER = /\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?:[.,]\d+)?|\d[\d.,]*\d|\d/;

interface Found {
  value: number;
  /** Text after the number, for a multiplier or a currency. */
  rest: string;
  multiplied: boolean;
}

function readNumber(text: string): Found | undefined {
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const rest = text.slice(match.index + match[0].length);
  const after = rest.replace(/^[\s.]*/, '');
  let multiplier = 1;
  for (const [pattern, factor] of MULTIPLIERS) {
    if (pattern.test(after)) {
      multiplier = factor;
      break;
    }
  }
  const value = numberFromToken(match[0], multiplier !== 1);
  if (value === undefined) return undefined;
  return { value: value * multiplier, rest, multiplied: multiplier !== 1 };
}

/**
 * Separators: with both `.` and `,` the last one is the decimal mark; a mark
 * repeated is grouping; a single mark followed by exactly three digits is
 * grouping (`1,200`, `1.200`) unless a multiplier follows (`1,250 mln`).
 */
function numberFromToken(token: string, multiplied: boolean): number | undefined {
  let s = token.replace(/[ \u00a0\u202f'’]/g, '');
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots && commas) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    s = s.replaceAll(decimal === '.' ? ',' : '.', '').replace(decimal, '.');
  } else if (dots + commas > 1) {
    s = s.replace(/[.,]/g, '');
  } else if (dots + commas === 1) {
    const at = s.search(/[.,]/);
    const decimals = s.length - at - 1;
    s = decimals === 3 && !multiplied ? s.replace(/[.,]/, '') : s.replace(',', '.');
  }
  const value = Number(s);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * A head count from `"51-200"`, `"1,200"`, `"1 200"`, `"10K"`, `"około 50"`,
 * `"10,001+"`. A range gives its LOWER bound (51 for "51-200"): it never
 * overstates a company's size, and "10,001+" reads the same way.
 */
export function parseCount(input: string | number | null | undefined): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? Math.round(input) : undefined;
  const found = readNumber(cleanText(input));
  return found ? Math.round(found.value) : undefined;
}

/** ISO 4217 codes recognised when written out. */
const ISO_CODES = 'USD|EUR|PLN|GBP|RUB|RON|CHF|CZK|HUF|SEK|NOK|DKK|JPY|CAD|AUD|NZD|UAH|BGN|CNY|INR|BRL|MXN|TRY|KZT|BYN|MDL|ILS|AED|SGD|HKD|ZAR';
const ISO_PATTERN = new RegExp(`(?:^|[^A-Za-z])(${ISO_CODES})(?![A-Za-z])`, 'i');

/** Symbols and local words, checked in order (`C$` before `$`). */
const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/zł|(?:^|[^\p{L}])zl(?!\p{L})|złot\p{L}*/iu, 'PLN'],
  [/€|(?:^|[^\p{L}])euro?s?(?!\p{L})/iu, 'EUR'],
  [/£/u, 'GBP'],
  [/₽|руб|(?:^|[^\p{L}])р\.(?!\p{L})/iu, 'RUB'],
  [/(?:^|[^\p{L}])(?:lei|leu)(?!\p{L})/iu, 'RON'],
  [/₴|грн/u, 'UAH'],
  [/[¥円]/u, 'JPY'],
  [/₹/u, 'INR'],
  [/(?:^|[^\p{L}])(?:CA|C)\$/u, 'CAD'],
  [/(?:^|[^\p{L}])(?:AU|A)\$/u, 'AUD'],
  [/(?:^|[^\p{L}])R\$/u, 'BRL'],
  [/\$/u, 'USD'],
  [/(?:^|[^\p{L}])(?:Kč|Kc)(?!\p{L})/u, 'CZK'],
  [/(?:^|[^\p{L}])Ft(?!\p{L})/u, 'HUF'],
];

export function currencyOf(text: string): string | undefined {
  const iso = ISO_PATTERN.exec(text);
  if (iso?.[1]) return iso[1].toUpperCase();
  for (const [pattern, code] of CURRENCY_WORDS) if (pattern.test(text)) return code;
  return undefined;
}

export interface MoneyValue {
  amount: number;
  currency?: string;
}

/**
 * An amount from `"$1.2M"`, `"1,2 mln zł"`, `"€ 3.400.000"`, `"2,5 млн руб."`,
 * `"1.2B USD"`; the currency as ISO 4217 when the text names one. A range
 * gives its lower bound, like `parseCount`.
 */
export function parseMoney(input: string | number | null | undefined): MoneyValue | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? { amount: input } : undefined;
  const text = cleanText(input);
  const found = readNumber(text);
  if (!found) return undefined;
  const amount = Math.round(found.value * 100) / 100;
  const currency = currencyOf(text);
  return currency ? { amount, currency } : { amount };
}

/** `"https://www.Acme.com/about"`, `"www.acme.com"`, `"acme.com"` → `"acme.com"`. */
export function domainFromUrl(input: string | null | undefined): string | undefined {
  let text = cleanText(input).toLowerCase();
  if (!text || /\s/.test(text)) return undefined;
  if (text.startsWith('mailto:')) return domainFromEmail(text.slice(7));
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `http://${text}`;
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/\.$/, '').replace(/^www\d*\./, '');
  return DOMAIN.test(host) ? host : undefined;
}

/** Longest local part and domain an address may have (RFC 5321): bounds every scan around an `@`. */
const LOCAL_MAX = 64;
const DOMAIN_MAX = 255;
const LOCAL_CHAR = /[a-z0-9._%+'-]/i;
const DOMAIN_CHAR = /[a-z0-9.-]/i;
const DOMAIN_TAIL = /^[a-z0-9.-]+\.[a-z]{2,}$/i;
const DOMAIN_PREFIX = /^[a-z0-9.-]+\.[a-z]{2,}/i;

/**
 * The address around the `@` at `at`, or undefined. Looks at most LOCAL_MAX
 * characters left and DOMAIN_MAX right, so finding addresses costs a bounded
 * amount per `@` and a page's text is scanned in linear time (a regular
 * expression with `+` on both sides of `@` backtracks quadratically on long
 * runs of letters).
 */
function emailAt(text: string, at: number): string | undefined {
  let start = at;
  while (start > 0 && at - start < LOCAL_MAX && LOCAL_CHAR.test(text[start - 1]!)) start--;
  if (start === at) return undefined;
  if (start > 0 && at - start >= LOCAL_MAX && LOCAL_CHAR.test(text[start - 1]!)) return undefined;
  let end = at + 1;
  while (end < text.length && end - at <= DOMAIN_MAX && DOMAIN_CHAR.test(text[end]!)) end++;
  // The longest part that ends in a top-level domain, as a greedy pattern finds it (bounded: at most DOMAIN_MAX characters).
  const domain = DOMAIN_PREFIX.exec(text.slice(at + 1, end))?.[0];
  if (!domain) return undefined;
  return `${text.slice(start, at)}@${domain}`;
}

/** `"Dana <dana@Northwind-Logistics.com>"` → `"northwind-logistics.com"`: the address must end the text. */
export function domainFromEmail(input: string | null | undefined): string | undefined {
  // An address is at most 320 characters: only the text's end can hold one that ends it.
  const tail = cleanText(input?.slice(-(LOCAL_MAX + DOMAIN_MAX + 16)));
  const at = tail.lastIndexOf('@');
  if (at < 0) return undefined;
  let rest = tail.slice(at + 1).trimEnd();
  if (rest.endsWith('>')) rest = rest.slice(0, -1).trimEnd();
  if (!DOMAIN_TAIL.test(rest)) return undefined;
  const domain = rest.toLowerCase().replace(/^\.+|\.+$/g, '');
  return DOMAIN.test(domain) ? domain : undefined;
}

/** Pulls the first e-mail address out of a text, in time linear in its length. */
export function emailIn(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const found = emailAt(text, at);
    if (found) return found.toLowerCase();
  }
  return undefined;
}

/** `text` without trailing characters in `chars`, in linear time (`/[…]+$/` is quadratic on a long run not at the end). */
export function trimEndChars(text: string, chars: RegExp): string {
  let end = text.length;
  while (end > 0 && chars.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** What a label may be: longer texts are cut before any work on them (a label is never this long). */
export const LABEL_SCAN = 200;

const FREE_MAIL = new Set(
  (
    'gmail.com googlemail.com icloud.com me.com mac.com proton.me protonmail.com protonmail.ch pm.me ' +
    'tutanota.com tuta.io mail.com email.com fastmail.com hey.com zohomail.com rocketmail.com ' +
    'web.de t-online.de freenet.de arcor.de ' +
    'wp.pl o2.pl onet.pl onet.eu op.pl interia.pl interia.eu poczta.fm vp.pl tlen.pl gazeta.pl go2.pl ' +
    'mail.ru inbox.ru bk.ru list.ru internet.ru rambler.ru ya.ru ukr.net i.ua meta.ua ' +
    'libero.it virgilio.it tiscali.it alice.it tin.it email.it ' +
    'orange.fr wanadoo.fr free.fr laposte.net sfr.fr ' +
    'seznam.cz centrum.cz abv.bg mail.bg ' +
    'qq.com 163.com 126.com naver.com hanmail.net rediffmail.com'
  ).split(' '),
);
/** Providers with a domain per country: hotmail.*, yahoo.* (incl. yahoo.ro), gmx.*, yandex.*. */
const FREE_MAIL_BRANDS = /^(?:hotmail|outlook|live|msn|yahoo|ymail|aol|gmx|yandex)\.[a-z]{2,3}(?:\.[a-z]{2})?$/;

export function isFreeMailDomain(domain: string | null | undefined): boolean {
  const d = cleanText(domain).toLowerCase().replace(/^www\./, '');
  return FREE_MAIL.has(d) || FREE_MAIL_BRANDS.test(d);
}

/**
 * Country names: `alpha-2|alpha-3|names in en, pl, ru, ro, it, de, fr, es, ja`
 * and common aliases. Keys are compared lower-cased and without diacritics.
 */
const COUNTRIES = [
  'US|USA|united states|united states of america|america|us of america|stany zjednoczone|usa|сша|соединенные штаты|соединённые штаты америки|statele unite|statele unite ale americii|stati uniti|stati uniti d\'america|vereinigte staaten|etats-unis|états-unis|estados unidos|eeuu|アメリカ|アメリカ合衆国|米国',
  'GB|GBR|united kingdom|uk|great britain|britain|england|scotland|wales|wielka brytania|anglia|великобритания|англия|marea britanie|regatul unit|regno unito|inghilterra|gran bretagna|vereinigtes königreich|großbritannien|grossbritannien|royaume-uni|angleterre|reino unido|イギリス|英国',
  'DE|DEU|germany|niemcy|германия|germania|deutschland|allemagne|alemania|ドイツ',
  'FR|FRA|france|francja|франция|franta|franța|francia|frankreich|フランス',
  'IT|ITA|italy|włochy|wlochy|италия|italia|italien|italie|イタリア',
  'ES|ESP|spain|hiszpania|испания|spania|spagna|spanien|espagne|españa|espana|スペイン',
  'PL|POL|poland|polska|польша|polonia|polen|pologne|ポーランド',
  'RU|RUS|russia|russian federation|rosja|россия|российская федерация|рф|rusia|federatia rusa|russland|russie|ロシア',
  'RO|ROU|romania|rumunia|румыния|românia|rumänien|roumanie|rumania|ルーマニア',
  'NL|NLD|netherlands|the netherlands|holland|holandia|niderlandy|нидерланды|голландия|olanda|țările de jos|paesi bassi|niederlande|pays-bas|países bajos|paises bajos|オランダ',
  'BE|BEL|belgium|belgia|бельгия|belgia|belgio|belgien|belgique|bélgica|ベルギー',
  'AT|AUT|austria|австрия|österreich|oesterreich|autriche|オーストリア',
  'CH|CHE|switzerland|szwajcaria|швейцария|elveția|elvetia|svizzera|schweiz|suisse|suiza|スイス',
  'CZ|CZE|czechia|cesko|česko|czech republic|czechy|чехия|cehia|repubblica ceca|tschechien|tchéquie|république tchèque|chequia|república checa|チェコ',
  'SK|SVK|slovakia|słowacja|словакия|slovacia|slovacchia|slowakei|slovaquie|eslovaquia|スロバキア',
  'HU|HUN|hungary|węgry|wegry|венгрия|ungaria|ungheria|ungarn|hongrie|hungría|hungria|ハンガリー',
  'UA|UKR|ukraine|ukraina|украина|ucraina|ucrania|ウクライナ',
  'BY|BLR|belarus|białoruś|bialorus|беларусь|белоруссия|belarus|bielorussia|weißrussland|biélorussie|bielorrusia|ベラルーシ',
  'LT|LTU|lithuania|litwa|литва|lituania|litauen|lituanie|リトアニア',
  'LV|LVA|latvia|łotwa|lotwa|латвия|letonia|lettonia|lettland|lettonie|ラトビア',
  'EE|EST|estonia|эстония|estland|estonie|エストニア',
  'SE|SWE|sweden|szwecja|швеция|suedia|svezia|schweden|suède|suecia|スウェーデン',
  'NO|NOR|norway|norwegia|норвегия|norvegia|norwegen|norvège|noruega|ノルウェー',
  'DK|DNK|denmark|dania|дания|danemarca|danimarca|dänemark|danemark|dinamarca|デンマーク',
  'FI|FIN|finland|finlandia|финляндия|finlanda|finnland|finlande|フィンランド',
  'IE|IRL|ireland|irlandia|ирландия|irlanda|irland|irlande|アイルランド',
  'PT|PRT|portugal|portugalia|португалия|portogallo|ポルトガル',
  'GR|GRC|greece|grecja|греция|grecia|griechenland|grèce|ギリシャ',
  'BG|BGR|bulgaria|bułgaria|болгария|bulgaria|bulgarien|bulgarie|ブルガリア',
  'HR|HRV|croatia|chorwacja|хорватия|croatia|croazia|kroatien|croatie|croacia|クロアチア',
  'SI|SVN|slovenia|słowenia|словения|slowenien|slovénie|eslovenia|スロベニア',
  'RS|SRB|serbia|сербия|serbien|serbie|セルビア',
  'MD|MDA|moldova|mołdawia|молдова|молдавия|moldavia|moldawien|moldavie|モルドバ',
  'TR|TUR|turkey|türkiye|turcja|турция|turcia|turchia|türkei|turquie|turquía|トルコ',
  'CA|CAN|canada|kanada|канада|カナダ',
  'MX|MEX|mexico|meksyk|мексика|messico|mexiko|mexique|méxico|メキシコ',
  'BR|BRA|brazil|brazylia|бразилия|brazilia|brasile|brasilien|brésil|brasil|ブラジル',
  'CN|CHN|china|chiny|китай|cina|chine|中国',
  'JP|JPN|japan|japonia|япония|japonia|giappone|japon|japón|日本',
  'IN|IND|india|indie|индия|indien|inde|インド',
  'AU|AUS|australia|австралия|australien|australie|オーストラリア',
  'KZ|KAZ|kazakhstan|kazachstan|казахстан|kazahstan|kasachstan|カザフスタン',
  'IL|ISR|israel|izrael|израиль|israele|israël|イスラエル',
  'AE|ARE|united arab emirates|uae|zjednoczone emiraty arabskie|оаэ|объединённые арабские эмираты|emiratele arabe unite|emirati arabi uniti|vereinigte arabische emirate|émirats arabes unis|emiratos árabes unidos|アラブ首長国連邦',
];

function countryKey(text: string): string {
  return cleanText(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

let countryIndex: Map<string, string> | undefined;
function countries(): Map<string, string> {
  if (countryIndex) return countryIndex;
  countryIndex = new Map();
  for (const line of COUNTRIES) {
    const [code, ...names] = line.split('|');
    if (!code) continue;
    countryIndex.set(code.toLowerCase(), code);
    for (const name of names) countryIndex.set(countryKey(name), code);
  }
  return countryIndex;
}

/**
 * ISO 3166-1 alpha-2 for a country name in en/pl/ru/ro/it/de/fr/es/ja, an
 * alpha-2/alpha-3 code, or an address whose first or last comma-separated
 * part is a country ("Poznań, Polska"). Undefined when unknown.
 */
export function countryCode(input: string | null | undefined): string | undefined {
  const text = cleanText(input);
  if (!text) return undefined;
  const table = countries();
  const whole = table.get(countryKey(text));
  if (whole) return whole;
  if (/^[A-Z]{2}$/.test(text)) return text;
  const parts = text.split(/[,\n;]/).map((part) => countryKey(part)).filter(Boolean);
  if (parts.length < 2) return undefined;
  return table.get(parts[parts.length - 1]!) ?? table.get(parts[0]!);
}

/** A company fact a CRM form shows under a visible label. */
export type CrmField = 'name' | 'website' | 'industry' | 'employees' | 'revenue' | 'country' | 'city' | 'type' | 'owner';

/**
 * Field labels of CRM record forms (Dynamics 365, Zoho CRM and the like) in
 * en, pl, ru, ro, it, de, fr, es, ja, as those products translate them. Only a
 * fallback for adapters whose stable ids miss (custom fields, renamed layouts);
 * keys compare like `crmLabelKey`.
 */
const CRM_LABELS: Record<CrmField, string> = {
  name:
    'account name|company name|company|organization name|organisation name|' +
    'nazwa konta|nazwa firmy|nazwa klienta|nazwa organizacji|' +
    'название организации|название компании|название учетной записи|наименование|' +
    'nume cont|numele contului|nume firma|nume companie|' +
    'nome account|nome azienda|nome societa|ragione sociale|' +
    'kontoname|firmenname|name des kontos|unternehmensname|' +
    'nom du compte|nom de l\'entreprise|nom de la societe|raison sociale|' +
    'nombre de cuenta|nombre de la cuenta|nombre de la empresa|razon social|' +
    '取引先名|会社名|企業名|取引先企業名',
  website:
    'website|web site|web|url|homepage|strona www|strona internetowa|witryna sieci web|witryna|веб-сайт|сайт|' +
    'site web|pagina web|sito web|sito|webseite|website-url|site internet|sitio web|ウェブサイト|webサイト|ホームページ',
  industry: 'industry|sector|branza|отрасль|industrie|domeniu|domeniu de activitate|settore|settore industriale|branche|secteur|secteur d\'activite|industria|sector industrial|業種',
  employees:
    'employees|number of employees|no. of employees|no of employees|headcount|liczba pracownikow|pracownicy|' +
    'число сотрудников|количество сотрудников|сотрудники|numar de angajati|angajati|numero di dipendenti|dipendenti|' +
    'anzahl der mitarbeiter|anzahl mitarbeiter|mitarbeiter|nombre d\'employes|nombre de salaries|employes|' +
    'numero de empleados|empleados|従業員数|従業員',
  revenue:
    'annual revenue|revenue|annual turnover|przychod roczny|roczny przychod|przychod|przychody|годовой доход|доход|годовая выручка|выручка|' +
    'venit anual|venituri anuale|cifra de afaceri|fatturato annuo|fatturato|ricavi annuali|jahresumsatz|umsatz|' +
    'chiffre d\'affaires annuel|chiffre d\'affaires|revenu annuel|ingresos anuales|ingresos|facturacion anual|年間売上|年間売上高|売上高|年商',
  country:
    'country|country/region|billing country|kraj|kraj/region|kraj rozliczeniowy|kraj (rozliczenie)|страна|страна/регион|страна выставления счета|' +
    'tara|tara/regiune|tara de facturare|paese|paese/area geografica|paese di fatturazione|land|land/region|rechnungsland|' +
    'pays|pays/region|pays de facturation|pais|pais/region|pais de facturacion|国|国/地域|請求先国|国(請求先)',
  city:
    'city|billing city|town|miasto|miasto rozliczeniowe|miejscowosc|город|город выставления счета|oras|oras de facturare|' +
    'citta|citta di fatturazione|ort|stadt|rechnungsort|ville|ville de facturation|ciudad|ciudad de facturacion|市区町村|請求先市区町村|市区町村(請求先)',
  type:
    'account type|relationship type|customer type|type|typ konta|typ relacji|typ klienta|typ|тип отношения|тип организации|тип учетной записи|тип|' +
    'tip de relatie|tip cont|tip|tipo di relazione|tipo di account|tipo|beziehungstyp|kontotyp|typ|type de relation|type de compte|' +
    'tipo de relacion|tipo de cuenta|関係の種類|取引先の種類|取引先種別|種類',
  owner:
    'owner|account owner|wlasciciel|wlasciciel konta|opiekun|ответственный|владелец|владелец организации|proprietar|proprietar cont|' +
    'proprietario|proprietario account|besitzer|kontoinhaber|kontobesitzer|proprietaire|proprietaire du compte|propietario|' +
    'propietario de la cuenta|所有者|取引先の所有者|取引先所有者|担当者',
};

/**
 * A label as compared: lower case, no diacritics, no trailing `:`/`*`, and
 * without an "Address 1:" style prefix (Dynamics: "Address 1: City").
 */
export function crmLabelKey(text: string | null | undefined): string {
  const key = cleanText(text?.slice(0, LABEL_SCAN))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/[’`]/g, "'");
  return trimEndChars(key, /[\s:：*]/u)
    .replace(/^[^:：]{1,24}\s1\s*[:：]\s*/u, '')
    .trim();
}

let crmLabelIndex: Map<string, CrmField> | undefined;

/** The fact a CRM form label stands for, or undefined. */
export function crmFieldForLabel(text: string | null | undefined): CrmField | undefined {
  const key = crmLabelKey(text);
  if (!key || key.length > 60) return undefined;
  if (!crmLabelIndex) {
    crmLabelIndex = new Map();
    for (const [field, list] of Object.entries(CRM_LABELS) as Array<[CrmField, string]>) {
      for (const label of list.split('|')) {
        const k = crmLabelKey(label);
        if (!crmLabelIndex.has(k)) crmLabelIndex.set(k, field);
      }
    }
  }
  return crmLabelIndex.get(key);
}
