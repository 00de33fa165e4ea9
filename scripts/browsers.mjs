// The test runner's launchers for the chosen engines, all from Debian's packages: nothing is downloaded.
import { chromeLauncher } from '@web/test-runner-chrome';
import { scelti } from './engines.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const launchers = {
  chromium: () => chromeLauncher({ launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS } }),
};

export async function browsers() {
  return scelti().map((e) => launchers[e]());
}
