/**
 * `<dora-search>`: the opened sheet's place in the wide layout (filters shown), and list properties
 * given a new but equal array (as React does at every render). Real SDK client over msw.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/search/dora-search.js';
import type { DoraSearchElement } from '../src/search/dora-search.component.js';
import { API_URL, GEO_URL, resetMockApi, startMockApi, stopMockApi, useHandlers } from './helpers/msw.js';
import { geoApi, nearResults, pagedSearch, searchRequests, serviceDetail } from './fixtures/search.js';
import { cards, results, settled, shadow } from './helpers/search.js';

const sheet = (el: DoraSearchElement) => shadow(el).querySelector<HTMLElement>('[part="service-view"]');

async function searchAt(attributes: Record<string, string>, width: string): Promise<DoraSearchElement> {
  const el = document.createElement('dora-search');
  el.setAttribute('api-url', API_URL);
  el.setAttribute('geo-url', GEO_URL);
  el.setAttribute('code-commune', '44109');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.style.display = 'block';
  el.style.width = width;
  const element = await fixture<DoraSearchElement>(el);
  await settled(element);
  return element;
}

async function openFirstResult(el: DoraSearchElement): Promise<void> {
  const card = cards(el)[0]!;
  await card.updateComplete;
  (card.shadowRoot!.querySelector('[part~="link"]') as HTMLElement).click();
  await waitUntil(() => shadow(el).querySelector('dora-service-card[variant="full"]'), 'the sheet did not open');
  await el.updateComplete;
}

describe('<dora-search> sheet layout and list properties', () => {
  before(startMockApi);
  beforeEach(() => {
    const list = nearResults(12);
    useHandlers(geoApi(), pagedSearch(list), serviceDetail(list.map((result) => result.service)));
  });
  afterEach(() => {
    resetMockApi();
    searchRequests.length = 0;
  });
  after(stopMockApi);

  it('at 1000 px with the filters shown, the opened sheet spans the full width, not the form column', async () => {
    const el = await searchAt({}, '1000px');
    const layout = shadow(el).querySelector<HTMLElement>('[part="base"]')!;
    expect(layout.classList.contains('layout--with-filters'), 'filters shown: two columns').to.equal(true);
    const form = shadow(el).querySelector<HTMLElement>('[part="form"]')!;
    expect(form.getBoundingClientRect().width, 'the form sits in the narrow column').to.be.below(layout.getBoundingClientRect().width / 2);
    await openFirstResult(el);
    const layoutBox = layout.getBoundingClientRect();
    const sheetBox = sheet(el)!.getBoundingClientRect();
    expect(Math.round(sheetBox.left)).to.equal(Math.round(layoutBox.left));
    expect(Math.round(sheetBox.width)).to.equal(Math.round(layoutBox.width));
  });

  it('a new but equal array for categories, thematiques, publics… neither searches again nor closes the sheet', async () => {
    const el = await searchAt({ categories: 'mobilite', publics: 'femmes', frais: 'gratuit', types: 'accompagnement', sources: 'dora' }, '1000px');
    const requests = searchRequests.length;
    expect(requests).to.be.above(0);
    await openFirstResult(el);
    // What a framework does at every render: fresh arrays with the same values.
    el.categories = ['mobilite'];
    el.thematiques = [];
    el.publics = ['femmes'];
    el.frais = ['gratuit'];
    el.types = ['accompagnement'];
    el.modesAccueil = [];
    el.sources = ['dora'];
    await el.updateComplete;
    // A search starts within the update (the list turns busy at once).
    expect(results(el).getAttribute('aria-busy'), 'no new search').to.equal('false');
    await el.updateComplete;
    expect(searchRequests.length, 'no new request').to.equal(requests);
    expect(sheet(el), 'the sheet stays open').not.to.equal(null);

    // A different value is a change: the search runs again (and the sheet closes).
    el.publics = ['femmes', 'jeunes'];
    await waitUntil(() => searchRequests.length > requests, 'a changed list did not search again');
    expect(searchRequests.at(-1)!.searchParams.getAll('publics').join(',')).to.contain('jeunes');
    await settled(el);
    expect(sheet(el)).to.equal(null);
  });
});
