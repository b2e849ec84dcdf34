import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDb, saveSigningKey, signingKeys, type PlaycardDb } from '../../lib/db';
import { verifyPlaybookSignature } from '../../lib/playbook/signature';
import { canonicalBytes } from '../../lib/studio/canonical';
import type { Json } from '../../lib/studio/draft';
import { createSigningKey, loadSigningKey, privateKeyFileText, signatureFileText, signBytes } from '../../lib/studio/signing';
import { main } from '../../scripts/playbook';

const DEFAULT_FILE = readFileSync(new URL('../../lib/playbook/default-playbook.json', import.meta.url));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'playcard-studio-'));
});

async function cli(...argv: string[]): Promise<number> {
  return main(argv, { out: () => {}, err: () => {}, cwd: dir });
}
const file = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('the studio and the CLI sign the same files', () => {
  test("the studio's export of the built-in playbook is the file the CLI signs, byte for byte", () => {
    const exported = canonicalBytes(JSON.parse(DEFAULT_FILE.toString('utf8')) as Json);
    expect(Buffer.from(exported).equals(DEFAULT_FILE)).toBe(true);
  });

  test("a key made in the studio: its .sig verifies with the extension's verifier, its backup signs with the CLI", async () => {
    const key = await createSigningKey();
    const bytes = canonicalBytes(JSON.parse(DEFAULT_FILE.toString('utf8')) as Json);
    const sig = signatureFileText(await signBytes(key.privateKey, bytes));
    expect(sig).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    expect(await verifyPlaybookSignature(bytes, sig.trim(), key.publicKey)).toBe(true);

    // The one backup download works as the CLI's private key file.
    writeFileSync(join(dir, 'team.json'), bytes);
    writeFileSync(join(dir, 'lead.private.key'), privateKeyFileText(key.backup));
    expect(await cli('sign', 'team.json', '--key', 'lead.private.key')).toBe(0);
    expect(await verifyPlaybookSignature(bytes, file('team.json.sig').trim(), key.publicKey)).toBe(true);
  });

  test("a key made by the CLI, loaded into the studio: the studio's signature verifies with the CLI's public key, and the CLI's with the studio's", async () => {
    expect(await cli('keygen', '--out', 'acme')).toBe(0);
    const loaded = await loadSigningKey(file('acme.private.key'));
    expect(loaded?.publicKey).toBe(file('acme.public.key').trim());
    const bytes = new Uint8Array(DEFAULT_FILE);
    expect(await verifyPlaybookSignature(bytes, await signBytes(loaded!.privateKey, bytes), file('acme.public.key').trim())).toBe(true);
    writeFileSync(join(dir, 'team.json'), bytes);
    expect(await cli('sign', 'team.json', '--key', 'acme.private.key')).toBe(0);
    expect(await verifyPlaybookSignature(bytes, file('team.json.sig').trim(), loaded!.publicKey)).toBe(true);
    // One changed byte and neither verifies.
    const changed = new Uint8Array(bytes);
    changed[10] = 0x20;
    expect(await verifyPlaybookSignature(changed, file('team.json.sig').trim(), loaded!.publicKey)).toBe(false);
  });

  test('a file that is not a private key is refused', async () => {
    expect(await loadSigningKey('hello')).toBeNull();
    expect(await loadSigningKey((await createSigningKey()).publicKey)).toBeNull();
  });

  test('the private key in the studio cannot be exported', async () => {
    const key = await createSigningKey();
    expect(key.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', key.privateKey)).rejects.toThrow();
  });
});

describe('keys kept in IndexedDB (schema v4)', () => {
  let db: PlaycardDb;
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  test('a stored key comes back usable for signing and still not extractable', async () => {
    db = openDb(`studio-keys-${Date.now()}`);
    const key = await createSigningKey();
    await saveSigningKey(db, { publicKey: key.publicKey, privateKey: key.privateKey, createdAt: 1, origin: 'created' });
    const [stored] = await signingKeys(db);
    expect(stored?.publicKey).toBe(key.publicKey);
    expect(stored?.privateKey.extractable).toBe(false);
    const bytes = new TextEncoder().encode('{"x":1}\n');
    expect(await verifyPlaybookSignature(bytes, await signBytes(stored!.privateKey, bytes), key.publicKey)).toBe(true);
  });
});
