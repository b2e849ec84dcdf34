/**
 * Salesforce's own field labels and stage names, in the UI languages it
 * ships: the fallback when no API name identifies a field.
 */
import { LABEL_SCAN, cleanText, trimEndChars } from '../normalise';
import type { Fact } from './selectors';

/**
 * Salesforce's labels of the standard Account fields, as its translations
 * write them, in en/pl/ru/ro/it/de/fr/es/ja (and common renamings). Compared
 * without case, diacritics, spaces and a trailing ":" or "*".
 */
const LABELS: Partial<Record<Fact, string>> = {
  name:
    'Account Name|Company|Company Name|Nazwa konta|Nazwa firmy|Название организации|Имя организации|Название компании|Nume cont|Nume companie|' +
    'Nome account|Nome azienda|Accountname|Firmenname|Nom du compte|Nom de la société|Nombre de la cuenta|Nombre de cuenta|取引先名|会社名',
  website: 'Website|Web Site|Witryna sieci Web|Witryna internetowa|Strona WWW|Веб-сайт|Сайт|Site web|Sito Web|Site Web|Sitio web|Web サイト|ウェブサイト',
  industry: 'Industry|Branża|Отрасль|Industrie|Domeniu|Settore|Branche|Secteur d\'activité|Secteur|Sector|Sector industrial|業種',
  employees:
    'Employees|Number of Employees|Pracownicy|Liczba pracowników|Сотрудники|Число сотрудников|Количество сотрудников|Angajați|Număr de angajați|' +
    'Dipendenti|Numero di dipendenti|Mitarbeiter|Anzahl Mitarbeiter|Employés|Nombre d\'employés|Empleados|Número de empleados|従業員数',
  revenue:
    'Annual Revenue|Roczny przychód|Przychód roczny|Годовой доход|Годовая выручка|Venit anual|Venituri anuale|Cifră de afaceri anuală|Fatturato annuo|' +
    'Jahresumsatz|Chiffre d\'affaires annuel|Ingresos anuales|Facturación anual|年間売上|年間売上高',
  type: 'Type|Account Type|Typ|Typ konta|Тип|Тип организации|Tip|Tip cont|Tipo|Tipo di account|Accounttyp|Type de compte|Tipo de cuenta|種別|取引先 種別',
  owner:
    'Account Owner|Owner|Właściciel konta|Właściciel|Ответственный|Владелец организации|Владелец|Proprietar cont|Proprietar|Titolare account|Titolare|' +
    'Proprietario|Accountinhaber|Inhaber|Propriétaire du compte|Propriétaire|Propietario de la cuenta|Propietario|取引先 所有者|所有者',
  address:
    'Billing Address|Adres rozliczeniowy|Adres do faktury|Адрес для выставления счета|Платежный адрес|Adresă de facturare|Indirizzo di fatturazione|' +
    'Rechnungsanschrift|Rechnungsadresse|Adresse de facturation|Dirección de facturación|住所(請求先)|請求先住所',
  description: 'Description|Opis|Описание|Descriere|Descrizione|Beschreibung|Descripción|説明',
};
const STAGE_LABELS = 'Stage|Etap|Этап|Стадия|Etapă|Fase|Phase|Étape|フェーズ';
const AMOUNT_LABELS = 'Amount|Kwota|Сумма|Sumă|Valoare|Importo|Betrag|Montant|Importe|金額';
const TITLE_LABELS = 'Title|Stanowisko|Должность|Funcție|Titlu|Qualifica|Titolo|Titel|Position|Titre|Fonction|Cargo|Puesto|役職';

/** Closed opportunity stages as Salesforce ships them translated (lost first: 不成立 contains 成立). */
export const LOST = /closed\s*lost|zamknięta\s*przegrana|przegran|закрыт\p{L}*\s*(?:неудач|проигр)|неудачн|închis\p{L}*\s*pierdut|pierdut|chius\p{L}*\W*pers|geschlossen\s*und\s*verloren|verloren|ferm\p{L}*\s*perdu|perdu|cerrad\p{L}*\s*perdid|perdid|不成立|失注/iu;
export const WON = /closed\s*won|zamknięta\s*wygrana|wygran|закрыт\p{L}*\s*(?:успешн|выигр)|успешн|выигр|închis\p{L}*\s*câștigat|câștigat|castigat|chius\p{L}*\W*vint|geschlossen\s*und\s*gewonnen|gewonnen|gagn|cerrad\p{L}*\s*ganad|ganad|成立|受注/iu;

/** Picklists show "--None--" translated ("--なし--", "--Brak--", "--Нет--") for an empty value. */
export const PICKLIST_NONE = /^--\s*[^-]{1,24}\s*--$/u;

export function labelKey(text: string | null | undefined): string {
  const key = cleanText(text?.slice(0, LABEL_SCAN))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  return trimEndChars(key, /[\s:：*]/u)
    .replace(/^\*+/u, '')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, '');
}

function labelSet(list: string): Set<string> {
  return new Set(list.split('|').map(labelKey));
}

let labelIndex: Map<string, Fact> | undefined;
export function labels(): Map<string, Fact> {
  if (labelIndex) return labelIndex;
  labelIndex = new Map();
  for (const [fact, list] of Object.entries(LABELS) as Array<[Fact, string]>) {
    for (const label of list.split('|')) if (!labelIndex.has(labelKey(label))) labelIndex.set(labelKey(label), fact);
  }
  return labelIndex;
}
let relatedLabels: { stage: Set<string>; amount: Set<string>; title: Set<string> } | undefined;
export function related(): { stage: Set<string>; amount: Set<string>; title: Set<string> } {
  relatedLabels ??= { stage: labelSet(STAGE_LABELS), amount: labelSet(AMOUNT_LABELS), title: labelSet(TITLE_LABELS) };
  return relatedLabels;
}
