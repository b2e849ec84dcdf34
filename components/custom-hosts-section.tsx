import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { CustomHost, HostInputError } from '../lib/custom-hosts';

/** Why adding a host failed: the address was refused, or the browser did not grant the permission. */
export type AddHostFailure = HostInputError | 'denied';

function failureText(failure: AddHostFailure, input: string): string {
  switch (failure) {
    case 'denied':
      return t('options.hosts.denied');
    case 'empty':
      return t('options.hosts.error.empty');
    case 'notAnAddress':
      return t('options.hosts.error.notAnAddress', { input: input.trim() });
    case 'scheme':
      return t('options.hosts.error.scheme');
    case 'wildcard':
      return t('options.hosts.error.wildcard');
    case 'credentials':
      return t('options.hosts.error.credentials');
  }
}

export interface SiteChoice {
  id: string;
  label: string;
}

export function CustomHostsSection({
  hosts,
  sites,
  onAdd,
  onRemove,
}: {
  hosts: CustomHost[];
  sites: SiteChoice[];
  /** Resolves to why the host was not added, or undefined when it was. */
  onAdd: (address: string, site: string) => Promise<AddHostFailure | undefined>;
  onRemove: (origin: string) => void;
}) {
  const [address, setAddress] = useState('');
  const [site, setSite] = useState('generic');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | undefined>();
  const label = (id: string) => sites.find((s) => s.id === id)?.label ?? id;

  return (
    <section class="card" aria-labelledby="custom-hosts-title" data-testid="custom-hosts">
      <h2 id="custom-hosts-title">{t('options.hosts.title')}</h2>
      <p class="small">{t('options.hosts.body')}</p>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          // onAdd asks for the permission first thing: the browser only asks inside this click.
          const submitted = address;
          void onAdd(submitted, site).then((failure) => {
            if (failure) setMessage({ kind: 'error', text: failureText(failure, submitted) });
            else {
              setMessage({ kind: 'ok', text: t('options.hosts.added') });
              setAddress('');
            }
          });
        }}
      >
        <input
          type="text"
          name="address"
          placeholder="crm.example.com"
          aria-label={t('options.hosts.address')}
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <select name="site" aria-label={t('options.hosts.site')} value={site} onChange={(event) => setSite(event.currentTarget.value)}>
          {sites.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
        <button type="submit">{t('options.hosts.add')}</button>
      </form>
      {message && (
        <p class={`small ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="custom-hosts-message">
          {message.text}
        </p>
      )}
      {hosts.length > 0 && (
        <ul class="hosts">
          {hosts.map((host) => (
            <li key={host.origin} data-origin={host.origin}>
              <span>{host.origin}</span> <span class="muted small">{label(host.site)}</span>{' '}
              <button type="button" class="link" onClick={() => onRemove(host.origin)}>
                {t('options.hosts.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
