/**
 * A real browser for tests: Debian's `chromium`, driven by playwright-core (which downloads nothing).
 * `.ci/run` installs it. When it is missing, tests skip with a loud reason, except under CI=true,
 * where that is a failure (as with the Docker engine, tests/support/docker-env.ts).
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.MODEL_CI_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless run that reaches no network on its own (no updates, no metrics, no sign-in). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--metrics-recording-only',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Launches Chromium, or returns why it cannot (then the caller skips the test with that reason). */
export async function launchBrowser(): Promise<Browser | { skip: string }> {
  let reason: string;
  if (!existsSync(CHROMIUM_PATH)) {
    reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set MODEL_CI_CHROMIUM)`;
  } else {
    try {
      return await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
    } catch (error) {
      reason = `Chromium at ${CHROMIUM_PATH} did not start: ${(error as Error).message.split('\n')[0]}`;
    }
  }
  if (process.env.CI === 'true') throw new Error(`browser tests cannot run under CI=true: ${reason}`);
  const skip = `SKIPPED browser tests: ${reason}`;
  console.warn(`\n*** ${skip} ***\n`);
  return { skip };
}
