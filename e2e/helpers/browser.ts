// Headless Debian Chromium through playwright-core, with the flags this closed machine needs.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { repositoryRoot } from './local-api.js';

const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Chromium not found (apt-get install chromium)');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
}

/** Where the end-to-end screenshots go (git-ignored). */
export const screenshotDir = join(repositoryRoot, 'test-output');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Collects the page's console errors and uncaught exceptions, to assert there are none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    // Failed loads are reported below with their URL (the console message has none).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    // A browser asks for /favicon.ico by itself; the examples (pages to copy) need none.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** The element that has focus, through open shadow roots, described for assertions. */
export interface FocusedElement {
  tag: string;
  role: string | null;
  /** aria-label, else the text of aria-labelledby or of its label. */
  name: string;
  text: string;
  type: string | null;
  /** Shadow hosts it sits in, outermost first, e.g. `dora-search`, `dora-service-card[compact]`. */
  hosts: string[];
}

export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    const hosts: string[] = [];
    while (element?.shadowRoot) {
      const variant = element.getAttribute('variant');
      hosts.push(`${element.tagName.toLowerCase()}${variant ? `[${variant}]` : ''}`);
      if (!element.shadowRoot.activeElement) break;
      element = element.shadowRoot.activeElement;
    }
    if (!element) return { tag: '', role: null, name: '', text: '', type: null, hosts };
    const labelledBy = element.getAttribute('aria-labelledby');
    const root = element.getRootNode() as Document | ShadowRoot;
    const labelText = labelledBy
      ? labelledBy.split(/\s+/).map((id) => root.getElementById?.(id)?.textContent ?? '').join(' ')
      : (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
    return {
      tag: element.tagName.toLowerCase(),
      role: element.getAttribute('role'),
      name: (element.getAttribute('aria-label') ?? labelText ?? '').trim().replace(/\s+/g, ' '),
      text: (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 200),
      type: element.getAttribute('type'),
      hosts,
    };
  });
}

/**
 * Presses Tab until `matches` accepts the focused element; fails after `max` presses. This is how a
 * keyboard user moves, so it checks the tab order as a side effect.
 */
export async function tabUntil(
  page: Page,
  matches: (focused: FocusedElement) => boolean,
  what: string,
  { max = 60, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<FocusedElement> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await focusedElement(page);
    if (matches(focused)) return focused;
    seen.push(`${focused.tag}[${focused.role ?? ''}] "${focused.name || focused.text.slice(0, 40)}"`);
  }
  throw new Error(`Tab never reached ${what}; focus went through:\n  ${seen.join('\n  ')}`);
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page, shadow roots included; returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { createRequire } = await import('node:module');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')})`);
  });
}
