/**
 * List, detail, vocabulary, sources, contract and full-text endpoints: shapes, filters, ordering.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { frameworkValueSchema, sourceSchema, SOURCES, THEMATIQUES } from '@dora/sdk';
import { loadGeography } from '../src/index.js';
import { checkDetailedService, checkDetailedStructure, checkError, checkPage } from './contract.js';
import { service, startServer, structure, type TestServer } from './helpers.js';

const geo = loadGeography();
const at = (code: string) => {
  const c = geo.commune(code)!;
  return { code_insee: c.code, commune: c.nom, latitude: c.centre.lat, longitude: c.centre.lon };
};

describe('list and detail endpoints', () => {
  let t: TestServer;
  before(async () => {
    t = await startServer({
      structures: [
        structure('dora--nantes', { ...at('44109'), reseaux_porteurs: ['ccas-cias'], _cluster_id: 'k', score_qualite: 0.4 }),
        structure('emplois--nantes-bis', { ...at('44109'), _cluster_id: 'k', score_qualite: 0.8 }),
        structure('dora--charleville', { ...at('08105'), reseaux_porteurs: ['mission-locale'] }),
        structure('dora--paris', { ...at('75111') }),
        structure('dora--corse', { ...at('2A004') }),
        structure('dora--a/b:c', { ...at('97411') }),
      ],
      services: [
        service('dora--s-nantes', { ...at('44109'), structure_id: 'dora--nantes' }),
        service('dora--s-reze', { ...at('44143'), structure_id: 'dora--nantes' }),
        service('dora--s-charleville', { ...at('08105'), structure_id: 'dora--charleville' }),
        service('dora--s-paris', { ...at('75111'), structure_id: 'dora--paris' }),
        service('dora--s-corse', { ...at('2A004'), structure_id: 'dora--corse' }),
        service('dora--with/slash:colon', { ...at('97411'), structure_id: 'dora--a/b:c' }),
      ],
    });
  });
  after(() => t.stop());

  const ids = async (path: string, kind: 'services' | 'structures') => {
    const response = await t.get(path);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    checkPage(response.body, kind);
    return (response.body.items as { id: string }[]).map((i) => i.id);
  };

  it('/services lists every service by id, with the contract keys', async () => {
    const all = await ids('/api/v1/services', 'services');
    assert.equal(all.length, 6);
    assert.deepEqual(all, [...all].sort());
  });

  it('/services geography filters apply to the service own code_insee', async () => {
    assert.deepEqual(await ids('/api/v1/services?code_departement=44', 'services'), ['dora--s-nantes', 'dora--s-reze']);
    assert.deepEqual(await ids('/api/v1/services?slug_departement=ardennes', 'services'), ['dora--s-charleville']);
    assert.deepEqual(await ids('/api/v1/services?code_region=11', 'services'), ['dora--s-paris']);
    assert.deepEqual(await ids('/api/v1/services?slug_region=corse', 'services'), ['dora--s-corse']);
    assert.deepEqual(await ids('/api/v1/services?code_departement=2A', 'services'), ['dora--s-corse']);
    assert.deepEqual(await ids('/api/v1/services?code_commune=44143', 'services'), ['dora--s-reze']);
    assert.deepEqual(await ids('/api/v1/services?slug_region=la-reunion', 'services'), ['dora--with/slash:colon']);
  });

  it('/structures filters: sources, reseaux_porteurs, geography', async () => {
    assert.deepEqual(await ids('/api/v1/structures?sources=emplois', 'structures'), ['emplois--nantes-bis']);
    assert.deepEqual(await ids('/api/v1/structures?reseaux_porteurs=ccas-cias&reseaux_porteurs=mission-locale', 'structures'), [
      'dora--charleville',
      'dora--nantes',
    ]);
    assert.deepEqual(await ids('/api/v1/structures?code_departement=08', 'structures'), ['dora--charleville']);
    assert.deepEqual(await ids('/api/v1/structures?code_commune=75111', 'structures'), ['dora--paris']);
  });

  it('/structures exclure_doublons keeps the best structure of each cluster, ordered by cluster key', async () => {
    const kept = await ids('/api/v1/structures?exclure_doublons=true', 'structures');
    assert.ok(kept.includes('emplois--nantes-bis'));
    assert.ok(!kept.includes('dora--nantes'));
    assert.equal(kept.length, 5);
  });

  it('/structures lists duplicates as {source, id}', async () => {
    const response = await t.get('/api/v1/structures?code_commune=44109');
    const nantes = response.body.items.find((s: { id: string }) => s.id === 'dora--nantes');
    assert.deepEqual(nantes.doublons, [{ source: 'emplois', id: 'emplois--nantes-bis' }]);
  });

  it('/services/{id} embeds the structure; ids with ":" and "/" resolve, %2F-encoded or not', async () => {
    for (const path of ['/api/v1/services/dora--with%2Fslash%3Acolon', '/api/v1/services/dora--with/slash:colon']) {
      const response = await t.get(path);
      assert.equal(response.status, 200, path);
      checkDetailedService(response.body);
      assert.equal(response.body.id, 'dora--with/slash:colon');
      assert.equal(response.body.structure.id, 'dora--a/b:c');
    }
  });

  it('/structures/{id} embeds its services and its duplicates in full', async () => {
    const response = await t.get(`/api/v1/structures/${encodeURIComponent('dora--nantes')}`);
    assert.equal(response.status, 200);
    checkDetailedStructure(response.body);
    assert.deepEqual(response.body.services.map((s: { id: string }) => s.id), ['dora--s-nantes', 'dora--s-reze']);
    assert.equal(response.body.doublons[0].id, 'emplois--nantes-bis');
    const slashed = await t.get(`/api/v1/structures/${encodeURIComponent('dora--a/b:c')}`);
    assert.equal(slashed.status, 200);
  });

  it('unknown ids and paths answer 404 {"detail": "Not Found"}', async () => {
    for (const path of ['/api/v1/services/dora--nope', '/api/v1/structures/nope', '/api/v1/nope', '/nope']) {
      const response = await t.get(path);
      assert.equal(response.status, 404, path);
      assert.deepEqual(response.body, { detail: 'Not Found' });
    }
  });

  it('a trailing slash on a list redirects to the list (307), as Starlette does', async () => {
    const response = await fetch(`${t.url}/api/v1/services/?size=1`, { redirect: 'manual' });
    assert.equal(response.status, 307);
    assert.equal(response.headers.get('location'), '/api/v1/services?size=1');
  });

  it('bad query values on list endpoints answer 422 lists', async () => {
    for (const [path, loc] of [
      ['/api/v1/structures?reseaux_porteurs=nope', ['query', 'reseaux_porteurs', 0]],
      ['/api/v1/services?code_region=99', ['query', 'code_region']],
      ['/api/v1/services?page=0', ['query', 'page']],
      ['/api/v1/structures?exclure_doublons=peut-etre', ['query', 'exclure_doublons']],
      ['/api/v1/services?score_qualite_minimum=haute', ['query', 'score_qualite_minimum']],
    ] as const) {
      const response = await t.get(path);
      assert.equal(response.status, 422, path);
      checkError(response.body);
      assert.deepEqual(response.body.detail[0].loc, loc);
    }
  });
});

describe('vocabularies, sources, contract, health', () => {
  let t: TestServer;
  before(async () => {
    t = await startServer({ structures: [structure('dora--s1')], services: [service('dora--a')] }, { tokens: ['secret'] }, 'json');
  });

  it('serves services read from a single-line JSON file (serialised, not source text) in the contract shape', async () => {
    const response = await t.get('/api/v1/services/dora--a', { authorization: 'Bearer secret' });
    assert.equal(response.status, 200);
    checkDetailedService(response.body);
  });
  after(() => t.stop());

  it('serves the eight /doc vocabularies without a token, sorted by value, from the SDK', async () => {
    for (const name of ['frais', 'modes-accueil', 'modes-mobilisation', 'personnes-mobilisatrices', 'publics', 'reseaux-porteurs', 'thematiques', 'types-services']) {
      const response = await t.get(`/api/v1/doc/${name}`);
      assert.equal(response.status, 200, name);
      const values = response.body.map((e: { value: string }) => e.value);
      assert.deepEqual(values, [...values].sort(), name);
      for (const entry of response.body) assert.ok(frameworkValueSchema.safeParse(entry).success);
      for (const entry of response.body) assert.deepEqual(Object.keys(entry).sort(), ['description', 'label', 'value']);
    }
    const thematiques = await t.get('/api/v1/doc/thematiques');
    assert.equal(thematiques.body.length, THEMATIQUES.length);
  });

  it('/sources lists the SDK sources (token required)', async () => {
    assert.equal((await t.get('/api/v1/sources')).status, 401);
    const response = await t.get('/api/v1/sources', { authorization: 'Bearer secret' });
    assert.equal(response.status, 200);
    assert.equal(response.body.length, SOURCES.length);
    for (const source of response.body) assert.ok(sourceSchema.safeParse(source).success);
  });

  it('/api/openapi.json is the contract, open, with the local server URL', async () => {
    const response = await t.get('/api/openapi.json');
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.servers.map((s: { url: string }) => s.url), [t.url]);
    assert.ok(response.body.paths['/api/v1/search/services']);
    assert.ok(!JSON.stringify(response.body).includes('http://testserver'));
  });

  it('/health is open and reports counts', async () => {
    const response = await t.get('/health');
    assert.equal(response.status, 200);
    assert.equal(response.body.status, 'ok');
    assert.equal(response.body.services, 1);
  });
});

describe('/search (beta full text)', () => {
  let t: TestServer;
  before(async () => {
    t = await startServer({
      structures: [
        structure('dora--mairie', { nom: 'Mairie de Nantes', reseaux_porteurs: ['ccas-cias'] }),
        structure('dora--asso', { nom: 'Association Solidarité' }),
      ],
      services: [
        service('dora--name', { ...at('44109'), nom: 'Aide au logement des jeunes', structure_id: 'dora--asso', score_qualite: 0.5 }),
        service('dora--label', { ...at('44109'), nom: 'Permanence', thematiques: ['logement-hebergement--se-maintenir-dans-le-logement'], structure_id: 'dora--asso' }),
        service('dora--description', {
          ...at('08105'),
          nom: 'Accueil de jour',
          description: 'Un accueil pour trouver un logement et se poser. Hébergement possible.',
          thematiques: null,
          structure_id: 'dora--asso',
        }),
        service('dora--other', { ...at('44109'), nom: 'Atelier numérique', thematiques: ['numerique--acquerir-un-equipement'], structure_id: 'dora--mairie' }),
      ],
    });
  });
  after(() => t.stop());

  const search = async (query: string) => {
    const response = await t.get(`/api/v1/search?${query}`);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    checkPage(response.body, 'search');
    return response.body.items as { service: { id: string }; score_recherche: number | null; distance: number | null }[];
  };

  it('matches accent- and case-insensitively, stems plurals, and ranks names above labels above descriptions', async () => {
    const items = await search('q=LOGEMENTS');
    assert.deepEqual(items.map((i) => i.service.id), ['dora--name', 'dora--label', 'dora--description']);
    for (const item of items) assert.ok(item.score_recherche! > 0 && item.score_recherche! < 1);
    const accents = await search(`q=${encodeURIComponent('hebergement')}`);
    assert.ok(accents.some((i) => i.service.id === 'dora--description'));
  });

  it('needs every word (AND), finds structure names and réseau labels, and q="" matches nothing', async () => {
    assert.deepEqual((await search('q=logement%20jeunes')).map((i) => i.service.id), ['dora--name']);
    assert.deepEqual((await search('q=mairie')).map((i) => i.service.id), ['dora--other']);
    assert.deepEqual((await search(`q=${encodeURIComponent("centres communaux d'action sociale")}`)).map((i) => i.service.id), ['dora--other']);
    assert.deepEqual(await search('q='), []);
    assert.equal((await search('')).length, 4);
  });

  it('filters by lat/lon within distance and fills distance', async () => {
    const nantes = geo.commune('44109')!.centre;
    const items = await search(`q=logement&lat=${nantes.lat}&lon=${nantes.lon}&distance=10`);
    assert.deepEqual(items.map((i) => i.service.id).sort(), ['dora--label', 'dora--name']);
    assert.ok(items.every((i) => i.distance === 0));
  });

  it('code_commune is an exact match on the service code_insee; geography filters apply', async () => {
    assert.deepEqual((await search('code_commune=08105')).map((i) => i.service.id), ['dora--description']);
    assert.deepEqual((await search('code_departement=08')).map((i) => i.service.id), ['dora--description']);
  });

  it('lat without lon answers 422', async () => {
    const response = await t.get('/api/v1/search?q=x&lon=2');
    assert.equal(response.status, 422);
    assert.deepEqual(response.body, { detail: 'The `lat` and `lon` must be simultaneously filled.' });
  });
});

describe('text is data', () => {
  const hostile = 'Aide à l’emploi 😀 </script><img src=x onerror=alert(1)> "quoted" \\ \u2028 fin';
  for (const format of ['json', 'json-lines'] as const) {
    it(`returns API text unchanged, whatever its characters (${format} file)`, async () => {
      const t = await startServer(
        { structures: [structure('dora--s1', { nom: hostile })], services: [service('dora--a', { nom: hostile, description: hostile })] },
        {},
        format,
      );
      try {
        const detail = await t.get('/api/v1/services/dora--a');
        assert.equal(detail.body.nom, hostile);
        assert.equal(detail.body.structure.nom, hostile);
        const search = await t.get('/api/v1/search/services?code_commune=44109');
        assert.equal(search.body.items[0].service.description, hostile);
        assert.match(detail.headers.get('content-type') ?? '', /^application\/json/);
      } finally {
        await t.stop();
      }
    });
  }
});
