// The client against msw/node: every endpoint, its parameters, URL building and authentication.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DataInclusionClient, DEFAULT_BASE_URL, requestFor, THEMATIQUE_TREE, type VocabularyName } from '../src/index.js';

const samples = new URL('../../../../shared/data/data-inclusion/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, samples), 'utf8'));
const servicesPage = read('samples/api-v1-list-services.synthetic.json');
const structuresPage = read('samples/api-v1-list-structures.synthetic.json');
const service = servicesPage.items[0];
const { score_qualite: _score, doublons: _doublons, ...baseStructure } = structuresPage.items[0];
const detailedService = { ...service, structure: baseStructure };
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, size: items.length, pages: 1 });

const API = 'https://api.example.test';

/** Every request the fake API received. */
const requests: Request[] = [];
const server = setupServer(
  http.get(`${API}/api/v1/search/services`, () => HttpResponse.json(page([{ service: detailedService, distance: 3 }]))),
  http.get(`${API}/api/v1/search`, () =>
    HttpResponse.json(page([{ service: detailedService, distance: null, score_recherche: 0.42 }])),
  ),
  http.get(`${API}/api/v1/services`, () => HttpResponse.json(servicesPage)),
  http.get(`${API}/api/v1/services/:id`, () => HttpResponse.json(detailedService)),
  http.get(`${API}/api/v1/structures`, () => HttpResponse.json(structuresPage)),
  http.get(`${API}/api/v1/structures/:id`, () =>
    HttpResponse.json({ ...structuresPage.items[0], services: [service], doublons: [baseStructure] }),
  ),
  http.get(`${API}/api/v1/sources`, () => HttpResponse.json(read('api-v1-sources.json'))),
  http.get(`${API}/api/v1/doc/:name`, ({ params }) => {
    const file = params.name === 'types-services' ? 'types-de-services' : params.name;
    return HttpResponse.json(read(`schema-v1/enums/${String(file)}.json`));
  }),
);
server.events.on('request:start', ({ request }) => void requests.push(request));

before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
after(() => server.close());

const client = new DataInclusionClient({ baseUrl: API, token: 'secret-token' });
const lastUrl = () => new URL(requests.at(-1)!.url);

describe('endpoints and parameters', () => {
  it('searchServices sends every parameter under its API name and returns the page', async () => {
    const result = await client.searchServices({
      code_commune: '59350',
      lat: 50.63,
      lon: 3.06,
      sources: ['dora', 'france-travail'],
      thematiques: ['famille--garde-denfants'],
      frais: ['gratuit'],
      publics: ['femmes', 'jeunes'],
      modes_accueil: ['en-presentiel'],
      types: ['accompagnement'],
      recherche_public: 'mère isolée',
      score_qualite_minimum: 0.8,
      exclure_doublons: true,
      page: 2,
      size: 50,
    });
    const url = lastUrl();
    assert.equal(url.pathname, '/api/v1/search/services');
    assert.deepEqual(
      [...url.searchParams],
      [
        ['code_commune', '59350'],
        ['lat', '50.63'],
        ['lon', '3.06'],
        ['sources', 'dora'],
        ['sources', 'france-travail'],
        ['thematiques', 'famille--garde-denfants'],
        ['frais', 'gratuit'],
        ['publics', 'femmes'],
        ['publics', 'jeunes'],
        ['modes_accueil', 'en-presentiel'],
        ['types', 'accompagnement'],
        ['recherche_public', 'mère isolée'],
        ['score_qualite_minimum', '0.8'],
        ['exclure_doublons', 'true'],
        ['page', '2'],
        ['size', '50'],
      ],
    );
    assert.deepEqual(result.items, [{ service: detailedService, distance: 3 }]);
    assert.deepEqual(
      { total: result.total, page: result.page, size: result.size, pages: result.pages },
      { total: 1, page: 1, size: 1, pages: 1 },
    );
    assert.deepEqual(result.invalidItems, []);
    assert.deepEqual(result.warnings, []);
  });

  it('listServices sends area filters and returns services', async () => {
    const result = await client.listServices({
      code_region: '32',
      slug_region: 'hauts-de-france',
      code_departement: '2A',
      slug_departement: 'nord',
      code_commune: '59350',
      publics: ['seniors'],
    });
    const url = lastUrl();
    assert.equal(url.pathname, '/api/v1/services');
    assert.equal(
      url.search,
      '?code_region=32&slug_region=hauts-de-france&code_departement=2A&slug_departement=nord&code_commune=59350&publics=seniors',
    );
    assert.deepEqual(result.items, servicesPage.items);
  });

  it('listStructures sends its filters and returns structures', async () => {
    const result = await client.listStructures({
      sources: ['ma-boussole-aidants'],
      reseaux_porteurs: ['ccas-cias', 'mission-locale'],
      code_commune: '59350',
      exclure_doublons: false,
    });
    assert.equal(lastUrl().pathname, '/api/v1/structures');
    assert.equal(
      lastUrl().search,
      '?sources=ma-boussole-aidants&reseaux_porteurs=ccas-cias&reseaux_porteurs=mission-locale&code_commune=59350&exclure_doublons=false',
    );
    assert.deepEqual(result.items, structuresPage.items);
  });

  it('search (beta) sends q, a point and a radius', async () => {
    const result = await client.search({ q: 'permis de conduire', lat: 50.6, lon: 3.1, distance: 20, frais: ['gratuit'] });
    assert.equal(lastUrl().pathname, '/api/v1/search');
    assert.equal(lastUrl().search, '?q=permis+de+conduire&lat=50.6&lon=3.1&distance=20&frais=gratuit');
    assert.equal(result.items[0]?.score_recherche, 0.42);
    assert.equal(result.items[0]?.service.structure.nom, baseStructure.nom);
  });

  it('leaves out undefined, null and empty-array parameters', async () => {
    await client.listServices({ thematiques: [], publics: undefined, code_commune: null as unknown as string, size: 10 });
    assert.equal(lastUrl().search, '?size=10');
    await client.listServices();
    assert.equal(lastUrl().search, '');
  });

  it('getService and getStructure URL-encode ids containing ":" and "/"', async () => {
    const got = await client.getService('dora--AidantsConnect:2024/47 BX?Y#1');
    assert.equal(new URL(requests.at(-1)!.url).pathname, '/api/v1/services/dora--AidantsConnect%3A2024%2F47%20BX%3FY%231');
    assert.deepEqual(got, detailedService);
    const structure = await client.getStructure('carif-oref--01/GE:2030516');
    assert.equal(lastUrl().pathname, '/api/v1/structures/carif-oref--01%2FGE%3A2030516');
    assert.deepEqual(structure.services, [service]);
    assert.equal(structure.doublons[0]?.nom, baseStructure.nom);
  });

  it('listSources returns the sixteen sources', async () => {
    const sources = await client.listSources();
    assert.equal(lastUrl().pathname, '/api/v1/sources');
    assert.equal(sources.length, 16);
    assert.ok(sources.some((s) => s.slug === 'dora' && typeof s.nom === 'string'));
  });

  it('getVocabulary fetches each of the eight /doc lists, without the token', async () => {
    const names: VocabularyName[] = [
      'frais',
      'modes-accueil',
      'modes-mobilisation',
      'personnes-mobilisatrices',
      'publics',
      'reseaux-porteurs',
      'thematiques',
      'types-services',
    ];
    for (const name of names) {
      const entries = await client.getVocabulary(name);
      assert.equal(lastUrl().pathname, `/api/v1/doc/${name}`);
      assert.equal(requests.at(-1)!.headers.get('authorization'), null, name);
      assert.ok(entries.length > 1, name);
      for (const entry of entries) assert.equal(typeof entry.label, 'string');
    }
    assert.equal((await client.getVocabulary('thematiques')).length, 69);
  });

  it('getVocabulary rejects an unknown name without a request', async () => {
    await assert.rejects(client.getVocabulary('profils' as VocabularyName), { name: 'TypeError', message: /profils/ });
    assert.equal(requests.length, 0);
  });
});

describe('thématique categories are expanded before sending', () => {
  it('several categories become their sub-thématiques, in order', async () => {
    await client.searchServices({ thematiques: ['mobilite', 'famille'] });
    assert.deepEqual(lastUrl().searchParams.getAll('thematiques'), [...THEMATIQUE_TREE.mobilite, ...THEMATIQUE_TREE.famille]);
  });

  it('a category mixed with its own and other sub-thématiques is sent once each', async () => {
    await client.listServices({ thematiques: ['famille--garde-denfants', 'famille', 'sante--acces-aux-soins'] });
    const sent = lastUrl().searchParams.getAll('thematiques');
    assert.deepEqual(sent, ['famille--garde-denfants', ...THEMATIQUE_TREE.famille.filter((t) => t !== 'famille--garde-denfants'), 'sante--acces-aux-soins']);
    assert.equal(new Set(sent).size, sent.length);
    assert.ok(!sent.includes('famille'));
  });

  it('the search endpoint expands too, and unknown values are passed through for the API to judge', async () => {
    await client.search({ thematiques: ['numerique', 'pas-une-thematique'] });
    assert.deepEqual(lastUrl().searchParams.getAll('thematiques'), [...THEMATIQUE_TREE.numerique, 'pas-une-thematique']);
  });
});

describe('base URL and headers', () => {
  it('sends the token as a Bearer authorization header, and accepts JSON', async () => {
    await client.listServices();
    assert.equal(requests.at(-1)!.headers.get('authorization'), 'Bearer secret-token');
    assert.equal(requests.at(-1)!.headers.get('accept'), 'application/json');
  });

  it('sends no authorization header without a token (a proxy may add it)', async () => {
    await new DataInclusionClient({ baseUrl: API }).listServices();
    assert.equal(requests.at(-1)!.headers.get('authorization'), null);
  });

  it('a trailing slash on the base URL is harmless', async () => {
    await new DataInclusionClient({ baseUrl: `${API}/` }).getService('a');
    assert.equal(requests.at(-1)!.url, `${API}/api/v1/services/a`);
    await new DataInclusionClient({ baseUrl: `${API}///` }).listSources();
    assert.equal(requests.at(-1)!.url, `${API}/api/v1/sources`);
  });

  it('a base URL with a path (a proxy) keeps it', async () => {
    const proxied: string[] = [];
    server.use(http.get('https://proxy.example.test/di/api/v1/sources', ({ request }) => {
      proxied.push(request.url);
      return HttpResponse.json([]);
    }));
    assert.deepEqual(await new DataInclusionClient({ baseUrl: 'https://proxy.example.test/di/' }).listSources(), []);
    assert.equal(proxied.length, 1);
  });

  it('defaults to the public API and sends extra headers', async () => {
    assert.equal(new DataInclusionClient().apiRoot, `${DEFAULT_BASE_URL}/api/v1`);
    assert.equal(DEFAULT_BASE_URL, 'https://api.data.inclusion.gouv.fr');
    await new DataInclusionClient({ baseUrl: API, headers: { 'X-Client': 'dora-widget', Accept: 'application/json' } }).listServices();
    assert.equal(requests.at(-1)!.headers.get('x-client'), 'dora-widget');
    assert.equal(requests.at(-1)!.headers.get('accept'), 'application/json');
    await new DataInclusionClient({ baseUrl: API, token: 'tok', headers: { Authorization: 'Basic old' } }).listServices();
    assert.equal(requests.at(-1)!.headers.get('authorization'), 'Bearer tok', 'the token wins, once');
  });

  it('uses a fetch given in the options', async () => {
    const seen: string[] = [];
    const custom = new DataInclusionClient({
      baseUrl: 'https://custom.example.test',
      fetch: async (input) => {
        seen.push(String(input));
        return Response.json([]);
      },
    });
    assert.deepEqual(await custom.listSources(), []);
    assert.deepEqual(seen, ['https://custom.example.test/api/v1/sources']);
  });

  it('requestFor gives the URL and headers the client sends, so that a response fetched earlier can be handed over', async () => {
    const settings = { baseUrl: `${API}/`, token: 'tok', headers: { 'X-Client': 'dora-widget' } };
    const params = { code_commune: '44109', thematiques: ['mobilite'], exclure_doublons: true, page: 1, size: 10 };
    const expected = requestFor(settings, '/search/services', params);
    assert.match(expected.url, /^https:\/\/api\.example\.test\/api\/v1\/search\/services\?code_commune=44109&thematiques=mobilite--/);
    assert.deepEqual(expected.headers, { accept: 'application/json', 'x-client': 'dora-widget', authorization: 'Bearer tok' });
    const early = fetch(expected.url, { headers: expected.headers });
    const seen: { url: string; headers: unknown }[] = [];
    const client = new DataInclusionClient({
      ...settings,
      fetch: (url, init) => {
        seen.push({ url, headers: init.headers });
        return early;
      },
    });
    const result = await client.searchServices(params);
    assert.deepEqual(seen, [{ url: expected.url, headers: expected.headers }]);
    assert.equal(result.items[0]!.distance, 3);
    assert.equal(requests.filter((request) => request.url.includes('/search/services')).length, 1, 'one request, the early one');
    assert.throws(() => requestFor({ baseUrl: ' ' }, '/sources'), { name: 'TypeError', message: /baseUrl/ });
  });
});

describe('bad input gets clear errors, not requests', () => {
  it('invalid options throw a TypeError at construction', () => {
    assert.throws(() => new DataInclusionClient({ baseUrl: '  ' }), { name: 'TypeError', message: /baseUrl/ });
    assert.throws(() => new DataInclusionClient({ timeout: -1 }), { name: 'TypeError', message: /timeout/ });
    assert.throws(() => new DataInclusionClient({ timeout: Number.NaN }), { name: 'TypeError', message: /timeout/ });
    assert.throws(() => new DataInclusionClient({ timeout: 2 ** 31 }), { name: 'TypeError', message: /timeout/ });
    assert.throws(() => new DataInclusionClient({ retry: 1.5 }), { name: 'TypeError', message: /retry limit/ });
    assert.throws(() => new DataInclusionClient({ retry: { limit: -1 } }), { name: 'TypeError', message: /retry limit/ });
    assert.throws(() => new DataInclusionClient({ retry: { maxRetryAfter: Number.NaN } }), { name: 'TypeError', message: /maxRetryAfter/ });
    assert.doesNotThrow(() => new DataInclusionClient({ timeout: false, retry: false }));
  });

  it('an empty id rejects with a TypeError and sends nothing', async () => {
    await assert.rejects(client.getService(''), { name: 'TypeError', message: /non-empty/ });
    await assert.rejects(client.getStructure(undefined as unknown as string), { name: 'TypeError' });
    assert.equal(requests.length, 0);
  });
});
