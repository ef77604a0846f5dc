/**
 * A search that starts with the page sends its request before the API client's chunk has loaded,
 * and the client takes that response over: one request, not two. Also the early requests on their
 * own: same URL and headers taken over once, anything else fetched anew, dropped on abort.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { requestFor } from '@dora/sdk';
import { backendLoaded } from '../src/search/lazy-backend.js';
import { fetchTakingOver, sendEarly } from '../src/internal/early-requests.js';
import { API_URL, useHandlers } from './helpers/msw.js';
import { cards, idle, searchAt, useMockSearchApi } from './helpers/search.js';
import { geoApi, nearResults, pagedSearch, searchRequests } from './fixtures/search.js';

/** `GET /api/v1/things`, counting the requests and their `accept` header. */
function thingsApi() {
  const seen: string[] = [];
  const handler = http.get('*/api/v1/things', ({ request }) => {
    seen.push(request.headers.get('accept') ?? '');
    return HttpResponse.json({ n: seen.length });
  });
  return { seen, handler };
}

describe('the first search of a page', () => {
  useMockSearchApi();

  it('is sent before the client chunk has loaded, once, and its results shown', async () => {
    // The first test of this file: nothing has loaded the client chunk yet.
    expect(backendLoaded(), 'the client chunk is not loaded yet').to.equal(false);
    useHandlers(geoApi(), pagedSearch(nearResults(4)));
    // An observer: the page's resource timing buffer is full of the test runner's modules.
    const entries: PerformanceResourceTiming[] = [];
    const observer = new PerformanceObserver((list) => entries.push(...(list.getEntries() as PerformanceResourceTiming[])));
    observer.observe({ type: 'resource' });
    const el = await searchAt();
    await waitUntil(() => cards(el).length === 4 && idle(el), 'no results');
    expect(searchRequests).to.have.length(1);
    expect(searchRequests[0]!.searchParams.get('code_commune')).to.equal('44109');
    expect(backendLoaded()).to.equal(true);
    // It left before the client's module had arrived.
    await waitUntil(() => entries.some((entry) => entry.name.includes('/search/services')), 'no timing for the search');
    observer.disconnect();
    const search = entries.find((entry) => entry.name.includes('/search/services'))!;
    const backend = entries.find((entry) => entry.name.includes('/search-backend.'))!;
    expect(search.startTime).to.be.below(backend.responseEnd);
    await expect(el).to.be.accessible();
  });
});

describe('early requests', () => {
  useMockSearchApi();

  const request = requestFor({ baseUrl: API_URL }, '/things', { q: 'a' });

  it('are taken over by a fetch for the same URL and headers, once', async () => {
    const { seen, handler } = thingsApi();
    useHandlers(handler);
    const drop = sendEarly(request, new AbortController().signal);
    sendEarly(request, new AbortController().signal); // the same URL already pending: nothing more is sent
    const taken = await fetchTakingOver(request.url, { headers: request.headers, signal: new AbortController().signal });
    expect(await taken.json()).to.deep.equal({ n: 1 });
    drop(); // taken: nothing to drop
    const again = await fetchTakingOver(request.url, { headers: request.headers });
    expect(await again.json()).to.deep.equal({ n: 2 });
    expect(seen).to.deep.equal(['application/json', 'application/json']);
  });

  it('are not taken over with other headers, and dropping one aborts it', async () => {
    const { seen, handler } = thingsApi();
    useHandlers(handler);
    const drop = sendEarly(request, new AbortController().signal);
    const other = await fetchTakingOver(request.url, { headers: { accept: 'text/plain' } });
    expect(other.ok).to.equal(true);
    drop();
    const fresh = await fetchTakingOver(request.url, { headers: request.headers });
    expect(fresh.ok).to.equal(true);
    await waitUntil(() => seen.includes('text/plain') && seen.filter((accept) => accept === 'application/json').length >= 1);
    expect(seen.filter((accept) => accept === 'text/plain')).to.have.length(1);
  });

  it('are dropped when their search is aborted', async () => {
    const { handler } = thingsApi();
    useHandlers(handler);
    const search = new AbortController();
    sendEarly(request, search.signal);
    search.abort();
    // Dropped: a new request is sent, and it answers.
    const response = await fetchTakingOver(request.url, { headers: request.headers });
    expect(response.ok).to.equal(true);
  });

  it('follow the taker’s abort once taken over', async () => {
    useHandlers(http.get('*/api/v1/things', () => new Promise<Response>(() => undefined)));
    sendEarly(request, new AbortController().signal);
    const taker = new AbortController();
    const taken = fetchTakingOver(request.url, { headers: request.headers, signal: taker.signal });
    taker.abort();
    let error: unknown;
    try {
      await taken;
    } catch (caught) {
      error = caught;
    }
    expect((error as Error | undefined)?.name).to.equal('AbortError');
  });
});
