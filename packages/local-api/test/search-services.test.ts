/**
 * /api/v1/search/services semantics (reference §2), one rule per test, over small hand-built
 * datasets around real communes, through real HTTP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadGeography } from '../src/index.js';
import { checkError, checkPage } from './contract.js';
import { service, startServer, structure, type TestServer } from './helpers.js';

const geo = loadGeography();
/** A service location at the centre of a real commune. */
function at(code: string) {
  const c = geo.commune(code)!;
  return { code_insee: c.code, commune: c.nom, code_postal: c.codesPostaux[0] ?? null, latitude: c.centre.lat, longitude: c.centre.lon };
}
const REMOTE_ONLY = { modes_accueil: ['a-distance'], latitude: null, longitude: null, code_insee: null, adresse: null };

interface Item {
  service: { id: string };
  distance: number | null;
}
async function search(t: TestServer, query: string): Promise<{ ids: string[]; items: Item[]; body: any }> {
  const response = await t.get(`/api/v1/search/services?${query}`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  checkPage(response.body, 'searchServices');
  const items = response.body.items as Item[];
  return { ids: items.map((i) => i.service.id), items, body: response.body };
}

describe('/search/services: eligibility (zone_eligibilite)', () => {
  let t: TestServer;
  before(async () => {
    t = await startServer({
      structures: [structure('dora--s1')],
      services: [
        service('dora--null-zone', { ...at('44109'), zone_eligibilite: null }),
        service('dora--commune', { ...at('44143'), zone_eligibilite: ['44109'] }),
        service('dora--other-commune', { ...at('44143'), zone_eligibilite: ['44143'] }),
        service('dora--departement', { ...at('44109'), zone_eligibilite: ['44'] }),
        service('dora--other-departement', { ...at('44109'), zone_eligibilite: ['49'] }),
        service('dora--epci', { ...at('44143'), zone_eligibilite: ['244400404'] }),
        service('dora--other-epci', { ...at('44143'), zone_eligibilite: ['244400644'] }),
        service('dora--pays', { ...at('44109'), zone_eligibilite: ['99100'] }),
        service('dora--france', { ...at('44109'), zone_eligibilite: ['france'] }),
        service('dora--region-code', { ...at('44109'), zone_eligibilite: ['52'] }),
        // Charleville-Mézières / Ardenne Métropole
        service('dora--ardenne-epci', { ...at('08409'), zone_eligibilite: ['200041630'] }),
        service('dora--ardennes', { ...at('08409'), zone_eligibilite: ['08'] }),
        // Saint-Denis (La Réunion) / CINOR
        service('dora--cinor', { ...at('97418'), zone_eligibilite: ['249740119'] }),
        service('dora--tco', { ...at('97415'), zone_eligibilite: ['249740101'] }),
        service('dora--reunion', { ...at('97415'), zone_eligibilite: ['974'] }),
        // Paris
        service('dora--paris', { ...at('75111'), zone_eligibilite: ['75056'] }),
        service('dora--paris-11', { ...at('75111'), zone_eligibilite: ['75111'] }),
        service('dora--paris-12', { ...at('75111'), zone_eligibilite: ['75112'] }),
        service('dora--mgp', { ...at('92012'), zone_eligibilite: ['200054781'] }),
      ],
    });
  });
  after(() => t.stop());

  it('keeps null zones and zones naming the commune, its département, its EPCI, 99100 or france (Nantes)', async () => {
    const { ids } = await search(t, 'code_commune=44109');
    assert.deepEqual(ids.sort(), ['dora--commune', 'dora--departement', 'dora--epci', 'dora--france', 'dora--null-zone', 'dora--pays']);
  });

  it('does not read a région code as a région (no région matching upstream)', async () => {
    const { ids } = await search(t, 'code_commune=44109');
    assert.ok(!ids.includes('dora--region-code'));
  });

  it('matches the EPCI and the département of Charleville-Mézières (Ardenne Métropole)', async () => {
    const { ids } = await search(t, 'code_commune=08105');
    assert.deepEqual(ids.sort(), ['dora--ardenne-epci', 'dora--ardennes']);
  });

  it('matches the CINOR for Saint-Denis (974), not another EPCI of the island', async () => {
    const { ids } = await search(t, 'code_commune=97411');
    assert.deepEqual(ids.sort(), ['dora--cinor', 'dora--reunion']);
  });

  it('accepts a municipal arrondissement (75111) and also matches zones naming Paris (75056)', async () => {
    const { ids } = await search(t, 'code_commune=75111');
    assert.deepEqual(ids.sort(), ['dora--mgp', 'dora--paris', 'dora--paris-11']);
  });
});

describe('/search/services: radius, distance and order', () => {
  let t: TestServer;
  before(async () => {
    t = await startServer({
      structures: [structure('dora--s1')],
      services: [
        service('dora--sedan', { ...at('08409') }), // 16.8 km
        service('dora--rethel', { ...at('08362') }), // 38.8 km
        service('dora--givet', { ...at('08190') }), // 41.5 km
        service('dora--reims', { ...at('51454') }), // 76.2 km: out of range
        service('dora--a-charleville', { ...at('08105') }), // 0 km
        service('dora--b-charleville', { ...at('08105') }), // 0 km, after a- by id
        service('dora--remote-far', { ...at('13055'), modes_accueil: ['a-distance'] }),
        service('dora--remote-nowhere', REMOTE_ONLY),
        service('dora--no-coordinates', { ...at('08105'), latitude: null, longitude: null }),
        service('dora--hybrid-far', { ...at('51454'), modes_accueil: ['en-presentiel', 'a-distance'] }),
        service('dora--hybrid-near', { ...at('08409'), modes_accueil: ['a-distance', 'en-presentiel'] }),
        service('dora--unknown-mode-near', { ...at('08409'), modes_accueil: null }),
        service('dora--unknown-mode-far', { ...at('51454'), modes_accueil: null }),
      ],
    });
  });
  after(() => t.stop());

  it('keeps services within 50 km and drops in-person ones beyond', async () => {
    const { ids } = await search(t, 'code_commune=08105');
    for (const id of ['dora--sedan', 'dora--rethel', 'dora--givet']) assert.ok(ids.includes(id), id);
    assert.ok(!ids.includes('dora--reims'));
  });

  it('always keeps remote services, wherever they are, with a null distance', async () => {
    const { items } = await search(t, 'code_commune=08105');
    const remote = items.filter((i) => ['dora--remote-far', 'dora--remote-nowhere', 'dora--hybrid-far'].includes(i.service.id));
    assert.equal(remote.length, 3);
    for (const item of remote) assert.equal(item.distance, null);
  });

  it('keeps a service without coordinates only when it is remote', async () => {
    const { ids } = await search(t, 'code_commune=08105');
    assert.ok(!ids.includes('dora--no-coordinates'));
    assert.ok(ids.includes('dora--remote-nowhere'));
  });

  it('fills distance (integer km, rounded) only for in-person services within 50 km', async () => {
    const { items } = await search(t, 'code_commune=08105');
    const distance = (id: string) => items.find((i) => i.service.id === id)?.distance;
    assert.equal(distance('dora--sedan'), 17); // 16.82 km
    assert.equal(distance('dora--rethel'), 39); // 38.78 km
    assert.equal(distance('dora--givet'), 42); // 41.54 km
    assert.equal(distance('dora--a-charleville'), 0);
    assert.equal(distance('dora--hybrid-near'), 17);
    assert.equal(distance('dora--unknown-mode-near'), null, 'unknown mode within range: kept, no distance');
    assert.ok(!items.some((i) => i.service.id === 'dora--unknown-mode-far'));
  });

  it('orders by distance ascending, nulls last, then by id', async () => {
    const { ids } = await search(t, 'code_commune=08105');
    assert.deepEqual(ids, [
      'dora--a-charleville',
      'dora--b-charleville',
      'dora--hybrid-near',
      'dora--sedan',
      'dora--rethel',
      'dora--givet',
      'dora--hybrid-far',
      'dora--remote-far',
      'dora--remote-nowhere',
      'dora--unknown-mode-near',
    ]);
  });

  it('uses lat/lon as the origin with a commune (eligibility still from the commune)', async () => {
    const reims = geo.commune('51454')!.centre;
    const { items } = await search(t, `code_commune=08105&lat=${reims.lat}&lon=${reims.lon}`);
    const reimsItem = items.find((i) => i.service.id === 'dora--reims');
    assert.equal(reimsItem?.distance, 0);
    assert.ok(!items.some((i) => i.service.id === 'dora--givet'), 'Givet is ~100 km from Reims');
  });

  it('ignores lat/lon without a commune: no geographic filter, no distance, ordered by id', async () => {
    const { items, ids } = await search(t, 'lat=43.3&lon=5.4');
    assert.equal(items.length, 13);
    assert.ok(items.every((i) => i.distance === null));
    assert.deepEqual(ids, [...ids].sort());
  });

  it('answers 422 with a string detail for an unknown commune', async () => {
    const response = await t.get('/api/v1/search/services?code_commune=99999');
    assert.equal(response.status, 422);
    assert.deepEqual(response.body, { detail: 'This `code_commune` does not exist.' });
  });

  it('answers 422 when lat comes without lon (and the reverse)', async () => {
    for (const query of ['code_commune=08105&lat=49.7', 'lon=4.7']) {
      const response = await t.get(`/api/v1/search/services?${query}`);
      assert.equal(response.status, 422);
      assert.deepEqual(response.body, { detail: 'The `lat` and `lon` must be simultaneously filled.' });
    }
  });

  it('answers 422 in FastAPI list shape for a malformed code_commune', async () => {
    for (const [code, type] of [['0810', 'string_too_short'], ['081055', 'string_too_long'], ['08-05', 'string_pattern_mismatch']]) {
      const response = await t.get(`/api/v1/search/services?code_commune=${code}`);
      assert.equal(response.status, 422);
      checkError(response.body);
      assert.equal(response.body.detail[0].type, type);
      assert.deepEqual(response.body.detail[0].loc, ['query', 'code_commune']);
      assert.equal(response.body.detail[0].input, code);
    }
  });

  it('resolves a delegated commune to its parent', async () => {
    // 08447 (Mohon) is a former commune merged into Charleville-Mézières.
    const parent = geo.commune('08447');
    if (parent?.code !== '08105') return; // not delegated in this COG: nothing to check
    const { ids } = await search(t, 'code_commune=08447');
    assert.ok(ids.includes('dora--sedan'));
  });
});

describe('/search/services: filters', () => {
  let t: TestServer;
  const nantes = at('44109');
  before(async () => {
    t = await startServer({
      structures: [structure('dora--s1'), structure('france-travail--s2', { source: 'france-travail' })],
      services: [
        service('dora--tous', { ...nantes, thematiques: null, publics: ['tous-publics'] }),
        service('dora--jeunes', { ...nantes, thematiques: null, publics: ['jeunes'], publics_precisions: 'Jeunes de 16 à 25 ans sortis du système scolaire' }),
        service('dora--femmes', { ...nantes, thematiques: null, publics: ['femmes'], publics_precisions: 'Femmes victimes de violences, hébergement d’urgence' }),
        service('dora--no-publics', { ...nantes, thematiques: null, publics: null }),
        service('dora--empty-publics', { ...nantes, thematiques: null, publics: [] }),
        service('dora--garde', { ...nantes, thematiques: ['famille--garde-denfants'], publics: null }),
        service('dora--permis', { ...nantes, thematiques: ['mobilite--preparer-un-permis'], publics: null }),
        service('dora--logement', { ...nantes, thematiques: ['logement-hebergement--se-maintenir-dans-le-logement'], publics: null }),
        service('dora--payant', { ...nantes, frais: 'payant', publics: null, thematiques: null }),
        service('dora--frais-null', { ...nantes, frais: null, publics: null, thematiques: null }),
        service('dora--atelier', { ...nantes, type: 'atelier', publics: null, thematiques: null, modes_accueil: ['en-presentiel', 'a-distance'] }),
        service('dora--mode-null', { ...nantes, modes_accueil: null, publics: null, thematiques: null, type: null }),
        service('france-travail--ft', { ...nantes, structure_id: 'france-travail--s2', score_qualite: 0.95, publics: null, thematiques: null }),
      ],
    });
  });
  after(() => t.stop());

  const ids = async (query: string) => (await search(t, `code_commune=44109&${query}`)).ids.sort();

  it('publics: tous-publics services always match; null or empty publics are excluded', async () => {
    assert.deepEqual(await ids('publics=jeunes'), ['dora--jeunes', 'dora--tous']);
    assert.deepEqual(await ids('publics=jeunes&publics=femmes'), ['dora--femmes', 'dora--jeunes', 'dora--tous']);
  });

  it('publics: asking for tous-publics disables the filter', async () => {
    const all = await ids('');
    assert.deepEqual(await ids('publics=tous-publics'), all);
    assert.deepEqual(await ids('publics=tous-publics&publics=jeunes'), all);
  });

  it('thematiques: a category expands to its sub-thématiques', async () => {
    assert.deepEqual(await ids('thematiques=famille'), ['dora--garde']);
  });

  it('thematiques: several categories, and a category mixed with a sub-thématique', async () => {
    assert.deepEqual(await ids('thematiques=famille&thematiques=mobilite'), ['dora--garde', 'dora--permis']);
    assert.deepEqual(
      await ids('thematiques=famille&thematiques=logement-hebergement--se-maintenir-dans-le-logement'),
      ['dora--garde', 'dora--logement'],
    );
  });

  it('frais: one value among the requested ones (null excluded)', async () => {
    assert.deepEqual(await ids('frais=payant'), ['dora--payant']);
    assert.ok(!(await ids('frais=gratuit&frais=payant')).includes('dora--frais-null'));
  });

  it('modes_accueil: overlap, null excluded', async () => {
    assert.deepEqual(await ids('modes_accueil=a-distance'), ['dora--atelier']);
    assert.ok(!(await ids('modes_accueil=en-presentiel')).includes('dora--mode-null'));
  });

  it('types, sources and score_qualite_minimum', async () => {
    assert.deepEqual(await ids('types=atelier'), ['dora--atelier']);
    assert.deepEqual(await ids('sources=france-travail'), ['france-travail--ft']);
    assert.deepEqual(await ids('score_qualite_minimum=0.9'), ['france-travail--ft']);
    assert.deepEqual(await ids('sources=unknown-source'), []);
  });

  it('recherche_public: words over publics values and precisions, accent- and case-insensitive', async () => {
    assert.deepEqual(await ids('recherche_public=HEBERGEMENT'), ['dora--femmes']);
    assert.deepEqual(await ids(`recherche_public=${encodeURIComponent('jeunes sortis scolaire')}`), ['dora--jeunes']);
    assert.deepEqual(await ids('recherche_public=femmes'), ['dora--femmes']);
    assert.deepEqual(await ids('recherche_public=astronautes'), []);
  });

  it('rejects unknown vocabulary values with FastAPI 422 items located at the index', async () => {
    const response = await t.get('/api/v1/search/services?frais=gratuit&frais=cher&thematiques=famille&publics=martiens');
    assert.equal(response.status, 422);
    checkError(response.body);
    const locs = response.body.detail.map((d: { loc: unknown[] }) => d.loc);
    assert.deepEqual(locs, [['query', 'frais', 1], ['query', 'publics', 0]]);
    assert.equal(response.body.detail[0].type, 'enum');
    assert.equal(response.body.detail[0].msg, "Input should be 'gratuit' or 'payant'");
  });
});

describe('/search/services: exclure_doublons and pagination', () => {
  let t: TestServer;
  const nantes = at('44109');
  before(async () => {
    const structures = [
      // Cluster c1: best is s-best (0.9) but it has no matching service for "mobilite".
      structure('dora--s-best', { _cluster_id: 'c1', score_qualite: 0.9 }),
      structure('emplois--s-mid', { _cluster_id: 'c1', score_qualite: 0.7, date_maj: '2026-01-01' }),
      structure('mes-aides--s-mid-newer', { _cluster_id: 'c1', score_qualite: 0.7, date_maj: '2026-06-01' }),
      structure('mes-aides--s-low', { _cluster_id: 'c1', score_qualite: 0.2 }),
      // Cluster from doublons links (no _cluster_id): tie on score and date keeps both.
      structure('dora--t1', { doublons: [{ source: 'cd35', id: 'cd35--t2' }], score_qualite: 0.6 }),
      structure('cd35--t2', { score_qualite: 0.6 }),
      structure('dora--alone'),
    ];
    const services = [
      service('dora--best-famille', { ...nantes, structure_id: 'dora--s-best' }),
      service('emplois--mid-mobilite', { ...nantes, structure_id: 'emplois--s-mid', thematiques: ['mobilite--preparer-un-permis'] }),
      service('mes-aides--mid-newer-mobilite', { ...nantes, structure_id: 'mes-aides--s-mid-newer', thematiques: ['mobilite--preparer-un-permis'] }),
      service('mes-aides--low-mobilite', { ...nantes, structure_id: 'mes-aides--s-low', thematiques: ['mobilite--preparer-un-permis'] }),
      service('dora--t1-a', { ...nantes, structure_id: 'dora--t1' }),
      service('cd35--t2-a', { ...nantes, structure_id: 'cd35--t2' }),
      ...Array.from({ length: 7 }, (_, i) => service(`dora--page-${i}`, { ...nantes, structure_id: 'dora--alone', latitude: nantes.latitude + i * 0.05 })),
    ];
    t = await startServer({ structures, services });
  });
  after(() => t.stop());

  it('keeps, per cluster, the services of the best structure among those with matching services', async () => {
    const { ids } = await search(t, 'code_commune=44109&exclure_doublons=true&thematiques=mobilite');
    assert.deepEqual(ids, ['mes-aides--mid-newer-mobilite']);
  });

  it('ranks by score first: the best structure wins when it has matching services', async () => {
    const { ids } = await search(t, 'code_commune=44109&exclure_doublons=true&thematiques=famille');
    assert.ok(ids.includes('dora--best-famille'));
    assert.ok(!ids.includes('emplois--mid-mobilite'));
  });

  it('clusters through doublons links and keeps ties', async () => {
    const { ids } = await search(t, 'code_commune=44109&exclure_doublons=true');
    assert.ok(ids.includes('dora--t1-a') && ids.includes('cd35--t2-a'));
    assert.ok(!ids.includes('mes-aides--low-mobilite'));
  });

  it('without exclure_doublons, duplicates are all there', async () => {
    const { ids } = await search(t, 'code_commune=44109&thematiques=mobilite');
    assert.equal(ids.length, 3);
  });

  it('pages: size is the number returned, pages = ceil(total / requested size), past the end is empty', async () => {
    const first = await search(t, 'code_commune=44109&size=5');
    assert.equal(first.body.total, 13);
    assert.equal(first.body.size, 5);
    assert.equal(first.body.pages, 3);
    const last = await search(t, 'code_commune=44109&size=5&page=3');
    assert.equal(last.body.size, 3);
    assert.equal(last.body.page, 3);
    const past = await search(t, 'code_commune=44109&size=5&page=9');
    assert.deepEqual([past.body.items, past.body.size, past.body.total, past.body.pages], [[], 0, 13, 3]);
    // Far past the end, with the largest page: still an empty page (nothing sized by the page asked).
    const far = await search(t, 'code_commune=44109&size=10000&page=1000000000');
    assert.deepEqual([far.body.items, far.body.total, far.body.pages], [[], 13, 1]);
    const all = await search(t, 'code_commune=44109&size=13');
    assert.deepEqual([...first.ids, ...(await search(t, 'code_commune=44109&size=5&page=2')).ids, ...last.ids], all.ids);
  });

  it('defaults to size 5000 and rejects size > 10000 or < 1', async () => {
    const page = await search(t, '');
    assert.equal(page.body.pages, 1);
    assert.equal(page.body.size, 13);
    for (const [size, type] of [['10001', 'less_than_equal'], ['0', 'greater_than_equal'], ['ten', 'int_parsing']]) {
      const response = await t.get(`/api/v1/search/services?size=${size}`);
      assert.equal(response.status, 422);
      checkError(response.body);
      assert.equal(response.body.detail[0].type, type);
    }
  });
});
