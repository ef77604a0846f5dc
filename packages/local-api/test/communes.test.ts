/**
 * The geo.api.gouv.fr-compatible commune API and the geography behind it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { geodesicDistance, loadGeography } from '../src/index.js';
import { DistanceFrom } from '../src/geo/distance.js';
import { service, startServer, structure, type TestServer } from './helpers.js';

describe('geography', () => {
  const geo = loadGeography();

  it('has every current commune (DROM included) and arrondissement, each with a centre', () => {
    assert.ok(geo.communes.length > 34_900);
    assert.ok(geo.communes.every((c) => Number.isFinite(c.centre.lat) && Number.isFinite(c.centre.lon)));
    assert.equal(geo.commune('97411')?.epci, '249740119');
    assert.equal(geo.commune('97608')?.departement, '976');
  });

  it('resolves arrondissements to themselves with a parent, delegated communes to their parent', () => {
    assert.deepEqual([geo.commune('75111')?.type, geo.commune('75111')?.parent, geo.commune('75111')?.epci], [
      'arrondissement-municipal',
      '75056',
      '200054781',
    ]);
    // 01120 Cordieux is associated with Montluel (01262).
    assert.equal(geo.commune('01120')?.code, '01262');
    assert.equal(geo.commune('99999'), undefined);
  });

  it('gives the 8 communes missing from the BAN file a centre from the documented fallbacks', () => {
    for (const code of ['12218', '14581', '15031', '15035', '15047', '15171', '49126', '69114']) {
      const c = geo.commune(code);
      assert.ok(c && c.type === 'commune-actuelle', code);
    }
    // Celles (15031) takes the centre of its former parent, Neussargues en Pinatelle (15141 area).
    assert.ok(Math.abs(geo.commune('15031')!.centre.lat - 45.2) < 0.2);
  });

  it('knows EPCI, départements and régions', () => {
    assert.equal(geo.epci('244400404')?.nom, 'Nantes Métropole');
    assert.ok(geo.epci('200041630')?.membres.includes('08105'));
    assert.equal(geo.departement('2B')?.region, '94');
    assert.equal(geo.region('04')?.nom, 'La Réunion');
  });
});

describe('distances', () => {
  it('are geodesic on WGS84 (Lambert), and the fast local form agrees within a metre up to 60 km', () => {
    // Paris (Notre-Dame) → Lyon (Bellecour): 391.5 km on the ellipsoid (Vincenty/Karney), 392.2 km on a sphere.
    const parisLyon = geodesicDistance(48.853, 2.3499, 45.7578, 4.832);
    assert.ok(Math.abs(parisLyon - 391_500) < 1_000, String(parisLyon));
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 2000; k++) {
      const lat = -22 + random() * 73;
      const lon = -5 + random() * 61;
      const lat2 = lat + (random() - 0.5);
      const lon2 = lon + (random() - 0.5) * 1.5;
      const exact = geodesicDistance(lat, lon, lat2, lon2);
      if (exact > 60_000) continue;
      assert.ok(Math.abs(new DistanceFrom(lat, lon).metres(lat2, lon2) - exact) < 1, `${lat},${lon} → ${lat2},${lon2}`);
    }
  });
});

describe('/communes API', () => {
  let t: TestServer;
  before(async () => (t = await startServer({ structures: [structure('dora--s1')], services: [service('dora--a')] }, { tokens: ['t'] })));
  after(() => t.stop());

  const get = async (path: string) => {
    const response = await t.get(path);
    assert.equal(response.status, 200, `${path}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  it('finds communes by name prefix, accent- and case-insensitively, boosted by population', async () => {
    const results = await get('/communes?nom=saint%20den&boost=population&limit=5&type=commune-actuelle');
    // The two large Saint-Denis (La Réunion, Seine-Saint-Denis) come first, by population.
    assert.deepEqual(results.slice(0, 2).map((c: { code: string }) => c.code), ['97411', '93066']);
    assert.equal(results.length, 5);
    const accents = await get('/communes?nom=CHARLEVILLE-MEZIERES&limit=1');
    assert.equal(accents[0].code, '08105');
    const abbreviated = await get('/communes?nom=st%20nazaire&boost=population&limit=1');
    assert.equal(abbreviated[0].code, '44184');
  });

  it('uses geo.api.gouv.fr field names and honours fields', async () => {
    const [nantes] = await get('/communes?nom=Nantes&boost=population&limit=1');
    assert.deepEqual(
      Object.keys(nantes).sort(),
      ['_score', 'code', 'codeDepartement', 'codeEpci', 'codeRegion', 'codesPostaux', 'nom', 'population'],
    );
    assert.equal(nantes.codeEpci, '244400404');
    const [centred] = await get('/communes?nom=Nantes&fields=nom,code,centre,departement&limit=1&boost=population');
    assert.deepEqual(centred.centre.type, 'Point');
    assert.equal(centred.centre.coordinates.length, 2);
    assert.ok(centred.centre.coordinates[0] < 0, 'coordinates are [lon, lat]');
    assert.deepEqual(centred.departement, { code: '44', nom: 'Loire-Atlantique' });
    assert.equal(centred.codesPostaux, undefined);
  });

  it('filters by postcode, and by type (arrondissements on request)', async () => {
    const byPostcode = await get('/communes?codePostal=08000');
    assert.ok(byPostcode.some((c: { code: string }) => c.code === '08105'));
    assert.ok(byPostcode.every((c: { codesPostaux: string[] }) => c.codesPostaux.includes('08000')));
    assert.deepEqual(await get('/communes?nom=Paris%2011&limit=1'), []);
    const arrondissement = await get('/communes?nom=Paris%2011&type=arrondissement-municipal&limit=1');
    assert.equal(arrondissement[0].code, '75111');
  });

  it('lat/lon gives the commune with the nearest centre', async () => {
    const [found] = await get('/communes?lat=49.77&lon=4.72');
    assert.equal(found.code, '08105');
    const [reunion] = await get('/communes?lat=-20.9&lon=55.45&fields=code,nom');
    assert.equal(reunion.code, '97411');
  });

  it('serves /communes/{code}, /epcis/{code}, /departements/{code} and 404s in geo.api shape', async () => {
    assert.equal((await get('/communes/44109')).nom, 'Nantes');
    assert.equal((await get('/communes/75111?fields=centre,code')).centre.type, 'Point');
    const epci = await get('/epcis/249740119');
    assert.deepEqual([epci.code, epci.codesDepartements, epci.codesRegions], ['249740119', ['974'], ['04']]);
    assert.deepEqual(await get('/departements/08'), { nom: 'Ardennes', code: '08', codeRegion: '44' });
    for (const path of ['/communes/00000', '/epcis/123', '/departements/00']) {
      const response = await t.get(path);
      assert.equal(response.status, 404);
      assert.equal(response.body.code, 404);
      assert.equal(typeof response.body.message, 'string');
    }
  });

  it('lists every current commune without a filter', async () => {
    const all = await get('/communes');
    assert.ok(all.length > 34_800);
    assert.ok(all.every((c: { code: string; nom: string }) => c.code && c.nom));
  });

  it('answers bad parameters with 400 in geo.api shape', async () => {
    for (const path of ['/communes?limit=dix', '/communes?lat=abc&lon=1', '/communes?lat=1', '/communes?type=village']) {
      const response = await t.get(path);
      assert.equal(response.status, 400, path);
      assert.equal(response.body.code, 400);
    }
  });
});
