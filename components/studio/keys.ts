import { signal } from '@preact/signals';
import type { SigningKeyRecord } from '../../lib/db/database';

/** The signing keys in this browser, newest first: publish signs with the first, roll-out fills in its public key. */
export const signingKeyList = signal<SigningKeyRecord[]>([]);
