#!/usr/bin/env node
// Size budget of the built bundles (run by `npm test` after the build, before the browser tests).
//
// The standalone ESM build is split in:
//  - the core: the entry plus every chunk it imports statically (what a page downloads up front);
//  - lazy groups: each chunk loaded by a dynamic `import()` from the core, plus the chunks only it
//    pulls in (e.g. the map: Leaflet, its CSS, the map element).
// Sizes are minified (the build minifies) then gzip -9. Every figure is printed; the script exits
// with status 1 when a budget is exceeded.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const KB = 1000;

/**
 * Budget of the standalone core, gzip bytes: what a page downloads before the widget is usable
 * (Lit, both elements, the form, strings, vocabulary labels). The API client with zod, the full
 * sheet and the map are lazy chunks, fetched when first needed.
 */
const CORE_BUDGET = 45 * KB;

/**
 * Budgets of lazily loaded groups, gzip bytes, matched on the dynamically imported chunk's file name.
 * A group without a matching entry is printed but not limited.
 */
const LAZY_BUDGETS = [
  // --- map budget (map engineer) ---
  // The map: <dora-results-map> + Leaflet 1.9.4 + its CSS + supercluster, ≤ 60 kB gzip (measured
  // 58.9 kB on 2026-11-22). Enforced: `npm test` fails when it grows past the budget.
  { name: 'map', match: /map|leaflet/i, gzip: 60 * KB, enforced: true },
  // --- end of map budget ---
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const entry = join(dist, 'standalone', 'dora-elements.js');

if (!existsSync(entry)) {
  console.error(`size: ${relative(root, entry)} is missing: run \`npm run build -w @dora/elements\` first.`);
  process.exit(1);
}

const cache = new Map();
function file(path) {
  if (!cache.has(path)) {
    const code = readFileSync(path);
    cache.set(path, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, code: code.toString('utf8') });
  }
  return cache.get(path);
}

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

function imports(path) {
  const { code } = file(path);
  const resolveSpecifier = (s) => resolve(dirname(path), s);
  return {
    statics: [...code.matchAll(STATIC_IMPORT)].map((m) => resolveSpecifier(m[1])),
    dynamics: [...code.matchAll(DYNAMIC_IMPORT)].map((m) => resolveSpecifier(m[1])),
  };
}

/** A module and everything it imports statically, transitively. */
function staticClosure(start, exclude = new Set()) {
  const seen = new Set();
  const stack = [start];
  while (stack.length) {
    const path = stack.pop();
    if (seen.has(path) || exclude.has(path) || !existsSync(path)) continue;
    seen.add(path);
    stack.push(...imports(path).statics);
  }
  return seen;
}

const sum = (paths) =>
  [...paths].reduce((total, p) => ({ raw: total.raw + file(p).raw, gzip: total.gzip + file(p).gzip }), { raw: 0, gzip: 0 });
const fmt = (bytes) => `${(bytes / KB).toFixed(1).padStart(7)} kB`;
const rows = [];
const failures = [];
const row = (label, size, budget, enforced = true) => {
  const over = budget !== undefined && size.gzip > budget;
  if (over && enforced) failures.push(`${label.trim()}: ${fmt(size.gzip).trim()} gzip > budget ${fmt(budget).trim()}`);
  const verdict = budget === undefined ? '' : `${over ? 'OVER' : 'ok  '} ≤ ${fmt(budget).trim()}${enforced ? '' : ' (not enforced yet)'}`;
  rows.push(`${label.padEnd(56)} ${fmt(size.raw)} ${fmt(size.gzip)}   ${verdict}`);
};

const core = staticClosure(entry);
row('standalone core (entry + static chunks)', sum(core), CORE_BUDGET);

const queue = [];
for (const path of core) for (const d of imports(path).dynamics) if (!core.has(d) && !queue.includes(d)) queue.push(d);
const seen = new Set();
const groups = [];
while (queue.length) {
  const lazy = queue.shift();
  if (seen.has(lazy)) continue;
  seen.add(lazy);
  const group = staticClosure(lazy, core);
  groups.push([lazy, group]);
  // Lazy chunks load others in turn (the sheet loads the map, which loads Leaflet).
  for (const path of group) for (const d of imports(path).dynamics) if (!core.has(d) && !seen.has(d)) queue.push(d);
}
for (const [lazy, group] of groups) {
  const name = relative(join(dist, 'standalone'), lazy);
  const budget = LAZY_BUDGETS.find((b) => b.match.test(name));
  row(`  lazy: ${name}${budget ? ` [${budget.name}]` : ''}${group.size > 1 ? ` (+${group.size - 1} chunks)` : ''}`, sum(group), budget?.gzip, budget?.enforced ?? true);
}

const iife = join(dist, 'iife', 'dora-elements.iife.js');
if (existsSync(iife)) row('iife (single file, everything inlined)', file(iife));
const npm = join(dist, 'dora-elements.js');
if (existsSync(npm)) row('npm ESM (dependencies external, not minified)', file(npm));

// The builds for <script> tags must be ASCII (rolldown `charset: 'ascii'`, character references in
// templates): a classic script is decoded with the host page's charset, and a page that is not
// UTF-8 would garble the French strings.
for (const path of [...core, ...groups.flatMap(([, group]) => [...group]), ...(existsSync(iife) ? [iife] : [])]) {
  const at = file(path).code.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    const context = file(path).code.slice(Math.max(0, at - 40), at + 10);
    failures.push(`${relative(dist, path)} is not ASCII-only, near: ${JSON.stringify(context)}`);
  }
}

console.log(`${'bundle'.padEnd(56)} ${'min'.padStart(10)} ${'gzip'.padStart(10)}   budget`);
for (const line of rows) console.log(line);
if (failures.length) {
  console.error(`\nSize budget or encoding check failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nSize budgets met (${new Date(statSync(entry).mtime).toISOString()} build).`);
