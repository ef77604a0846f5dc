/**
 * `<dora-search>`: every state (loading, results, empty, error, invalid items), events, paging,
 * stale requests, the service sheet and back, language and strings. Real SDK client over msw.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/search/dora-search.js';
import type { DoraSearchElement } from '../src/search/dora-search.component.js';
import { API_URL, GEO_URL, resetMockApi, useHandlers } from './helpers/msw.js';
import { shadow, status, cards, results, button, settled, searchAt, useMockSearchApi } from './helpers/search.js';
import { geoApi, makeService, NANTES, nearResults, pagedSearch, remoteResult, searchRequests, serviceDetail } from './fixtures/search.js';

describe('<dora-search>', () => {
  useMockSearchApi();

  it('searches at once around code-commune and lists compact cards with a plural-aware count', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(12)));
    const el = await searchAt();
    await settled(el);
    await waitUntil(() => status(el).includes('Nantes'));
    expect(status(el)).to.equal('12 services près de Nantes');
    expect(shadow(el).querySelector('[part="results-heading"]')!.textContent).to.contain('12 services près de Nantes');
    expect(shadow(el).querySelector('[part="results-heading"]')!.getAttribute('aria-level')).to.equal('2');
    const list = cards(el);
    expect(list).to.have.length(10);
    expect(list[0]!.getAttribute('variant')).to.equal('compact');
    expect(list[0]!.getAttribute('heading-level')).to.equal('3');
    expect(list[0]!.parentElement!.tagName).to.equal('LI');
    expect(list[0]!.closest('ul')).to.exist;
    const query = searchRequests[0]!.searchParams;
    expect(query.get('code_commune')).to.equal('44109');
    expect(query.get('exclure_doublons')).to.equal('true');
    expect(query.get('size')).to.equal('10');
    await expect(el).to.be.accessible();
  });

  it('says "1 service" in the singular', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(1)));
    const el = await searchAt();
    await settled(el);
    await waitUntil(() => status(el).includes('Nantes'));
    expect(status(el)).to.equal('1 service près de Nantes');
  });

  it('shows skeletons with aria-busy while loading', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    useHandlers(geoApi(), pagedSearch(nearResults(3), { wait: () => gate }));
    const el = await searchAt();
    await waitUntil(() => results(el).getAttribute('aria-busy') === 'true');
    expect(shadow(el).querySelectorAll('.skeletons li')).to.have.length.greaterThan(0);
    expect(shadow(el).querySelector('.skeletons')!.getAttribute('aria-hidden')).to.equal('true');
    expect(status(el)).to.equal('Recherche en cours…');
    await expect(el).to.be.accessible();
    release();
    await settled(el);
    expect(shadow(el).querySelector('.skeletons')).to.equal(null);
    expect(cards(el)).to.have.length(3);
  });

  it('shows the empty state, fires dora-no-result, and links "Je n’ai pas trouvé de solution" to suggest-url', async () => {
    useHandlers(geoApi(), pagedSearch([]));
    const el = document.createElement('dora-search');
    el.setAttribute('api-url', API_URL);
    el.setAttribute('geo-url', GEO_URL);
    el.setAttribute('suggest-url', 'https://example.org/suggerer');
    const noResult = oneEvent(el, 'dora-no-result');
    el.setAttribute('code-commune', '44109');
    await fixture(el);
    const event = await noResult;
    expect(event.detail.reason).to.equal('empty');
    expect(event.detail.params.code_commune).to.equal('44109');
    expect(event.bubbles && event.composed).to.equal(true);
    await settled(el as DoraSearchElement);
    const empty = shadow(el as DoraSearchElement).querySelector('[part="empty"]')!;
    expect(empty.textContent).to.contain('Aucun service ne correspond à votre recherche.');
    const link = empty.querySelector<HTMLAnchorElement>('a[part="no-solution"]')!;
    expect(link.textContent!.trim()).to.equal('Je n’ai pas trouvé de solution');
    expect(link.href).to.equal('https://example.org/suggerer');
    await expect(el).to.be.accessible();
    const user = oneEvent(el, 'dora-no-result');
    link.addEventListener('click', (e) => e.preventDefault());
    link.click();
    expect((await user).detail.reason).to.equal('user');
  });

  it('never links suggest-url when it is not http(s)', async () => {
    useHandlers(geoApi(), pagedSearch([]));
    const el = await searchAt({ 'suggest-url': 'javascript:alert(1)' });
    await settled(el);
    expect(shadow(el).querySelector('a[part="no-solution"]')).to.equal(null);
    expect(shadow(el).querySelector('button[part="no-solution"]')).to.exist;
  });

  const errorCases: [string, () => ReturnType<typeof http.get>, string][] = [
    ['network', () => http.get('*/api/v1/search/services', () => HttpResponse.error()), 'Impossible de joindre le service de recherche'],
    ['401 token', () => http.get('*/api/v1/search/services', () => HttpResponse.json({ detail: 'Not authenticated' }, { status: 401 })), 'jeton'],
    ['403 token', () => http.get('*/api/v1/search/services', () => HttpResponse.json({ detail: 'Forbidden' }, { status: 403 })), 'jeton'],
    ['422', () => http.get('*/api/v1/search/services', () => HttpResponse.json({ detail: 'This `code_commune` does not exist.' }, { status: 422 })), 'critère que l’API n’accepte pas'],
    ['5xx', () => http.get('*/api/v1/search/services', () => HttpResponse.json({ detail: 'Internal Server Error' }, { status: 503 })), 'rencontre un problème'],
  ];
  for (const [name, handler, message] of errorCases) {
    it(`announces a ${name} error with role=alert, fires dora-error, and retries`, async () => {
      useHandlers(geoApi(), handler());
      const el = document.createElement('dora-search') as DoraSearchElement;
      el.setAttribute('api-url', API_URL);
      el.setAttribute('geo-url', GEO_URL);
      const failed = oneEvent(el, 'dora-error');
      el.setAttribute('code-commune', '44109');
      // The SDK retries 5xx and network errors: keep the test short by answering the retries too.
      await fixture(el);
      const event = await failed;
      expect(event.detail.message).to.contain(message);
      expect(event.detail.params.code_commune).to.equal('44109');
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain(message);
      expect(results(el).getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
      resetMockApi();
      useHandlers(geoApi(), pagedSearch(nearResults(2)));
      (alert.querySelector('button') as HTMLButtonElement).click();
      await waitUntil(() => cards(el).length === 2, 'retry did not show results', { timeout: 5000 });
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
    });
  }

  it('skips invalid items, keeps the list, and fires dora-invalid-items', async () => {
    const broken = { service: { id: 'dora--casse', nom: 42 }, distance: 1 };
    useHandlers(geoApi(), pagedSearch([nearResults(1)[0], broken, nearResults(2)[1]]));
    const el = document.createElement('dora-search') as DoraSearchElement;
    el.setAttribute('api-url', API_URL);
    el.setAttribute('geo-url', GEO_URL);
    const invalid = oneEvent(el, 'dora-invalid-items');
    el.setAttribute('code-commune', '44109');
    await fixture(el);
    const event = await invalid;
    expect(event.detail.invalidItems).to.have.length(1);
    expect(event.detail.invalidItems[0].id).to.equal('dora--casse');
    await settled(el);
    expect(cards(el)).to.have.length(2);
    expect(shadow(el).textContent).to.contain('1 fiche illisible a été ignorée.');
    await expect(el).to.be.accessible();
  });

  it('"Afficher plus" appends the next page and moves focus to the first new card', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(23)));
    const el = await searchAt();
    await settled(el);
    const more = oneEvent(el, 'dora-results');
    button(el, 'Afficher plus')!.click();
    const event = await more;
    expect(event.detail.append).to.equal(true);
    expect(event.detail.items).to.have.length(10);
    expect(event.detail.page.page).to.equal(2);
    await waitUntil(() => cards(el).length === 20);
    const first = cards(el)[10]!;
    await waitUntil(() => first.shadowRoot?.activeElement !== null && el.shadowRoot!.activeElement === first, 'focus did not move');
    expect(first.dataset.id).to.equal('dora--service-nantes-011');
    await waitUntil(() => status(el).includes('de plus'));
    expect(status(el)).to.equal('10 services de plus, 20 affichés.');
    button(el, 'Afficher plus')!.click();
    await waitUntil(() => cards(el).length === 23);
    expect(button(el, 'Afficher plus')).to.equal(undefined);
    expect(searchRequests.map((u) => u.searchParams.get('page'))).to.deep.equal(['1', '2', '3']);
  });

  it('aborts stale requests: a slow older search never replaces a newer one', async () => {
    const old = nearResults(3);
    const fresh = [{ service: makeService(40, { nom: 'Résultat récent' }), distance: 0 }];
    useHandlers(
      geoApi(),
      http.get('*/api/v1/search/services', async ({ request }) => {
        const url = new URL(request.url);
        searchRequests.push(url);
        if (!url.searchParams.has('frais')) {
          await new Promise((resolve) => setTimeout(resolve, 600));
          return HttpResponse.json({ items: old, total: 3, page: 1, size: 3, pages: 1 });
        }
        return HttpResponse.json({ items: fresh, total: 1, page: 1, size: 1, pages: 1 });
      }),
    );
    const el = await searchAt({ filters: 'frais' });
    await waitUntil(() => searchRequests.length === 1);
    el.setAttribute('frais', 'gratuit'); // a newer search while the first is pending
    await settled(el);
    expect(cards(el).map((c) => c.dataset.id)).to.deep.equal([fresh[0]!.service.id]);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await el.updateComplete;
    expect(cards(el).map((c) => c.dataset.id)).to.deep.equal([fresh[0]!.service.id]);
  });

  it('finishes its search when moved in the page while loading', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(4), { wait: () => 300 }));
    const el = await searchAt();
    await waitUntil(() => searchRequests.length === 1);
    const other = document.createElement('div');
    el.parentElement!.append(other);
    other.append(el); // disconnect + connect: the pending request is aborted, then run again
    await waitUntil(() => cards(el).length === 4, 'no results after the move', { timeout: 5000 });
    expect(searchRequests).to.have.length(2);
  });

  it('rayon filters loaded pages on distance and requests pages until page-size results', async () => {
    // 30 in-person services at 0..29 km, then 5 remote ones.
    const all = [...nearResults(30), ...[1, 2, 3, 4, 5].map(remoteResult)];
    useHandlers(geoApi(), pagedSearch(all));
    const el = await searchAt({ rayon: '5', 'page-size': '10' });
    await settled(el);
    const ids = cards(el).map((c) => c.dataset.id);
    expect(ids).to.have.length(10);
    // 0..5 km (6 services) then the remote ones (kept: include-remote-services defaults to true).
    expect(ids.slice(0, 6)).to.deep.equal(nearResults(6).map((r) => r.service.id));
    expect(ids.slice(6)).to.deep.equal([1, 2, 3, 4].map((i) => `france-travail--distance-${i}`));
    expect(searchRequests[0]!.searchParams.get('size')).to.equal('50');
  });

  it('"Afficher plus" that finds nothing new keeps focus in the widget (on the results heading)', async () => {
    // An API that answers 4 items per page whatever the size asked: page 1 holds 0..3 km, pages 2
    // and 3 only services beyond the 3 km radius (dropped by the widget).
    const all = nearResults(12);
    useHandlers(
      geoApi(),
      http.get('*/api/v1/search/services', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        const items = all.slice((page - 1) * 4, page * 4);
        return HttpResponse.json({ items, total: 12, page, size: items.length, pages: 3 });
      }),
    );
    const el = await searchAt({ rayon: '3', 'page-size': '4' });
    await settled(el);
    expect(cards(el)).to.have.length(4);
    const more = button(el, 'Afficher plus')!;
    more.focus();
    more.click();
    await waitUntil(() => !button(el, 'Afficher plus'), '"Afficher plus" still there');
    await waitUntil(() => shadow(el).activeElement?.getAttribute('part') === 'results-heading', 'focus lost');
    expect(cards(el)).to.have.length(4);
    expect(status(el)).to.equal('4 services près de Nantes');
  });

  it('include-remote-services="false" keeps only in-person services within the radius and stops paging', async () => {
    const all = [...nearResults(8), ...[1, 2, 3].map(remoteResult)];
    useHandlers(geoApi(), pagedSearch(all));
    const el = await searchAt({ 'include-remote-services': 'false', rayon: '3' });
    await settled(el);
    expect(cards(el).map((c) => c.dataset.id)).to.deep.equal(nearResults(4).map((r) => r.service.id));
    expect(status(el)).to.contain('4 services');
    expect(button(el, 'Afficher plus')).to.equal(undefined);
  });

  it('exclure-doublons="false" and score-qualite-minimum and sources reach the query', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(1)));
    const el = await searchAt({ 'exclure-doublons': 'false', 'score-qualite-minimum': '0.8', sources: 'dora,france-travail' });
    await settled(el);
    const query = searchRequests[0]!.searchParams;
    expect(query.get('exclure_doublons')).to.equal('false');
    expect(query.get('score_qualite_minimum')).to.equal('0.8');
    expect(query.getAll('sources')).to.deep.equal(['dora', 'france-travail']);
  });

  it('fires dora-search (cancelable) then dora-results, bubbling and composed', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(2)));
    const el = document.createElement('dora-search') as DoraSearchElement;
    el.setAttribute('api-url', API_URL);
    el.setAttribute('geo-url', GEO_URL);
    const seen: string[] = [];
    const host = document.createElement('div');
    for (const type of ['dora-search', 'dora-results'] as const) host.addEventListener(type, (e) => seen.push(e.type));
    host.append(el);
    const searchEvent = oneEvent(el, 'dora-search');
    const resultsEvent = oneEvent(el, 'dora-results');
    el.setAttribute('code-commune', '44109');
    await fixture(host);
    const search = await searchEvent;
    expect(search.cancelable).to.equal(true);
    expect(search.detail.params).to.include({ code_commune: '44109', exclure_doublons: true });
    const res = await resultsEvent;
    expect(res.detail.shown).to.have.length(2);
    expect(res.detail.count).to.equal(2);
    expect(seen).to.deep.equal(['dora-search', 'dora-results']);
  });

  it('does not search when the host cancels dora-search', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(2)));
    const el = document.createElement('dora-search') as DoraSearchElement;
    el.setAttribute('api-url', API_URL);
    el.setAttribute('geo-url', GEO_URL);
    el.addEventListener('dora-search', (e) => e.preventDefault());
    el.setAttribute('code-commune', '44109');
    await fixture(el);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(searchRequests).to.have.length(0);
    expect(shadow(el).querySelector('.intro')).to.exist;
  });

  for (const type of ['dora-mobilise', 'dora-share', 'dora-report'] as const) {
    it(`lets card events compose through its shadow root (${type} reaches the page)`, async () => {
      useHandlers(geoApi(), pagedSearch(nearResults(1)));
      const el = await searchAt();
      await settled(el);
      const event = oneEvent(document, type);
      cards(el)[0]!.dispatchEvent(new CustomEvent(type, { detail: { service: nearResults(1)[0]!.service }, bubbles: true, composed: true }));
      expect(((await event) as CustomEvent<{ service: { id: string } }>).detail.service.id).to.equal('dora--service-nantes-001');
    });
  }

  it('speaks English with lang="en" and applies a strings override', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(12)));
    const el = await searchAt({ lang: 'en' });
    el.strings = { 'results.loadMore': 'Voir la suite' };
    await settled(el);
    await waitUntil(() => status(el).includes('Nantes'));
    expect(status(el)).to.equal('12 services near Nantes');
    expect(button(el, 'Search')).to.exist;
    expect(button(el, 'Voir la suite')).to.exist;
    el.lang = 'fr';
    await el.updateComplete;
    expect(button(el, 'Rechercher')).to.exist;
  });

  it('heading-level sets the results heading and the cards’ levels', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(1)));
    const el = await searchAt({ 'heading-level': '3' });
    await settled(el);
    expect(shadow(el).querySelector('[part="results-heading"]')!.getAttribute('aria-level')).to.equal('3');
    expect(cards(el)[0]!.getAttribute('heading-level')).to.equal('4');
  });

  it('filters="none" hides the form', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(1)));
    const el = await searchAt({ filters: 'none' });
    await settled(el);
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(cards(el)).to.have.length(1);
  });

});
