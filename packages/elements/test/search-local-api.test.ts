/**
 * `<dora-search>` against the REAL local API (`@dora/local-api`, started by the `dora-local-api`
 * plugin of web-test-runner.config.mjs over test/fixtures/search-local-api/): real HTTP, real
 * search semantics (eligibility, 50 km radius, distance order, category expansion), real
 * `/communes`, real errors. No mocks.
 */
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/search/dora-search.js';
import type { DoraSearchElement } from '../src/search/dora-search.component.js';

let apiUrl = '';

const shadow = (el: DoraSearchElement) => el.shadowRoot!;
const ids = (el: DoraSearchElement) => [...shadow(el).querySelectorAll<HTMLElement>('.list dora-service-card')].map((c) => c.dataset.id);
const idle = (el: DoraSearchElement) => shadow(el).querySelector('[part="results"]')!.getAttribute('aria-busy') === 'false';
const status = (el: DoraSearchElement) => shadow(el).querySelector('[part="status"]')!.textContent!.trim();

async function create(attributes: Record<string, string> = {}) {
  const el = document.createElement('dora-search');
  el.setAttribute('api-url', apiUrl);
  el.setAttribute('geo-url', apiUrl);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return fixture<DoraSearchElement>(el);
}

describe('<dora-search> on the real local API', function () {
  this.timeout(30000); // the first test starts the server (geography load) on a shared machine

  before(async () => {
    const answer = (await (await fetch('/__local-api-url')).json()) as { url?: string; error?: string };
    if (!answer.url) throw new Error(`the local API did not start: ${answer.error}`);
    apiUrl = answer.url;
  });

  it('finds the commune by name, searches around it, nearest first, remote services last, Lille excluded', async () => {
    const el = await create();
    const input = shadow(el).querySelector('dora-place-combobox')!.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'Nantes' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'no commune suggested', { timeout: 10000 });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(input.value).to.equal('Nantes (44000)');
    const results = oneEvent(el, 'dora-results');
    await sendKeys({ press: 'Enter' });
    const event = await results;
    expect(event.detail.page.total).to.equal(12);
    await waitUntil(() => idle(el) && status(el).startsWith('12 services près de Nantes'), 'no count', { timeout: 10000 });
    await el.updateComplete; // the cards below the first screen render a frame later
    const shown = ids(el);
    expect(shown).to.have.length(10);
    expect(shown[0]).to.equal('dora--svc-02');
    expect(shown).not.to.include('dora--svc-13');
    const distances = event.detail.shown.map((r: { distance: number | null }) => r.distance);
    expect(distances).to.deep.equal([...distances].sort((a, b) => (a ?? Infinity) - (b ?? Infinity)));
    shadow(el).querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
    await waitUntil(() => ids(el).length === 12, 'no second page');
    expect(ids(el).slice(10)).to.deep.equal(['france-travail--svc-11', 'france-travail--svc-12']);
    expect(shadow(el).querySelector('[part="load-more"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a category filter is expanded by the SDK and applied by the API', async () => {
    const el = await create({ 'code-commune': '44109', categories: 'mobilite' });
    await waitUntil(() => idle(el) && ids(el).length > 0, 'no results', { timeout: 10000 });
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['dora--svc-02', 'dora--svc-01', 'dora--svc-03', 'dora--svc-10', 'france-travail--svc-12']);
  });

  it('rayon and include-remote-services="false" narrow the real results', async () => {
    const el = await create({ 'code-commune': '44109', rayon: '6', 'include-remote-services': 'false' });
    await waitUntil(() => idle(el) && ids(el).length > 0, 'no results', { timeout: 10000 });
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['dora--svc-02', 'dora--svc-01', 'dora--svc-05', 'dora--svc-03', 'dora--svc-04']);
    expect(status(el)).to.equal('5 services près de Nantes');
  });

  it('opens the full sheet from /services/{id}', async () => {
    const el = await create({ 'code-commune': '44109' });
    await waitUntil(() => idle(el) && ids(el).length === 10, 'no results', { timeout: 10000 });
    const card = shadow(el).querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('.list dora-service-card[data-id="dora--svc-01"]')!;
    await card.updateComplete;
    (card.shadowRoot!.querySelector('[part~="link"]') as HTMLElement).click();
    await waitUntil(() => shadow(el).querySelector('dora-service-card[variant="full"]'), 'no sheet');
    const sheet = shadow(el).querySelector<HTMLElement & { service: { structure?: { nom: string } } | null }>('dora-service-card[variant="full"]')!;
    await waitUntil(() => sheet.service?.structure?.nom === 'Association Mobil’Emploi 44', 'detail not loaded', { timeout: 10000 });
    await waitUntil(() => sheet.shadowRoot?.textContent?.includes('préparer le permis B'), 'description not shown', { timeout: 10000 });
  });

  it('explains the API’s 422 for an unknown commune', async () => {
    const el = document.createElement('dora-search');
    el.setAttribute('api-url', apiUrl);
    el.setAttribute('geo-url', apiUrl);
    const failed = oneEvent(el, 'dora-error');
    el.setAttribute('code-commune', '99999');
    await fixture(el);
    const event = await failed;
    expect((event.detail.error as { status: number }).status).to.equal(422);
    await waitUntil(() => shadow(el as DoraSearchElement).querySelector('[role="alert"]'));
    expect(shadow(el as DoraSearchElement).querySelector('[role="alert"]')!.textContent).to.contain('critère que l’API n’accepte pas');
  });
});
