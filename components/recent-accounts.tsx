import { t, timeAgo } from '../lib/i18n';
import type { AccountRecord } from '../lib/db';

export function RecentAccounts({ accounts, onOpen }: { accounts: AccountRecord[]; onOpen: (key: string) => void }) {
  return (
    <section class="card" aria-labelledby="recent-title" data-testid="recent">
      <h2 id="recent-title">{t('panel.recent')}</h2>
      {accounts.length === 0 ? (
        <p class="small muted">{t('panel.recent.empty')}</p>
      ) : (
        <ul class="recent">
          {accounts.map((account) => (
            <li key={account.key}>
              <button type="button" class="link" data-account={account.key} onClick={() => onOpen(account.key)}>
                {account.name}
              </button>
              <span class="muted small"> · {account.domain ?? account.site} · {timeAgo(account.seenAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
