import type { FrameLocator, Locator, Page } from 'playwright-core';
import { pollUntil } from './poll';

// The ArenaLab chat view as a person uses it: opened from the Command Palette, a question typed into its box, the
// answer read off the page. A webview view is an iframe (VS Code's host page) holding another iframe (#active-frame)
// with the extension's page; both are reached through frame locators.

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
 * The chat page inside the view's webview. VS Code lays webview views over the workbench (not inside the view's
 * pane), so the host iframe is found by its class; the chat view is the only webview the test opens.
 */
export function chatFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

/** "ArenaLab: Open chat", then waits until the chat page's question box is there. */
export async function openChatView(page: Page): Promise<FrameLocator> {
  await runCommand(page, 'ArenaLab: Open chat');
  const frame = chatFrame(page);
  await pollUntil(() => frame.locator('#question').isVisible(), { what: 'the ArenaLab chat view to show its question box', timeoutMs: 30_000 });
  return frame;
}

/** Types the question and sends it with Enter. */
export async function askInChat(frame: FrameLocator, question: string): Promise<void> {
  const box = frame.locator('#question');
  await box.click();
  await box.fill(question);
  await box.press('Enter');
}
