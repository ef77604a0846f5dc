/**
 * The map inside `<dora-search>`: the `view` attribute and switch, lazy loading of the map chunk,
 * markers for the located in-person results of a real search, and the selection kept in step with
 * the real result cards. Real SDK client over msw.
 */
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/search/dora-search.js';
import type { DoraSearchElement } from '../src/search/dora-search.component.js';
import { API_URL, GEO_URL, geoHandlers, resetMockApi, searchHandlers, serviceHandlers, startMockApi, stopMockApi, useHandlers } from './helpers/msw.js';
import { MAPPED_COUNT, NANTES, TILE_PNG, mapResults } from './fixtures/map-results.js';

// The page loads hundreds of modules: keep every resource entry, or the map chunk's could be dropped.
performance.setResourceTimingBufferSize(10_000);

const nantes = {
  code: '44109',
  nom: 'Nantes',
  codesPostaux: ['44000', '44100', '44200', '44300'],
  codeDepartement: '44',
  codeEpci: '244400404',
  centre: { type: 'Point' as const, coordinates: [NANTES.lon, NANTES.lat] as [number, number] },
};

const shadow = (el: DoraSearchElement) => el.shadowRoot!;
const mapOf = (el: DoraSearchElement) => shadow(el).querySelector('dora-results-map');
const markers = (el: DoraSearchElement) => [...(mapOf(el)?.shadowRoot?.querySelectorAll<HTMLElement>('.leaflet-marker-pane .dora-marker') ?? [])];
const radios = (el: DoraSearchElement) => [...shadow(el).querySelectorAll<HTMLInputElement>('[part="view-switch"] input[type="radio"]')];
const card = (el: DoraSearchElement, id: string) => shadow(el).querySelector<HTMLElement>(`.list dora-service-card[data-id="${id}"]`)!;
const fetchedLeaflet = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('leaflet-src'));

async function searchAt(attributes: Record<string, string> = {}): Promise<DoraSearchElement> {
  const el = document.createElement('dora-search');
  el.setAttribute('api-url', API_URL);
  el.setAttribute('geo-url', GEO_URL);
  el.setAttribute('code-commune', '44109');
  el.setAttribute('tiles-url', TILE_PNG);
  el.setAttribute('page-size', '20');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const search = await fixture<DoraSearchElement>(el);
  await waitUntil(() => shadow(search).querySelectorAll('.list dora-service-card').length === mapResults.length, 'no results', { timeout: 8000 });
  return search;
}

describe('<dora-search> with the map', function () {
  this.timeout(30000); // a shared, busy machine: loading Leaflet in a fresh page can be slow

  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    await startMockApi();
  });
  beforeEach(() => useHandlers(geoHandlers({ communes: [nantes] }), searchHandlers(mapResults), serviceHandlers(mapResults.map((r) => r.service))));
  afterEach(resetMockApi);
  after(stopMockApi);

  it('shows the list by default and loads no map, whatever the results', async () => {
    const el = await searchAt();
    expect(el.view).to.equal('list');
    expect(radios(el).map((r) => r.checked)).to.deep.equal([true, false, false]);
    expect(mapOf(el)).to.equal(null);
    expect(customElements.get('dora-results-map')).to.equal(undefined);
    expect(fetchedLeaflet()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('switches to the map from the keyboard, with a marker per located in-person result, the place and the radius', async () => {
    const el = await searchAt({ rayon: '20' });
    radios(el)[0]!.focus();
    setTimeout(() => sendKeys({ press: 'ArrowRight' }));
    const change = await oneEvent(el, 'dora-view-change');
    expect(change.detail.view).to.equal('map');
    expect(el.getAttribute('view')).to.equal('map');
    await waitUntil(() => markers(el).length === MAPPED_COUNT, 'no markers', { timeout: 8000 });
    expect(fetchedLeaflet()).to.have.length(1);
    const map = mapOf(el)!;
    await waitUntil(() => map.shadowRoot!.querySelector('.dora-place__dot')?.getAttribute('aria-label') === 'Lieu recherché : Nantes', 'no place');
    expect(map.shadowRoot!.querySelector('path.dora-radius')).to.not.equal(null);
    expect(map.radiusKm).to.equal(20);
    expect(map.shadowRoot!.querySelector('[part=summary]')!.textContent).to.contain('5 résultats sur 8');
    await expect(el).to.be.accessible();
  });

  it('keeps the selection in step with the cards in the split view', async () => {
    const el = await searchAt({ view: 'split' });
    await waitUntil(() => markers(el).length === MAPPED_COUNT, 'no markers', { timeout: 8000 });
    const map = mapOf(el)!;

    markers(el).find((m) => m.title.startsWith('Conseil en logement'))!.click();
    await el.updateComplete;
    expect(card(el, 'action-logement--conseil-carquefou').hasAttribute('data-map-selected')).to.equal(true);

    card(el, 'dora--atelier-cv-reze').shadowRoot!.querySelector<HTMLElement>('[part~="link"]')!.focus();
    await el.updateComplete;
    await map.updateComplete;
    expect(map.selectedId).to.equal('dora--atelier-cv-reze');
    expect(map.shadowRoot!.querySelector('.leaflet-popup-content')!.textContent).to.contain('Atelier CV et lettre de motivation');
    await expect(el).to.be.accessible();
  });

  it('passes axe in the DSFR theme, dark, with a popup open', async () => {
    const el = await searchAt({ view: 'split', theme: 'dsfr', 'color-scheme': 'dark' });
    await waitUntil(() => markers(el).length === MAPPED_COUNT, 'no markers', { timeout: 8000 });
    markers(el)[0]!.click();
    await waitUntil(() => mapOf(el)!.shadowRoot!.querySelector('.leaflet-popup-content'), 'no popup');
    const popup = mapOf(el)!.shadowRoot!.querySelector('.leaflet-popup-content-wrapper')!;
    expect(getComputedStyle(popup).backgroundColor).to.equal('rgb(22, 22, 22)'); // the DSFR dark background
    await expect(el).to.be.accessible();
  });

  it('opens a service sheet from a popup in the map view', async () => {
    const el = await searchAt({ view: 'map' });
    await waitUntil(() => markers(el).length === MAPPED_COUNT, 'no markers', { timeout: 8000 });
    markers(el).find((m) => m.title.startsWith('Garage solidaire'))!.click();
    const map = mapOf(el)!;
    await waitUntil(() => map.shadowRoot!.querySelector('.leaflet-popup-content button'), 'no popup');
    setTimeout(() => map.shadowRoot!.querySelector<HTMLButtonElement>('.leaflet-popup-content button')!.click());
    const open = await oneEvent(el, 'dora-service-open');
    expect(open.detail.service.id).to.equal('mes-aides--garage-solidaire-orvault');
    await waitUntil(() => shadow(el).querySelector('[part="service-view"] dora-service-card[variant="full"]'), 'no sheet', { timeout: 8000 });
    expect(shadow(el).querySelector('[part="service-view"]')!.getAttribute('aria-label')).to.equal('Garage solidaire');
  });
});
