import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { loadResultsMap } from '../src/map/load-results-map.js';
import { MAPPED_COUNT, denseResults, mapResults } from './fixtures/map-results.js';

/**
 * The map under the strict policy integrators use (Trusted Types, no inline styles, images from the
 * page's origin only): it must load, render and select without a single violation. The policy is
 * set before the map chunk loads, for this test file's page only.
 */
describe('<dora-results-map> under a strict CSP with Trusted Types', function () {
  this.timeout(30000); // a shared, busy machine: loading Leaflet in a fresh page can be slow
  const violations: string[] = [];

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "require-trusted-types-for 'script'; style-src 'self'; img-src 'self'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample} @${event.sourceFile}`),
    );
  });

  it('enforces the policy in this page', () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
  });

  it('loads Leaflet, shows markers, clusters and a popup with no violation but the blocked tiles', async () => {
    await loadResultsMap();
    const el = await fixture(html`<dora-results-map .results=${mapResults}></dora-results-map>`);
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('.leaflet-marker-pane .dora-marker').length === MAPPED_COUNT, 'no markers', { timeout: 8000 });
    root.querySelector<HTMLElement>('.leaflet-marker-pane .dora-marker')!.click();
    await waitUntil(() => root.querySelector('.leaflet-popup-content')?.textContent?.includes('Permis de conduire solidaire'), 'no popup');
    // img-src 'self' blocks the default tiles: the map says so and keeps the markers.
    await waitUntil(() => root.querySelector('[part=notice]')!.textContent!.includes('Fond de carte indisponible'), 'no notice', { timeout: 9000 });

    const dense = await fixture(html`<dora-results-map .results=${denseResults}></dora-results-map>`);
    await waitUntil(() => dense.shadowRoot!.querySelector('.leaflet-marker-pane .dora-cluster') !== null, 'no cluster');

    // Expected reports: the blocked tiles, this file's own check above, the loader's one probe for
    // enforcement (an empty string), and zod's own probe for `new Function` (it then does without).
    const expected = (v: string) =>
      v.startsWith('img-src') ||
      v.includes('innerHTML|<b>x</b> @') ||
      v.includes('innerHTML| @') ||
      /Function\|\(\n\) \{\n\n\}\) @.*\/zod\//.test(v);
    expect(violations.filter((v) => !expected(v))).to.deep.equal([]);
    // Still refused: the default policy installed for Leaflet's probe lets nothing else through.
    expect(() => {
      document.createElement('div').innerHTML = '<img src=x>';
    }).to.throw(TypeError);
  });
});
