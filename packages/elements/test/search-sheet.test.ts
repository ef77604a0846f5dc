/**
 * `<dora-search>`: opening a result (full sheet, back with focus restored, host take-over,
 * service-url links), the map view, and the whole keyboard-only path. Real SDK client over msw.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/search/dora-search.js';
import type { DoraSearchElement } from '../src/search/dora-search.component.js';
import { API_URL, GEO_URL, useHandlers } from './helpers/msw.js';
import { shadow, cards, results, button, settled, searchAt, useMockSearchApi } from './helpers/search.js';
import { geoApi, makeService, NANTES, nearResults, pagedSearch, remoteResult, searchRequests, serviceDetail } from './fixtures/search.js';

describe('<dora-search> sheet, map and keyboard path', () => {
  useMockSearchApi();

  it('opens a result as a full card fetched from /services/{id}, and "Retour aux résultats" restores focus', async () => {
    const list = nearResults(12);
    const detailed = { ...list[1]!.service, description: 'Description complète du service.' };
    useHandlers(geoApi(), pagedSearch(list), serviceDetail([detailed]));
    const el = await searchAt();
    await settled(el);
    const card = cards(el)[1]!;
    await card.updateComplete;
    const opened = oneEvent(el, 'dora-service-open');
    (card.shadowRoot!.querySelector('[part~="link"]') as HTMLElement).click();
    expect((await opened).detail.service.id).to.equal(detailed.id);
    await waitUntil(() => shadow(el).querySelector('dora-service-card[variant="full"]'), 'no full card');
    const full = shadow(el).querySelector<HTMLElement & { service: { description: string } }>('dora-service-card[variant="full"]')!;
    await waitUntil(() => full.service.description === 'Description complète du service.', 'detail not fetched');
    expect(results(el).hidden).to.equal(true);
    const back = button(el, 'Retour aux résultats')!;
    await waitUntil(() => shadow(el).activeElement === back, 'focus not on the back button');
    await expect(el).to.be.accessible();
    back.click();
    await waitUntil(() => shadow(el).activeElement === card, 'focus not back on the card');
    expect(card.shadowRoot!.activeElement === card.shadowRoot!.querySelector('[part~="link"]'), 'focus on the card title').to.equal(true);
    expect(results(el).hidden).to.equal(false);
    expect(shadow(el).querySelector('dora-service-card[variant="full"]')).to.equal(null);
  });

  const openFirst = async (el: DoraSearchElement) => {
    const card = cards(el)[0]!;
    await card.updateComplete;
    (card.shadowRoot!.querySelector('[part~="link"]') as HTMLElement).click();
    return card;
  };

  it('a service removed since the search: "n’existe plus", and back to the list', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(3)), http.get('*/api/v1/services/:id', () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })));
    const el = await searchAt();
    await settled(el);
    const failed = oneEvent(el, 'dora-error');
    const card = await openFirst(el);
    expect((await failed).detail.message).to.contain('Ce service n’existe plus');
    await waitUntil(() => shadow(el).querySelector('[part="service-view"] [role="alert"]'));
    expect(shadow(el).querySelector('[part="service-view"] [role="alert"]')!.textContent).to.contain('Ce service n’existe plus');
    expect(shadow(el).querySelector('dora-service-card[variant="full"]')).to.equal(null);
    await expect(el).to.be.accessible();
    button(el, 'Retour aux résultats')!.click();
    await waitUntil(() => shadow(el).activeElement === card, 'focus not back on the card');
  });

  it('when the detail fails, the sheet shows what the search returned, with a warning and "Réessayer"', async () => {
    let fail = true;
    const list = nearResults(3);
    useHandlers(
      geoApi(),
      pagedSearch(list),
      http.get('*/api/v1/services/:id', () =>
        fail ? HttpResponse.json({ detail: 'Bad Gateway' }, { status: 502 }) : HttpResponse.json({ ...list[0]!.service, nom: 'Nom à jour' }),
      ),
    );
    const el = await searchAt();
    await settled(el);
    await openFirst(el);
    await waitUntil(() => shadow(el).querySelector('[part="service-view"] [role="alert"]'), 'no warning', { timeout: 8000 });
    const sheet = () => shadow(el).querySelector<HTMLElement & { service: { id: string; nom: string } | null }>('dora-service-card[variant="full"]');
    expect(sheet()!.service!.id).to.equal(list[0]!.service.id);
    fail = false;
    (shadow(el).querySelector('[part="service-view"] [role="alert"] button') as HTMLButtonElement).click();
    await waitUntil(() => sheet()?.service?.nom === 'Nom à jour', 'retry did not load');
    expect(shadow(el).querySelector('[part="service-view"] [role="alert"]')).to.equal(null);
  });

  it('"Afficher plus" that fails keeps the list, says so, and retries the same page', async () => {
    let fail = false;
    const all = nearResults(15);
    useHandlers(
      geoApi(),
      http.get('*/api/v1/search/services', ({ request }) => {
        const url = new URL(request.url);
        searchRequests.push(url);
        const page = Number(url.searchParams.get('page'));
        if (page === 2 && fail) return HttpResponse.error();
        const items = all.slice((page - 1) * 10, page * 10);
        return HttpResponse.json({ items, total: 15, page, size: items.length, pages: 2 });
      }),
    );
    const el = await searchAt();
    await settled(el);
    fail = true;
    button(el, 'Afficher plus')!.click();
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'no error', { timeout: 8000 });
    expect(cards(el)).to.have.length(10);
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('Impossible de joindre');
    fail = false;
    (shadow(el).querySelector('[role="alert"] button') as HTMLButtonElement).click();
    await waitUntil(() => cards(el).length === 15, 'retry did not append');
    expect(searchRequests.filter((u) => u.searchParams.get('page') === '2').length).to.be.greaterThan(1);
  });

  it('"Retour aux résultats" brings the page back to where it was scrolled', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(10)), serviceDetail(nearResults(10).map((r) => r.service)));
    const el = await searchAt();
    await settled(el);
    const card = cards(el)[7]!;
    await card.updateComplete;
    card.scrollIntoView({ block: 'center' });
    const scrolled = window.scrollY;
    expect(scrolled).to.be.greaterThan(0);
    (card.shadowRoot!.querySelector('[part~="link"]') as HTMLElement).click();
    await waitUntil(() => shadow(el).querySelector('dora-service-card[variant="full"]'));
    window.scrollTo(0, 0);
    button(el, 'Retour aux résultats')!.click();
    await waitUntil(() => shadow(el).activeElement === card, 'focus not restored');
    expect(Math.abs(window.scrollY - scrolled)).to.be.lessThan(2);
  });

  it('lets the host take over dora-service-open with preventDefault (the widget does nothing)', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(3)), serviceDetail([]));
    const el = await searchAt();
    await settled(el);
    let received: string | undefined;
    document.addEventListener(
      'dora-service-open',
      (e) => {
        received = (e as CustomEvent<{ service: { id: string } }>).detail.service.id;
        e.preventDefault();
      },
      { once: true },
    );
    const card = cards(el)[0]!;
    await card.updateComplete;
    (card.shadowRoot!.querySelector('[part~="link"]') as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).to.equal(card.dataset.id);
    expect(shadow(el).querySelector('dora-service-card[variant="full"]')).to.equal(null);
    expect(results(el).hidden).to.equal(false);
  });

  it('with service-url, compact cards are links to the service page', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(2)));
    const el = await searchAt({ 'service-url': 'https://dora.inclusion.gouv.fr/services/di--{id}' });
    await settled(el);
    const card = cards(el)[0]!;
    await card.updateComplete;
    const link = card.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="link"]')!;
    expect(link.href).to.equal(`https://dora.inclusion.gouv.fr/services/di--${encodeURIComponent(card.dataset.id!)}`);
  });

  it('shows the results on a lazily loaded map with view="split"', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(5)));
    const tile = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=';
    const el = await searchAt({ view: 'split', 'tiles-url': tile });
    await settled(el);
    await waitUntil(() => shadow(el).querySelector('dora-results-map'), 'no map', { timeout: 5000 });
    const map = shadow(el).querySelector<HTMLElement & { results: unknown[]; center: unknown }>('dora-results-map')!;
    expect(map.results).to.have.length(5);
    expect(map.center).to.deep.equal({ lat: NANTES.centre.coordinates[1], lon: NANTES.centre.coordinates[0] });
    expect(cards(el)).to.have.length(5);
  });

  it('keyboard only: place field → suggestions → search → first card → Mobiliser', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(3)), serviceDetail(nearResults(3).map((r) => r.service)));
    const el = await fixture<DoraSearchElement>(html`<dora-search api-url=${API_URL} geo-url=${GEO_URL}></dora-search>`);
    const input = shadow(el).querySelector('dora-place-combobox')!.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'Nant' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'no suggestions');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(input.value).to.equal('Nantes (44000)');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(cards(el)).to.have.length(3);
    // Tab from the field: "Autour de moi", "Rechercher", the filters summary, the list/map switch,
    // then the first card's title.
    const first = cards(el)[0]!;
    const stops: string[] = [];
    while (shadow(el).activeElement !== first && stops.length < 8) {
      await sendKeys({ press: 'Tab' });
      const active = shadow(el).activeElement;
      stops.push(active?.localName === 'dora-place-combobox' ? 'combobox' : (active?.getAttribute('part') ?? active?.localName ?? 'none'));
    }
    expect(stops).to.deep.equal(['combobox', 'submit', 'summary', 'input', 'dora-service-card']);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).querySelector('dora-service-card[variant="full"]'), 'no sheet');
    const sheet = shadow(el).querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('dora-service-card[variant="full"]')!;
    await sheet.updateComplete;
    await waitUntil(() => sheet.shadowRoot!.querySelector('[part~="mobilise-button"]'), 'no Mobiliser');
    // One `strings` object reaches the cards too.
    el.strings = { mobilise: 'Orienter' };
    await el.updateComplete;
    await sheet.updateComplete;
    const mobilise = sheet.shadowRoot!.querySelector<HTMLElement>('[part~="mobilise-button"]')!;
    expect(mobilise.textContent).to.contain('Orienter');
    expect(mobilise, 'a "Mobiliser" control').to.exist;
    // Tab forward until "Mobiliser" has focus.
    let steps = 0;
    while (sheet.shadowRoot!.activeElement !== mobilise && steps < 40) {
      await sendKeys({ press: 'Tab' });
      steps += 1;
    }
    expect(sheet.shadowRoot!.activeElement === mobilise, 'focus on "Mobiliser"').to.equal(true);
    const mobilised = oneEvent(el, 'dora-mobilise');
    el.addEventListener('dora-mobilise', (e) => e.preventDefault(), { once: true });
    await sendKeys({ press: 'Enter' });
    expect((await mobilised).detail.service.id).to.equal(first.dataset.id);
  });
});
