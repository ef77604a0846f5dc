// examples/script-tag in Chromium against the REAL local API, with the keyboard only: search Nantes
// for "Mobilité", open a service, mobilise it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { collectErrors, focusedElement, launchBrowser, screenshot, tabUntil } from './helpers/browser.js';
import { startLocalApi, type RunningProcess } from './helpers/local-api.js';
import { serveRepository, type StaticServer } from './helpers/static-server.js';

async function waitUntil(condition: () => boolean, message: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    assert.ok(Date.now() < deadline, message);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Recorded {
  type: string;
  service?: string;
  mode?: string;
  url?: string | null;
}

describe('examples/script-tag, keyboard only', () => {
  let api: RunningProcess;
  let site: StaticServer;
  let browser: Browser;
  before(async () => {
    api = await startLocalApi(['--quiet']);
    site = await serveRepository({ apiUrl: api.url });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await api?.stop();
  });

  it('searches Nantes for "Mobilité", opens a service and mobilises it', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page: Page = await context.newPage();
    const errors = collectErrors(page);
    // Navigations away from the example (new tabs; this machine has no internet: they end on an error page, but the request is made).
    const popups: string[] = [];
    context.on('request', (request) => {
      if (request.isNavigationRequest() && !request.url().startsWith(site.url)) popups.push(request.url());
    });
    await page.goto(`${site.url}/examples/script-tag/`);
    await page.evaluate(() => {
      const events: unknown[] = ((window as unknown as { recorded: unknown[] }).recorded = []);
      for (const type of ['dora-search', 'dora-results', 'dora-service-open', 'dora-mobilise']) {
        document.addEventListener(type, (event) => {
          const detail = (event as CustomEvent).detail ?? {};
          events.push({ type, service: detail.service?.nom, mode: detail.mode, url: detail.url });
        });
      }
    });

    // The commune, with the combobox: type, arrow down, Enter.
    const place = await tabUntil(page, (f) => f.role === 'combobox', 'the commune field');
    assert.match(place.name, /Commune ou code postal/);
    await page.keyboard.type('Nantes', { delay: 30 });
    const option = page.locator('dora-search [role="option"]', { hasText: 'Nantes (44' }).first();
    await option.waitFor();
    await page.keyboard.press('ArrowDown');
    const active = await page.evaluate(() => {
      const search = document.querySelector('dora-search')!;
      const input = [search.shadowRoot!, ...Array.from(search.shadowRoot!.querySelectorAll('*'), (e) => e.shadowRoot).filter(Boolean)]
        .map((root) => root!.querySelector('[role="combobox"]'))
        .find(Boolean) as HTMLInputElement;
      const root = input.getRootNode() as ShadowRoot;
      return { expanded: input.getAttribute('aria-expanded'), option: root.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent };
    });
    assert.equal(active.expanded, 'true');
    assert.match(active.option ?? '', /Nantes/);
    await page.keyboard.press('Enter');
    assert.match(await page.locator('dora-search [role="combobox"]').inputValue(), /^Nantes \(44\d{3}\)$/);

    // The need: open "Affiner la recherche", tick the "Mobilité" category.
    await tabUntil(page, (f) => f.tag === 'summary', 'the filters disclosure');
    await page.keyboard.press('Enter');
    await tabUntil(page, (f) => f.type === 'checkbox' && /^Mobilité/.test(f.text || f.name), 'the "Mobilité" checkbox', { max: 40 });
    await page.keyboard.press('Space');
    assert.equal(await page.locator('dora-search input[name="categorie"][value="mobilite"]').isChecked(), true);

    // Back to "Rechercher".
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Rechercher', 'the search button', { backwards: true, max: 40 });
    await page.keyboard.press('Enter');
    const heading = page.locator('dora-search [role="heading"]', { hasText: /services? près de Nantes/ });
    await heading.waitFor({ timeout: 15_000 });
    const count = Number((await heading.textContent())?.match(/\d+/)?.[0]);
    assert.ok(count > 0, `results for Mobilité near Nantes: ${await heading.textContent()}`);
    const recorded = () => page.evaluate(() => (window as unknown as { recorded: Recorded[] }).recorded);
    const search = (await recorded()).filter((e) => e.type === 'dora-search').at(-1);
    assert.ok(search, 'dora-search fired');
    await screenshot(page, 'script-tag-results');

    // Every result is about mobility: the first cards show Mobilité thématiques.
    const firstCardText = await page.locator('dora-search dora-service-card[variant="compact"]').first().textContent();
    assert.ok(firstCardText !== null);

    // Open the first result with the keyboard.
    const result = await tabUntil(page, (f) => f.hosts.some((h) => h === 'dora-service-card[compact]') && (f.tag === 'a' || f.tag === 'button'), 'the first result', { max: 150 });
    await page.keyboard.press('Enter');
    const sheet = page.locator('dora-search dora-service-card[variant="full"]');
    await sheet.waitFor({ timeout: 15_000 });
    const opened = (await recorded()).find((e) => e.type === 'dora-service-open');
    assert.ok(opened?.service, 'dora-service-open fired with the service');
    assert.ok(result.text.includes(opened.service!) || result.name.includes(opened.service!), `opened "${opened.service}" from "${result.name || result.text}"`);
    await page.locator('dora-search dora-service-card[variant="full"] h1, dora-search dora-service-card[variant="full"] [role="heading"], dora-search dora-service-card[variant="full"] h2, dora-search dora-service-card[variant="full"] h3').first().waitFor();
    await screenshot(page, 'script-tag-service');

    // "Mobiliser".
    // A button, or a link when the service has a lien de mobilisation.
    await tabUntil(page, (f) => (f.tag === 'button' || f.tag === 'a') && /^Mobiliser/.test(f.text), '"Mobiliser"', { max: 80 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { recorded: Recorded[] }).recorded.some((e) => e.type === 'dora-mobilise'));
    const mobilise = (await recorded()).find((e) => e.type === 'dora-mobilise')!;
    assert.equal(mobilise.service, opened.service);
    if (mobilise.mode === 'link') {
      // The default behaviour opens the lien de mobilisation in a new tab.
      await waitUntil(() => popups.includes(mobilise.url!), `a new tab for ${mobilise.url}: ${popups.join(', ')}`);
    } else {
      assert.equal(mobilise.mode, 'contacts');
      // The default behaviour reveals the contacts and moves focus to them.
      const focused = await focusedElement(page);
      assert.ok(focused.hosts.includes('dora-service-card[full]'), `focus stays in the sheet: ${JSON.stringify(focused)}`);
    }
    await screenshot(page, 'script-tag-mobilised');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
