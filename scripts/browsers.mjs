// The test runner's launchers for the chosen engines, all from Debian's packages: nothing is downloaded.
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { PACCHETTI, scelti } from './engines.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// Given puppeteer-core, chromeLauncher names its browser 'Chromium' or 'Firefox' (the keys of the per-engine counts) and
// launches exactly the executable named here. puppeteer-core talks WebDriver BiDi to a stock Firefox, no geckodriver.
const puppeteer = puppeteerCore.default ?? puppeteerCore;

const launchers = {
  chromium: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: { executablePath: PACCHETTI.chromium.bin, headless: true, args: CHROMIUM_ARGS },
    }),
  firefox: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: { browser: 'firefox', executablePath: PACCHETTI.firefox.bin, headless: true },
    }),
  webkit: async () => (await import('./webkit-launcher.mjs')).webkitLauncher(),
};

export async function browsers() {
  return Promise.all(scelti().map((e) => launchers[e]()));
}
