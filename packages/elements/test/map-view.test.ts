import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { LitElement, type TemplateResult } from 'lit';
import '../src/service-card/dora-service-card.js';
import { MapViewController } from '../src/map/map-view-controller.js';
import { mapViewStyles } from '../src/map/map-view.styles.js';
import { sharedStyles } from '../src/styles/tokens.styles.js';
import { MAPPED_COUNT, NANTES, TILE_PNG, mapResults } from './fixtures/map-results.js';

// The page loads hundreds of modules: keep every resource entry, or the map chunk's could be dropped.
performance.setResourceTimingBufferSize(10_000);

/**
 * A stand-in for `<dora-search>`'s results area: real result cards in a `.list`, wrapped by the
 * controller exactly as the search does.
 */
class TestResultsHost extends LitElement {
  static override styles = [sharedStyles, mapViewStyles];
  static override properties = { view: { reflect: true } };
  view = 'list';
  tilesUrl = TILE_PNG;
  tilesAttribution = '';
  strings: Record<string, string> | undefined;
  readonly mapView = new MapViewController(this, {
    results: () => mapResults,
    center: () => NANTES,
    centerLabel: () => 'Nantes',
    radiusKm: () => 15,
    lang: () => 'fr',
    cardFor: (id) => this.renderRoot.querySelector<HTMLElement>(`dora-service-card[data-id="${id}"]`),
  });

  protected override render(): TemplateResult {
    return this.mapView.wrap(html`<p role="heading" aria-level="2">8 résultats</p>
      <ul class="list">
        ${mapResults.map(
          (r) => html`<li>
            <dora-service-card variant="compact" heading-level="3" data-id=${r.service.id} tabindex="-1" .service=${r.service} .distance=${r.distance}></dora-service-card>
          </li>`,
        )}
      </ul>`);
  }
}
customElements.define('test-results-host', TestResultsHost);

const widths = new CSSStyleSheet();
widths.replaceSync('test-results-host { display: block } .wide { width: 1000px } .narrow { width: 360px }');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, widths];

const fetchedLeaflet = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('leaflet'));
const mapOf = (el: TestResultsHost) => el.shadowRoot!.querySelector('dora-results-map');
const markersOf = (el: TestResultsHost) => [...(mapOf(el)?.shadowRoot?.querySelectorAll<HTMLElement>('.leaflet-marker-pane .dora-marker') ?? [])];
const radios = (el: TestResultsHost) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.view-switch input[type=radio]')];
const card = (el: TestResultsHost, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`dora-service-card[data-id="${id}"]`)!;

describe('list / map / split views (MapViewController)', function () {
  this.timeout(30000); // a shared, busy machine: loading Leaflet in a fresh page can be slow
  // No map animations: they wait for animation frames, which a background test page may not get.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  it('shows the list with a labelled view switch, and loads no map', async () => {
    const el = await fixture<TestResultsHost>(html`<test-results-host></test-results-host>`);
    const fieldset = el.shadowRoot!.querySelector('fieldset.view-switch')!;
    expect(fieldset.querySelector('legend')!.textContent).to.equal('Affichage des résultats');
    expect(radios(el).map((r) => r.parentElement!.textContent!.trim())).to.deep.equal(['Liste', 'Carte', 'Liste et carte']);
    expect(radios(el).map((r) => r.checked)).to.deep.equal([true, false, false]);
    expect(mapOf(el)).to.equal(null);
    expect(customElements.get('dora-results-map')).to.equal(undefined);
    expect(fetchedLeaflet()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('switches to the map with the arrow keys, loads it once, and hides the cards', async () => {
    const el = await fixture<TestResultsHost>(html`<test-results-host></test-results-host>`);
    radios(el)[0]!.focus();
    setTimeout(() => sendKeys({ press: 'ArrowRight' }));
    const event = await oneEvent(el, 'dora-view-change');
    expect(event.detail.view).to.equal('map');
    expect(el.view).to.equal('map');
    expect(el.getAttribute('view')).to.equal('map');
    await waitUntil(() => markersOf(el).length === MAPPED_COUNT, 'no markers', { timeout: 8000 });
    expect(fetchedLeaflet().filter((e) => e.name.includes('leaflet-src'))).to.have.length(1);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.list')!).display).to.equal('none');
    // The searched place and radius come from the search.
    expect(mapOf(el)!.shadowRoot!.querySelector('.dora-place__dot')!.getAttribute('aria-label')).to.equal('Lieu recherché : Nantes');
    await expect(el).to.be.accessible();

    // Back to the list: the map is kept, hidden, and nothing is fetched again.
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.view).to.equal('list');
    expect(mapOf(el)!.closest('.map-view__map')!.hasAttribute('hidden')).to.equal(true);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.list')!).display).to.not.equal('none');
  });

  it('keeps the selection in step both ways in the split view', async () => {
    const el = await fixture<TestResultsHost>(html`<test-results-host view="split"></test-results-host>`);
    await waitUntil(() => markersOf(el).length === MAPPED_COUNT, 'no markers', { timeout: 8000 });
    const map = mapOf(el)!;

    // Map → list: the card is highlighted (and scrolled into view).
    markersOf(el).find((m) => m.title.startsWith('Garage solidaire'))!.click();
    await el.updateComplete;
    expect(card(el, 'mes-aides--garage-solidaire-orvault').hasAttribute('data-map-selected')).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[data-map-selected]')).to.have.length(1);

    // List → map: focusing a card's link highlights its marker and opens its popup.
    card(el, 'dora--atelier-cv-reze').shadowRoot!.querySelector<HTMLElement>('[part~="link"]')!.focus();
    await el.updateComplete;
    await map.updateComplete;
    expect(map.selectedId).to.equal('dora--atelier-cv-reze');
    expect(markersOf(el).find((m) => m.title.startsWith('Atelier CV'))!.classList.contains('is-selected')).to.equal(true);
    expect(map.shadowRoot!.querySelector('.leaflet-popup-content')!.textContent).to.contain('Maison de l’emploi de Rezé');
    expect(card(el, 'dora--atelier-cv-reze').hasAttribute('data-map-selected')).to.equal(true);
    expect(card(el, 'mes-aides--garage-solidaire-orvault').hasAttribute('data-map-selected')).to.equal(false);

    // "Voir la fiche" in the popup opens the service as the card's own link does.
    setTimeout(() => map.shadowRoot!.querySelector<HTMLButtonElement>('.leaflet-popup-content button')!.click());
    const open = await oneEvent(el, 'dora-service-open');
    expect(open.detail.service.id).to.equal('dora--atelier-cv-reze');

    // Hovering a card does the same.
    card(el, 'action-logement--conseil-carquefou').dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(map.selectedId).to.equal('action-logement--conseil-carquefou');
    await expect(el).to.be.accessible();
  });

  it('lays the split view out side by side when wide, stacked when narrow', async () => {
    // Sized on the host itself: fixture() then waits for the Lit update, not for an animation frame
    // (which a background test page may never get).
    const host = await fixture<TestResultsHost>(html`<test-results-host view="split" class="wide"></test-results-host>`);
    await waitUntil(() => mapOf(host) !== null, 'no map', { timeout: 8000 });
    const list = host.shadowRoot!.querySelector('.map-view__list')!.getBoundingClientRect();
    const mapBox = host.shadowRoot!.querySelector('.map-view__map')!.getBoundingClientRect();
    expect(mapBox.left).to.be.greaterThan(list.left + list.width / 2);

    const small = await fixture<TestResultsHost>(html`<test-results-host view="split" class="narrow"></test-results-host>`);
    await waitUntil(() => mapOf(small) !== null, 'no map', { timeout: 8000 });
    const smallList = small.shadowRoot!.querySelector('.map-view__list')!.getBoundingClientRect();
    const smallMap = small.shadowRoot!.querySelector('.map-view__map')!.getBoundingClientRect();
    expect(smallMap.top).to.be.at.least(smallList.bottom);
  });
});
