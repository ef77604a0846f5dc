/**
 * Validation cost of a large `/search/services` page, against `JSON.parse` of the same body.
 *
 *   npm run bench -w @dora/sdk            (ITEMS=10000 RUNS=15 by default)
 *
 * The body has 10,000 realistic detailed services (every key present, structures embedded, long
 * descriptions, vocabulary values drawn from the real lists), built from the API's sample records.
 * Each run parses the body, then validates the parsed page exactly as the client does (envelope,
 * every item, vocabulary warnings). Medians after a warm-up; target: validation ≤ 1.5 × JSON.parse.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePage } from '../src/client/validate.js';
import { serviceSearchResultSchema } from '../src/schemas.js';
import {
  FRAIS,
  MODES_ACCUEIL,
  MODES_MOBILISATION,
  PERSONNES_MOBILISATRICES,
  PUBLICS,
  RESEAUX_PORTEURS,
  THEMATIQUES,
  TYPES_SERVICES,
} from '../src/vocabularies/index.js';

const ITEMS = Number(process.env.ITEMS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 15);
const WARMUP = 5;

// Templates: the API's own sample bodies (see fixtures/README.md).
const samples = new URL('./fixtures/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, samples), 'utf8'));
const serviceSample = read('api-v1-list-services.synthetic.json').items[0];
const { score_qualite: _s, doublons: _d, ...structureSample } = read('api-v1-list-structures.synthetic.json').items[0];

// A deterministic generator, so that every run of the benchmark measures the same body.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))];
const values = (list: readonly { value: string }[]) => list.map((e) => e.value);
const words = 'accompagnement insertion emploi logement mobilité permis garde enfants santé droits numérique formation atelier rendez-vous conseiller'.split(' ');
const prose = (count: number) => Array.from({ length: count }, () => pick(words)).join(' ');

function detailedService(i: number) {
  const structureId = `dora--structure-${i % 2000}`;
  return {
    ...serviceSample,
    id: `dora--service-${i}`,
    structure_id: structureId,
    nom: `Service ${prose(3)}`,
    description: prose(30 + Math.floor(random() * 120)),
    latitude: 43 + random() * 7,
    longitude: -1 + random() * 8,
    thematiques: some(values(THEMATIQUES), 4),
    publics: some(values(PUBLICS), 3),
    frais: pick(values(FRAIS)),
    type: pick(values(TYPES_SERVICES)),
    modes_accueil: some(values(MODES_ACCUEIL), 2),
    modes_mobilisation: some(values(MODES_MOBILISATION), 3),
    mobilisable_par: some(values(PERSONNES_MOBILISATRICES), 2),
    zone_eligibilite: random() < 0.5 ? null : ['59', '62'],
    score_qualite: Math.round(random() * 100) / 100,
    structure: {
      ...structureSample,
      id: structureId,
      nom: `Structure ${prose(2)}`,
      description: prose(20),
      reseaux_porteurs: some(values(RESEAUX_PORTEURS), 2),
    },
  };
}

const items = Array.from({ length: ITEMS }, (_, i) => ({ service: detailedService(i), distance: i % 3 ? Math.floor(random() * 50) : null }));
const body = JSON.stringify({ items, total: ITEMS, page: 1, size: ITEMS, pages: 1 });

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
const parseTimes: number[] = [];
const validateTimes: number[] = [];
let kept = 0;
for (let run = 0; run < WARMUP + RUNS; run++) {
  const t0 = performance.now();
  const parsed: unknown = JSON.parse(body);
  const t1 = performance.now();
  const page = parsePage(parsed, serviceSearchResultSchema, 'searchResult', 'bench', { strict: false, onInvalidItem: undefined });
  const t2 = performance.now();
  kept = page.items.length;
  if (page.invalidItems.length || page.warnings.length) throw new Error('the benchmark body must be valid');
  if (run >= WARMUP) {
    parseTimes.push(t1 - t0);
    validateTimes.push(t2 - t1);
  }
}

const parse = median(parseTimes);
const validate = median(validateTimes);
const mb = (body.length / 1e6).toFixed(1);
console.log(`/search/services page: ${ITEMS} detailed services, ${mb} MB of JSON, ${kept} valid; median of ${RUNS} runs after ${WARMUP} warm-up`);
console.log(`JSON.parse       ${parse.toFixed(1).padStart(7)} ms  ${Math.round((ITEMS / parse) * 1000).toLocaleString('en').padStart(10)} items/s`);
console.log(`validation       ${validate.toFixed(1).padStart(7)} ms  ${Math.round((ITEMS / validate) * 1000).toLocaleString('en').padStart(10)} items/s`);
console.log(`ratio validation / JSON.parse: ${(validate / parse).toFixed(2)}× (target ≤ 1.50×)`);
// The machine is shared: the ratio of the fastest runs shows the cost with the least interference.
console.log(`ratio of the fastest runs: ${(Math.min(...validateTimes) / Math.min(...parseTimes)).toFixed(2)}×`);
