/** Screenshots for docs/studio.md: `npm run build && tsx scripts/studio-shots.ts`. */
import { launchWithExtension } from './lib/browser';

const browser = await launchWithExtension({ viewport: { width: 1280, height: 860 } });
try {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/studio.html`);
  await page.waitForSelector('[data-testid="segment-standard"]');
  await page.click('[data-testid="segment-standard"] .item-title');
  await page.fill('[data-testid="segment-minPoints-standard"]', '0');
  await page.waitForSelector('aside [data-testid="move-group"]');
  await page.screenshot({ path: 'docs/studio-edit.png' });
  await page.click('[data-testid="tab-preview"]');
  await page.fill('[data-testid="try-email"]', 'Our last supplier missed the deadline twice and nobody told us. What happens if you are late?');
  await page.click('[data-testid="quality-run"]');
  await page.waitForSelector('[data-testid="confusion"]', { timeout: 30_000 });
  await page.screenshot({ path: 'docs/studio-preview.png', fullPage: true });
  await page.click('[data-testid="tab-publish"]');
  await page.click('[data-testid="create-key"]');
  await page.click('[data-testid="sign"]');
  await page.waitForSelector('[data-testid="signed"]');
  await page.screenshot({ path: 'docs/studio-publish.png', fullPage: true });
  await page.click('[data-testid="tab-rollout"]');
  await page.click('[data-testid="policy-reg"] summary');
  await page.screenshot({ path: 'docs/studio-rollout.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.click('[data-testid="tab-edit"]');
  await page.screenshot({ path: 'docs/studio-dark.png' });
} finally {
  await browser.close();
}
