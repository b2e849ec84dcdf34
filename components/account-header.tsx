import type { ComponentChildren } from 'preact';
import { formatMoney, formatNumber, t, timeAgo, uiLanguage } from '../lib/i18n';
import type { AccountRecord } from '../lib/db';
import type { Money } from '../lib/snapshot';

export function money(value: Money | undefined): string | undefined {
  return value && formatMoney(value.amount, value.currency, uiLanguage.value);
}

function count(value: number | undefined): string | undefined {
  return value === undefined ? undefined : formatNumber(value, uiLanguage.value);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/**
 * The sticky top of the card: the company, where it was read, the glance (segment, persona,
 * progress) and the panel's own menu. It stays in view while the rep scrolls.
 */
export function AccountHeader({
  account,
  fromCache,
  onOpenSettings,
  onOpenLearn,
  onReport,
  children,
}: {
  account: AccountRecord;
  fromCache: boolean;
  onOpenSettings?: () => void;
  onOpenLearn?: () => void;
  /** "Report this page": the card looks wrong for the page. */
  onReport?: () => void;
  children?: ComponentChildren;
}) {
  const host = hostOf(account.snapshot.url);
  const domain = account.snapshot.company.domain;
  return (
    <header class="account" data-testid="account">
      <div class="title-row">
        <h1 data-testid="account-name">{account.name}</h1>
        {(onOpenSettings || onOpenLearn || onReport) && (
          <nav class="toolbar" aria-label={t('glance.toolbar')}>
            {onOpenLearn && (
              <button type="button" class="icon" onClick={onOpenLearn} title={t('learn.open')} data-testid="open-learn">
                {/* An open book, drawn: emoji fonts are missing on some systems and show a box. */}
                <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.4">
                  <path d="M8 4c-1.6-1.2-3.8-1.5-6-1v9.5c2.2-.5 4.4-.2 6 1M8 4c1.6-1.2 3.8-1.5 6-1v9.5c-2.2-.5-4.4-.2-6 1M8 4v9.5" />
                </svg>
                <span class="visually-hidden">{t('learn.open')}</span>
              </button>
            )}
            {onReport && (
              <button type="button" class="icon" onClick={onReport} title={t('glance2.report')} data-testid="report-page-button">
                <span aria-hidden="true">⚑</span>
                <span class="visually-hidden">{t('glance2.report')}</span>
              </button>
            )}
            {onOpenSettings && (
            <button type="button" class="icon" onClick={onOpenSettings} title={t('glance.settings')} data-testid="open-settings">
              <span aria-hidden="true">⚙</span>
              <span class="visually-hidden">{t('glance.settings')}</span>
            </button>
            )}
          </nav>
        )}
      </div>
      <p class="muted small source" data-testid="account-source">
        {account.site === 'import' ? (
          // Only a CSV named it (My accounts): no page to say it was read from, and never seen.
          <span data-testid="source-imported">{domain ? `${domain} · ${t('panel.book.imported')}` : t('panel.book.imported')}</span>
        ) : (
          <>
            {domain ? t('glance.source', { domain, host }) : t('account.readFrom', { host })}
            {fromCache ? ` · ${t('panel.cached', { when: timeAgo(account.seenAt) })}` : ''}
          </>
        )}
      </p>
      {children}
    </header>
  );
}

/** The CRM's own facts: the rep has them in the CRM already, so they are one line, folded. */
export function AccountFacts({ account }: { account: AccountRecord }) {
  const { company, deals, people } = account.snapshot;
  const location = [company.city, company.country].filter(Boolean).join(', ') || undefined;
  const facts: [string, string | undefined][] = [
    [t('fact.domain'), company.domain],
    [t('fact.industry'), company.industry],
    [t('fact.employees'), count(company.employees)],
    [t('fact.annualRevenue'), money(company.annualRevenue)],
    [t('fact.location'), location],
    [t('fact.type'), company.type],
    [t('fact.recordOwner'), company.owner],
    [t('fact.openDeals'), deals?.openCount !== undefined ? `${count(deals.openCount)}${deals.openAmount ? ` · ${money(deals.openAmount)}` : ''}` : undefined],
    [t('fact.wonDeals'), deals?.wonCount !== undefined ? `${count(deals.wonCount)}${deals.wonAmount ? ` · ${money(deals.wonAmount)}` : ''}` : undefined],
    [t('fact.people'), people.length ? people.slice(0, 3).map((p) => p.name ?? p.email).join(', ') + (people.length > 3 ? ` +${people.length - 3}` : '') : undefined],
  ];
  const shown = facts.filter((entry): entry is [string, string] => Boolean(entry[1]));
  const line = [company.industry, location, money(company.annualRevenue)].filter(Boolean).join(' · ');
  if (shown.length === 0) return null;
  return (
    <details class="card fold" data-testid="facts">
      <summary>
        <span class="fold-title">{t('facts.title')}</span>
        {line && <span class="fold-line muted"> · {line}</span>}
      </summary>
      <dl class="facts" aria-label={t('account.facts')}>
        {shown.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
