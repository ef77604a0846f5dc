import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/map/dora-location-map.js';
import '../src/service-card/dora-service-card.js';
import type { DoraLocationMap } from '../src/map/dora-location-map.js';
import { TILE_PNG } from './fixtures/map-results.js';
import { completeService, sparseService } from './fixtures/services.js';

// The page loads hundreds of modules: keep every resource entry, or the map chunk's could be dropped.
performance.setResourceTimingBufferSize(10_000);

const fetchedLeaflet = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('leaflet'));

describe('<dora-location-map> (the service sheet’s "Afficher la carte")', function () {
  this.timeout(30000); // a shared, busy machine: loading Leaflet in a fresh page can be slow
  it('takes its tiles from the full card\'s tiles-url and tiles-attribution', async () => {
    const card = await fixture<HTMLElement>(
      html`<dora-service-card variant="full" tiles-url=${TILE_PNG} tiles-attribution="Tuiles de test" .service=${completeService}></dora-service-card>`,
    );
    const location = await waitUntil(() => card.shadowRoot!.querySelector<DoraLocationMap>('dora-location-map'), 'no location map', { timeout: 8000 })
      .then(() => card.shadowRoot!.querySelector<DoraLocationMap>('dora-location-map')!);
    expect(location.tilesUrl).to.equal(TILE_PNG);
    expect(location.tilesAttribution).to.equal('Tuiles de test');
  });

  it('renders nothing for a service without coordinates', async () => {
    const el = await fixture<DoraLocationMap>(html`<dora-location-map .service=${sparseService}></dora-location-map>`);
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('fetches the map only when opened, then shows the place with its address as name', async () => {
    const el = await fixture<DoraLocationMap>(html`<dora-location-map tiles-url=${TILE_PNG} .service=${completeService}></dora-location-map>`);
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!;
    expect(toggle.textContent!.trim()).to.equal('Afficher la carte');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(fetchedLeaflet()).to.deep.equal([]);
    expect(customElements.get('dora-results-map')).to.equal(undefined);
    await expect(el).to.be.accessible();

    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent!.trim()).to.equal('Masquer la carte');
    await waitUntil(() => el.shadowRoot!.querySelector('dora-results-map'), 'no map', { timeout: 8000 });
    const map = el.shadowRoot!.querySelector('dora-results-map')!;
    expect(map.variant).to.equal('location');
    await waitUntil(() => map.shadowRoot?.querySelector('.dora-marker__pin[role=img]'), 'no marker', { timeout: 8000 });
    expect(map.shadowRoot!.querySelector('.dora-marker__pin')!.getAttribute('aria-label')).to.equal(
      'Lieu d’accueil : 12 rue de Strasbourg, Bâtiment B, 2e étage, 44000 Nantes',
    );
    expect(fetchedLeaflet().filter((e) => e.name.includes('leaflet-src'))).to.have.length(1);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.panel')!.hasAttribute('hidden')).to.equal(true);
  });

  it('speaks English', async () => {
    const el = await fixture<DoraLocationMap>(html`<dora-location-map lang="en" .service=${completeService}></dora-location-map>`);
    expect(el.shadowRoot!.querySelector('[part=toggle]')!.textContent!.trim()).to.equal('Show the map');
  });

  it('sits under the address of the full service sheet, closed, and opens a map of the place', async () => {
    const card = await fixture<HTMLElement>(html`<dora-service-card variant="full" .service=${completeService}></dora-service-card>`);
    await waitUntil(() => card.shadowRoot!.querySelector('dora-location-map'), 'no location map in the sheet', { timeout: 8000 });
    const location = card.shadowRoot!.querySelector('dora-location-map')!;
    expect(location.closest('dd')!.querySelector('address')).to.not.equal(null);
    await location.updateComplete;
    location.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!.click();
    await waitUntil(() => location.shadowRoot!.querySelector('dora-results-map')?.shadowRoot?.querySelector('.dora-marker'), 'no marker', {
      timeout: 8000,
    });
    await expect(card).to.be.accessible();
  });
});
