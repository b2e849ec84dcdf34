// The file a lead publishes: the draft as JSON with two-space indents and a final newline,
// keys in the draft's own order. That is how the built-in playbook and most editors write
// JSON, so opening a file and exporting it unchanged gives the same bytes (and the same
// signature). The CLI signs these bytes as they are; so does the studio.
import type { Json } from './draft';

export function canonicalText(doc: Json): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function canonicalBytes(doc: Json): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalText(doc));
}

/** The file name a download gets: `<id>-<version>.json`, with anything odd in the version made safe. */
export function exportFileName(doc: Json): string {
  const field = (key: string) => (doc !== null && typeof doc === 'object' && !Array.isArray(doc) && typeof doc[key] === 'string' ? (doc[key] as string) : '');
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe(field('id')) || 'playbook'}${field('version') ? `-${safe(field('version'))}` : ''}.json`;
}

/**
 * The next version: the last number in it plus one (`2026.12.1` → `2026.12.2`, `2026.11-2` →
 * `2026.11-3`, `v9` → `v10`); a version without a number gets `-2`.
 */
export function bumpVersion(version: string): string {
  const match = /^(.*?)(\d+)(\D*)$/.exec(version);
  if (!match) return `${version}-2`.slice(0, 40);
  const [, head, number, tail] = match as unknown as [string, string, string, string];
  const next = String(BigInt(number) + 1n).padStart(number.length, '0');
  return `${head}${next}${tail}`.slice(0, 40);
}
