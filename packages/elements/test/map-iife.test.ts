import { expect } from '@open-wc/testing';
import { fullSheetWithMapDisclosure, openLocationMap } from './fixtures/full-sheet-map.js';

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
    const { location } = await fullSheetWithMapDisclosure();
    const pane = await openLocationMap(location);
    expect(getComputedStyle(pane).position).to.equal('absolute');
  });
});
