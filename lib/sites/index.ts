/**
 * The adapter registry. A new CRM or mail client (Salesforce, Pipedrive, Zoho,
 * Dynamics, Outlook) is one file in this folder, one line in ADAPTERS, and a
 * two-line content script `entrypoints/<id>.content.ts` that reads only it.
 */
import { dynamics } from './dynamics';
import { generic } from './generic';
import { gmail } from './gmail';
import { hubspot } from './hubspot';
import { outlook } from './outlook';
import { pipedrive } from './pipedrive';
import { createReader } from './reader';
import { salesforce } from './salesforce';
import { zoho } from './zoho';
import type { SiteAdapter } from './types';

export type { SiteAdapter } from './types';
export { readGeneric } from './generic';
export { createReader, tidySnapshot, type PageReader, type PageReportInput, type ReadOptions } from './reader';

/** Adapters chosen by URL, first match wins. */
export const ADAPTERS: SiteAdapter[] = [hubspot, gmail, dynamics, zoho, salesforce, pipedrive, outlook];

/** The fallback reader, for hosts the user granted that no adapter claims. */
export const GENERIC_ADAPTER: SiteAdapter = generic;

/** Host match patterns read out of the box: exactly the manifest's host permissions. */
export const KNOWN_SITE_MATCHES: string[] = ADAPTERS.flatMap((adapter) => adapter.hosts);

export const { adapterFor, readPage, inspectPage, recordKeyFor } = createReader(ADAPTERS, GENERIC_ADAPTER);
