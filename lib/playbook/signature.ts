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

// Signature format 2 ---------------------------------------------------------------------
//
// A format-1 `.sig` is the bare base64 signature of the file's bytes. Format 2 binds the
// playbook's id and version into what is signed, so a signature is never taken for a file it
// does not name, and tells which key signed it (key rotation). It is five lines of text:
//
//   playcard-signature: 2
//   playbook: <id>
//   version: <version>
//   key: <key id: the first 16 hex digits of the SHA-256 of the public key's SPKI bytes>
//   signature: <base64 P1363 signature of the message below>
//
// The message signed is the UTF-8 text
//   "playcard-signature: 2\nplaybook: <id>\nversion: <version>\nsha256: <hex of the file's bytes>\n".
// The extension checks the signature, then that the file's own id and version equal the lines.
// Format 1 stays accepted: its signature covers the exact bytes, which contain the id and the
// version, and the freshness rules (no older version, no other playbook from the same address)
// apply to both formats; `npm run playbook -- sign` writes format 2 only.

export const SIGNATURE_FORMAT = 2;
const V2_HEADER = 'playcard-signature: 2';

/** Short, stable id of a public key, shown to leads and stored with verified versions. */
export async function keyIdOf(publicKey: string): Promise<string | null> {
  const spki = decodeBase64(publicKey);
  if (!spki) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The keys in a policy or options field: one key, or two during a rotation window (the new
 * and the old one), separated by a comma, by whitespace, or as two PEM blocks. At most two.
 */
export function parsePublicKeys(text: string | undefined): string[] {
  const body = (text ?? '').trim();
  if (!body) return [];
  let parts: string[];
  if (/[,;]/.test(body)) parts = body.split(/[,;]/);
  else if ((body.match(/-----BEGIN /g) ?? []).length > 1) parts = body.split(/(?=-----BEGIN )/);
  else {
    const tokens = body.split(/\s+/);
    // Bare keys (124 base64 characters each) separated by whitespace; otherwise one wrapped key.
    parts = tokens.length > 1 && tokens.every((t) => /^[A-Za-z0-9+/]{120,}={0,2}$/.test(t) && t.length === 124) ? tokens : [body];
  }
  return parts.map((p) => p.trim()).filter(Boolean).slice(0, 2);
}

export type SignatureFile =
  | { format: 1; signature: string }
  | { format: 2; playbook: string; version: string; keyId: string; signature: string };

/** Reads a `.sig` file of either format; null when it is neither (garbage, HTML, too long). */
export function parseSignatureFile(text: string): SignatureFile | null {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body.length === 0 || body.length > 2000) return null;
  if (!body.startsWith('playcard-signature:')) {
    const raw = decodeBase64(body);
    return raw && (raw.length === 64 || (raw.length >= 8 && raw.length <= 72)) ? { format: 1, signature: body } : null;
  }
  const lines = body.split(/\r?\n/);
  if (lines[0]?.trim() !== V2_HEADER || lines.length !== 5) return null;
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const match = /^([a-z0-9]+): (.*)$/.exec(line.trimEnd());
    if (!match) return null;
    fields.set(match[1]!, match[2]!);
  }
  const [playbook, version, keyId, signature] = ['playbook', 'version', 'key', 'signature'].map((k) => fields.get(k));
  if (!playbook || !version || !keyId || !signature || !decodeBase64(signature)) return null;
  return { format: 2, playbook, version, keyId, signature };
}

async function sha256HexOf(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', copy(bytes)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a format-2 signature covers: the header, the id, the version and the file's SHA-256. */
export async function signedMessage(bytes: Uint8Array, id: string, version: string): Promise<Uint8Array> {
  return new TextEncoder().encode(`${V2_HEADER}\nplaybook: ${id}\nversion: ${version}\nsha256: ${await sha256HexOf(bytes)}\n`);
}

export type SignatureCheck =
  | { ok: true; keyId: string; format: 1 | 2; claims?: { id: string; version: string } }
  | { ok: false; problem: 'malformed' | 'mismatch' };

/**
 * Checks a `.sig` text against each trusted key (one, or two during a rotation). "malformed":
 * the text is no signature at all; "mismatch": no trusted key signed these bytes. A format-2
 * result carries the id and version it names: the caller compares them with the file's.
 */
export async function verifySignatureFile(bytes: Uint8Array, text: string, publicKeys: readonly string[]): Promise<SignatureCheck> {
  const file = parseSignatureFile(text);
  if (!file) return { ok: false, problem: 'malformed' };
  for (const publicKey of publicKeys) {
    const keyId = await keyIdOf(publicKey);
    if (!keyId) continue;
    if (file.format === 1) {
      if (await verifyPlaybookSignature(bytes, file.signature, publicKey)) return { ok: true, keyId, format: 1 };
      continue;
    }
    if (file.keyId !== keyId) continue;
    const message = await signedMessage(bytes, file.playbook, file.version);
    if (await verifyPlaybookSignature(message, file.signature, publicKey))
      return { ok: true, keyId, format: 2, claims: { id: file.playbook, version: file.version } };
  }
  return { ok: false, problem: 'mismatch' };
}

/** A format-2 `.sig` text for `bytes`, the playbook they hold being `id` at `version`. Throws on a bad key. */
export async function signPlaybookFile(bytes: Uint8Array, privateKey: string, playbook: { id: string; version: string }): Promise<string> {
  const keyId = await keyIdOf(await publicKeyOf(privateKey));
  const signature = await signPlaybook(await signedMessage(bytes, playbook.id, playbook.version), privateKey);
  return signatureFileOf(playbook, keyId ?? '', signature);
}

/** The format-2 `.sig` text; the studio (a non-extractable key) and the CLI write it alike. */
export function signatureFileOf(playbook: { id: string; version: string }, keyId: string, signature: string): string {
  return `${V2_HEADER}\nplaybook: ${playbook.id}\nversion: ${playbook.version}\nkey: ${keyId}\nsignature: ${signature}\n`;
}
