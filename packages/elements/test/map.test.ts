import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/map/dora-results-map.js';
import type { DoraResultsMap } from '../src/map/dora-results-map.js';
import { MAPPED_COUNT, NANTES, TILE_PNG, denseResults, hostileResult, mapResults, twinResults } from './fixtures/map-results.js';
import { PWNED, completeService } from './fixtures/services.js';

/** A map with tiles that always load (the default tiles cannot load on this offline machine). */
async function mapOf(results = mapResults, extra: Partial<DoraResultsMap> = {}): Promise<DoraResultsMap> {
  const el = await fixture<DoraResultsMap>(html`<dora-results-map tiles-url=${TILE_PNG} .results=${results}></dora-results-map>`);
  Object.assign(el, extra);
  await el.updateComplete;
  await waitUntil(() => markers(el).length + clusters(el).length > 0 || results.length === 0, 'markers never showed', { timeout: 8000 });
  return el;
}

const markers = (el: DoraResultsMap) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.leaflet-marker-pane .dora-marker')];
const clusters = (el: DoraResultsMap) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.leaflet-marker-pane .dora-cluster')];
const popupText = (el: DoraResultsMap) => el.shadowRoot!.querySelector('.leaflet-popup-content')?.textContent ?? '';
const markerNamed = (el: DoraResultsMap, start: string) => markers(el).find((m) => m.title.startsWith(start));

describe('<dora-results-map>', function () {
  this.timeout(30000); // a shared, busy machine: loading Leaflet in a fresh page can be slow
  // No map animations: they wait for animation frames, which a background test page may not get.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  it('puts one marker on each located, in-person result, and says how many', async () => {
    const el = await mapOf();
    expect(markers(el)).to.have.length(MAPPED_COUNT);
    const summary = el.shadowRoot!.querySelector('[part=summary]')!.textContent!;
    expect(summary).to.contain('5 résultats sur 8');
    expect(summary).to.contain('à distance ou sans adresse précise');
  });

  it('makes markers keyboard buttons with unique names: service, structure and distance', async () => {
    const el = await mapOf([...mapResults, ...twinResults]);
    const all = markers(el);
    expect(all).to.have.length(MAPPED_COUNT + 2);
    for (const marker of all) {
      expect(marker.getAttribute('role')).to.equal('button');
      expect(marker.tabIndex).to.equal(0);
      expect(marker.title).to.not.equal('');
      expect(marker.querySelector('.dora-marker__pin')!.getAttribute('aria-hidden')).to.equal('true');
    }
    expect(new Set(all.map((m) => m.title)).size).to.equal(all.length);
    expect(all.map((m) => m.title)).to.include('Permis de conduire solidaire — Association Mobil’Emploi 44, à 1\u00a0km');
    // Same service and structure at two addresses: the address tells them apart.
    const twins = all.filter((m) => m.title.startsWith('Atelier numérique — France Travail'));
    expect(twins.map((m) => m.title)).to.have.members([
      'Atelier numérique — France Travail, à 7\u00a0km (2 rue de l’Hôtel de Ville, 44120 Vertou)',
      'Atelier numérique — France Travail, à 7\u00a0km (1 rue de la Commune de 1871, 44340 Bouguenais)',
    ]);
  });

  it('puts markers in the Tab order of the list', async () => {
    const el = await mapOf();
    const expected = mapResults.filter((_, i) => [0, 1, 2, 4, 6].includes(i)).map((r) => r.service.nom);
    expect(markers(el).map((m) => m.title.split(' — ')[0])).to.deep.equal(expected);
  });

  it('selects a clicked marker: event with the result, highlight and popup', async () => {
    const el = await mapOf();
    const marker = markerNamed(el, 'Garage solidaire')!;
    setTimeout(() => marker.click());
    const event = await oneEvent(el, 'dora-map-select');
    expect(event.detail.id).to.equal('mes-aides--garage-solidaire-orvault');
    expect(event.detail.result.service.nom).to.equal('Garage solidaire');
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await el.updateComplete;
    expect(el.selectedId).to.equal('mes-aides--garage-solidaire-orvault');
    expect(marker.classList.contains('is-selected')).to.equal(true);
    expect(marker.getAttribute('aria-current')).to.equal('true');
    expect(markers(el).filter((m) => m.getAttribute('aria-current') === 'true')).to.have.length(1);
    expect(popupText(el)).to.contain('Garage solidaire');
    expect(popupText(el)).to.contain('Structure : Solidarauto Orvault');
    expect(popupText(el)).to.contain('9 rue Marcel Deniau, 44700 Orvault');
    expect(popupText(el)).to.contain('à 6\u00a0km');
  });

  it('lets the host take over a selection by cancelling the event', async () => {
    const el = await mapOf();
    el.addEventListener('dora-map-select', (event) => event.preventDefault());
    markerNamed(el, 'Garage solidaire')!.click();
    await el.updateComplete;
    expect(el.selectedId).to.equal(null);
    expect(popupText(el)).to.equal('');
  });

  it('chooses a marker from the keyboard: Tab to it, then Enter', async () => {
    const el = await mapOf();
    const zoomIn = el.shadowRoot!.querySelector<HTMLButtonElement>('.controls button')!;
    zoomIn.focus();
    // The controls, then the map itself, then the markers in list order.
    for (let i = 0; i < 3; i += 1) await sendKeys({ press: 'Tab' });
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.classList.contains('leaflet-container')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect((el.shadowRoot!.activeElement as HTMLElement).title).to.contain('Permis de conduire solidaire');
    await sendKeys({ press: 'Tab' });
    expect((el.shadowRoot!.activeElement as HTMLElement).title).to.contain('Atelier CV');
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'dora-map-select');
    expect(event.detail.id).to.equal('dora--atelier-cv-reze');
    await el.updateComplete;
    expect(popupText(el)).to.contain('Atelier CV et lettre de motivation');
  });

  it('offers "Voir la fiche" when openable: focused after Enter on a marker, Escape goes back', async () => {
    const el = await mapOf(mapResults, { openable: true });
    const marker = markerNamed(el, 'Garage solidaire')!;
    marker.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const open = el.shadowRoot!.querySelector<HTMLButtonElement>('.leaflet-popup-content button')!;
    expect(open.textContent).to.equal('Voir la fiche');
    expect(open.getAttribute('aria-label')).to.equal('Voir la fiche « Garage solidaire »');
    expect(el.shadowRoot!.activeElement).to.equal(open);
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'dora-map-open');
    expect(event.detail.id).to.equal('mes-aides--garage-solidaire-orvault');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => popupText(el) === '', 'the popup stayed open');
    expect(el.shadowRoot!.activeElement).to.equal(marker);
    await expect(el).to.be.accessible();
  });

  it('follows a selection made in the list: highlight and popup', async () => {
    const el = await mapOf();
    el.selectedId = 'action-logement--conseil-carquefou';
    await el.updateComplete;
    const marker = markerNamed(el, 'Conseil en logement')!;
    expect(marker.classList.contains('is-selected')).to.equal(true);
    expect(popupText(el)).to.contain('Action Logement Carquefou');
    el.selectedId = null;
    await el.updateComplete;
    expect(marker.classList.contains('is-selected')).to.equal(false);
    await waitUntil(() => popupText(el) === '', 'the popup stayed open');
  });

  it('builds popups and names from text: API markup is never parsed', async () => {
    (window as unknown as Record<string, unknown>)[PWNED] = 0;
    const el = await mapOf([hostileResult]);
    el.selectedId = hostileResult.service.id;
    await el.updateComplete;
    const popup = el.shadowRoot!.querySelector('.leaflet-popup-content')!;
    expect(popup.textContent).to.contain('<img src=x');
    expect(popup.querySelector('img, script, svg, b')).to.equal(null);
    expect(markers(el)[0]!.title).to.contain('<script>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as Record<string, unknown>)[PWNED]).to.equal(0);
  });

  it('clusters dense results, and Enter on a cluster zooms in and keeps the focus on the map', async () => {
    const el = await mapOf(denseResults);
    expect(clusters(el).length).to.be.greaterThan(0);
    const cluster = clusters(el)[0]!;
    expect(cluster.getAttribute('role')).to.equal('button');
    expect(cluster.title).to.match(/^\d+ lieux autour de Nantes, agrandir/);
    const shown = Number(cluster.textContent);
    expect(markers(el).length + clusters(el).reduce((sum, c) => sum + Number(c.textContent), 0)).to.equal(30);
    const zoomBefore = (el as unknown as { map: { getZoom(): number } }).map.getZoom();
    cluster.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => (el as unknown as { map: { getZoom(): number } }).map.getZoom() > zoomBefore, 'no zoom');
    await waitUntil(() => el.shadowRoot!.activeElement?.closest('.leaflet-marker-pane') != null, 'focus left the markers');
    expect(shown).to.be.greaterThan(1);
  });

  it('takes a selected service out of its cluster, and the cluster count follows', async () => {
    const el = await mapOf(denseResults);
    const total = () => markers(el).length + clusters(el).reduce((sum, c) => sum + Number(c.textContent), 0);
    expect(total()).to.equal(30);
    el.selectedId = denseResults[7]!.service.id;
    await el.updateComplete;
    const selected = markers(el).find((m) => m.classList.contains('is-selected'))!;
    expect(selected.title).to.contain('Permanence d’accès aux droits n° 8');
    expect(total()).to.equal(30);
  });

    it('marks the searched place and draws the search radius', async () => {
    const el = await mapOf(mapResults, { center: NANTES, centerLabel: 'Nantes', radiusKm: 15 });
    const place = el.shadowRoot!.querySelector('.dora-place__dot')!;
    expect(place.getAttribute('role')).to.equal('img');
    expect(place.getAttribute('aria-label')).to.equal('Lieu recherché : Nantes');
    expect(el.shadowRoot!.querySelector('path.dora-radius')).to.not.equal(null);
  });

  it('fits the view to the results', async () => {
    const el = await mapOf();
    const map = (el as unknown as { map: { getBounds(): { contains(p: [number, number]): boolean } } }).map;
    for (const { service } of mapResults.filter((_, i) => [0, 1, 2, 4, 6].includes(i))) {
      expect(map.getBounds().contains([service.latitude!, service.longitude!]), service.nom).to.equal(true);
    }
  });

  it('refits to new results, but keeps a view the user moved when results are only added', async () => {
    const el = await mapOf(mapResults.slice(0, 3));
    const map = (el as unknown as { map: { getZoom(): number } }).map;
    const fitted = map.getZoom();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.controls button')!.click(); // zoom in
    await waitUntil(() => map.getZoom() === fitted + 1, 'no zoom');
    el.results = mapResults; // "Afficher plus"
    await el.updateComplete;
    expect(map.getZoom()).to.equal(fitted + 1);
    expect(el.shadowRoot!.querySelector('[part=summary]')!.textContent).to.contain('5 résultats sur 8');
    el.results = twinResults; // a new search
    await el.updateComplete;
    const bounds = (el as unknown as { map: { getBounds(): { contains(p: [number, number]): boolean } } }).map.getBounds();
    for (const { service } of twinResults) expect(bounds.contains([service.latitude!, service.longitude!])).to.equal(true);
  });

  it('applies Leaflet’s CSS inside its shadow root', async () => {
    const el = await mapOf();
    expect(getComputedStyle(el.shadowRoot!.querySelector('.leaflet-pane')!).position).to.equal('absolute');
  });

  it('says so when the base map cannot load (offline), and keeps the markers', async () => {
    // No tiles-url: the default OpenStreetMap France tiles, unreachable from this machine.
    const el = await fixture<DoraResultsMap>(html`<dora-results-map .results=${mapResults}></dora-results-map>`);
    const notice = el.shadowRoot!.querySelector('[part=notice]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    await waitUntil(() => notice.textContent!.includes('Fond de carte indisponible'), 'no offline notice', { timeout: 9000 });
    expect(markers(el)).to.have.length(MAPPED_COUNT);
    expect(el.shadowRoot!.querySelector('[part=attribution]')!.textContent).to.contain('OpenStreetMap');
    await expect(el).to.be.accessible();
  });

  it('shows no notice when tiles load', async () => {
    const el = await mapOf();
    await waitUntil(() => el.shadowRoot!.querySelector('.leaflet-tile-loaded') !== null, 'no tile loaded');
    expect(el.shadowRoot!.querySelector('[part=notice]')!.textContent!.trim()).to.equal('');
  });

  it('passes axe with markers, a selection and its popup', async () => {
    const el = await mapOf(mapResults, { center: NANTES, centerLabel: 'Nantes', radiusKm: 15 });
    await expect(el).to.be.accessible();
    el.selectedId = completeService.id;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows one service’s place in the location variant, as an image, not a button', async () => {
    const el = await fixture<DoraResultsMap>(
      html`<dora-results-map variant="location" tiles-url=${TILE_PNG} .results=${[{ service: completeService, distance: null }]}></dora-results-map>`,
    );
    await waitUntil(() => markers(el).length === 1, 'no marker');
    const pin = markers(el)[0]!.querySelector('.dora-marker__pin')!;
    expect(pin.getAttribute('role')).to.equal('img');
    expect(pin.getAttribute('aria-label')).to.equal('Lieu d’accueil : 12 rue de Strasbourg, Bâtiment B, 2e étage, 44000 Nantes');
    expect(markers(el)[0]!.hasAttribute('tabindex')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part=summary]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=map]')!.getAttribute('aria-label')).to.equal('Carte du lieu d’accueil');
    await expect(el).to.be.accessible();
  });

  it('speaks English and takes the host’s strings', async () => {
    const el = await fixture<DoraResultsMap>(
      html`<dora-results-map lang="en" tiles-url=${TILE_PNG} .results=${mapResults} .strings=${{ 'map.zoomIn': 'Plus près' }}></dora-results-map>`,
    );
    await waitUntil(() => markers(el).length > 0);
    expect(el.shadowRoot!.querySelector('[part=map]')!.getAttribute('aria-label')).to.equal('Map of the results');
    expect(el.shadowRoot!.querySelector('.controls button')!.getAttribute('aria-label')).to.equal('Plus près');
    expect(markers(el).map((m) => m.title)).to.include('Permis de conduire solidaire — Association Mobil’Emploi 44, 1\u00a0km away');
  });

  it('follows a change of language', async () => {
    const el = await mapOf();
    el.lang = 'en';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=map]')!.getAttribute('aria-label')).to.equal('Map of the results');
    expect(markers(el).map((m) => m.title)).to.include('Garage solidaire — Solidarauto Orvault, 6\u00a0km away');
  });

  it('leaves the page’s scrolling alone until the map is clicked or focused', async () => {
    const el = await mapOf();
    const map = (el as unknown as { map: { scrollWheelZoom: { enabled(): boolean } } }).map;
    expect(map.scrollWheelZoom.enabled()).to.equal(false);
    el.shadowRoot!.querySelector<HTMLElement>('.leaflet-container')!.focus();
    expect(map.scrollWheelZoom.enabled()).to.equal(true);
    el.shadowRoot!.querySelector<HTMLElement>('.controls button')!.focus();
    expect(map.scrollWheelZoom.enabled()).to.equal(false);
  });

  it('survives being moved in the document', async () => {
    const el = await mapOf();
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => markers(el).length === MAPPED_COUNT, 'markers lost after the move');
  });
});
