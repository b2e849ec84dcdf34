import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import defaultJson from '../../lib/playbook/default-playbook.json';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';

// The right answers are read from the playbook file the quiz asks about (data a person wrote and
// checked), never computed by the quiz code under test.
const rightAnswer = new Map(
  defaultJson.learning.scenarios.map((s) => {
    const x = s as { id: string; persona?: string; secondary?: string; segment?: string; tactic?: string };
    return [x.id, x.segment ?? x.tactic ?? (x.secondary ? `${x.persona}+${x.secondary}` : x.persona!)] as const;
  }),
);
const PERSONA_NAMES = ['Expert', 'Fast', 'Novice', 'Burned'];
const SEGMENT_NAMES = ['Key account', 'Growth account', 'Standard account', 'Low-touch'];

const profile = mkdtempSync(join(tmpdir(), 'playcard-learn-'));
let browser: ExtensionBrowser;

async function openLearnFromOptions(): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const [learn] = await Promise.all([browser.context.waitForEvent('page'), options.click('[data-testid="open-learn"]')]);
  await learn.waitForSelector('[data-testid="flashcard"]');
  await options.close();
  return learn;
}

async function answerRound(learn: Page, rightOnes: number): Promise<void> {
  await learn.click('[data-view="quiz"]');
  for (let i = 0; i < 10; i++) {
    await learn.waitForSelector('[data-testid="quiz"]:not(:has([data-testid="explanation"]))');
    const scenario = (await learn.getAttribute('[data-testid="quiz"]', 'data-scenario'))!;
    const keys = await learn.$$eval('[data-testid="quiz"] [data-choice]', (buttons) => buttons.map((b) => b.getAttribute('data-choice')));
    const right = keys.indexOf(rightAnswer.get(scenario)!);
    expect(right, `${scenario}: the right answer is offered`).toBeGreaterThanOrEqual(0);
    const pick = i < rightOnes ? right : (right + 1) % keys.length;
    await learn.keyboard.press(String(pick + 1));
    await learn.waitForSelector(`[data-testid="explanation"].${i < rightOnes ? 'right' : 'wrong'}`);
    await learn.keyboard.press('Enter');
  }
  await learn.waitForSelector('[data-testid="quiz-done"]');
}

describe('Learn in real Chromium', () => {
  beforeAll(async () => {
    browser = await launchWithExtension({ userDataDir: profile });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test('the side panel with no account open offers it: "practise instead" opens Learn', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await panel.waitForSelector('[data-testid="not-recognised"]');
    const [learn] = await Promise.all([browser.context.waitForEvent('page'), panel.click('[data-testid="practise-instead"]')]);
    await learn.waitForSelector('[data-testid="flashcard"]');
    expect(learn.url()).toBe(`chrome-extension://${browser.extensionId}/learn.html`);
    await learn.close();
    await panel.close();
  });

  test('opens from the options page on the first persona card; Space flips it, 3 grades it', async () => {
    const learn = await openLearnFromOptions();
    expect(await learn.getAttribute('[data-testid="flashcard"]', 'data-card')).toBe('persona:expert');
    expect(await learn.textContent('[data-testid="card-question"] h2')).toBe('Expert');
    // Body text is 14 px (Chromium's extension stylesheet shrinks an extension page's body to 75 %).
    expect(await learn.$eval('.summary-line', (p) => getComputedStyle(p).fontSize)).toBe('14px');
    expect(await learn.$eval('[data-testid="card-list"] [data-card]', (b) => getComputedStyle(b).fontSize)).toBe('14px');
    await learn.keyboard.press('Space');
    await learn.waitForSelector('[data-testid="flashcard"][data-side="answer"]');
    expect(await learn.textContent('[data-testid="flashcard"]')).toContain('Before the call');
    await learn.keyboard.press('3');
    // Graded: the next card comes up, question side.
    await learn.waitForSelector('[data-testid="flashcard"][data-card="persona:fast"][data-side="question"]');
    await learn.fill('[data-testid="search"]', 'no such words anywhere');
    await learn.waitForFunction(() => document.querySelectorAll('[data-testid="card-list"] li').length === 0);
    await learn.fill('[data-testid="search"]', 'guarantees in writing');
    expect(await learn.$$eval('[data-testid="card-list"] [data-card]', (b) => b.map((x) => x.getAttribute('data-card')))).toContain('persona:burned');
    expect(browser.errors).toEqual([]);
  });

  test("the toolbar button's menu item opens Learn, and focuses it when it is already open", async () => {
    for (const page of browser.context.pages()) if (page.url().includes('/learn.html')) await page.close();
    const click = () => browser.worker.evaluate(() => {
        // The browser's own dispatch of the menu click, as when the rep picks the item.
        const api = (globalThis as unknown as { chrome: { contextMenus: { onClicked: { dispatch(info: { menuItemId: string }): void } } } }).chrome;
        api.contextMenus.onClicked.dispatch({ menuItemId: 'playcard-open-learn' });
      });
    const [learn] = await Promise.all([browser.context.waitForEvent('page'), click()]);
    await learn.waitForSelector('[data-testid="flashcard"]');
    expect(learn.url()).toBe(`chrome-extension://${browser.extensionId}/learn.html`);
    const before = browser.context.pages().length;
    await click();
    await learn.waitForTimeout(500);
    expect(browser.context.pages().length).toBe(before);
    await learn.close();
    expect(browser.errors).toEqual([]);
  });

  test('a round of 10 by keyboard: 1-4 answer, Enter goes next; the words that give the persona away are marked', async () => {
    const learn = await openLearnFromOptions();
    await learn.click('[data-view="quiz"]');
    await learn.waitForSelector('[data-testid="quiz"][data-scenario="rfp-with-weights"]');
    await learn.click('[data-view="cards"]');
    await answerRound(learn, 8);
    expect(await learn.textContent('[data-testid="quiz-done"] h2')).toBe('Round done: 8 of 10 right.');
    await learn.click('[data-view="progress"]');
    expect(await learn.getAttribute('[data-testid="review-count"]', 'data-count')).toBe('11');
    expect(await learn.getAttribute('[data-testid="streak"]', 'data-count')).toBe('1');
    expect(browser.errors).toEqual([]);
  });

  test('the explanation marks the words of the RFP scenario', async () => {
    const learn = await browser.context.newPage();
    await learn.goto(`chrome-extension://${browser.extensionId}/learn.html?view=quiz`);
    await learn.click('[data-testid="quiz-start"]');
    const scenario = await learn.getAttribute('[data-testid="quiz"]', 'data-scenario');
    await learn.click(`[data-choice="${rightAnswer.get(scenario!)}"]`);
    await learn.waitForSelector('[data-testid="explanation"]');
    const marked = await learn.$$eval('[data-testid="scenario-text"] mark', (m) => m.map((x) => x.textContent));
    if (scenario === 'rfp-with-weights') expect(marked).toEqual(['RFP', 'case studies', 'CVs']);
    else expect(await learn.$$eval('[data-testid="scenario-text"]', (m) => m.length)).toBe(1);
  });

  test('progress survives a browser restart', async () => {
    await browser.close({ keepProfile: true });
    browser = await launchWithExtension({ userDataDir: profile });
    const learn = await browser.context.newPage();
    await learn.goto(`chrome-extension://${browser.extensionId}/learn.html?view=progress`);
    await learn.waitForSelector('[data-testid="review-count"]');
    expect(await learn.getAttribute('[data-testid="review-count"]', 'data-count')).toBeOneOf(['11', '12']);
    // The expert card studied before the restart is no longer new.
    await learn.click('[data-view="cards"]');
    expect(await learn.$$eval('[data-card="persona:expert"] .flag', (f) => f.length)).toBe(0);
    expect(await learn.$$eval('[data-card="persona:novice"] .flag', (f) => f.map((x) => x.textContent))).toEqual(['new']);
    expect(browser.errors).toEqual([]);
  });

  test('after a team playbook update, the changed card is marked new since you last studied; unchanged ones keep their progress', async () => {
    const learn = await browser.context.newPage();
    await learn.goto(`chrome-extension://${browser.extensionId}/learn.html`);
    // Study the burned card so it has progress to compare with.
    await learn.click('[data-card="persona:burned"]');
    await learn.keyboard.press('Space');
    await learn.keyboard.press('3');
    await learn.waitForSelector('[data-card="persona:burned"]:not(:has(.flag))');

    const team = structuredClone(defaultJson) as typeof defaultJson;
    team.version = '2099.1.0';
    team.personas[3]!.tactics[0]!.text.en = 'Tell two short stories of clients in their industry who were let down before, and what changed.';
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="playbook"] input[type="file"]:not([disabled])');
    await options.setInputFiles('[data-testid="playbook"] input[type="file"]', { name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(team)) });
    await options.waitForSelector('[data-testid="playbook-active"]:has-text("2099.1.0")');

    await learn.bringToFront();
    await learn.waitForSelector('[data-card="persona:burned"] .flag.changed');
    expect(await learn.textContent('[data-card="persona:burned"] .flag')).toBe('new since you last studied');
    expect(await learn.$$eval('[data-card="persona:expert"] .flag', (f) => f.length)).toBe(0);
    await learn.click('[data-card="persona:burned"]');
    await learn.waitForSelector('[data-testid="changed-note"]');
    expect(Number(await learn.getAttribute('[data-testid="due-today"]', 'data-count'))).toBeGreaterThanOrEqual(1);
    expect(browser.errors).toEqual([]);
  });

  test('the print view is a handout with every persona and segment, and prints to PDF', async () => {
    const learn = await browser.context.newPage();
    await learn.goto(`chrome-extension://${browser.extensionId}/learn.html`);
    await learn.waitForSelector('[data-testid="flashcard"]');
    await learn.emulateMedia({ media: 'print' });
    expect(await learn.isVisible('[data-testid="flashcard"]')).toBe(false);
    const printed = await learn.innerText('[data-testid="handout"]');
    for (const name of [...PERSONA_NAMES, ...SEGMENT_NAMES]) expect(printed).toContain(name);
    const headings = await learn.$$eval('[data-testid="handout"] article h2', (h) => h.map((x) => x.textContent));
    expect(headings.slice(0, 8)).toEqual([...PERSONA_NAMES, ...SEGMENT_NAMES]);
    const pdf = await learn.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A page per persona and per segment at least (each starts a new page).
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(8);
    expect(browser.errors).toEqual([]);
  });
});
