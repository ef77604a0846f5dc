// client.paginate across pages of a fake API that pages like the real one (size = items returned).
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DataInclusionClient, type Service } from '../src/index.js';

const sample = JSON.parse(
  readFileSync(new URL('../../../../shared/data/data-inclusion/samples/api-v1-list-services.synthetic.json', import.meta.url), 'utf8'),
).items[0];

const API = 'https://api.example.test';
/** The fake dataset: `count` services, ids in order. */
let count = 0;
/** Ids to serve as invalid items. */
let broken = new Set<string>();
const requested: URL[] = [];

const server = setupServer(
  http.get(`${API}/api/v1/services`, ({ request }) => {
    const url = new URL(request.url);
    requested.push(url);
    const page = Number(url.searchParams.get('page') ?? 1);
    const size = Number(url.searchParams.get('size') ?? 5000);
    const ids = Array.from({ length: count }, (_, i) => `dora--${String(i).padStart(3, '0')}`);
    const items = ids
      .slice((page - 1) * size, page * size)
      .map((id) => (broken.has(id) ? { id, nom: null } : { ...sample, id }));
    return HttpResponse.json({ items, total: count, page, size: items.length, pages: Math.ceil(count / size) });
  }),
);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requested.length = 0;
  broken = new Set();
});
after(() => server.close());

const client = new DataInclusionClient({ baseUrl: API });
const collect = async <T>(iterable: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

describe('paginate', () => {
  it('iterates the items of three pages and stops at the last one', async () => {
    count = 25;
    const services = await collect(client.paginate(client.listServices, { size: 10, publics: ['jeunes'] }));
    assert.equal(services.length, 25);
    assert.deepEqual(services.map((s) => s.id), Array.from({ length: 25 }, (_, i) => `dora--${String(i).padStart(3, '0')}`));
    assert.deepEqual(requested.map((u) => u.searchParams.get('page')), ['1', '2', '3']);
    for (const url of requested) assert.equal(url.searchParams.get('publics'), 'jeunes');
  });

  it('stops after maxItems without fetching further pages', async () => {
    count = 25;
    const services = await collect(client.paginate(client.listServices, { size: 10 }, { maxItems: 12 }));
    assert.equal(services.length, 12);
    assert.equal(requested.length, 2);
    assert.equal((await collect(client.paginate(client.listServices, { size: 10 }, { maxItems: 0 }))).length, 0);
    assert.equal(requested.length, 2, 'maxItems 0 sends nothing');
  });

  it('starts from params.page', async () => {
    count = 25;
    const services = await collect(client.paginate(client.listServices, { size: 10, page: 3 }));
    assert.equal(services.length, 5);
    assert.deepEqual(requested.map((u) => u.searchParams.get('page')), ['3']);
  });

  it('stops at an empty page even when "pages" says more', async () => {
    server.use(
      http.get(`${API}/api/v1/services`, ({ request }) => {
        requested.push(new URL(request.url));
        return HttpResponse.json({ items: [], total: 99, page: 1, size: 0, pages: 9 });
      }),
    );
    assert.deepEqual(await collect(client.paginate(client.listServices, {})), []);
    assert.equal(requested.length, 1);
  });

  it('skips invalid items but keeps going through pages made only of them', async () => {
    count = 6;
    broken = new Set(['dora--002', 'dora--003']);
    const dropped: (string | null)[] = [];
    const tolerant = new DataInclusionClient({ baseUrl: API, onInvalidItem: (item) => dropped.push(item.id) });
    const services: Service[] = await collect(tolerant.paginate(tolerant.listServices, { size: 2 }));
    assert.deepEqual(services.map((s) => s.id), ['dora--000', 'dora--001', 'dora--004', 'dora--005']);
    assert.deepEqual(dropped, ['dora--002', 'dora--003']);
    assert.equal(requested.length, 3);
  });

  it('an abort between pages rejects with AbortError', async () => {
    count = 25;
    const controller = new AbortController();
    const seen: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const service of client.paginate(client.listServices, { size: 10 }, { signal: controller.signal })) {
          seen.push(service.id);
          if (seen.length === 10) controller.abort();
        }
      })(),
      { name: 'AbortError' },
    );
    assert.equal(seen.length, 10);
    assert.equal(requested.length, 1);
  });

  it('works with searchServices and search too', async () => {
    const structure = JSON.parse(
      readFileSync(new URL('../../../../shared/data/data-inclusion/samples/api-v1-list-structures.synthetic.json', import.meta.url), 'utf8'),
    ).items[0];
    for (const path of ['search/services', 'search']) {
      server.use(
        http.get(`${API}/api/v1/${path}`, ({ request }) => {
          const url = new URL(request.url);
          requested.push(url);
          const page = Number(url.searchParams.get('page'));
          const items = page <= 2 ? [{ service: { ...sample, id: `s${page}`, structure }, distance: null, score_recherche: 0.5 }] : [];
          return HttpResponse.json({ items, total: 2, page, size: items.length, pages: 2 });
        }),
      );
    }
    const nearby = await collect(client.paginate(client.searchServices, { size: 1, code_commune: '59350' }));
    assert.deepEqual(nearby.map((r) => r.service.id), ['s1', 's2']);
    const found = await collect(client.paginate(client.search, { size: 1, q: 'vélo' }));
    assert.deepEqual(found.map((r) => r.score_recherche), [0.5, 0.5]);
    assert.deepEqual(requested.map((u) => u.pathname), ['/api/v1/search/services', '/api/v1/search/services', '/api/v1/search', '/api/v1/search']);
  });
});
