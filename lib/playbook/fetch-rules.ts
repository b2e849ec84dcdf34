// Where the playbook comes from and whether a fetched response may become it. Pure: the
// background does the fetch and the storage; these rules decide, so tests can table them.

/** A playbook response larger than this is refused without reading further. */
export const MAX_PLAYBOOK_BYTES = 2 * 1024 * 1024;

/** Polling interval when neither the policy nor the rep sets one, and its bounds. */
export const DEFAULT_POLL_MINUTES = 60;
export const MIN_POLL_MINUTES = 5;
export const MAX_POLL_MINUTES = 7 * 24 * 60;

export interface UrlRuleOptions {
  /** Lets `http://localhost` and `http://127.0.0.1` through, for tests and a lead's local preview. */
  allowInsecureLocal?: boolean;
}

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** HTTPS only (the subscription URL field and the `playbookUrl` policy use this too). */
export function checkPlaybookUrl(url: string, options: UrlRuleOptions = {}): UrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, message: `"${url}" is not a web address: use a full https:// URL` };
  }
  if (parsed.username || parsed.password)
    return { ok: false, message: 'the address contains a user name or password, which browsers refuse to fetch' };
  if (parsed.protocol === 'https:') return { ok: true, url: parsed.href };
  if (parsed.protocol === 'http:' && options.allowInsecureLocal && LOCAL_HOSTS.has(parsed.hostname))
    return { ok: true, url: parsed.href };
  if (parsed.protocol === 'http:')
    return { ok: false, message: `the playbook must be served over HTTPS, not plain HTTP (${parsed.host})` };
  return { ok: false, message: `the playbook must be an https:// address, not ${parsed.protocol}` };
}

/**
 * Where the detached signature of a playbook URL lives: the same address with `.sig` added to
 * the path (`https://x/team.json?v=3` → `https://x/team.json.sig?v=3`). A lead publishes both
 * files side by side; `npm run playbook -- sign` writes `<file>.sig`.
 */
export function signatureUrl(playbookUrl: string): string {
  const url = new URL(playbookUrl);
  url.pathname = `${url.pathname}.sig`;
  return url.href;
}

export interface ResponseFacts {
  /** The URL that was requested. */
  url: string;
  /** `response.url` after redirects; the same as `url` when there were none. */
  finalUrl?: string;
  status: number;
  /** The Content-Type header, or null when absent. */
  contentType?: string | null;
  /**
   * Bytes of the body: from Content-Length before reading (may be null), and the real count
   * after. Call checkResponse once with the headers and again with the body's length and head.
   */
  byteLength?: number | null;
  /** The first characters of the body, once read (a few hundred are plenty). */
  bodyStart?: string;
}

export type ResponseProblem =
  | 'insecure-url'
  | 'insecure-redirect'
  | 'not-found'
  | 'denied'
  | 'server-error'
  | 'bad-status'
  | 'empty'
  | 'not-json'
  | 'too-large';

export type ResponseVerdict =
  | { kind: 'accept' }
  | { kind: 'not-modified' }
  | { kind: 'error'; problem: ResponseProblem; message: string };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Whether a response may be parsed as the playbook. "error" keeps the last good playbook
 * and shows `message` to the rep; "not-modified" (304) just records the check.
 * Content types: `application/json`, `text/plain` (GitHub raw), `application/octet-stream`
 * (object storage defaults) and none are all fine; HTML is refused, whatever it is labelled.
 */
export function checkResponse(facts: ResponseFacts, options: UrlRuleOptions = {}): ResponseVerdict {
  const error = (problem: ResponseProblem, message: string): ResponseVerdict => ({ kind: 'error', problem, message });
  const requested = checkPlaybookUrl(facts.url, options);
  if (!requested.ok) return error('insecure-url', requested.message);
  if (facts.finalUrl !== undefined && facts.finalUrl !== '' && facts.finalUrl !== facts.url) {
    const landed = checkPlaybookUrl(facts.finalUrl, options);
    if (!landed.ok) return error('insecure-redirect', `the server redirected to an address that is not allowed: ${landed.message}`);
  }

  const { status } = facts;
  if (status === 304) return { kind: 'not-modified' };
  if (status === 404 || status === 410) return error('not-found', `no playbook at this address (HTTP ${status}): check the URL`);
  if (status === 401 || status === 403)
    return error('denied', `the server refused access (HTTP ${status}): the file must be readable without signing in`);
  if (status >= 500 && status <= 599) return error('server-error', `the server failed (HTTP ${status}); Playcard will try again later`);
  if (status !== 200 && status !== 203) return error('bad-status', `unexpected answer from the server (HTTP ${status})`);

  const type = facts.contentType?.trim() ?? '';
  if (HTML_TYPES.test(type))
    return error('not-json', `the server sent a web page (${type.split(';')[0]}), not the JSON playbook: check the URL`);

  const length = facts.byteLength;
  if (typeof length === 'number') {
    if (length > MAX_PLAYBOOK_BYTES)
      return error(
        'too-large',
        // "2.0 MB; the limit is 2.0 MB" would say nothing: just over the limit, count bytes.
        megabytes(length) === megabytes(MAX_PLAYBOOK_BYTES)
          ? `the playbook is ${length.toLocaleString('en')} bytes; the limit is ${MAX_PLAYBOOK_BYTES.toLocaleString('en')} bytes`
          : `the playbook is ${megabytes(length)}; the limit is ${megabytes(MAX_PLAYBOOK_BYTES)}`,
      );
    if (length === 0) return error('empty', 'the server sent an empty file');
  }
  if (facts.bodyStart !== undefined) {
    const start = facts.bodyStart.replace(/^\uFEFF/, '').trimStart();
    if (start.startsWith('<')) return error('not-json', 'the server sent a web page (HTML), not the JSON playbook: check the URL');
    if (start !== '' && !start.startsWith('{')) return error('not-json', 'the server sent something that is not a JSON playbook');
  }
  return { kind: 'accept' };
}

// Sources ------------------------------------------------------------------------------

/** `storage.managed` as the extension declares it (keys exactly these). */
export interface PlaybookPolicy {
  playbookUrl?: string;
  /** Base64 SPKI ECDSA P-256 key; when set, every fetched or imported playbook must be signed by it. */
  publicKey?: string;
  pollMinutes?: number;
  /** The rep may not use their own URL or file (nor turn off the team's). */
  lockSource?: boolean;
}

/** What the rep set on the options page. */
export interface RepSourceOptions {
  url?: string;
  publicKey?: string;
  pollMinutes?: number;
  /**
   * Use my own URL or file although the policy names a team playbook (the options page's
   * "use my own playbook instead" switch). Without it the policy's playbook wins, so a URL a
   * rep saved before the policy arrived does not silently override the team's.
   */
  useOwn?: boolean;
}

export interface ImportedFile {
  /** The file name the rep picked, shown on the options page. */
  name: string;
}

export interface SourceInput {
  policy?: PlaybookPolicy;
  options?: RepSourceOptions;
  file?: ImportedFile;
  builtin: { version: string };
}

export type ActiveSource =
  | { kind: 'policy'; url: string }
  | { kind: 'url'; url: string }
  | { kind: 'file'; name: string }
  | { kind: 'builtin'; version: string };

export interface SourceResolution {
  active: ActiveSource;
  /** When set, a playbook from `active` is applied only with a valid signature by this key (never needed for builtin). */
  publicKey?: string;
  publicKeyFrom?: 'policy' | 'options';
  /** How often to poll; only for URL sources. */
  pollMinutes?: number;
  /** Whether a policy is in force at all (the options page says "set by your administrator"). */
  managed: boolean;
  /** What the options page lets the rep change. */
  repMay: {
    setUrl: boolean;
    importFile: boolean;
    /** Switch between the team's playbook and their own (only when a policy names one and is not locked). */
    useOwn: boolean;
    setPublicKey: boolean;
    setPollMinutes: boolean;
  };
  /** Plain sentences for the options page: ignored settings and why. */
  notes: string[];
}

export function clampPollMinutes(minutes: number | undefined): number {
  if (minutes === undefined || !Number.isFinite(minutes)) return DEFAULT_POLL_MINUTES;
  return Math.min(MAX_POLL_MINUTES, Math.max(MIN_POLL_MINUTES, Math.round(minutes)));
}

/**
 * Reads `storage.managed` values, which an administrator typed by hand: keeps what is
 * well-formed, reports the rest (Chrome checks types against the managed schema; Firefox
 * does not always).
 */
export function readPolicy(raw: unknown, options: UrlRuleOptions = {}): { policy?: PlaybookPolicy; problems: string[] } {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problems };
  const record = raw as Record<string, unknown>;
  const policy: PlaybookPolicy = {};
  if (record.playbookUrl !== undefined) {
    const url = typeof record.playbookUrl === 'string' ? checkPlaybookUrl(record.playbookUrl, options) : null;
    if (url?.ok) policy.playbookUrl = url.url;
    else problems.push(`policy playbookUrl ignored: ${url ? url.message : 'not text'}`);
  }
  if (record.publicKey !== undefined) {
    if (typeof record.publicKey === 'string' && record.publicKey.trim() !== '') policy.publicKey = record.publicKey.trim();
    else problems.push('policy publicKey ignored: not text');
  }
  if (record.pollMinutes !== undefined) {
    if (typeof record.pollMinutes === 'number' && Number.isFinite(record.pollMinutes)) policy.pollMinutes = record.pollMinutes;
    else problems.push('policy pollMinutes ignored: not a number');
  }
  if (record.lockSource !== undefined) {
    if (typeof record.lockSource === 'boolean') policy.lockSource = record.lockSource;
    else problems.push('policy lockSource ignored: not true or false');
  }
  return Object.keys(policy).length > 0 ? { policy, problems } : { problems };
}

/**
 * Which playbook is in force. Precedence: the policy's URL; then the rep's own URL; then an
 * imported file; then the built-in one. A locked policy ignores the rep's URL and file (even
 * with no policy URL: the built-in one is then the team's choice); an unlocked policy with a
 * URL wins unless the rep turned on `useOwn`. A policy key applies to every source but the
 * built-in one; the rep's own key only when the policy has none.
 */
export function resolveSource(input: SourceInput, rules: UrlRuleOptions = {}): SourceResolution {
  const { policy, options = {}, file, builtin } = input;
  const notes: string[] = [];
  const managed = policy !== undefined && Object.keys(policy).length > 0;
  const locked = policy?.lockSource === true;
  const policyUrl = policy?.playbookUrl !== undefined ? checkPlaybookUrl(policy.playbookUrl, rules) : undefined;
  if (policyUrl && !policyUrl.ok) notes.push(`The administrator's playbook address is not used: ${policyUrl.message}.`);
  const teamUrl = policyUrl?.ok ? policyUrl.url : undefined;

  const ownUrl = options.url?.trim() ? checkPlaybookUrl(options.url, rules) : undefined;
  if (ownUrl && !ownUrl.ok && !locked) notes.push(`Your playbook address is not used: ${ownUrl.message}.`);

  const ownAllowed = !locked && (teamUrl === undefined || options.useOwn === true);
  let active: ActiveSource;
  if (teamUrl !== undefined && !(ownAllowed && (ownUrl?.ok || file))) active = { kind: 'policy', url: teamUrl };
  else if (ownAllowed && ownUrl?.ok) active = { kind: 'url', url: ownUrl.url };
  else if (ownAllowed && file) active = { kind: 'file', name: file.name };
  else active = { kind: 'builtin', version: builtin.version };

  if (locked && (options.url?.trim() || file)) notes.push('Your administrator chose the playbook; your own address and file are not used.');
  else if (teamUrl !== undefined && !options.useOwn && (ownUrl?.ok || file))
    notes.push("Your team's playbook is used; turn on “use my own playbook” to use yours instead.");
  if (ownAllowed && ownUrl?.ok && file && active.kind === 'url')
    notes.push(`Your playbook address is used; the imported file "${file.name}" is kept for when you remove the address.`);

  const policyKey = policy?.publicKey?.trim() || undefined;
  const ownKey = options.publicKey?.trim() || undefined;
  const key = policyKey ? { publicKey: policyKey, publicKeyFrom: 'policy' as const } : ownKey && !locked ? { publicKey: ownKey, publicKeyFrom: 'options' as const } : {};
  if (policyKey && ownKey && ownKey !== policyKey) notes.push("Your administrator's signing key is used, not yours.");

  const polls = active.kind === 'policy' || active.kind === 'url';
  const pollSource = policy?.pollMinutes ?? (locked ? undefined : options.pollMinutes);
  const signing = active.kind === 'builtin' ? {} : key;

  return {
    active,
    ...signing,
    ...(polls ? { pollMinutes: clampPollMinutes(pollSource) } : {}),
    managed,
    repMay: {
      setUrl: !locked,
      importFile: !locked,
      useOwn: !locked && teamUrl !== undefined,
      setPublicKey: !locked && !policyKey,
      setPollMinutes: !locked && policy?.pollMinutes === undefined,
    },
    notes,
  };
}
