import { expect } from '@open-wc/testing';
import { fullSheetWithMapDisclosure, openLocationMap } from './fixtures/full-sheet-map.js';

// The page loads hundreds of modules: keep every resource entry, or the map chunk's could be dropped.
performance.setResourceTimingBufferSize(10_000);

/**
 * The BUILT standalone bundle (`npm test` builds before the browser tests): what a page loads up
 * front has no Leaflet in it, and the map chunk is fetched only when a map is first shown.
 */
const BUNDLE: string = '/packages/elements/dist/standalone/dora-elements.js';
const standalone = () => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.includes('/dist/standalone/'));

describe('built standalone bundle: the map chunk', function () {
  this.timeout(30000); // a shared, busy machine

  it('is not in what the page loads up front, and is fetched once, when a map is opened', async () => {
    await import(BUNDLE);
    expect(customElements.get('dora-service-card')).to.not.equal(undefined);
    const upFront = standalone();
    expect(upFront.length).to.be.greaterThan(0);
    for (const url of upFront) {
      const code = await (await fetch(url)).text();
      expect(code, url).to.not.contain('leaflet-pane');
    }

    // A full sheet: its own chunk loads, with the "Afficher la carte" disclosure, still no map.
    const { location } = await fullSheetWithMapDisclosure();
    expect(standalone().filter((name) => name.includes('dora-results-map'))).to.deep.equal([]);
    expect(customElements.get('dora-results-map')).to.equal(undefined);

    // Leaflet's CSS is adopted into the map's shadow root in the built bundle too.
    const pane = await openLocationMap(location);
    expect(getComputedStyle(pane).position).to.equal('absolute');
    const mapChunks = standalone().filter((name) => name.includes('dora-results-map'));
    expect(mapChunks).to.have.length(1);
    expect(await (await fetch(mapChunks[0]!)).text()).to.contain('leaflet-pane');
  });
});
