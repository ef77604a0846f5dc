// The demo site (npm start's Vite server) and the no-build examples, in Chromium against the REAL
// local API: every page works, the configurator's snippet works pasted into a blank page, the
// case-management pages record an orientation, the events page computes the funnel. Screenshots
// of each page go to test-output/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, collectErrors, launchBrowser, screenshot } from './helpers/browser.js';
import { startDemo, type DemoServer } from './helpers/demo-server.js';
import { repositoryRoot, startLocalApi, type RunningProcess } from './helpers/local-api.js';
import { serveRepository, type StaticServer } from './helpers/static-server.js';

const COMPACT = 'dora-service-card[variant="compact"]';
const FULL = 'dora-service-card[variant="full"]';

/** Opens the first result of the page's <dora-search> and presses "Mobiliser"; returns the service's name. */
async function openFirstResultAndMobilise(page: Page): Promise<string> {
  const card = page.locator(`dora-search ${COMPACT}`).first();
  await card.waitFor({ timeout: 20_000 });
  await card.click();
  const sheet = page.locator(`dora-search ${FULL}`);
  await sheet.waitFor({ timeout: 15_000 });
  const name = await sheet.evaluate((element) => (element as HTMLElement & { service?: { nom: string } }).service?.nom ?? '');
  assert.ok(name, 'the sheet shows a service');
  await sheet.locator('[part~="mobilise-button"]').first().click();
  return name;
}

describe('demo site and examples', () => {
  let api: RunningProcess;
  let demo: DemoServer;
  let elsewhere: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  const popups: string[] = [];
  before(async () => {
    api = await startLocalApi(['--quiet']);
    demo = await startDemo(api.url);
    elsewhere = await serveRepository({ apiUrl: api.url });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('page', (page) => popups.push(page.url()));
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await elsewhere?.close();
    await demo?.close();
    await api?.stop();
  });

  const pages: [string, string, (page: Page) => Promise<unknown>][] = [
    ['index.html', 'demo-search', (page) => page.locator(`dora-search ${COMPACT}`).first().waitFor({ timeout: 20_000 })],
    ['fiche.html', 'demo-service-card', (page) => page.locator(`${FULL} h2, ${FULL} [role="heading"]`).first().waitFor({ timeout: 20_000 })],
    ['configurateur.html', 'demo-configurator', (page) => page.locator(`#preview dora-search ${COMPACT}`).first().waitFor({ timeout: 20_000 })],
    ['dossier.html', 'demo-case-management', (page) => page.locator(`dora-search ${COMPACT}`).first().waitFor({ timeout: 20_000 })],
    ['evenements.html', 'demo-events', (page) => page.locator('dora-search [role="combobox"]').waitFor()],
    ['api.html', 'demo-real-api', (page) => page.locator('#api-form').waitFor()],
  ];
  for (const [path, name, ready] of pages) {
    it(`${path} works, with no console error and no axe violation`, async () => {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${demo.url}${path}`);
      await ready(page);
      assert.equal(await page.locator('nav a[aria-current="page"]').count(), 1);
      assert.match((await page.locator('.api-banner').textContent()) ?? '', /API locale/);
      await screenshot(page, name);
      assert.deepEqual(errors.filter((e) => !e.includes('tile')), []);
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });
  }

  it('the search page works at 320 px wide', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${demo.url}index.html`);
    await page.locator(`dora-search ${COMPACT}`).first().waitFor({ timeout: 20_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 320 px (overflow ${overflow}px)`);
    await screenshot(page, 'demo-search-320px');
    await page.close();
  });

  it('the configurator has a field for every attribute of <dora-search> (from custom-elements.json)', async () => {
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'packages/elements/custom-elements.json'), 'utf8')) as {
      modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
    };
    const search = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === 'dora-search');
    const attributes = (search?.attributes ?? []).map((attribute) => attribute.name);
    assert.ok(attributes.length > 20, attributes.join(' '));
    const page = await context.newPage();
    await page.goto(`${demo.url}configurateur.html`);
    await page.locator('#configurator fieldset').first().waitFor();
    const missing: string[] = [];
    for (const attribute of attributes) {
      if ((await page.locator(`#configurator [name="${attribute}"]`).count()) === 0) missing.push(attribute);
    }
    assert.deepEqual(missing, []);
    await page.close();
  });

  it("the configurator's snippet works pasted into a blank page on another site", async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}configurateur.html`);
    await page.locator('#option-code-commune').fill('08105');
    await page.locator('fieldset', { hasText: 'Catégories de besoins' }).getByLabel('Mobilité', { exact: true }).check();
    await page.locator('#option-page-size').fill('4');
    await page.locator('fieldset', { hasText: 'Filtres affichés' }).getByLabel('Frais', { exact: true }).uncheck();
    const snippet = (await page.locator('#snippet').textContent()) ?? '';
    assert.match(snippet, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/packages\/elements\/dist\/standalone\/dora-elements\.js"><\/script>/);
    for (const attribute of ['code-commune="08105"', 'categories="mobilite"', 'page-size="4"', 'filters="thematiques,publics,modes-accueil,types"', `api-url="${api.url}"`]) {
      assert.ok(snippet.includes(attribute), `${attribute} in\n${snippet}`);
    }
    // The live preview follows the form.
    await page.locator('#preview dora-search[code-commune="08105"]').waitFor();
    await page.close();

    // A blank page, on another origin, with nothing but the snippet.
    elsewhere.pages.set('/blank.html', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page vierge</title></head><body>\n${snippet}</body></html>`);
    const blank = await context.newPage();
    const errors = collectErrors(blank);
    const searches: string[] = [];
    blank.on('request', (request) => {
      if (request.url().includes('/search/services')) searches.push(request.url());
    });
    await blank.goto(`${elsewhere.url}/blank.html`);
    const cards = blank.locator(`dora-search ${COMPACT}`);
    await cards.first().waitFor({ timeout: 20_000 });
    assert.ok((await cards.count()) <= 4, 'page-size="4"');
    await blank.locator('dora-search [role="heading"]', { hasText: /près de Charleville-Mézières/ }).waitFor();
    const query = new URL(searches[0]!).searchParams;
    assert.equal(query.get('code_commune'), '08105');
    assert.ok(query.getAll('thematiques').every((t) => t.startsWith('mobilite--')) && query.getAll('thematiques').length > 1, 'the Mobilité category, expanded');
    assert.equal(await blank.locator('dora-search input[name="frais"]').count(), 0, 'the Frais filter is hidden');
    await screenshot(blank, 'configurator-snippet-in-blank-page');
    assert.deepEqual(errors, []);
    await blank.close();
  });

  it('the case-management page records "Orientation vers <service>" instead of the default action', async () => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${demo.url}dossier.html`);
    assert.equal(await page.locator('#orientations li').count(), 0);
    const popupsBefore = popups.length;
    const service = await openFirstResultAndMobilise(page);
    const entry = page.locator('#orientations li').first();
    await entry.waitFor();
    assert.equal(await entry.locator('strong').textContent(), `Orientation vers ${service}`);
    assert.match((await entry.locator('.meta').textContent()) ?? '', /^le \d{1,2} \S+ \d{4} à \d{2}:\d{2} · (structure : .+ · )?mode : (Lien de mobilisation|Contact direct)/);
    assert.match((await page.locator('#orientation-status').textContent()) ?? '', /enregistrée dans le dossier/);
    assert.equal(popups.length, popupsBefore, 'no new tab: the host cancelled the default');
    // The integration code shown on the page is the real module.
    assert.match((await page.locator('#integration-code').textContent()) ?? '', /event\.preventDefault\(\);/);
    await screenshot(page, 'demo-case-management-orientation');
    // The file keeps it for the session.
    await page.reload();
    await page.locator('#orientations li').first().waitFor();
    assert.equal(await page.locator('#orientations li').count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the standalone case-management example records an orientation too', async () => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${elsewhere.url}/examples/case-management/`);
    const service = await openFirstResultAndMobilise(page);
    await page.locator('#orientations li', { hasText: `Orientation vers ${service}` }).waitFor();
    assert.equal(await page.locator('#empty').isHidden(), true);
    await screenshot(page, 'example-case-management');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the events page logs the events and computes the two funnel indicators', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}evenements.html`);
    const place = page.locator('dora-search [role="combobox"]');
    await place.fill('Saint-Nazaire');
    await page.locator('dora-search [role="option"]', { hasText: 'Saint-Nazaire' }).first().waitFor();
    await place.press('ArrowDown');
    await place.press('Enter');
    await page.locator('dora-search button[type="submit"]').click();
    await page.locator(`dora-search ${COMPACT}`).first().waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('#searches').textContent(), '1');
    assert.match((await page.locator('#opened').textContent()) ?? '', /^0\s?%0 sur 1$/);
    await openFirstResultAndMobilise(page);
    await page.locator('#mobilised', { hasText: '100' }).waitFor();
    assert.match((await page.locator('#opened').textContent()) ?? '', /^100\s?%1 sur 1$/);
    const logged = await page.locator('#log code').allTextContents();
    for (const type of ['dora-search', 'dora-results', 'dora-service-open', 'dora-mobilise']) assert.ok(logged.includes(type), `${type} logged: ${logged.join(', ')}`);
    await screenshot(page, 'demo-events-funnel');
    await page.close();
  });

  it('switches to another API with a token kept in sessionStorage only, and back', async () => {
    const TOKEN = 'demo-switch-token-41f0';
    // Like the real API: a token required, CORS open to the page.
    const secured = await startLocalApi(['--quiet', '--token', TOKEN, '--allowed-origin', new URL(demo.url).origin]);
    const page = await context.newPage();
    try {
      await page.goto(`${demo.url}api.html`);
      await page.getByLabel('API réelle').check();
      await page.getByLabel("Adresse de l'API").fill(secured.url);
      await page.getByLabel('Jeton', { exact: true }).fill(TOKEN);
      await page.getByLabel('Recherche de communes').fill(secured.url);
      await page.getByRole('button', { name: 'Tester la connexion' }).click();
      await page.locator('#api-status', { hasText: /Connexion réussie : \d+ services autour de Nantes/ }).waitFor();
      await page.getByRole('button', { name: 'Enregistrer pour cet onglet' }).click();
      assert.match((await page.locator('.api-banner').textContent()) ?? '', /API réelle/);

      const authorizations: (string | undefined)[] = [];
      page.on('request', (request) => {
        if (request.url().startsWith(`${secured.url}/api/v1/search/services`)) authorizations.push(request.headers().authorization);
      });
      await page.goto(`${demo.url}index.html`);
      await page.locator(`dora-search ${COMPACT}`).first().waitFor({ timeout: 20_000 });
      assert.ok(authorizations.length > 0 && authorizations.every((value) => value === `Bearer ${TOKEN}`), 'the widget reads the chosen API with the token');
      const storage = await page.evaluate(() => ({ local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) }));
      assert.ok(!storage.local.includes(TOKEN), 'never in localStorage');
      assert.ok(storage.session.includes(TOKEN), 'in sessionStorage, for this tab');
      assert.ok(!page.url().includes(TOKEN), 'never in the URL');

      await page.goto(`${demo.url}api.html`);
      await page.getByRole('button', { name: "Oublier le jeton et revenir à l'API locale" }).click();
      assert.ok(!(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).includes(TOKEN));
      assert.match((await page.locator('.api-banner').textContent()) ?? '', /API locale/);
    } finally {
      await page.close();
      await secured.stop();
    }
  });
});
