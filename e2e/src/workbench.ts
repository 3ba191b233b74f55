import type { Locator, Page } from 'playwright-core';
import { pollUntil } from './poll';

// The VS Code workbench as a person uses it: keyboard shortcuts and what is on screen. Selectors are VS Code 1.100's
// DOM (code-server 4.100.3); each wait names the signal it waits for.

/** Status bar entries are `<extension id>.<item id>`: the extension arenalab.arenalab, the item arenalab.status. */
export const ARENALAB_STATUS = '[id="arenalab.arenalab.arenalab.status"]';

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await pollUntil(() => page.locator('.monaco-workbench .part.statusbar').isVisible(), {
    what: 'the VS Code workbench (its status bar) to render', timeoutMs: 90_000,
  });
  // The explorer lists the folder's files once the remote file system answers; the editor is usable from then on.
  await pollUntil(() => page.locator('.explorer-folders-view .monaco-list-row').first().isVisible(), {
    what: 'the explorer to list the workspace files', timeoutMs: 60_000,
  });
}

/** Quick Open (Ctrl+P), type the name, Enter; resolves when the file's tab is the active one. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await pollUntil(() => input.isVisible(), { what: 'the Quick Open box', timeoutMs: 20_000 });
  await page.keyboard.type(fileName);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
  await pollUntil(() => row.isVisible(), { what: `Quick Open to list ${fileName}`, timeoutMs: 20_000 });
  await page.keyboard.press('Enter');
  const tab = page.locator('.tabs-container .tab.active', { hasText: fileName });
  await pollUntil(() => tab.isVisible(), { what: `${fileName} to open as the active editor tab`, timeoutMs: 20_000 });
  await pollUntil(() => page.locator('.editor-group-container.active .monaco-editor.focused').isVisible(), {
    what: `the ${fileName} editor to take focus`, timeoutMs: 20_000,
  });
}

/** The ArenaLab status item's accessible label: its text and tooltip (server state, index state and counts). */
export async function arenaLabStatus(page: Page): Promise<string> {
  const item = page.locator(ARENALAB_STATUS);
  return (await item.count()) === 0 ? '(no ArenaLab status bar item)' : (await item.getAttribute('aria-label')) ?? '';
}

/** The readiness signal: the status item says the server runs and the workspace index is ready. */
export async function waitForArenaLabReady(page: Page, describeLogs: () => string): Promise<string> {
  return pollUntil(async () => {
    const label = await arenaLabStatus(page);
    if (/server: (failed|stopped)/.test(label)) throw new Error(`ArenaLab status: ${label}`);
    return /server: running/.test(label) && /index: ready/.test(label) ? label : undefined;
  }, {
    what: 'the ArenaLab status bar item to show "server: running" and "index: ready"',
    timeoutMs: 90_000,
    onTimeout: async () => `status: ${await arenaLabStatus(page)}\n${describeLogs()}`,
  });
}

/** Go to Line (Ctrl+G) and put the cursor at the end of that line. */
export async function goToLineEnd(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await pollUntil(() => input.isVisible(), { what: 'the Go to Line box', timeoutMs: 20_000 });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await pollUntil(async () => !(await input.isVisible()), { what: 'the Go to Line box to close', timeoutMs: 20_000 });
  await page.keyboard.press('End');
}

/** Text on screen in the active editor, one entry per rendered line, top to bottom (Monaco renders spaces as nbsp). */
export async function visibleEditorLines(page: Page): Promise<string[]> {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first().evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('.view-line'))
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')));
}

/** The ghost text Monaco shows for an inline suggestion, or undefined while there is none. */
export async function ghostText(page: Page): Promise<string | undefined> {
  const parts = page.locator('.editor-group-container.active .monaco-editor .ghost-text-decoration');
  if ((await parts.count()) === 0) return undefined;
  const text = (await parts.allTextContents()).join('').replace(/\u00a0/g, ' ');
  return text.length > 0 ? text : undefined;
}

/** Starts a command by its palette title (F1, type, Enter); returns the quick input, which may stay open for a pick. */
export async function startCommand(page: Page, title: string): Promise<Locator> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await pollUntil(() => input.isVisible(), { what: 'the Command Palette', timeoutMs: 20_000 });
  await page.keyboard.type(title);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await pollUntil(() => row.isVisible(), { what: `the Command Palette to list "${title}"`, timeoutMs: 20_000 });
  await page.keyboard.press('Enter');
  return input;
}

/** Runs a command by its palette title (F1, type, Enter); resolves once the palette has closed. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = await startCommand(page, title);
  await pollUntil(async () => !(await input.isVisible()), { what: 'the Command Palette to close', timeoutMs: 20_000 });
}

/**
 * An explicit inline-suggestion request, as Alt+\ makes it: VS Code's "Trigger Inline Suggestion" from the Command
 * Palette. Playwright's Alt+Backslash reaches code-server's editor but starts no request there, so the palette is
 * the way a test asks; the request is the same (trigger kind Invoke) and focus goes back to the editor.
 */
export async function triggerInlineSuggestion(page: Page): Promise<void> {
  await runCommand(page, 'Trigger Inline Suggestion');
}
