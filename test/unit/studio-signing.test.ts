import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDb, saveSigningKey, signingKeys, type PlaycardDb } from '../../lib/db';
import { verifyPlaybookSignature, verifySignatureFile } from '../../lib/playbook/signature';
import { canonicalBytes } from '../../lib/studio/canonical';
import type { Json } from '../../lib/studio/draft';
import { createSigningKey, loadSigningKey, privateKeyFileText, signBytes, signPlaybookText } from '../../lib/studio/signing';
import { main } from '../../scripts/playbook';

const DEFAULT_FILE = readFileSync(new URL('../../lib/playbook/default-playbook.json', import.meta.url));
const { id: DEFAULT_ID, version: DEFAULT_VERSION } = JSON.parse(DEFAULT_FILE.toString('utf8')) as { id: string; version: string };
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
    const sig = await signPlaybookText(key, bytes, { id: DEFAULT_ID, version: DEFAULT_VERSION });
    // Format 2: the header, the playbook's id and version, the key id, the signature.
    expect(sig).toMatch(new RegExp(`^playcard-signature: 2\\nplaybook: ${DEFAULT_ID}\\nversion: ${DEFAULT_VERSION.replace(/\./g, '\\.')}\\nkey: [0-9a-f]{16}\\nsignature: [A-Za-z0-9+/]{86}==\\n$`));
    expect(await verifySignatureFile(bytes, sig, [key.publicKey])).toMatchObject({ ok: true, format: 2, claims: { id: DEFAULT_ID, version: DEFAULT_VERSION } });

    // The one backup download works as the CLI's private key file, and the CLI writes the same lines.
    writeFileSync(join(dir, 'team.json'), bytes);
    writeFileSync(join(dir, 'lead.private.key'), privateKeyFileText(key.backup));
    expect(await cli('sign', 'team.json', '--key', 'lead.private.key')).toBe(0);
    expect(await verifySignatureFile(bytes, file('team.json.sig'), [key.publicKey])).toMatchObject({ ok: true, format: 2 });
    expect(file('team.json.sig').split('\n').slice(0, 4)).toEqual(sig.split('\n').slice(0, 4));
  });

  test("a key made by the CLI, loaded into the studio: the studio's signature verifies with the CLI's public key, and the CLI's with the studio's", async () => {
    expect(await cli('keygen', '--out', 'acme')).toBe(0);
    const loaded = await loadSigningKey(file('acme.private.key'));
    expect(loaded?.publicKey).toBe(file('acme.public.key').trim());
    const bytes = new Uint8Array(DEFAULT_FILE);
    const studioSig = await signPlaybookText(loaded!, bytes, { id: DEFAULT_ID, version: DEFAULT_VERSION });
    expect(await verifySignatureFile(bytes, studioSig, [file('acme.public.key').trim()])).toMatchObject({ ok: true, format: 2 });
    writeFileSync(join(dir, 'team.json'), bytes);
    expect(await cli('sign', 'team.json', '--key', 'acme.private.key')).toBe(0);
    expect(await verifySignatureFile(bytes, file('team.json.sig'), [loaded!.publicKey])).toMatchObject({ ok: true, format: 2 });
    // One changed byte and neither verifies.
    const changed = new Uint8Array(bytes);
    changed[10] = 0x20;
    expect(await verifySignatureFile(changed, file('team.json.sig'), [loaded!.publicKey])).toEqual({ ok: false, problem: 'mismatch' });
    expect(await verifySignatureFile(changed, studioSig, [loaded!.publicKey])).toEqual({ ok: false, problem: 'mismatch' });
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
