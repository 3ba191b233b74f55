import type { FrameLocator, Page } from 'playwright-core';

// "ArenaLab: Curate session" as a person uses it: run from the Command Palette (chatView.ts' runCommand), the page
// read and clicked inside its webview. A webview is an iframe (VS Code's host page, class `webview ready`) holding
// another iframe (#active-frame) with the extension's page; the curation panel is the only webview this spec opens.

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
