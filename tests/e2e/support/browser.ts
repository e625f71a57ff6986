/**
 * Debian's Chromium driven by playwright-core (no browser download), one browser per test file and
 * one context per user, with an axe scan helper that every page model calls on every page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A long journey scans many pages with axe (seconds each on a busy machine): room to spare. */
export const JOURNEY_TIMEOUT = 300_000;

export function baseUrl(): string {
  return inject('baseUrl');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: a journey ends by asserting there were none. */
  pageErrors: string[];
}

/** A fresh context (own cookies) and page; `viewport` for the narrow-screen checks. */
export async function openSession(
  browser: Browser,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Axe with the WCAG 2.1 A and AA rules; throws with a readable list when anything is violated. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.flatMap((v) => [
    `- ${v.id} (${v.impact ?? 'onbekend'}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`),
  ]);
  throw new Error(
    `Axe vond ${results.violations.length} WCAG-schending(en) op ${label} (${page.url()}):\n${lines.join('\n')}`,
  );
}
