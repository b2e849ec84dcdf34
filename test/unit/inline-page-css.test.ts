import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { expect, test } from 'vitest';
import { inlinePageCss } from '../../scripts/build/inline-page-css';

// Each extension page's stylesheet ships inside its HTML, so the page's first script does not
// wait for a second file; what cannot be inlined safely stays a link.

type Handler = (this: void, html: string, context: IndexHtmlTransformContext) => string;
const hook = (inlinePageCss() as Plugin & { transformIndexHtml: { handler: Handler } }).transformIndexHtml.handler;

const page = (head: string) => `<!DOCTYPE html><html><head><script type="module" crossorigin src="/chunks/learn-a1.js"></script>${head}</head><body><div id="app"></div></body></html>`;

function run(html: string, files: Record<string, { css: string } | { code: string }>) {
  const bundle: Record<string, unknown> = {};
  for (const [fileName, file] of Object.entries(files)) {
    bundle[fileName] = 'css' in file ? { type: 'asset', fileName, source: file.css } : { type: 'chunk', fileName, code: file.code };
  }
  const out = hook(html, { path: '/learn.html', filename: '/learn.html', bundle: bundle as IndexHtmlTransformContext['bundle'] });
  return { html: out, left: Object.keys(bundle).sort() };
}

test("a page's stylesheet becomes a <style> element and its file leaves the package", () => {
  const { html, left } = run(page('<link rel="stylesheet" crossorigin href="/assets/learn-b2.css">'), {
    'assets/learn-b2.css': { css: ':root{font:14px/1.5 system-ui}.card{padding:8px}' },
    'chunks/learn-a1.js': { code: 'performance.mark("learn:script")' },
  });
  expect(html).toBe(page('<style>:root{font:14px/1.5 system-ui}.card{padding:8px}</style>'));
  expect(left).toEqual(['chunks/learn-a1.js']);
});

test('a stylesheet a chunk still names (a dynamic import preloads it) is inlined and kept', () => {
  const { html, left } = run(page('<link rel="stylesheet" crossorigin href="/assets/app-c3.css">'), {
    'assets/app-c3.css': { css: '.quiz{margin:0}' },
    'chunks/learn-a1.js': { code: 'const deps=["assets/app-c3.css","chunks/app-d4.js"]' },
  });
  expect(html).toBe(page('<style>.quiz{margin:0}</style>'));
  expect(left).toEqual(['assets/app-c3.css', 'chunks/learn-a1.js']);
});

test('a stylesheet with url() stays a link: inlined, its relative paths would resolve from the page', () => {
  const link = '<link rel="stylesheet" crossorigin href="/assets/fonts-e5.css">';
  const { html, left } = run(page(link), { 'assets/fonts-e5.css': { css: '@font-face{src:url(./inter.woff2)}' } });
  expect(html).toBe(page(link));
  expect(left).toEqual(['assets/fonts-e5.css']);
});
