// Detached playbook signatures: ECDSA P-256 with SHA-256 through WebCrypto (`crypto.subtle`),
// which extension pages, service workers (Chrome 116+, Firefox 128+) and Node 20 all have.
// Ed25519 would give shorter keys but is missing from WebCrypto in the Chrome versions reps
// still run, and RSA keys are too long to paste into a policy field.
//
// Formats, all base64 text (PEM armour and line breaks are tolerated):
// - public key:  SPKI (`openssl ec -pubout` without the PEM lines), 124 characters;
// - private key: PKCS #8 (`openssl pkcs8 -topk8 -nocrypt`), kept by the lead only;
// - signature:   over the EXACT bytes of the file, IEEE P1363 r||s (64 bytes, what WebCrypto
//                produces). A DER signature (what `openssl dgst -sign` writes) is accepted too.

const KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Strict base64 (or base64url) to bytes; `null` on anything else. Whitespace and PEM lines are dropped. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const body = text
    .replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '')
    .replace(/\s+/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  const padded = body.padEnd(Math.ceil(body.length / 4) * 4, '=');
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A DER `SEQUENCE { INTEGER r, INTEGER s }` as 64-byte r||s; `null` if it is not one. */
function derToP1363(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const out = new Uint8Array(64);
  let at = 2;
  for (let part = 0; part < 2; part++) {
    if (der[at] !== 0x02) return null;
    const length = der[at + 1] ?? 0;
    let value = der.subarray(at + 2, at + 2 + length);
    if (value.length !== length) return null;
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) return null;
    out.set(value, part * 32 + 32 - value.length);
    at += 2 + length;
  }
  return at === der.length ? out : null;
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/**
 * Whether `signatureBase64` is a valid signature of exactly `bytes` by `publicKey` (base64 SPKI,
 * ECDSA P-256). Never throws: garbage in any argument is simply `false`.
 */
export async function verifyPlaybookSignature(bytes: Uint8Array, signatureBase64: string, publicKey: string): Promise<boolean> {
  try {
    const spki = decodeBase64(publicKey);
    const raw = decodeBase64(signatureBase64);
    if (!spki || !raw) return false;
    const signature = raw.length === 64 ? raw : derToP1363(raw);
    if (!signature) return false;
    const key = await crypto.subtle.importKey('spki', spki, KEY, false, ['verify']);
    return await crypto.subtle.verify(SIGN, key, signature, copy(bytes));
  } catch {
    return false;
  }
}

export interface KeyPair {
  /** Base64 SPKI: goes into the `publicKey` policy or the options page. */
  publicKey: string;
  /** Base64 PKCS #8: stays with the lead, signs each release. */
  privateKey: string;
}

/** A fresh P-256 key pair. For the lead's CLI and tests; the extension never signs. */
export async function generateKeyPair(): Promise<KeyPair> {
  const pair = await crypto.subtle.generateKey(KEY, true, ['sign', 'verify']);
  const spki = await crypto.subtle.exportKey('spki', pair.publicKey);
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  return { publicKey: encodeBase64(new Uint8Array(spki)), privateKey: encodeBase64(new Uint8Array(pkcs8)) };
}

/** The public half of a base64 PKCS #8 private key, as base64 SPKI. Throws on a bad key. */
export async function publicKeyOf(privateKey: string): Promise<string> {
  const key = await importPrivateKey(privateKey, true);
  const jwk = await crypto.subtle.exportKey('jwk', key);
  delete jwk.d;
  jwk.key_ops = ['verify'];
  const publicKey = await crypto.subtle.importKey('jwk', jwk, KEY, true, ['verify']);
  return encodeBase64(new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)));
}

async function importPrivateKey(privateKey: string, extractable: boolean): Promise<CryptoKey> {
  const pkcs8 = decodeBase64(privateKey);
  if (!pkcs8) throw new Error('the private key is not base64 PKCS #8 text');
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, KEY, extractable, ['sign']);
  } catch {
    throw new Error('the private key is not an ECDSA P-256 key in PKCS #8 form');
  }
}

/** Signs exactly `bytes`; returns the base64 P1363 signature that verifyPlaybookSignature accepts. Throws on a bad key. */
export async function signPlaybook(bytes: Uint8Array, privateKey: string): Promise<string> {
  const key = await importPrivateKey(privateKey, false);
  return encodeBase64(new Uint8Array(await crypto.subtle.sign(SIGN, key, copy(bytes))));
}
