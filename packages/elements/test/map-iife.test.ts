import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { completeService } from './fixtures/services.js';

/**
 * The BUILT single-file IIFE (`npm test` builds before the browser tests): there the map is inlined,
 * not split, and must work the same once a map is opened.
 */
describe('built IIFE bundle: the map', function () {
  this.timeout(30000); // a shared, busy machine

  it('shows the location map of a full sheet', async () => {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/packages/elements/dist/iife/dora-elements.iife.js';
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
    expect(customElements.get('dora-service-card')).to.not.equal(undefined);
    const card = await fixture<HTMLElement>(html`<dora-service-card variant="full" .service=${completeService}></dora-service-card>`);
    await waitUntil(() => card.shadowRoot!.querySelector('dora-location-map')?.shadowRoot?.querySelector('[part=toggle]'), 'no disclosure', {
      timeout: 8000,
    });
    const location = card.shadowRoot!.querySelector('dora-location-map')!;
    location.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!.click();
    await waitUntil(() => location.shadowRoot!.querySelector('dora-results-map')?.shadowRoot?.querySelector('.dora-marker'), 'no marker', {
      timeout: 8000,
    });
    const pane = location.shadowRoot!.querySelector('dora-results-map')!.shadowRoot!.querySelector('.leaflet-pane')!;
    expect(getComputedStyle(pane).position).to.equal('absolute');
  });
});
