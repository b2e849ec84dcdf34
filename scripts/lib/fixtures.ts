import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../../test/fixtures/pages/', import.meta.url));

export interface FixturePage {
  /** `hubspot/company-northwind` */
  name: string;
  url: string;
  html: string;
  expected: Record<string, unknown> | null;
}

/** A saved page and the real URL it is served at: `test/fixtures/pages/<name>.html` + `<name>.expected.json`. */
export function loadFixture(name: string): FixturePage {
  const html = readFileSync(`${FIXTURES_DIR}${name}.html`, 'utf8');
  const sidecar = JSON.parse(readFileSync(`${FIXTURES_DIR}${name}.expected.json`, 'utf8')) as {
    url: string;
    expected: Record<string, unknown> | null;
  };
  return { name, url: sidecar.url, html, expected: sidecar.expected };
}
