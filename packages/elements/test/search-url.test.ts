/**
 * `sync-url`: the search in `dora_*` query parameters, one history entry per search, back and
 * forward restoring form, results and the opened sheet; the host's own parameters untouched.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/search/dora-search.js';
import type { DoraSearchElement } from '../src/search/dora-search.component.js';
import { API_URL, GEO_URL, resetMockApi, startMockApi, stopMockApi, useHandlers } from './helpers/msw.js';
import { geoApi, nearResults, pagedSearch, searchRequests, serviceDetail } from './fixtures/search.js';
import { idle, openFilters } from './helpers/search.js';

const params = () => new URLSearchParams(location.search);
const doraParams = () => Object.fromEntries([...params()].filter(([key]) => key.startsWith('dora_')));
const box = (el: DoraSearchElement, name: string, value: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;

async function create(attributes: Record<string, string>) {
  const el = document.createElement('dora-search');
  el.setAttribute('api-url', API_URL);
  el.setAttribute('geo-url', GEO_URL);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return fixture<DoraSearchElement>(el);
}

async function click(el: DoraSearchElement, name: string, value: string) {
  const before = searchRequests.length;
  await openFilters(el);
  box(el, name, value).click();
  await waitUntil(() => searchRequests.length > before && idle(el), `no search after ${value}`);
}

describe('<dora-search sync-url>', () => {
  const start = location.href;
  const results = pagedSearch(nearResults(12));
  before(startMockApi);
  beforeEach(() => useHandlers(geoApi(), results, serviceDetail(nearResults(12).map((r) => r.service))));
  afterEach(() => {
    resetMockApi();
    searchRequests.length = 0;
    history.replaceState(null, '', start);
  });
  after(stopMockApi);

  it('records each search with pushState, keeps the host’s parameters, and back/forward restore form and results', async () => {
    const hostParams = [...params()];
    const el = await create({ 'sync-url': '', 'code-commune': '44109' });
    await waitUntil(() => searchRequests.length === 1 && idle(el));
    // The initial search replaces the current entry (no extra entry for the page load).
    expect(doraParams()).to.deep.equal({ dora_commune: '44109' });
    const length = history.length;

    await click(el, 'frais', 'gratuit');
    expect(doraParams()).to.deep.equal({ dora_commune: '44109', dora_frais: 'gratuit' });
    await click(el, 'publics', 'jeunes');
    expect(doraParams()).to.deep.equal({ dora_commune: '44109', dora_frais: 'gratuit', dora_publics: 'jeunes' });
    expect(history.length).to.equal(length + 2);
    for (const [key, value] of hostParams) expect(params().get(key)).to.equal(value);

    history.back();
    await waitUntil(() => !box(el, 'publics', 'jeunes').checked && searchRequests.length === 4 && idle(el), 'back did not restore');
    expect(box(el, 'frais', 'gratuit').checked).to.equal(true);
    expect(searchRequests.at(-1)!.searchParams.getAll('frais')).to.deep.equal(['gratuit']);
    expect(searchRequests.at(-1)!.searchParams.getAll('publics')).to.deep.equal([]);

    history.back();
    await waitUntil(() => !box(el, 'frais', 'gratuit').checked && searchRequests.length === 5 && idle(el), 'second back did not restore');

    history.forward();
    await waitUntil(() => box(el, 'frais', 'gratuit').checked && searchRequests.length === 6 && idle(el), 'forward did not restore');
    await el.updateComplete; // the cards below the first screen render a frame later
    expect(el.shadowRoot!.querySelectorAll('.list dora-service-card')).to.have.length(10);
  });

  it('reads the state from the URL on load', async () => {
    const url = new URL(location.href);
    url.searchParams.set('dora_commune', '44109');
    url.searchParams.set('dora_thematiques', 'mobilite');
    url.searchParams.set('dora_frais', 'gratuit');
    history.replaceState(null, '', url);
    const el = await create({ 'sync-url': '', 'code-commune': '75056' });
    await waitUntil(() => searchRequests.length === 1 && idle(el));
    const query = searchRequests[0]!.searchParams;
    expect(query.get('code_commune')).to.equal('44109');
    expect(query.getAll('thematiques')).to.include('mobilite--preparer-un-permis');
    expect(query.getAll('frais')).to.deep.equal(['gratuit']);
    const picker = el.shadowRoot!.querySelector('dora-thematique-picker')!;
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelector<HTMLInputElement>('input[value="mobilite"]')!.checked).to.equal(true);
    const input = el.shadowRoot!.querySelector('dora-place-combobox')!.shadowRoot!.querySelector('input')!;
    await waitUntil(() => input.value === 'Nantes (44000)', 'commune name not resolved');
  });

  it('records the opened sheet; back closes it and returns focus to its card, forward reopens it', async () => {
    const el = await create({ 'sync-url': '', 'code-commune': '44109' });
    await waitUntil(() => idle(el) && el.shadowRoot!.querySelectorAll('.list dora-service-card').length === 10);
    const card = el.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('.list dora-service-card')[2]!;
    await card.updateComplete;
    (card.shadowRoot!.querySelector('[part~="link"]') as HTMLElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('dora-service-card[variant="full"]'));
    expect(params().get('dora_service')).to.equal(card.dataset.id);

    history.back();
    await waitUntil(() => !el.shadowRoot!.querySelector('dora-service-card[variant="full"]'), 'back did not close the sheet');
    await waitUntil(() => el.shadowRoot!.activeElement === card, 'focus not restored');
    expect(searchRequests).to.have.length(1); // same search: the results stay, nothing is refetched

    history.forward();
    await waitUntil(() => el.shadowRoot!.querySelector('dora-service-card[variant="full"]'), 'forward did not reopen');
  });

  it('leaves the URL alone without sync-url', async () => {
    const el = await create({ 'code-commune': '44109' });
    await waitUntil(() => searchRequests.length === 1 && idle(el));
    await click(el, 'frais', 'gratuit');
    expect(doraParams()).to.deep.equal({});
    expect(location.href).to.equal(start);
  });
});
