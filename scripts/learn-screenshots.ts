// Takes the screenshots in docs/learn.md from the built extension: `npm run build && tsx scripts/learn-screenshots.ts`.
import { launchWithExtension } from './lib/browser';

const browser = await launchWithExtension({ viewport: { width: 1100, height: 760 } });
try {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`chrome-extension://${browser.extensionId}/learn.html`);
  await page.waitForSelector('[data-testid="flashcard"]');
  await page.keyboard.press('Space');
  await page.waitForSelector('[data-testid="flashcard"][data-side="answer"]');
  await page.screenshot({ path: 'docs/learn-cards.png' });
  await page.click('[data-view="quiz"]');
  await page.waitForSelector('[data-testid="quiz"]');
  await page.keyboard.press('2');
  await page.waitForSelector('[data-testid="explanation"]');
  await page.screenshot({ path: 'docs/learn-quiz.png' });
  for (let i = 0; i < 9; i++) {
    const before = await page.getAttribute('[data-testid="quiz"]', 'data-scenario');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="quiz"]:not([data-scenario="${before}"])`);
    await page.keyboard.press('1');
    await page.waitForSelector('[data-testid="explanation"]');
  }
  await page.click('[data-view="progress"]');
  await page.waitForSelector('[data-testid="progress"]');
  await page.screenshot({ path: 'docs/learn-progress.png', fullPage: true });
  console.log(browser.errors.length ? browser.errors : 'no console errors');
} finally {
  await browser.close();
}
