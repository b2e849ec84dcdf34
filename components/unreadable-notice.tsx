import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../lib/i18n';
import type { FactCode, Missing, MissingKind } from '../lib/sites/missing';

/** What the panel says for each kind of page a site adapter recognised but could not read. */
const KIND_MESSAGES: Record<Exclude<MissingKind, 'record'>, MessageKey> = {
  contact: 'unreadable.kind.contact',
  deal: 'unreadable.kind.deal',
  lead: 'unreadable.kind.lead',
  list: 'unreadable.kind.list',
  'new-record': 'unreadable.kind.newRecord',
  classic: 'unreadable.kind.classic',
  inbox: 'unreadable.kind.inbox',
  loading: 'unreadable.kind.loading',
  internal: 'unreadable.kind.internal',
  'no-company': 'unreadable.kind.noCompany',
  other: 'unreadable.kind.other',
};

/**
 * Pages that are what they should be, only not a company: a contact, the inbox, a list. The rep
 * gets a hint where to go, not an error. The others (a record whose company was not found, a
 * page where the generic reader found no company) may mean the site changed: worth a report.
 */
const NORMAL_PAGES: ReadonlySet<MissingKind> = new Set(['contact', 'deal', 'lead', 'list', 'new-record', 'classic', 'inbox', 'internal', 'other']);

/** How the panel treats a recognised page it could not read. */
export function pageNoticeKind(missing: Missing | undefined): 'hint' | 'reading' | 'unreadable' {
  if (missing?.kind === 'loading') return 'reading';
  return missing && NORMAL_PAGES.has(missing.kind) ? 'hint' : 'unreadable';
}

const FACT_MESSAGES: Record<FactCode, MessageKey> = {
  name: 'fact.name',
  domain: 'fact.domain',
  industry: 'fact.industry',
  employees: 'fact.employees',
  annualRevenue: 'fact.annualRevenue',
  country: 'fact.country',
  city: 'fact.city',
  type: 'fact.type',
  owner: 'fact.owner',
  text: 'fact.text',
};

/** The sentence for what is missing; a shape this build does not know reads as "company not found". */
function describe(missing: Missing | undefined, site: string): string {
  const kind = missing?.kind;
  if (kind && kind !== 'record' && kind in KIND_MESSAGES) return t(KIND_MESSAGES[kind], { site });
  const facts = (Array.isArray(missing?.facts) ? missing.facts : []).filter((fact) => fact in FACT_MESSAGES);
  if (!facts.length) return t('unreadable.noCompany', { site });
  return t('panel.unreadable.body', { site, missing: facts.map((fact) => t(FACT_MESSAGES[fact])).join(', ') });
}

/** "Open this contact's company to see its card": a normal page of a site Playcard reads, with where to go instead. */
export function PageHint({ siteLabel, missing }: { siteLabel: string; missing: Missing }) {
  return (
    <section class="card notice hint" data-testid="page-hint" data-kind={missing.kind}>
      <h2>{siteLabel}</h2>
      <p>{describe(missing, siteLabel)}</p>
    </section>
  );
}

/** "Could not read this HubSpot page": a page of a site Playcard reads, without a company it could show. */
export function UnreadableNotice({ siteLabel, missing, children }: { siteLabel: string; missing: Missing; children?: ComponentChildren }) {
  return (
    <section class="card notice" data-testid="unreadable">
      <h2>{t('panel.unreadable.title', { site: siteLabel })}</h2>
      <p class="small">{describe(missing, siteLabel)}</p>
      {children}
    </section>
  );
}
