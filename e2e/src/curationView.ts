import type { FrameLocator, Page } from 'playwright-core';
import { pollUntil } from './poll';

// "ArenaLab: Curate session" as a person uses it: run from the Command Palette, the page read and clicked inside
// its webview. A webview is an iframe (VS Code's host page, class `webview ready`) holding another iframe
// (#active-frame) with the extension's page; the curation panel is the only webview this spec opens.

/** Runs a command by its palette title (F1, type, Enter); resolves once the palette has closed. */
export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await pollUntil(() => input.isVisible(), { what: 'the Command Palette', timeoutMs: 20_000 });
  await page.keyboard.type(title);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await pollUntil(() => row.isVisible(), { what: `the Command Palette to list "${title}"`, timeoutMs: 20_000 });
  await page.keyboard.press('Enter');
  await pollUntil(async () => !(await input.isVisible()), { what: 'the Command Palette to close', timeoutMs: 20_000 });
}

export function curationFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

/** The XP the page shows (`#xp`'s data-xp). */
export async function shownXp(frame: FrameLocator): Promise<number> {
  return Number(await frame.locator('#xp').getAttribute('data-xp'));
}

/** The page's text, for failure messages. */
export async function pageText(frame: FrameLocator): Promise<string> {
  return (await frame.locator('body').innerText().catch((error: unknown) => `(page not readable: ${String(error)})`)).slice(0, 3000);
}
