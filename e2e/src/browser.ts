import * as fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

// Debian's Chromium, driven by playwright-core (which never downloads a browser of its own). The flags keep it from
// phoning home: on this machine's closed network those connections fail, many at a time, at every start.
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface OpenBrowser {
  browser: Browser;
  page: Page;
  /** The page's console errors and uncaught exceptions so far, for failure messages. */
  consoleErrors: () => string;
}

export async function openBrowser(): Promise<OpenBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (scripts/e2e-setup.sh does it as root)`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // A roomy viewport, so the status bar item and the editor line are not cut off in the screenshot.
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { browser, page, consoleErrors: () => errors.slice(-30).join('\n') };
}
