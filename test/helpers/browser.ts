/**
 * A headless Chromium for the HTML report tests: Debian's `chromium`
 * (installed by .ci/run) driven by playwright-core, which downloads no
 * browser. In CI a missing browser is a failure; elsewhere the tests skip
 * with a visible reason.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.GDUMP_CHROMIUM ?? '/usr/bin/chromium';

/** The skip reason for node:test, or false to run. Throws in CI, where the browser must be there. */
export function browserSkip(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === 'true') throw new Error(`chromium is required in CI (apt-get install chromium) but ${CHROMIUM} is missing`);
  return `chromium is not installed (${CHROMIUM}): skipping the HTML report's browser tests`;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
}

/** What a page reported while it ran: console errors and uncaught exceptions. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}
