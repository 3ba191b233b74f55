import type { FrameLocator, Page } from 'playwright-core';
import { pollUntil } from './poll';
import { runCommand } from './workbench';

// The ArenaLab chat view as a person uses it: opened from the Command Palette, a question typed into its box, the
// answer read off the page. A webview view is an iframe (VS Code's host page) holding another iframe (#active-frame)
// with the extension's page; both are reached through frame locators.

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
