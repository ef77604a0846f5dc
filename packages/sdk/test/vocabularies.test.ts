import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CATEGORIES,
  FRAIS,
  MODES_ACCUEIL,
  MODES_MOBILISATION,
  PERSONNES_MOBILISATRICES,
  PUBLICS,
  RESEAUX_PORTEURS,
  SOURCES,
  THEMATIQUES,
  TYPES_SERVICES,
  labelOf,
  isKnownValue,
  type LabelledVocabulary,
} from '../src/vocabularies/index.js';
import { descriptionOf } from '../src/vocabularies/descriptions.js';
import { DEPARTEMENTS, REGIONS } from '../src/geography.generated.js';

// The reference copies of the data·inclusion vocabularies live beside the repository (../shared).
const shared = fileURLToPath(new URL('../../../../shared/data/data-inclusion/', import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(shared + path, 'utf8'));
const normalise = (entries: { value: string; label: string; description?: string | null }[]) =>
  entries.map(({ value, label, description }) => ({ value, label, description: description ?? null }));

describe('vocabularies equal the data·inclusion schema v1 files', () => {
  const cases = [
    ['thematiques', 'thematiques', THEMATIQUES, 69],
    ['thematiques-categories', 'categories', CATEGORIES, 16],
    ['publics', 'publics', PUBLICS, 14],
    ['frais', 'frais', FRAIS, 2],
    ['modes-accueil', 'modes-accueil', MODES_ACCUEIL, 2],
    ['types-de-services', 'types-services', TYPES_SERVICES, 6],
    ['modes-mobilisation', 'modes-mobilisation', MODES_MOBILISATION, 4],
    ['personnes-mobilisatrices', 'personnes-mobilisatrices', PERSONNES_MOBILISATRICES, 2],
    ['reseaux-porteurs', 'reseaux-porteurs', RESEAUX_PORTEURS, 108],
  ] as const;
  for (const [file, vocabulary, constant, count] of cases) {
    it(`${file}.json (${count} values, labels and descriptions)`, () => {
      const withDescriptions = constant.map(({ value, label }) => ({
        value,
        label,
        description: descriptionOf(vocabulary as LabelledVocabulary, value),
      }));
      assert.deepEqual(withDescriptions, normalise(read(`schema-v1/enums/${file}.json`)));
      assert.equal(constant.length, count);
    });
  }
  it('api-v1-sources.json (16 sources, names and descriptions)', () => {
    const withDescriptions = SOURCES.map(({ slug, nom }) => ({ slug, nom, description: descriptionOf('sources', slug) }));
    assert.deepEqual(withDescriptions, read('api-v1-sources.json'));
    assert.equal(SOURCES.length, 16);
  });
  it('départements and régions match the API enums, codes and slugs', () => {
    const schemas = read('openapi-v1-current.json').components.schemas;
    assert.deepEqual(DEPARTEMENTS.map((d) => d.code).sort(), [...schemas.DepartementCodeEnum.enum].sort());
    assert.deepEqual(DEPARTEMENTS.map((d) => d.slug).sort(), [...schemas.DepartementSlugEnum.enum].sort());
    assert.deepEqual(REGIONS.map((r) => r.code).sort(), [...schemas.RegionCodeEnum.enum].sort());
    assert.deepEqual(REGIONS.map((r) => r.slug).sort(), [...schemas.RegionSlugEnum.enum].sort());
  });
  it('every sub-thématique belongs to a category', () => {
    const categories = new Set<string>(CATEGORIES.map((c) => c.value));
    for (const t of THEMATIQUES) assert.ok(categories.has(t.value.split('--')[0]!), t.value);
  });
});

describe('labels', () => {
  it('French by default, English where shipped, French fallback, raw value when unknown', () => {
    assert.equal(labelOf('publics', 'tous-publics'), 'Tous publics');
    assert.equal(labelOf('frais', 'payant', 'en'), 'Paid');
    assert.equal(labelOf('categories', 'mobilite', 'en'), 'Mobility');
    assert.equal(labelOf('thematiques', 'famille--garde-denfants', 'en'), 'Garde d’enfants');
    assert.equal(labelOf('publics', 'nouveau-public'), 'nouveau-public');
    assert.equal(isKnownValue('publics', 'jeunes'), true);
    assert.equal(isKnownValue('publics', 'nouveau-public'), false);
  });
});
