/**
 * Caps and patterns of what a content script may report, in one place.
 *
 * The background validates page reports with zod (lib/snapshot.ts); the
 * content script trims its reads to the same rules before sending
 * (lib/sites/reader.ts), so one odd field never loses a whole page. Both
 * import this module, which imports nothing: content-script bundles carry no
 * zod.
 */

/** Text caps keep a message small and the database lean whatever the page holds. */
export const CAPS = {
  /** The email thread or the record's notes. */
  text: 20_000,
  people: 50,
  /** One fact or a person's name or title. */
  shortText: 500,
  /** An address can be 320 characters long (RFC 3696). */
  email: 320,
  /** The CRM's own record id, or the mail thread id. */
  recordId: 200,
  /** Adapter id (`hubspot`). */
  siteId: 40,
  /** What the panel calls the site (`Dynamics 365`). */
  siteLabel: 80,
  /** The address of a page Playcard did not recognise. */
  url: 4000,
} as const;

/** A registrable domain in lower case, without www: `acme.com`, `acme.co.uk`. */
export const DOMAIN_PATTERN = /^[a-z0-9.-]+\.[a-z]{2,}$/;

/** An ISO 4217 currency code: `USD`, `PLN`. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
