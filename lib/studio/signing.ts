// Signing in the browser, in exactly the format lib/playbook/signature.ts verifies and the
// CLI (`npm run playbook -- sign`) writes: base64 P1363 ECDSA P-256 / SHA-256 over the file's
// exact bytes, a `.sig` file of that line and a newline. The private key lives as a
// non-extractable CryptoKey: page scripts can sign with it, nothing can read it out.
import { decodeBase64, encodeBase64, keyIdOf, publicKeyOf, signatureFileOf, signedMessage } from '../playbook/signature';

const KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface SigningKey {
  /** Base64 SPKI, for the `publicKey` policy. */
  publicKey: string;
  /** Non-extractable: signs, and can be stored in IndexedDB, but never exported. */
  privateKey: CryptoKey;
}

/** A fresh key pair; `backup` is the base64 PKCS #8 private key for the one download the lead keeps. */
export async function createSigningKey(): Promise<SigningKey & { backup: string }> {
  const pair = await crypto.subtle.generateKey(KEY, true, ['sign', 'verify']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  // Re-imported non-extractable: from here on only the backup file holds the key's bytes.
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, KEY, false, ['sign']);
  return { publicKey: encodeBase64(spki), privateKey, backup: encodeBase64(pkcs8) };
}

/** A key file the lead already has (the CLI's `.private.key`, or a PEM PKCS #8); null when it is not one. */
export async function loadSigningKey(text: string): Promise<SigningKey | null> {
  const pkcs8 = decodeBase64(text);
  if (!pkcs8) return null;
  try {
    const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, KEY, false, ['sign']);
    return { publicKey: await publicKeyOf(text), privateKey };
  } catch {
    return null;
  }
}

/** The base64 signature of exactly `bytes`. */
export async function signBytes(privateKey: CryptoKey, bytes: Uint8Array): Promise<string> {
  return encodeBase64(new Uint8Array(await crypto.subtle.sign(SIGN, privateKey, new Uint8Array(bytes))));
}

/**
 * The `.sig` file's text for the playbook `bytes` hold (`id` at `version`), exactly as the CLI's
 * `sign` writes it: format 2, which binds the id and the version (lib/playbook/signature.ts).
 */
export async function signPlaybookText(key: { privateKey: CryptoKey; publicKey: string }, bytes: Uint8Array, playbook: { id: string; version: string }): Promise<string> {
  const keyId = await keyIdOf(key.publicKey);
  if (!keyId) throw new Error('not a public key');
  const signature = await signBytes(key.privateKey, await signedMessage(bytes, playbook.id, playbook.version));
  return signatureFileOf(playbook, keyId, signature);
}

/** The backup download's text, as the CLI's keygen writes `<prefix>.private.key`. */
export function privateKeyFileText(backup: string): string {
  return `${backup}\n`;
}
