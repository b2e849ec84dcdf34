/**
 * Salesforce URLs: which object and record a Lightning path points to, and
 * what kind of page that is for Playcard. The host is `matches`' business (a
 * custom domain can be assigned to Salesforce).
 */
import type { MissingKind } from '../missing';

/** `<org>.lightning.force.com`, `<org>.my.salesforce.com`, sandboxes (`<org>--uat.sandbox.…`). */
export const HOST = /^(?:[a-z0-9-]+\.)+(?:lightning\.force\.com|my\.salesforce\.com)$/;
/** `/lightning/r/<Object>/<id>/...` or `/lightning/r/<id>/...`; ids are 15 or 18 characters. */
const RECORD_PATH = /^\/lightning\/r\/(?:([A-Za-z][A-Za-z0-9_]*)\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)(?:\/([^/]*)|$)/;
/** `/lightning/o/<Object>/<home|list|new>`: an object's home, list views, the new-record form. */
const OBJECT_PATH = /^\/lightning\/o\/([A-Za-z][A-Za-z0-9_]*)(?:\/([^/]*)|$)/;
/** Key prefixes of the standard objects whose URLs may omit the object name. */
const PREFIXES: Record<string, string> = { '001': 'Account', '003': 'Contact', '006': 'Opportunity', '005': 'User', '00Q': 'Lead', '500': 'Case' };

export interface Place {
  /** API name of the object (`Account`), from the path or the id prefix. */
  object: string | undefined;
  id: string | undefined;
  /** `view`, `edit`, `related`, ... for records; `home`, `list`, `new` for objects. */
  action: string | undefined;
}

/** Where the URL's path points. The host is `matches`' business (a custom domain can be assigned to Salesforce). */
export function place(url: URL): Place | undefined {
  const record = RECORD_PATH.exec(url.pathname);
  if (record?.[2]) {
    const id = record[2];
    return { object: record[1] ?? PREFIXES[id.slice(0, 3)], id, action: record[3] || 'view' };
  }
  const object = OBJECT_PATH.exec(url.pathname);
  if (object?.[1]) return { object: object[1], id: undefined, action: object[2] || 'home' };
  return { object: undefined, id: undefined, action: undefined };
}

export function accountId(url: URL): string | undefined {
  const where = place(url);
  return where?.id && where.object === 'Account' ? where.id : undefined;
}


/** The kind of page the URL shows when it is not an Account record; undefined on one. */
export function pageKind(url: URL): Exclude<MissingKind, 'record'> | undefined {
  const where = place(url);
  if (!where) return 'other';
  if (where.object === 'Account' && where.id) return undefined;
  if (where.object === 'Account' && where.action === 'new') return 'new-record';
  if (where.object === 'Account' && where.action === 'list') return 'list';
  if (where.object === 'Contact' && where.id) return 'contact';
  if (where.object === 'Opportunity' && where.id) return 'deal';
  if (where.object === 'Lead' && where.id) return 'lead';
  if (!where.object && !/^\/lightning\//.test(url.pathname)) return 'classic';
  return 'other';
}
