/**
 * The search alone, in process (no HTTP, no other load): `npm run bench:search -w @dora/local-api`,
 * with `BENCH_DATA=<dir>` a generated dataset (`node --import tsx scripts/build-dataset.ts --scale 150000
 * --out <dir> --seed 1`). Prints the time to load the dataset and to build the indexes, the heap they
 * leave after a full collection, then runs the HTTP benchmark's 400 queries 10 times after a warm-up
 * and prints the time per `/search/services` computation (mean, median, p99, max), and the slowest commune.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadDataset, loadGeography } from '../src/index.js';
import { Store } from '../src/store.js';
import { benchQueries } from './queries.js';

const dir = process.env['BENCH_DATA'];
if (!dir) {
  console.error('BENCH_DATA=<dataset dir> is required (see the comment at the top of bench/search-in-process.ts)');
  process.exit(2);
}
const geography = loadGeography();
/** Loads and indexes the dataset; only the store outlives it, as in the server. */
function buildStore(): { store: Store; loadS: number; indexS: number } {
  const started = performance.now();
  const dataset = loadDataset(dir!);
  const loaded = performance.now();
  const store = new Store(dataset, geography);
  return { store, loadS: (loaded - started) / 1000, indexS: (performance.now() - loaded) / 1000 };
}
const { store, loadS, indexS } = buildStore();
// What stays once the load's garbage is gone (the CLI collects it the same way after a load).
setFlagsFromString('--expose-gc');
(runInNewContext('gc') as () => void)();
const { heapUsed, rss } = process.memoryUsage();
console.log(
  `load ${loadS.toFixed(1)} s, indexes ${indexS.toFixed(1)} s; ` +
    `after a full collection: heap ${(heapUsed / 2 ** 20).toFixed(0)} MB, RSS ${(rss / 2 ** 20).toFixed(0)} MB`,
);
const searches = benchQueries().map(({ code_commune, thematique }) => {
  const commune = geography.commune(code_commune)!;
  return { code_commune, run: () => store.searchServices({ commune, requestedCode: code_commune, thematiques: [thematique] }, { page: 1, size: 10 }) };
});

for (let round = 0; round < 3; round++) for (const search of searches) search.run();
const times: number[] = [];
const byCommune = new Map<string, number[]>();
for (let round = 0; round < 10; round++) {
  for (const search of searches) {
    const started = performance.now();
    search.run();
    const elapsed = performance.now() - started;
    times.push(elapsed);
    byCommune.set(search.code_commune, [...(byCommune.get(search.code_commune) ?? []), elapsed]);
  }
}
times.sort((a, b) => a - b);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const ms = (value: number) => `${value.toFixed(3)} ms`;
const [slowest, slowestTimes] = [...byCommune].sort((a, b) => mean(b[1]) - mean(a[1]))[0]!;
console.log(`/search/services computed in process, ${store.servicesCount} services, ${times.length} searches (the HTTP benchmark's queries):`);
console.log(`  mean ${ms(mean(times))}, median ${ms(times[times.length >> 1]!)}, p99 ${ms(times[Math.floor(times.length * 0.99)]!)}, max ${ms(times.at(-1)!)}`);
console.log(`  slowest commune: ${slowest}, mean ${ms(mean(slowestTimes))} over its thématiques and categories`);
