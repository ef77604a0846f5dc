/**
 * /api/v1/search/services at the scale of the demo dataset: the indexes (packed grids per thématique and
 * category, remote lists by zone, national lists) must answer exactly like a plain scan of the rules of
 * reference §2, for random queries. The scan below is that model; it shares only the distance formula.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CATEGORIES, expandThematiques, FRAIS, MODES_ACCUEIL, PUBLICS, THEMATIQUES, TYPES_SERVICES, type Service } from '@dora/sdk';
import { DistanceFrom } from '../src/geo/distance.js';
import { DEMO_DATA_DIR, loadGeography } from '../src/index.js';
import { service, startServer, type TestServer } from './helpers.js';

const geo = loadGeography();
const demo = (kind: string) => JSON.parse(readFileSync(join(DEMO_DATA_DIR, `${kind}.json`), 'utf8')) as Record<string, unknown>[];

/** Remote services whose zones put them in several lists at once, next to the demo's own. */
function remoteEdgeCases(structureId: string): Record<string, unknown>[] {
  const nantes = geo.commune('44109')!.centre;
  const base = { structure_id: structureId, source: 'demo' };
  return [
    service('demo--remote-three-zones', { ...base, modes_accueil: ['a-distance'], zone_eligibilite: ['44', '244400404', '44109'], thematiques: ['mobilite--acceder-a-un-vehicule', 'numerique--acquerir-un-equipement'] }),
    service('demo--remote-france-and-44', { ...base, modes_accueil: ['a-distance'], zone_eligibilite: ['france', '44'], thematiques: ['mobilite--acceder-a-un-vehicule'] }),
    service('demo--remote-99100', { ...base, modes_accueil: ['a-distance'], zone_eligibilite: ['99100'], thematiques: ['logement-hebergement--louer-un-logement'] }),
    service('demo--remote-unrestricted-located', { ...base, modes_accueil: ['a-distance', 'en-presentiel'], zone_eligibilite: null, latitude: nantes.lat + 0.05, longitude: nantes.lon, thematiques: ['mobilite--acceder-a-un-vehicule', 'sante--acces-aux-soins'] }),
    service('demo--remote-far-in-person', { ...base, modes_accueil: ['a-distance', 'en-presentiel'], zone_eligibilite: ['44'], latitude: 48.85, longitude: 2.35, thematiques: ['numerique--acquerir-un-equipement'] }),
  ];
}

interface Query {
  code: string;
  thematiques?: string[];
  frais?: string[];
  publics?: string[];
  modes_accueil?: string[];
  types?: string[];
  score_qualite_minimum?: number;
  lat?: number;
  lon?: number;
  page: number;
  size: number;
}

/** The rules, applied to every service in turn. */
function model(services: Service[], q: Query): { total: number; items: { id: string; distance: number | null }[] } {
  const commune = geo.commune(q.code)!;
  const codes = new Set([q.code, commune.code, commune.parent, commune.departement, commune.epci, '99100', 'france'].filter(Boolean));
  const origin = q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : commune.centre;
  const from = new DistanceFrom(origin.lat, origin.lon);
  const thematiques = q.thematiques ? new Set(expandThematiques(q.thematiques)) : null;
  const overlaps = (values: readonly string[] | null, wanted: readonly string[]) => (values ?? []).some((v) => wanted.includes(v));
  const matches: { id: string; distance: number | null }[] = [];
  for (const s of services) {
    if (thematiques && !(s.thematiques ?? []).some((t) => thematiques.has(t))) continue;
    if (q.frais && !(s.frais !== null && q.frais.includes(s.frais))) continue;
    if (q.publics && !q.publics.includes('tous-publics') && !overlaps(s.publics, [...q.publics, 'tous-publics'])) continue;
    if (q.modes_accueil && !overlaps(s.modes_accueil, q.modes_accueil)) continue;
    if (q.types && !(s.type !== null && q.types.includes(s.type))) continue;
    if (q.score_qualite_minimum !== undefined && !(s.score_qualite >= q.score_qualite_minimum)) continue;
    const zones = s.zone_eligibilite ?? [];
    if (zones.length > 0 && !zones.some((z) => codes.has(z))) continue;
    const located = s.latitude !== null && s.longitude !== null;
    const metres = located ? from.metres(s.latitude!, s.longitude!) : Number.POSITIVE_INFINITY;
    const inRange = metres <= 50_000;
    const remote = (s.modes_accueil ?? []).includes('a-distance');
    if (!remote && !inRange) continue;
    const inPerson = (s.modes_accueil ?? []).includes('en-presentiel');
    matches.push({ id: s.id, distance: inPerson && inRange ? Math.round(metres / 1000) : null });
  }
  matches.sort((a, b) => (a.distance ?? 51) - (b.distance ?? 51) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = (q.page - 1) * q.size;
  return { total: matches.length, items: matches.slice(start, start + q.size) };
}

describe('/search/services: the indexes answer like a plain scan of the rules', () => {
  let t: TestServer;
  let services: Service[];
  before(async () => {
    const structures = demo('structures');
    const data = { structures, services: [...demo('services'), ...remoteEdgeCases(structures[0]!['id'] as string)] };
    t = await startServer(data);
    // Every record is complete and valid: the API serves them as they are.
    services = data.services as unknown as Service[];
    assert.equal((await t.get('/health')).body.services, services.length);
  });
  after(() => t.stop());

  it('for 300 random queries over the demo dataset (thématiques, categories, filters, pages, lat/lon)', async () => {
    let seed = 20261122;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const some = <T>(values: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(values)))];
    const communes = ['44109', '44143', '44184', '08105', '08409', '97411', '97415', '97418', '44003', '08362'];
    const thematiqueValues = [...CATEGORIES.map((c) => c.value), ...THEMATIQUES.map((th) => th.value)];
    const kinds = new Set<string>();
    for (let n = 0; n < 300; n++) {
      const q: Query = { code: pick(communes), page: 1 + Math.floor(random() * 2), size: pick([1, 5, 10, 30]) };
      if (random() < 0.85) q.thematiques = some(thematiqueValues, random() < 0.6 ? 1 : 3);
      if (random() < 0.15) q.frais = some(FRAIS.map((v) => v.value), 2);
      if (random() < 0.15) q.publics = some(PUBLICS.map((v) => v.value), 2);
      if (random() < 0.15) q.modes_accueil = some(MODES_ACCUEIL.map((v) => v.value), 1);
      if (random() < 0.1) q.types = some(TYPES_SERVICES.map((v) => v.value), 2);
      if (random() < 0.1) q.score_qualite_minimum = Math.round(random() * 100) / 100;
      if (random() < 0.15) {
        const centre = geo.commune(q.code)!.centre;
        q.lat = Math.round((centre.lat + (random() - 0.5) * 0.3) * 1e5) / 1e5;
        q.lon = Math.round((centre.lon + (random() - 0.5) * 0.3) * 1e5) / 1e5;
      }
      const params = new URLSearchParams({ code_commune: q.code, page: String(q.page), size: String(q.size) });
      for (const key of ['thematiques', 'frais', 'publics', 'modes_accueil', 'types'] as const) for (const v of q[key] ?? []) params.append(key, v);
      if (q.score_qualite_minimum !== undefined) params.set('score_qualite_minimum', String(q.score_qualite_minimum));
      if (q.lat !== undefined) params.set('lat', String(q.lat));
      if (q.lon !== undefined) params.set('lon', String(q.lon));
      const response = await t.get(`/api/v1/search/services?${params}`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const expected = model(services, q);
      const actual = {
        total: response.body.total as number,
        items: (response.body.items as { service: { id: string }; distance: number | null }[]).map((i) => ({ id: i.service.id, distance: i.distance })),
      };
      assert.deepEqual(actual, expected, params.toString());
      if (expected.total > 0) kinds.add(q.thematiques === undefined ? 'all' : q.thematiques.length > 1 ? 'several' : 'one');
    }
    assert.deepEqual([...kinds].sort(), ['all', 'one', 'several'], 'the queries reached each kind of index');
  });
});
