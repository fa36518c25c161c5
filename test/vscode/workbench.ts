import type { FrameLocator, Locator, Page } from 'playwright-core';

/**
 * Drives VS Code's workbench through the keyboard and waits on its DOM. Every wait polls a
 * selector with a timeout; nothing sleeps.
 */

const quickInput = '.quick-input-widget';
const quickInputRow = `${quickInput} .quick-input-list .monaco-list-row`;

/** Runs a command by its palette title (as "Category: Title"), like F1 + typing + Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator(`${quickInput} input`).waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await page.locator(quickInputRow, { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(quickInput).waitFor({ state: 'hidden' });
}

/** Opens a workspace file through Quick Open and waits until its editor has focus. */
export async function openFile(page: Page, fileName: string): Promise<Locator> {
  await page.keyboard.press('F1');
  await page.locator(`${quickInput} input`).waitFor({ state: 'visible' });
  // Without the palette's '>' the same box searches files by name.
  await page.keyboard.press('Backspace');
  await page.keyboard.type(fileName);
  await page.locator(quickInputRow, { hasText: fileName }).first().click();
  await activeTab(page, fileName).waitFor();
  const editor = activeEditor(page);
  await editor.locator('.view-lines').waitFor();
  await editor.locator('textarea, .native-edit-context').first().focus();
  return editor;
}

/** The tab of the active editor group whose label is `label`, once it is the selected tab. */
export function activeTab(page: Page, label: string): Locator {
  return page.locator('.editor-group-container.active .tab.active', { hasText: label });
}

/** The text editor of the active editor group. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** The text an editor shows (its rendered lines, with non-breaking spaces made plain). */
export async function editorText(editor: Locator): Promise<string> {
  const lines = await editor.locator('.view-lines .view-line').allInnerTexts();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Moves the cursor to a 1-based line and column with Go to Line (Ctrl+G accepts `line:column`). */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator(`${quickInput} input`).waitFor({ state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator(quickInput).waitFor({ state: 'hidden' });
}

/** Waits until the workbench shows a visible element matching `selector` whose text includes `text`. */
export async function waitForText(
  page: Page,
  selector: string,
  text: string | RegExp,
  timeout = 30_000,
): Promise<Locator> {
  const found = page.locator(selector, { hasText: text }).first();
  await found.waitFor({ state: 'visible', timeout });
  return found;
}

/**
 * The content of the most recently opened webview: VS Code hosts a webview in an iframe whose
 * own iframe `#active-frame` holds the extension's page.
 */
export function webviewContent(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready').last().contentFrame().frameLocator('#active-frame');
}
