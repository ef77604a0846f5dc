/**
 * Builds the local API's datasets.
 *
 *   npm run dataset -w @dora/local-api
 *     → data/demo/structures.json and services.json: real La Réunion (974) + synthetic 44 and 08.
 *       Reads the reference extract and DORA's thématiques CSV from ../shared at BUILD time only;
 *       the output is committed.
 *   npm run dataset -w @dora/local-api -- --scale 150000 --out /tmp/big [--seed 1] [--now 2026-11-01]
 *     → N synthetic services over all French communes, for benchmarks.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateScaledDataset } from '../src/dataset/generate.js';
import { DEMO_NOW, DEMO_SEED, buildDemoDataset, writeRecords } from '../src/dataset/generate-demo.js';
import type { ReunionServiceRow, ReunionStructureRow } from '../src/dataset/generate-reunion.js';
import { parseAssignations, thematiquesStats, thematiquesStatsModule } from '../src/dataset/generate-thematiques-stats.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const sharedDir = process.env.DORA_SHARED_DIR ?? resolve(packageDir, '../../../shared');

function fail(message: string): never {
  console.error(`build-dataset: ${message}\nUsage: build-dataset [--out DIR] | --scale N --out DIR [--seed S] [--now YYYY-MM-DD]`);
  process.exit(2);
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        scale: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}
const values = parseOptions();

if (values.help) {
  console.log('Usage: build-dataset [--out DIR] | --scale N --out DIR [--seed S] [--now YYYY-MM-DD]');
  process.exit(0);
}

const now = values.now ?? DEMO_NOW;
if (!/^\d{4}-\d{2}-\d{2}$/.test(now) || Number.isNaN(Date.parse(now))) fail(`--now must be a YYYY-MM-DD day, got ${now}`);

const size = (path: string) => `${(statSync(path).size / 1e6).toFixed(1)} MB`;
const started = performance.now();

if (values.scale !== undefined) {
  const services = Number(values.scale);
  if (!Number.isInteger(services) || services < 1) fail(`--scale must be a positive integer, got ${values.scale}`);
  if (!values.out) fail('--scale needs --out DIR');
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const dataset = generateScaledDataset({ services, seed: values.seed ?? 1, now });
  const generated = performance.now();
  await writeRecords(join(out, 'structures.json'), dataset.structures);
  await writeRecords(join(out, 'services.json'), dataset.services);
  console.log(
    `${dataset.services.length} services, ${dataset.structures.length} structures → ${out} ` +
      `(services.json ${size(join(out, 'services.json'))}, structures.json ${size(join(out, 'structures.json'))}); ` +
      `generated in ${((generated - started) / 1000).toFixed(1)} s, written in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
  );
} else {
  const read = (path: string) => readFileSync(join(sharedDir, path), 'utf8');
  // Refresh the committed thématiques statistics from DORA's CSV (same input, same bytes).
  const stats = thematiquesStats(parseAssignations(read('data/dora/assignation-thematiques.csv')));
  writeFileSync(join(packageDir, 'src/dataset/synthetic/thematiques-stats.generated.ts'), thematiquesStatsModule(stats));

  const dataset = buildDemoDataset({
    reunion: {
      services: JSON.parse(read('data/samples/data-inclusion-974/services-974.normalized.json')) as ReunionServiceRow[],
      structures: JSON.parse(read('data/samples/data-inclusion-974/offre-inclusion-structures-974.raw.json')) as ReunionStructureRow[],
    },
    seed: values.seed ?? DEMO_SEED,
    now,
  });
  const out = resolve(values.out ?? join(packageDir, 'data/demo'));
  mkdirSync(out, { recursive: true });
  await writeRecords(join(out, 'structures.json'), dataset.structures);
  await writeRecords(join(out, 'services.json'), dataset.services);

  const count = (records: readonly { source: string; code_insee: string | null; id: string }[]) => {
    const byKey = new Map<string, number>();
    for (const r of records) {
      const key = r.source === 'demo' ? `demo ${r.id.split('--')[1]?.split('-')[0]}` : `974 ${r.source}`;
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    return [...byKey].map(([k, v]) => `${k}: ${v}`).join(', ');
  };
  console.log(`services (${dataset.services.length}): ${count(dataset.services)}`);
  console.log(`structures (${dataset.structures.length}): ${count(dataset.structures)}`);
  console.log(`→ ${out} (services.json ${size(join(out, 'services.json'))}, structures.json ${size(join(out, 'structures.json'))}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
