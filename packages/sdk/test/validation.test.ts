// Response validation through the client, on corrupted copies of the API's own sample bodies.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  DataInclusionClient,
  ResponseValidationError,
  detailedServiceSchema,
  parseTolerant,
  serviceSchema,
  type InvalidItem,
} from '../src/index.js';

const samples = new URL('../../../../shared/data/data-inclusion/samples/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, samples), 'utf8'));
const servicesBody = read('api-v1-list-services.synthetic.json');
const structuresBody = read('api-v1-list-structures.synthetic.json');
/** A fresh deep copy of the sample service, to corrupt. */
const service = (): Record<string, unknown> => structuredClone(servicesBody.items[0]);
const baseStructure = (): Record<string, unknown> => {
  const { score_qualite: _s, doublons: _d, ...structure } = structuredClone(structuresBody.items[0]);
  return structure;
};
const pageOf = (items: unknown[]) => ({ items, total: items.length, page: 1, size: items.length, pages: 1 });
const withChanges = (changes: Record<string, unknown>, id: string) => Object.assign(service(), { id }, changes);
const without = (key: string, id: string) => {
  const copy = withChanges({}, id);
  delete copy[key];
  return copy;
};

const API = 'https://api.example.test';
let body: unknown;
const server = setupServer(
  http.get(`${API}/api/v1/*`, () => HttpResponse.json(body as object)),
);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const corrupted = [
  withChanges({}, 'ok--first'),
  withChanges({ nom: 42 }, 'bad--nom-number'),
  withChanges({ thematiques: 'famille--garde-denfants' }, 'bad--thematiques-string'),
  without('id', 'unused'),
  without('date_maj', 'bad--no-date'),
  withChanges({ score_qualite: 1.2 }, 'bad--score'),
  null,
  'dora--a-string-item',
  withChanges({ latitude: '50.63', adresse_certifiee: 'non' }, 'bad--two-fields'),
  withChanges({ extra: { formation: { code: 'X1' } } }, 'ok--extra-key'),
  without('complement_adresse', 'ok--missing-nullable'),
];

describe('invalid items are dropped, counted and reported', () => {
  it('keeps the valid items and reports each invalid one with its index, id and issues', async () => {
    body = pageOf(corrupted);
    const reported: [InvalidItem, unknown][] = [];
    const client = new DataInclusionClient({ baseUrl: API, onInvalidItem: (item, raw) => reported.push([item, raw]) });
    const page = await client.listServices();

    assert.deepEqual(page.items.map((s) => s.id), ['ok--first', 'ok--extra-key', 'ok--missing-nullable']);
    // The envelope is kept as the API sent it.
    assert.deepEqual([page.total, page.page, page.size, page.pages], [11, 1, 11, 1]);
    assert.deepEqual(
      page.invalidItems.map(({ index, id }) => [index, id]),
      [
        [1, 'bad--nom-number'],
        [2, 'bad--thematiques-string'],
        [3, null],
        [4, 'bad--no-date'],
        [5, 'bad--score'],
        [6, null],
        [7, null],
        [8, 'bad--two-fields'],
      ],
    );
    const issues = Object.fromEntries(page.invalidItems.map((i) => [i.index, i.issues]));
    assert.deepEqual(issues[1], ['nom: expected string, received number']);
    assert.deepEqual(issues[2], ['thematiques: expected array, received string']);
    assert.deepEqual(issues[3], ['id: required string is missing']);
    assert.deepEqual(issues[4], ['date_maj: required string is missing']);
    assert.deepEqual(issues[5], ['score_qualite: must be <= 1 (received 1.2)']);
    assert.deepEqual(issues[6], ['(item): expected object, received null']);
    assert.deepEqual(issues[7], ['(item): expected object, received string']);
    assert.deepEqual(issues[8], ['latitude: expected number, received string', 'adresse_certifiee: expected boolean, received string']);

    assert.deepEqual(reported.map(([item]) => item), page.invalidItems);
    assert.equal(reported[5]?.[1], null, 'the raw item is handed to onInvalidItem');
  });

  it('tolerates unknown keys (kept) and a missing nullable key (read as null)', async () => {
    body = pageOf(corrupted);
    const page = await new DataInclusionClient({ baseUrl: API }).listServices();
    const withExtra = page.items.find((s) => s.id === 'ok--extra-key') as unknown as Record<string, unknown>;
    assert.deepEqual(withExtra.extra, { formation: { code: 'X1' } });
    const missing = page.items.find((s) => s.id === 'ok--missing-nullable');
    assert.equal(missing?.complement_adresse, null);
    assert.ok(missing && 'complement_adresse' in missing);
  });

  it('rejects a date that is not YYYY-MM-DD', async () => {
    body = pageOf([withChanges({ date_maj: '01/01/2023' }, 'bad--date')]);
    const page = await new DataInclusionClient({ baseUrl: API }).listServices();
    assert.equal(page.items.length, 0);
    assert.match(page.invalidItems[0]?.issues[0] ?? '', /^date_maj: expected a YYYY-MM-DD date/);
  });

  it('validates the structure embedded in search results, and reads the id from the service', async () => {
    const broken = { ...baseStructure(), nom: null };
    body = pageOf([
      { service: { ...service(), structure: baseStructure() }, distance: 2 },
      { service: { ...service(), id: 'bad--structure', structure: broken }, distance: null },
      { service: { ...service(), structure: baseStructure() }, distance: 1.5 },
    ]);
    const page = await new DataInclusionClient({ baseUrl: API }).searchServices({ code_commune: '59350' });
    assert.equal(page.items.length, 1);
    assert.deepEqual(page.invalidItems, [
      { index: 1, id: 'bad--structure', issues: ['service.structure.nom: expected string, received null'] },
      { index: 2, id: servicesBody.items[0].id, issues: ['distance: expected int, received number'] },
    ]);
  });
});

describe('strict mode', () => {
  it('throws ResponseValidationError listing the invalid items instead of dropping them', async () => {
    body = pageOf(corrupted);
    const reported: unknown[] = [];
    const client = new DataInclusionClient({ baseUrl: API, strict: true, onInvalidItem: (item) => reported.push(item) });
    const error = await client.listServices().catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.equal(error.invalidItems.length, 8);
    assert.match(error.message, /8 of 11 items/);
    assert.ok(error.issues.includes('items.5.score_qualite: must be <= 1 (received 1.2)'));
    assert.equal(reported.length, 0);
  });

  it('a valid page passes, unknown vocabulary values included', async () => {
    body = pageOf([withChanges({ publics: ['nouveau-public'] }, 'ok--new-public')]);
    const page = await new DataInclusionClient({ baseUrl: API, strict: true }).listServices();
    assert.equal(page.items.length, 1);
    assert.equal(page.warnings.length, 1);
  });
});

describe('unknown vocabulary values are warnings, the item is kept', () => {
  it('reports each unknown value of each checked field, with the item index and id', async () => {
    const unknown = withChanges(
      {
        type: 'nouveau-type',
        thematiques: ['famille--garde-denfants', 'famille--nouvelle-sous-thematique', 'famille'],
        frais: 'pass-numerique',
        publics: ['nouveau-public'],
        modes_accueil: ['en-presentiel', 'hybride'],
        modes_mobilisation: ['pigeon-voyageur'],
        mobilisable_par: ['voisins'],
      },
      'ok--unknown-values',
    );
    body = pageOf([service(), unknown]);
    const page = await new DataInclusionClient({ baseUrl: API }).listServices();
    assert.equal(page.items.length, 2);
    assert.equal(page.invalidItems.length, 0);
    assert.deepEqual(
      page.warnings.map(({ index, id, field, value }) => [index, id, field, value]),
      [
        [1, 'ok--unknown-values', 'type', 'nouveau-type'],
        [1, 'ok--unknown-values', 'thematiques', 'famille--nouvelle-sous-thematique'],
        [1, 'ok--unknown-values', 'thematiques', 'famille'],
        [1, 'ok--unknown-values', 'frais', 'pass-numerique'],
        [1, 'ok--unknown-values', 'publics', 'nouveau-public'],
        [1, 'ok--unknown-values', 'modes_accueil', 'hybride'],
        [1, 'ok--unknown-values', 'modes_mobilisation', 'pigeon-voyageur'],
        [1, 'ok--unknown-values', 'mobilisable_par', 'voisins'],
      ],
    );
    assert.equal(page.items[1]?.frais, 'pass-numerique');
  });

  it('checks the embedded structure of search results and the réseaux porteurs of structures', async () => {
    body = pageOf([
      {
        service: { ...service(), publics: ['nouveau'], structure: { ...baseStructure(), reseaux_porteurs: ['mission-locale', 'nouveau-reseau'] } },
        distance: null,
      },
    ]);
    const found = await new DataInclusionClient({ baseUrl: API }).searchServices();
    assert.deepEqual(
      found.warnings.map(({ field, value }) => [field, value]),
      [
        ['service.publics', 'nouveau'],
        ['service.structure.reseaux_porteurs', 'nouveau-reseau'],
      ],
    );

    body = { ...structuresBody, items: [{ ...structuresBody.items[0], reseaux_porteurs: ['ccas-cias', 'reseau-inconnu'] }] };
    const structures = await new DataInclusionClient({ baseUrl: API }).listStructures();
    assert.deepEqual(structures.warnings, [{ index: 0, id: 'dora--lot-kitchen-amount', field: 'reseaux_porteurs', value: 'reseau-inconnu' }]);
  });
});

describe('the envelope and single objects are validated as a whole', () => {
  for (const [label, broken] of [
    ['a missing "pages"', { items: [], total: 0, page: 1, size: 0 }],
    ['a string total', { items: [], total: '0', page: 1, size: 0, pages: 0 }],
    ['items not an array', { items: {}, total: 0, page: 1, size: 0, pages: 0 }],
    ['a bare array', []],
    ['null', null],
  ] as const) {
    it(`a page with ${label} throws ResponseValidationError, even when not strict`, async () => {
      body = broken;
      await assert.rejects(new DataInclusionClient({ baseUrl: API }).listServices(), ResponseValidationError);
    });
  }

  it('an invalid service detail throws ResponseValidationError with its issues', async () => {
    body = { ...service(), structure: { ...baseStructure(), id: 3 }, score_qualite: -0.1 };
    const error = await new DataInclusionClient({ baseUrl: API }).getService('x').catch((e: unknown) => e);
    assert.ok(error instanceof ResponseValidationError);
    assert.deepEqual([...error.issues].sort(), ['score_qualite: must be >= 0 (received -0.1)', 'structure.id: expected string, received number']);
  });

  it('a detail without its embedded structure throws', async () => {
    body = service();
    await assert.rejects(new DataInclusionClient({ baseUrl: API }).getService('x'), {
      name: 'ResponseValidationError',
      message: /structure: required object is missing/,
    });
  });

  it('an invalid source list throws', async () => {
    body = [{ slug: 'dora' }];
    await assert.rejects(new DataInclusionClient({ baseUrl: API }).listSources(), ResponseValidationError);
  });
});

describe('the exported schemas (reused by the local API)', () => {
  it('read a missing nullable key as null, and reject a missing required key', () => {
    const record = without('courriel', 'ok--no-courriel');
    const parsed = serviceSchema.safeParse(record);
    assert.ok(parsed.success);
    assert.equal(parsed.data.courriel, null);
    assert.ok(!('courriel' in record), 'the input is not mutated');
    assert.ok(!serviceSchema.safeParse(without('structure_id', 'bad')).success);
  });

  it('parseTolerant returns a complete record as is, and a filled copy otherwise', () => {
    const complete = { ...service(), extra: { kept: true } };
    const same = parseTolerant(serviceSchema, complete);
    assert.ok(same.success && (same.data as unknown) === complete);
    const partial = without('telephone', 'ok--no-phone');
    const filled = parseTolerant(serviceSchema, partial);
    assert.ok(filled.success && (filled.data as unknown) !== partial && filled.data.telephone === null);
    const nested = parseTolerant(detailedServiceSchema, { ...service(), structure: (({ site_web: _w, ...rest }) => rest)(baseStructure()) });
    assert.ok(nested.success && nested.data.structure.site_web === null);
  });
});
