import { browser } from 'wxt/browser';
import { t } from '../i18n';

/** The page's path in the built extension (entrypoints/learn). */
export const LEARN_PATH = '/learn.html';
const MENU_ID = 'playcard-open-learn';

/** Opens Learn in a tab of its own, or focuses the one already open. */
export async function openLearn(): Promise<void> {
  const url = browser.runtime.getURL(LEARN_PATH);
  const [open] = await browser.tabs.query({ url: `${url}*` });
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}

/**
 * "Learn the playbook" in the toolbar button's context menu. The `contextMenus` permission
 * shows no install warning, and with contexts ['action'] the item appears on our own button only,
 * never on web pages. Menu items persist, so they are (re)created on install and update.
 */
export function addLearnMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    // An update fires onInstalled again while the item still exists: remove first, or creating it logs a duplicate-id error.
    void browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ id: MENU_ID, title: t('learn.menu'), contexts: ['action'] }))
      .catch((error: unknown) => console.warn('Playcard: Learn menu', error));
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID) void openLearn();
  });
}
