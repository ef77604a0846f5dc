/**
 * Fuzz: 5,000 random or malformed query strings across every endpoint. Never a 5xx; every 4xx in the
 * API's error shape (geo.api's shape on the commune routes); every 200 validates.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { CATEGORIES, FRAIS, PUBLICS, THEMATIQUES } from '@dora/sdk';
import { Random } from '../src/dataset/synthetic/random.js';
import { checkError, checkPage } from './contract.js';
import { service, startServer, structure, type TestServer } from './helpers.js';

const RUNS = 5_000;

const ENDPOINTS = [
  '/api/v1/services',
  '/api/v1/structures',
  '/api/v1/search/services',
  '/api/v1/search',
  '/api/v1/sources',
  '/api/v1/doc/publics',
  '/api/v1/services/',
  '/api/v1/structures/',
  '/communes',
  '/communes/',
  '/epcis/',
  '/departements/',
  '/health',
  '/api/openapi.json',
] as const;
const PARAMS = [
  'page', 'size', 'sources', 'thematiques', 'frais', 'publics', 'modes_accueil', 'types', 'score_qualite_minimum',
  'recherche_public', 'code_commune', 'lat', 'lon', 'exclure_doublons', 'code_region', 'slug_region', 'code_departement',
  'slug_departement', 'reseaux_porteurs', 'q', 'distance', 'nom', 'codePostal', 'fields', 'limit', 'boost', 'type',
  'token', 'unknown', '', 'page[]', 'size%00',
];
const VALUES = [
  '', '1', '0', '-1', '10000', '10001', '1e3', '1e309', 'NaN', 'Infinity', '-0', '0x10', '9'.repeat(40), '1.5', ' 2 ',
  'true', 'false', 'yes', 'maybe', '44109', '75111', '97411', '08105', '99999', '2A004', '4410', '441099', 'ééééé',
  '%E0%A4%A', '%', '%25', '%2F', '%00', '%FF%FE', 'a%20b', '<script>alert(1)</script>', "'; DROP TABLE services;--",
  '../../etc/passwd', 'saint', 'Nantes', 'st%20den', 'nom,code,centre', 'population', 'commune-actuelle',
  'arrondissement-municipal', '47.2', '-1.55', '91', '-181', 'gratuit', 'payant', 'famille', 'numerique', 'tous-publics',
  'jeunes', 'dora', 'ile-de-france', 'nord', '52', '44', 'a-distance', 'atelier', '\u{1F600}'.repeat(5), 'x'.repeat(3000),
  ...THEMATIQUES.slice(0, 5).map((t) => t.value), ...CATEGORIES.slice(0, 3).map((c) => c.value),
  ...FRAIS.map((f) => f.value), ...PUBLICS.slice(0, 4).map((p) => p.value),
];
const IDS = ['dora--a', 'dora--a%2Fb', 'dora--a/b', 'nope', '%2F%2F', '..%2F..', 'dora--a%3Ab', '%E0%A4%A', '44109', '244400404', '08', '2A', 'x'.repeat(500)];

const encodeLoosely = (value: string, random: Random) =>
  random.chance(0.3) ? value : encodeURIComponent(value).replace(/%25/g, random.chance(0.5) ? '%' : '%25');

function randomPath(random: Random): string {
  let path: string = random.pick(ENDPOINTS);
  if (path.endsWith('/')) path += random.pick(IDS);
  const pairs: string[] = [];
  const count = random.int(0, 5);
  for (let k = 0; k < count; k++) {
    const roll = random.next();
    if (roll < 0.05) pairs.push(random.pick(['&&', '=', '==', '&=&', '?', '%26', '#frag']));
    else if (roll < 0.1) pairs.push(encodeLoosely(random.pick(PARAMS), random));
    else pairs.push(`${random.pick(PARAMS)}=${encodeLoosely(random.pick(VALUES), random)}`);
  }
  // The unfiltered commune list is 5 MB: fetched once in communes.test.ts, not thousands of times here.
  if (path === '/communes') pairs.push(`nom=${encodeLoosely(random.pick(VALUES), random)}`, 'limit=20');
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

function get(base: URL, path: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: after a protocol error the server closes the socket.
    const req = request({ host: base.hostname, port: base.port, path, method: 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), type: String(res.headers['content-type']) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fuzz', () => {
  let t: TestServer;
  before(async () => {
    t = await startServer({
      structures: [structure('dora--s1'), structure('dora--s2', { _cluster_id: 'k' }), structure('mes-aides--s3', { _cluster_id: 'k' })],
      services: [
        service('dora--a'),
        service('dora--a/b', { modes_accueil: ['a-distance'], zone_eligibilite: ['44'] }),
        service('dora--a:b', { structure_id: 'dora--s2', latitude: null, longitude: null }),
        service('mes-aides--c', { structure_id: 'mes-aides--s3', publics: ['jeunes'], frais: 'payant', latitude: 48.8, longitude: 2.3 }),
      ],
    });
  });
  after(() => t.stop());

  it(`survives ${RUNS} random and malformed requests with well-formed answers`, async () => {
    // Seeded, so that a failure can be replayed.
    const random = new Random(20261122);
    const base = new URL(t.url);
    const statuses = new Map<number, number>();
    const paths = Array.from({ length: RUNS }, () => randomPath(random));
    const CONCURRENCY = 8;
    let next = 0;
    const failures: string[] = [];
    const worker = async () => {
      while (next < paths.length) {
        const path = paths[next++]!;
        let response;
        try {
          response = await get(base, path);
        } catch (error) {
          // Node refuses to send some paths (unescaped characters): not a server answer.
          if ((error as { code?: string }).code === 'ERR_UNESCAPED_CHARACTERS') continue;
          throw new Error(`${path}: ${(error as Error).message}`);
        }
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        try {
          assert.ok(response.status < 500, `5xx`);
          if (response.status === 307) continue;
          assert.match(response.type, /application\/json/);
          const body = JSON.parse(response.body) as unknown;
          const route = path.split('?')[0]!;
          const geoRoute = /^\/(communes|epcis|departements)/.test(route);
          if (response.status >= 400) {
            if (geoRoute && (body as { code?: number }).code !== undefined) {
              assert.equal((body as { code: number }).code, response.status);
              assert.equal(typeof (body as { message: unknown }).message, 'string');
            } else checkError(body);
          } else if (route === '/api/v1/services') checkPage(body, 'services');
          else if (route === '/api/v1/structures') checkPage(body, 'structures');
          else if (route === '/api/v1/search/services') checkPage(body, 'searchServices');
          else if (route === '/api/v1/search') checkPage(body, 'search');
        } catch (error) {
          if (failures.length < 10) failures.push(`${path} → ${response.status} ${response.body.slice(0, 300)}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    assert.deepEqual(failures, []);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    assert.ok(total > RUNS * 0.95, `only ${total} requests were sent`);
    // The mix must exercise both successes and validation errors.
    assert.ok((statuses.get(200) ?? 0) > 500 && (statuses.get(422) ?? 0) > 500, JSON.stringify([...statuses]));
  });
});
