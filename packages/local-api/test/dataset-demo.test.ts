/**
 * The committed demo dataset (data/demo), checked as the server and the widget rely on it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  FRAIS,
  MODES_ACCUEIL,
  MODES_MOBILISATION,
  PERSONNES_MOBILISATRICES,
  PUBLICS,
  RESEAUX_PORTEURS,
  THEMATIQUES,
  TYPES_SERVICES,
  serviceSchema,
  structureSchema,
  type Service,
} from '@dora/sdk';
import { FICTION_PHONE_PREFIXES, type DatasetStructure } from '../src/dataset/generate.js';
import { DEMO_NOW, buildDemoDataset, recordsToJson } from '../src/dataset/generate-demo.js';
import type { ReunionServiceRow, ReunionStructureRow } from '../src/dataset/generate-reunion.js';
import { computeScoreQualite, roundScore } from '../src/dataset/score.js';
import { parseAssignations, thematiquesStats, thematiquesStatsModule } from '../src/dataset/generate-thematiques-stats.js';
import { keysOf } from './contract.js';

const demoDir = new URL('../data/demo/', import.meta.url);
const sharedDir = new URL('../../../../shared/', import.meta.url);
const committedServicesText = readFileSync(new URL('services.json', demoDir), 'utf8');
const committedStructuresText = readFileSync(new URL('structures.json', demoDir), 'utf8');
const services = JSON.parse(committedServicesText) as Service[];
const structures = JSON.parse(committedStructuresText) as DatasetStructure[];

const SERVICE_KEYS = keysOf('Service');
const STRUCTURE_KEYS = keysOf('ListedStructure');

const values = (vocabulary: readonly { value: string }[]) => new Set(vocabulary.map((v) => v.value));
const synthetic = services.filter((s) => s.source === 'demo');
const departementOf = (s: Service) => s.id.split('--')[1]?.split('-')[0];

function zoneKind(zone: string[] | null): string {
  if (zone === null) return 'aucune';
  if (zone.includes('france')) return 'france';
  if (zone.every((code) => /^\d{9}$/.test(code))) return 'epci';
  if (zone.every((code) => /^\w{5}$/.test(code))) return 'commune';
  if (zone.every((code) => /^\w{2,3}$/.test(code))) return zone.length > 1 ? 'region' : 'departement';
  return 'mixed';
}

describe('demo dataset: shape', () => {
  it('every service validates against the SDK schema and has every key, null when empty', () => {
    for (const service of services) {
      const result = serviceSchema.safeParse(service);
      assert.ok(result.success, `${service.id}: ${JSON.stringify(result.error?.issues)}`);
      assert.deepEqual(Object.keys(service).sort(), SERVICE_KEYS, service.id);
    }
  });

  it('every structure validates against the SDK schema and has every key (plus _cluster_id when clustered)', () => {
    for (const structure of structures) {
      const result = structureSchema.safeParse(structure);
      assert.ok(result.success, `${structure.id}: ${JSON.stringify(result.error?.issues)}`);
      const keys = Object.keys(structure).filter((k) => k !== '_cluster_id').sort();
      assert.deepEqual(keys, STRUCTURE_KEYS, structure.id);
    }
  });

  it('uses only v1 vocabulary values, as sets, with tous-publics alone', () => {
    const vocabularies: [keyof Service, Set<string>][] = [
      ['thematiques', values(THEMATIQUES)],
      ['publics', values(PUBLICS)],
      ['modes_accueil', values(MODES_ACCUEIL)],
      ['modes_mobilisation', values(MODES_MOBILISATION)],
      ['mobilisable_par', values(PERSONNES_MOBILISATRICES)],
    ];
    for (const service of services) {
      for (const [field, known] of vocabularies) {
        const list = service[field] as string[] | null;
        if (list === null) continue;
        assert.ok(list.length > 0, `${service.id}.${field} is empty instead of null`);
        assert.equal(new Set(list).size, list.length, `${service.id}.${field} has duplicates`);
        for (const value of list) assert.ok(known.has(value), `${service.id}.${field}: ${value}`);
      }
      if (service.frais !== null) assert.ok(values(FRAIS).has(service.frais), service.id);
      if (service.type !== null) assert.ok(values(TYPES_SERVICES).has(service.type), service.id);
      if (service.publics?.includes('tous-publics')) assert.deepEqual(service.publics, ['tous-publics'], service.id);
    }
    const reseaux = values(RESEAUX_PORTEURS);
    for (const structure of structures) {
      for (const value of structure.reseaux_porteurs ?? []) assert.ok(reseaux.has(value), `${structure.id}: ${value}`);
    }
  });

  it('follows the schema v1 field formats', () => {
    for (const record of [...services, ...structures]) {
      assert.match(record.date_maj, /^\d{4}-\d{2}-\d{2}$/, record.id);
      assert.ok(record.date_maj >= '2000-01-01' && record.date_maj <= DEMO_NOW, `${record.id}: ${record.date_maj}`);
      assert.ok(record.nom.length >= 3 && record.nom.length <= 150, `${record.id}: nom length ${record.nom.length}`);
      if (record.code_postal !== null) assert.match(record.code_postal, /^\d{5}$/, record.id);
      if (record.code_insee !== null) assert.match(record.code_insee, /^\w{5}$/, record.id);
      if (record.latitude !== null) assert.ok(Math.abs(record.latitude) <= 90 && record.longitude !== null, record.id);
    }
    for (const service of services) {
      assert.ok(service.description.length >= 5 && service.description.length <= 10_000, service.id);
      for (const code of service.zone_eligibilite ?? []) {
        assert.match(code, /^(\w{5}|\w{2,3}|\d{9}|99[0-5]\d{2}|france)$/, `${service.id}: ${code}`);
      }
    }
  });

  it('has ids of the form {source}--{id}, and every service points to an existing structure', () => {
    // Unique within services and within structures (mes-aides reuses an id for a service and its structure, as upstream).
    for (const records of [services, structures]) {
      const ids = new Set<string>();
      for (const record of records) {
        assert.ok(record.id.startsWith(`${record.source}--`), record.id);
        assert.ok(!ids.has(record.id), `duplicate id ${record.id}`);
        ids.add(record.id);
      }
    }
    const structureIds = new Set(structures.map((s) => s.id));
    const withServices = new Set(services.map((s) => s.structure_id));
    for (const service of services) assert.ok(structureIds.has(service.structure_id), service.id);
    for (const structure of structures) assert.ok(withServices.has(structure.id), `${structure.id} has no service`);
  });

  it('stores each score as computed from what the record has (structures: mean of their services)', () => {
    const byStructure = new Map<string, number[]>();
    for (const service of services) {
      assert.equal(service.score_qualite, computeScoreQualite(service, { now: DEMO_NOW }), service.id);
      byStructure.set(service.structure_id, [...(byStructure.get(service.structure_id) ?? []), service.score_qualite]);
    }
    for (const structure of structures) {
      const scores = byStructure.get(structure.id) ?? [];
      assert.equal(structure.score_qualite, roundScore(scores.reduce((a, b) => a + b, 0) / scores.length), structure.id);
    }
  });
});

describe('demo dataset: content', () => {
  it('has the real La Réunion extract in full and the synthetic départements within their targets', () => {
    const real = services.filter((s) => s.source !== 'demo');
    assert.equal(real.length, 2705);
    for (const s of real) if (s.code_insee !== null) assert.ok(s.code_insee.startsWith('974'), s.id);
    const count = (dep: string) => synthetic.filter((s) => departementOf(s) === dep).length;
    assert.ok(count('44') >= 1700 && count('44') <= 1900, `44: ${count('44')}`);
    assert.ok(count('08') >= 550 && count('08') <= 650, `08: ${count('08')}`);
    for (const s of synthetic) {
      if (s.code_insee !== null) assert.ok(s.code_insee.startsWith(departementOf(s) ?? '?'), `${s.id} in ${s.code_insee}`);
    }
  });

  it('places synthetic structures mostly in the larger communes', () => {
    const inNantes = structures.filter((s) => s.source === 'demo' && s.code_insee === '44109').length;
    const in44 = structures.filter((s) => s.source === 'demo' && s.code_insee?.startsWith('44')).length;
    // Nantes has about 22 % of the département's population and 1 of its 207 communes.
    assert.ok(inNantes / in44 > 0.08, `Nantes hosts ${inNantes} of ${in44}`);
    assert.ok(structures.some((s) => s.code_insee === '08105'), 'Charleville-Mézières hosts structures');
  });

  it('has every kind of eligibility zone', () => {
    const kinds = new Set(services.map((s) => zoneKind(s.zone_eligibilite)));
    for (const kind of ['aucune', 'commune', 'epci', 'departement', 'region', 'france']) assert.ok(kinds.has(kind), kind);
    assert.ok(!kinds.has('mixed'));
    const region44 = services.find((s) => departementOf(s) === '44' && zoneKind(s.zone_eligibilite) === 'region');
    assert.deepEqual(region44?.zone_eligibilite, ['44', '49', '53', '72', '85']);
  });

  it('links duplicates both ways, with a shared cluster id', () => {
    const byId = new Map(structures.map((s) => [s.id, s]));
    const clustered = structures.filter((s) => s.doublons.length > 0);
    assert.ok(clustered.length >= 10, `${clustered.length} structures have duplicates`);
    // Real duplicates across sources in La Réunion (e.g. a France Travail agency in dora and france-travail).
    assert.ok(clustered.some((s) => s.doublons.some((d) => d.source !== s.source)), 'some duplicates span two sources');
    for (const structure of clustered) {
      assert.ok(structure._cluster_id, structure.id);
      for (const ref of structure.doublons) {
        const other = byId.get(ref.id);
        assert.ok(other && other.source === ref.source, `${structure.id} → ${ref.id}`);
        assert.ok(other.doublons.some((d) => d.id === structure.id), `${ref.id} does not link back to ${structure.id}`);
        assert.equal(other._cluster_id, structure._cluster_id);
      }
    }
  });

  it('marks every synthetic record: source demo, example.org e-mails and URLs, fiction phone ranges, no SIRET', () => {
    const fiction = new RegExp(`^(${Object.values(FICTION_PHONE_PREFIXES).map((p) => p.replace('+', '\\+')).join('|')})\\d{4}$`);
    const syntheticStructures = structures.filter((s) => s.id.startsWith('demo--'));
    assert.ok(syntheticStructures.length > 0);
    for (const record of [...synthetic, ...syntheticStructures]) {
      assert.equal(record.source, 'demo');
      assert.ok(record.id.startsWith('demo--'), record.id);
      if (record.courriel !== null) assert.match(record.courriel, /^[a-z0-9.-]+@example\.org$/, record.id);
      if (record.telephone !== null) assert.match(record.telephone, fiction, record.id);
      const urls = 'siret' in record ? [record.site_web, record.lien_source, record.accessibilite_lieu] : [record.lien_source, record.lien_mobilisation];
      for (const url of urls) if (url !== null) assert.equal(new URL(url).hostname, 'example.org', url);
      if ('siret' in record) assert.equal(record.siret, null);
    }
    // Real records never claim to be synthetic.
    for (const structure of structures.filter((s) => !s.id.startsWith('demo--'))) assert.notEqual(structure.source, 'demo');
  });

  it('varies as real data does: completeness, freshness, modes, hours, trainings', () => {
    const ageDays = (date: string) => (Date.parse(DEMO_NOW) - Date.parse(date)) / 86_400_000;
    const scores = synthetic.map((s) => s.score_qualite);
    assert.ok(Math.min(...scores) < 0.5 && Math.max(...scores) === 1);
    assert.ok(synthetic.filter((s) => s.score_qualite >= 0.8).length > synthetic.length / 2);
    assert.ok(synthetic.some((s) => ageDays(s.date_maj) < 180));
    assert.ok(synthetic.some((s) => ageDays(s.date_maj) > 180 && ageDays(s.date_maj) < 730));
    assert.ok(synthetic.some((s) => ageDays(s.date_maj) > 730));
    assert.ok(synthetic.some((s) => JSON.stringify(s.modes_accueil) === '["a-distance"]'));
    assert.ok(synthetic.some((s) => JSON.stringify(s.modes_accueil) === '["a-distance","en-presentiel"]'));
    assert.ok(synthetic.some((s) => s.publics === null) && synthetic.some((s) => s.publics?.[0] === 'tous-publics'));
    assert.ok(synthetic.some((s) => s.frais === 'payant' && s.frais_precisions !== null));
    assert.ok(synthetic.some((s) => s.horaires_accueil === null));
    assert.ok(synthetic.some((s) => s.horaires_accueil?.includes('PH off')));
    assert.ok(synthetic.some((s) => s.horaires_accueil !== null && !/\d{2}:\d{2}/.test(s.horaires_accueil)));
    assert.ok(synthetic.some((s) => s.volume_horaire_hebdomadaire !== null && s.nombre_semaines !== null));
    assert.ok(synthetic.some((s) => s.lien_mobilisation !== null && s.modes_mobilisation?.includes('utiliser-lien-mobilisation')));
    assert.ok(synthetic.some((s) => s.description.includes('\n- ')), 'Markdown lists in descriptions');
  });
});

describe('demo dataset: build', () => {
  const read = (path: string) => readFileSync(new URL(path, sharedDir), 'utf8');
  const reunion = {
    services: JSON.parse(read('data/samples/data-inclusion-974/services-974.normalized.json')) as ReunionServiceRow[],
    structures: JSON.parse(read('data/samples/data-inclusion-974/offre-inclusion-structures-974.raw.json')) as ReunionStructureRow[],
  };

  it('is deterministic: building twice gives identical bytes', () => {
    const small = { reunion: { services: reunion.services.slice(0, 200), structures: reunion.structures }, synthetic: { '44': 120, '08': 40 } };
    const first = buildDemoDataset(small);
    const second = buildDemoDataset(small);
    assert.equal(recordsToJson(first.services), recordsToJson(second.services));
    assert.equal(recordsToJson(first.structures), recordsToJson(second.structures));
    assert.notEqual(recordsToJson(buildDemoDataset({ ...small, seed: 'another' }).services), recordsToJson(first.services));
  });

  it('the committed thématiques statistics are those of the reference CSV', () => {
    const expected = thematiquesStatsModule(thematiquesStats(parseAssignations(read('data/dora/assignation-thematiques.csv'))));
    const committed = readFileSync(new URL('../src/dataset/synthetic/thematiques-stats.generated.ts', import.meta.url), 'utf8');
    assert.ok(committed === expected, 'thematiques-stats.generated.ts is stale: run npm run dataset');
  });

  it('the committed files are what the build script produces from the reference inputs', () => {
    const rebuilt = buildDemoDataset({ reunion });
    assert.ok(recordsToJson(rebuilt.services) === committedServicesText, 'data/demo/services.json is stale: run npm run dataset');
    assert.ok(recordsToJson(rebuilt.structures) === committedStructuresText, 'data/demo/structures.json is stale: run npm run dataset');
  });
});
