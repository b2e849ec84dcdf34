/**
 * CRM hosts a user adds by hand (their own Dynamics, a self-hosted SuiteCRM,
 * Odoo, EspoCRM, Twenty...). Each is granted as an optional host permission
 * and read by the custom-host content script, registered at run time.
 */
export interface CustomHost {
  /** `https://crm.example.com` */
  origin: string;
  /** Adapter id to read it with (`dynamics`, `salesforce`, ...) or `generic`. */
  site: string;
  addedAt: number;
}

/** Ids of the content scripts registered at run time start with this. */
export const CUSTOM_SCRIPT_PREFIX = 'playcard-custom-';

export interface CustomRegistration {
  id: string;
  matches: string[];
  /** The site's own content script (`content-scripts/dynamics.js`), or the generic reader's. */
  js: string[];
}

/** Why an address was refused; the options page words it (i18n keys `options.hosts.error.<code>`). */
export type HostInputError = 'empty' | 'notAnAddress' | 'scheme' | 'wildcard' | 'credentials';

export type HostInput = { ok: true; origin: string; pattern: string } | { ok: false; error: HostInputError };

/**
 * Accepts what a user pastes: `crm.example.com`, `https://crm.example.com/index.php?module=Accounts`,
 * `http://intranet-crm:8080/`. Plain http is allowed (intranet CRMs) but only
 * when written out; a bare host means https.
 */
export function parseHostInput(input: string): HostInput {
  const text = input.trim();
  if (!text) return { ok: false, error: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: 'notAnAddress' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'scheme' };
  if (!url.hostname || url.hostname.includes('*')) return { ok: false, error: 'wildcard' };
  if (url.username || url.password) return { ok: false, error: 'credentials' };
  // A match pattern takes no port: the permission covers the host on any port.
  return { ok: true, origin: url.origin, pattern: `${url.protocol}//${url.hostname}/*` };
}

/** The match patterns to register the custom-host content script for. */
export function matchPatterns(hosts: readonly CustomHost[]): string[] {
  const patterns = new Set<string>();
  for (const host of hosts) {
    const parsed = parseHostInput(host.origin);
    if (parsed.ok) patterns.add(parsed.pattern);
  }
  return [...patterns].sort();
}

/**
 * One run-time content script per site the user assigned hosts to: the site's
 * own bundle (its adapter reads every page it is injected into), or the
 * generic reader for "another CRM". Only `granted` patterns are registered.
 */
export function registrationsFor(hosts: readonly CustomHost[], knownSites: readonly string[], granted: ReadonlySet<string>): CustomRegistration[] {
  const bySite = new Map<string, CustomHost[]>();
  for (const host of hosts) {
    const site = knownSites.includes(host.site) ? host.site : 'generic';
    bySite.set(site, [...(bySite.get(site) ?? []), host]);
  }
  return [...bySite.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([site, siteHosts]) => ({
      id: `${CUSTOM_SCRIPT_PREFIX}${site}`,
      matches: matchPatterns(siteHosts).filter((pattern) => granted.has(pattern)),
      js: [`content-scripts/${site === 'generic' ? 'custom' : site}.js`],
    }))
    .filter((registration) => registration.matches.length > 0);
}

export function addHost(hosts: readonly CustomHost[], origin: string, site: string, now = Date.now()): CustomHost[] {
  return [...hosts.filter((host) => host.origin !== origin), { origin, site, addedAt: now }].sort((a, b) => a.origin.localeCompare(b.origin));
}

export function removeHost(hosts: readonly CustomHost[], origin: string): CustomHost[] {
  return hosts.filter((host) => host.origin !== origin);
}

/** Reads the stored list defensively: storage may hold anything an older build wrote. */
export function readHosts(value: unknown): CustomHost[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (host): host is CustomHost =>
      typeof host === 'object' && host !== null && typeof host.origin === 'string' && typeof host.site === 'string' && typeof host.addedAt === 'number',
  );
}
