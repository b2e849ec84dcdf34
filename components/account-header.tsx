import type { ComponentChildren } from 'preact';
import { formatMoney, formatNumber, t, timeAgo, uiLanguage } from '../lib/i18n';
import type { AccountRecord } from '../lib/db';
import type { Money } from '../lib/snapshot';

function money(value: Money | undefined): string | undefined {
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

export function AccountHeader({ account, fromCache, children }: { account: AccountRecord; fromCache: boolean; children?: ComponentChildren }) {
  const { company, deals, people } = account.snapshot;
  const facts: [string, string | undefined][] = [
    [t('fact.domain'), company.domain],
    [t('fact.industry'), company.industry],
    [t('fact.employees'), count(company.employees)],
    [t('fact.annualRevenue'), money(company.annualRevenue)],
    [t('fact.country'), [company.city, company.country].filter(Boolean).join(', ') || undefined],
    [t('fact.type'), company.type],
    [t('fact.owner'), company.owner],
    [t('fact.openDeals'), deals?.openCount !== undefined ? `${count(deals.openCount)}${deals.openAmount ? ` · ${money(deals.openAmount)}` : ''}` : undefined],
    [t('fact.wonDeals'), deals?.wonCount !== undefined ? `${count(deals.wonCount)}${deals.wonAmount ? ` · ${money(deals.wonAmount)}` : ''}` : undefined],
    [t('fact.people'), people.length ? people.slice(0, 3).map((p) => p.name ?? p.email).join(', ') + (people.length > 3 ? ` +${people.length - 3}` : '') : undefined],
  ];
  return (
    <header class="account" data-testid="account">
      <h1 data-testid="account-name">{account.name}</h1>
      <p class="muted small" data-testid="account-source">
        {t('account.readFrom', { host: hostOf(account.snapshot.url) })}
        {fromCache ? ` · ${t('panel.cached', { when: timeAgo(account.seenAt) })}` : ''}
      </p>
      {children}
      <dl class="facts" aria-label={t('account.facts')}>
        {facts
          .filter((entry): entry is [string, string] => Boolean(entry[1]))
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </header>
  );
}
