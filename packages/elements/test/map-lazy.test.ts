import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { isResultsMapLoaded, loadResultsMap } from '../src/map/load-results-map.js';
import { isMappable } from '../src/map/mappable.js';
import { MAPPED_COUNT, mapResults } from './fixtures/map-results.js';

// The page loads hundreds of modules: keep every resource entry, or the map chunk's could be dropped.
performance.setResourceTimingBufferSize(10_000);

/** Scripts and styles the page has fetched so far whose URL mentions `part`. */
const fetched = (part: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes(part));

describe('lazy loading of the map', function () {
  this.timeout(30000); // a shared, busy machine: loading Leaflet in a fresh page can be slow
  it('fetches nothing of Leaflet until a map is first shown', async () => {
    // The loader and the "what goes on the map" rule are in the page; the map is not.
    expect(mapResults.filter(isMappable)).to.have.length(MAPPED_COUNT);
    expect(fetched('leaflet')).to.deep.equal([]);
    expect(fetched('supercluster')).to.deep.equal([]);
    expect(fetched('dora-results-map')).to.deep.equal([]);
    expect(isResultsMapLoaded()).to.equal(false);
    expect(customElements.get('dora-results-map')).to.equal(undefined);

    // Shown: the tag is rendered, then the chunk loads and upgrades it (properties set before the
    // upgrade are kept).
    const el = await fixture(html`<dora-results-map .results=${mapResults} tiles-url="data:,"></dora-results-map>`);
    await Promise.all([loadResultsMap(), loadResultsMap()]);
    expect(isResultsMapLoaded()).to.equal(true);
    expect(fetched('leaflet-src.esm.js')).to.have.length(1);
    expect(fetched('leaflet.css')).to.have.length(1);
    expect(fetched('supercluster')).to.not.deep.equal([]);
    await waitUntil(() => el.shadowRoot?.querySelectorAll('.leaflet-marker-pane .dora-marker').length === MAPPED_COUNT, 'no markers', { timeout: 8000 });

    // Shown again: nothing more is fetched.
    await loadResultsMap();
    expect(fetched('leaflet-src.esm.js')).to.have.length(1);
  });
});
