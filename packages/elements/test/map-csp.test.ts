import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { loadResultsMap } from '../src/map/load-results-map.js';
import { MAPPED_COUNT, denseResults, mapResults } from './fixtures/map-results.js';

/**
 * The map under the strict policy integrators use (Trusted Types, no inline styles, images from the
 * page's origin only): it must load, render and select without a single violation. The policy is
 * set before the map chunk loads, for this test file's page only.
 */
describe('<dora-results-map> under a strict CSP with Trusted Types', () => {
  const violations: string[] = [];

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "require-trusted-types-for 'script'; style-src 'self'; img-src 'self'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
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
    await waitUntil(() => root.querySelectorAll('.leaflet-marker-pane .dora-marker').length === MAPPED_COUNT, 'no markers');
    root.querySelector<HTMLElement>('.leaflet-marker-pane .dora-marker')!.click();
    await waitUntil(() => root.querySelector('.leaflet-popup-content')?.textContent?.includes('Permis de conduire solidaire'), 'no popup');
    // img-src 'self' blocks the default tiles: the map says so and keeps the markers.
    await waitUntil(() => root.querySelector('[part=notice]')!.textContent!.includes('Fond de carte indisponible'), 'no notice', { timeout: 9000 });

    const dense = await fixture(html`<dora-results-map .results=${denseResults}></dora-results-map>`);
    await waitUntil(() => dense.shadowRoot!.querySelector('.leaflet-marker-pane .dora-cluster') !== null, 'no cluster');

    // Expected reports: the blocked tiles, this file's own check above, and the loader's one probe
    // for enforcement (an empty string).
    const expected = (v: string) => v.startsWith('img-src') || v.endsWith('innerHTML|<b>x</b>') || v.endsWith('innerHTML|');
    expect(violations.filter((v) => !expected(v))).to.deep.equal([]);
    // Still refused: the default policy installed for Leaflet's probe lets nothing else through.
    expect(() => {
      document.createElement('div').innerHTML = '<img src=x>';
    }).to.throw(TypeError);
  });
});
