import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { MapViewController } from '../src/map/map-view-controller.js';
import { mapViewStyles } from '../src/map/map-view.styles.js';
import { sharedStyles } from '../src/styles/tokens.styles.js';
import { NANTES, mapResults } from './fixtures/map-results.js';

/**
 * A host whose CSP names its Trusted Types policies and leaves out `default`: Leaflet cannot load
 * there. The list must keep working, with a clear message in place of the map.
 */
class TestMapHost extends LitElement {
  static override styles = [sharedStyles, mapViewStyles];
  view = 'map';
  tilesUrl = '';
  tilesAttribution = '';
  strings: Record<string, string> | undefined;
  readonly mapView = new MapViewController(this, {
    results: () => mapResults,
    center: () => NANTES,
    centerLabel: () => 'Nantes',
    radiusKm: () => null,
    lang: () => 'fr',
    cardFor: () => null,
  });
  protected override render(): TemplateResult {
    return this.mapView.wrap(html`<ul class="list"><li>Un résultat</li></ul>`);
  }
}
customElements.define('test-map-host', TestMapHost);

describe('map under a CSP that forbids a default Trusted Types policy', function () {
  this.timeout(30000);

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "require-trusted-types-for 'script'; trusted-types lit-html";
    document.head.append(meta);
  });

  it('says the map could not load, offers to retry, and keeps the list', async () => {
    const el = await fixture<TestMapHost>(html`<test-map-host></test-map-host>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'no message', { timeout: 8000 });
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('La carte n’a pas pu être chargée. Les résultats restent disponibles dans la liste.');
    expect(alert.querySelector('button')!.textContent).to.equal('Réessayer');
    expect(el.shadowRoot!.querySelector('dora-results-map')).to.equal(null);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.list')!).display).to.not.equal('none');
    expect((window as { trustedTypes?: { defaultPolicy: unknown } }).trustedTypes!.defaultPolicy).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
