import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  decodeBase64,
  encodeBase64,
  generateKeyPair,
  publicKeyOf,
  signPlaybook,
  verifyPlaybookSignature,
} from '../../lib/playbook/signature';

const bytes = new TextEncoder().encode('{"schemaVersion": 1, "id": "team"}\n');
const pair = await generateKeyPair();
const other = await generateKeyPair();
const signature = await signPlaybook(bytes, pair.privateKey);

describe('keys', () => {
  test('base64 SPKI public key (124 characters) and PKCS #8 private key', () => {
    expect(pair.publicKey).toMatch(/^[A-Za-z0-9+/]{122}==$/);
    expect(decodeBase64(pair.privateKey)?.[0]).toBe(0x30);
    expect(decodeBase64(signature)).toHaveLength(64);
  });

  test('publicKeyOf recovers the public half', async () => {
    expect(await publicKeyOf(pair.privateKey)).toBe(pair.publicKey);
  });

  test('signPlaybook throws a readable error on a bad key', async () => {
    await expect(signPlaybook(bytes, 'not a key!')).rejects.toThrow(/base64 PKCS #8/);
    await expect(signPlaybook(bytes, pair.publicKey)).rejects.toThrow(/ECDSA P-256/);
  });
});

describe('verifyPlaybookSignature', () => {
  const flipped = new Uint8Array(bytes);
  flipped[3] = flipped[3]! ^ 1;
  const reformatted = new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(bytes))));
  const pem = `-----BEGIN PUBLIC KEY-----\n${pair.publicKey.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;

  test.each<[string, Uint8Array, string, string, boolean]>([
    ['the signed bytes', bytes, signature, pair.publicKey, true],
    ['the key pasted as PEM, signature with a trailing newline', bytes, `${signature}\n`, pem, true],
    ['one bit changed', flipped, signature, pair.publicKey, false],
    ['the same JSON re-serialised', reformatted, signature, pair.publicKey, false],
    ['another key', bytes, signature, other.publicKey, false],
    ['a garbage signature', bytes, '!!!', pair.publicKey, false],
    ['an empty signature', bytes, '', pair.publicKey, false],
    ['a short signature', bytes, encodeBase64(new Uint8Array(10)), pair.publicKey, false],
    ['a zero signature', bytes, encodeBase64(new Uint8Array(64)), pair.publicKey, false],
    ['a garbage key', bytes, signature, 'hello', false],
    ['an empty key', bytes, signature, '', false],
    ['the private key as public key', bytes, signature, pair.privateKey, false],
  ])('%s → %s', async (_name, data, sig, key, valid) => {
    expect(await verifyPlaybookSignature(data, sig, key)).toBe(valid);
  });

  test('accepts a DER signature as openssl dgst -sha256 -sign writes it', async () => {
    const key = createPrivateKey({ key: Buffer.from(pair.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    for (let i = 0; i < 5; i++) {
      const der = nodeSign('sha256', bytes, { key, dsaEncoding: 'der' });
      expect(der[0]).toBe(0x30);
      expect(await verifyPlaybookSignature(bytes, der.toString('base64'), pair.publicKey)).toBe(true);
      expect(await verifyPlaybookSignature(flipped, der.toString('base64'), pair.publicKey)).toBe(false);
    }
  });
});
