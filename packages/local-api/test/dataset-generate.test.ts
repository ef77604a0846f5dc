/**
 * The synthetic generators (demo départements and the `--scale` benchmark dataset) and the
 * La Réunion conversion, through their exported functions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serviceSchema, structureSchema } from '@dora/sdk';
import { loadGeography } from '../src/geo/index.js';
import { deCommune, generateDepartementDataset, generateScaledDataset, templateOf } from '../src/dataset/generate.js';
import { STRUCTURE_KINDS } from '../src/dataset/synthetic/networks.js';
import { SERVICE_TEMPLATES } from '../src/dataset/synthetic/services.js';
import { recordsToJson } from '../src/dataset/generate-demo.js';
import { convertReunionExtract, reunionDateMaj, type ReunionServiceRow } from '../src/dataset/generate-reunion.js';

const NOW = '2026-11-01';
const geography = loadGeography();

describe('generateScaledDataset', () => {
  const dataset = generateScaledDataset({ services: 6000, seed: 7, now: NOW, geography });

  it('generates exactly the requested number of valid services, with their structures', () => {
    assert.equal(dataset.services.length, 6000);
    const structureIds = new Set(dataset.structures.map((s) => s.id));
    assert.equal(structureIds.size, dataset.structures.length);
    assert.equal(new Set(dataset.services.map((s) => s.id)).size, 6000);
    for (const service of dataset.services) {
      assert.ok(serviceSchema.safeParse(service).success, service.id);
      assert.ok(structureIds.has(service.structure_id), service.id);
      assert.equal(service.source, 'demo');
    }
    for (const structure of dataset.structures) assert.ok(structureSchema.safeParse(structure).success, structure.id);
  });

  it('covers France, weighted by population', () => {
    const departementOf = new Map(geography.communes.map((c) => [c.code, c.departement]));
    const perDepartement = new Map<string, number>();
    for (const s of dataset.structures) {
      const dep = s.code_insee ? departementOf.get(s.code_insee) : undefined;
      if (dep) perDepartement.set(dep, (perDepartement.get(dep) ?? 0) + 1);
    }
    assert.ok(perDepartement.size > 80, `${perDepartement.size} départements`);
    const population = new Map<string, number>();
    for (const c of geography.communes) if (c.parent === null) population.set(c.departement, (population.get(c.departement) ?? 0) + c.population);
    const byPopulation = [...population.entries()].sort((a, b) => b[1] - a[1]).map(([dep]) => dep);
    const count = (dep: string) => perDepartement.get(dep) ?? 0;
    // Each of the 5 most populated départements has more structures than each of the 5 least populated.
    for (const big of byPopulation.slice(0, 5)) {
      for (const small of byPopulation.slice(-5)) assert.ok(count(big) > count(small), `${big}: ${count(big)} vs ${small}: ${count(small)}`);
    }
    // Paris is counted through its arrondissements, never as the whole commune.
    assert.ok(!dataset.structures.some((s) => s.code_insee === '75056'));
    assert.ok(dataset.structures.some((s) => s.code_insee?.startsWith('751')));
  });

  it('is deterministic and depends on the seed', () => {
    const a = generateScaledDataset({ services: 300, seed: 'x', now: NOW, geography });
    const b = generateScaledDataset({ services: 300, seed: 'x', now: NOW, geography });
    const c = generateScaledDataset({ services: 300, seed: 'y', now: NOW, geography });
    assert.equal(recordsToJson(a.services), recordsToJson(b.services));
    assert.equal(recordsToJson(a.structures), recordsToJson(b.structures));
    assert.notEqual(recordsToJson(a.services), recordsToJson(c.services));
  });

  it('dates records before the reference day only', () => {
    for (const record of [...dataset.services, ...dataset.structures]) assert.ok(record.date_maj <= NOW, record.id);
  });

  it('rejects bad counts and dates with a clear error', () => {
    assert.throws(() => generateScaledDataset({ services: -1, seed: 1, now: NOW, geography }), /non-negative integer/);
    assert.throws(() => generateScaledDataset({ services: 1.5, seed: 1, now: NOW, geography }), /non-negative integer/);
    assert.throws(() => generateScaledDataset({ services: 10, seed: 1, now: 'demain', geography }), /YYYY-MM-DD/);
    assert.deepEqual(generateScaledDataset({ services: 0, seed: 1, now: NOW, geography }), { structures: [], services: [] });
  });
});

describe('generateDepartementDataset', () => {
  it('stays in its département and rejects an unknown one', () => {
    const { services, structures } = generateDepartementDataset({ departement: '08', services: 150, seed: 3, now: NOW, geography });
    assert.equal(services.length, 150);
    for (const record of [...services, ...structures]) if (record.code_insee) assert.ok(record.code_insee.startsWith('08'), record.id);
    assert.throws(() => generateDepartementDataset({ departement: '00', services: 10, seed: 3, now: NOW, geography }), /unknown département/);
  });
});

describe('synthetic content', () => {
  it('every structure kind offers existing templates, and every template is offered', () => {
    const offered = new Set(STRUCTURE_KINDS.flatMap((kind) => kind.services));
    for (const key of offered) assert.doesNotThrow(() => templateOf(key), key);
    for (const template of SERVICE_TEMPLATES) assert.ok(offered.has(template.key), `${template.key} is never used`);
    assert.throws(() => templateOf('nope'), /unknown service template/);
  });

  it('templates have usable names, texts and lists', () => {
    for (const t of SERVICE_TEMPLATES) {
      for (const nom of t.noms) assert.ok(nom.length >= 3 && nom.length <= 120, `${t.key}: ${nom}`);
      assert.ok(t.intro.length > 0 && t.lead.length > 0 && t.fin.length > 0 && t.points.length >= 3, t.key);
      assert.ok(t.thematiques.length > 0 && t.publics.length > 0 && t.frais.length > 0, t.key);
      for (const text of [...t.intro, ...t.points, ...t.fin]) assert.doesNotMatch(text, /\{(?!commune\}|de_commune\})/, `${t.key}: ${text}`);
    }
  });
});

describe('deCommune', () => {
  it('elides and contracts the preposition as French does', () => {
    assert.equal(deCommune('Nantes'), 'de Nantes');
    assert.equal(deCommune('Angers'), 'd’Angers');
    assert.equal(deCommune('Écouflant'), 'd’Écouflant');
    assert.equal(deCommune('Le Pellerin'), 'du Pellerin');
    assert.equal(deCommune('Les Sorinières'), 'des Sorinières');
    assert.equal(deCommune('La Baule-Escoublac'), 'de La Baule-Escoublac');
  });
});

describe('convertReunionExtract', () => {
  const row = (overrides: Partial<ReunionServiceRow>): ReunionServiceRow => ({
    id: 'svc-1',
    structure_id: 'st-1',
    source: 'dora',
    nom: 'Aide au permis',
    thematiques_v0: ['mobilite--preparer-son-permis-de-conduire-se-reentrainer-a-la-conduite', 'handicap'],
    frais_v0: ['gratuit', 'adhesion'],
    profils_v0: ['jeunes-16-26', 'adultes'],
    modes_accueil: ['en-presentiel'],
    adresse: '1 rue du Port',
    code_postal: '97400',
    commune: 'ST DENIS',
    code_insee: '97411',
    commune_cog: 'Saint-Denis',
    latitude: -20.88,
    longitude: 55.45,
    structure_nom: null,
    structure_typologie_v0: null,
    annee_creation: null,
    maj_annee_precedente: true,
    ...overrides,
  });

  it('maps v0 values to v1, keeps real fields and leaves unknown ones null', () => {
    const { services, structures } = convertReunionExtract(
      [row({})],
      [{ ID: 'st-1', Nom: 'Mission Locale Nord', Commune: 'Saint-Denis', 'Code Insee': '97411', Typologie: 'ML' }],
      { now: NOW },
    );
    const [service] = services;
    assert.equal(service?.id, 'dora--svc-1');
    assert.equal(service?.structure_id, 'dora--st-1');
    assert.deepEqual(service?.thematiques, ['mobilite--preparer-un-permis']);
    assert.deepEqual(service?.publics, ['jeunes', 'personnes-en-situation-de-handicap']);
    assert.equal(service?.frais, 'payant');
    assert.equal(service?.commune, 'Saint-Denis');
    assert.equal(service?.description, '« Aide au permis », proposé par Mission Locale Nord à Saint-Denis.');
    assert.equal(service?.zone_eligibilite, null);
    assert.equal(service?.telephone, null);
    assert.deepEqual(structures[0]?.reseaux_porteurs, ['mission-locale']);
    assert.equal(structures[0]?.nom, 'Mission Locale Nord');
  });

  it('names structures missing from the extract honestly, or after the crèche for monenfant', () => {
    const { structures } = convertReunionExtract(
      [row({ source: 'fredo', structure_id: '42' }), row({ id: 'c1', source: 'monenfant', structure_id: 'c1', nom: 'Multi-accueil Case Zouzou' })],
      [],
      { now: NOW },
    );
    assert.deepEqual(
      structures.map((s) => s.nom),
      ['Structure non nommée dans l’extrait (Fredo, Saint-Denis)', 'Multi-accueil Case Zouzou'],
    );
  });

  it('links the same structure published by two sources, both ways, with a shared cluster', () => {
    const { structures } = convertReunionExtract(
      [
        row({ id: 'a', source: 'dora', structure_id: 'x', structure_nom: 'Agence France Travail LE TAMPON', code_insee: '97422' }),
        row({ id: 'b', source: 'france-travail', structure_id: 'REU0028', structure_nom: 'Agence France Travail Le Tampon', code_insee: '97422' }),
        row({ id: 'c', source: 'dora', structure_id: 'y', structure_nom: 'Agence France Travail LE TAMPON', code_insee: '97411' }),
      ],
      [],
      { now: NOW },
    );
    const [dora, other, ft] = structures;
    assert.deepEqual(dora?.doublons, [{ id: 'france-travail--REU0028', source: 'france-travail' }]);
    assert.deepEqual(ft?.doublons, [{ id: 'dora--x', source: 'dora' }]);
    assert.ok(dora?._cluster_id && dora._cluster_id === ft?._cluster_id);
    // Same name in another commune: not a duplicate.
    assert.deepEqual(other?.doublons, []);
    assert.equal(other?._cluster_id, undefined);
  });

  it('dates records with the earliest day the extract allows', () => {
    assert.equal(reunionDateMaj({ maj_annee_precedente: true, annee_creation: null }), '2024-02-14');
    assert.equal(reunionDateMaj({ maj_annee_precedente: true, annee_creation: '2025' }), '2025-01-01');
    assert.equal(reunionDateMaj({ maj_annee_precedente: false, annee_creation: '2022' }), '2022-01-01');
    assert.equal(reunionDateMaj({ maj_annee_precedente: false, annee_creation: null }), '2024-02-13');
  });
});
