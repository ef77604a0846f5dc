/**
 * Builds `data/geo/communes-centres.json`: the centre `[lon, lat]` of every current commune (metropole
 * and DROM) and municipal arrondissement of `@etalab/decoupage-administratif`, taken from
 * ban-plateforme's `geo.json` (copied in /work/shared/data/samples/geo). Run:
 * `npm run build:geo -w @dora/local-api`. The product reads only the committed output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const BAN_PATH = fileURLToPath(
  new URL('../../../../shared/data/samples/geo/ban-communes-centre-bbox.json', import.meta.url),
);
const OUT_PATH = fileURLToPath(new URL('../data/geo/communes-centres.json', import.meta.url));

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  zone: string;
  anciensCodes?: string[];
}
interface BanEntry {
  center: [number, number];
  nom: string;
}

/**
 * The four Cantal communes re-created on 2026-01-01 (Celles, Chalinargues, Chavagnac, Sainte-Anastasie)
 * were part of Neussargues en Pinatelle (15141) in the 2024 BAN data: their former parent's centre is
 * the closest we have (within ~10 km).
 */
const FORMER_PARENT: Record<string, string> = { '15031': '15141', '15035': '15141', '15047': '15141', '15171': '15141' };

const communes = require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[];
const ban = JSON.parse(readFileSync(BAN_PATH, 'utf8')) as Record<string, BanEntry>;

const centres: Record<string, [number, number]> = {};
const fallbacks: string[] = [];
const missing: string[] = [];
for (const commune of communes) {
  const current = commune.type === 'commune-actuelle' && commune.zone !== 'com';
  if (!current && commune.type !== 'arrondissement-municipal') continue;
  if (centres[commune.code]) continue;
  let entry = ban[commune.code];
  if (!entry) {
    const from = [...(commune.anciensCodes ?? []), FORMER_PARENT[commune.code]].find((code) => code && ban[code]);
    if (from) {
      entry = ban[from];
      fallbacks.push(`${commune.code} ${commune.nom} ← ${from} ${entry?.nom}`);
    }
  }
  if (!entry) {
    missing.push(`${commune.code} ${commune.nom}`);
    continue;
  }
  centres[commune.code] = [entry.center[0], entry.center[1]];
}

const sorted = Object.fromEntries(Object.entries(centres).sort(([a], [b]) => a.localeCompare(b)));
// One entry per line: compact, yet diffs stay readable.
const body = Object.entries(sorted)
  .map(([code, [lon, lat]]) => `${JSON.stringify(code)}:[${lon},${lat}]`)
  .join(',\n');
writeFileSync(OUT_PATH, `{\n${body}\n}\n`);
console.log(`${Object.keys(sorted).length} centres written to ${OUT_PATH}`);
console.log(`fallbacks (${fallbacks.length}):\n  ${fallbacks.join('\n  ')}`);
if (missing.length) {
  console.error(`no centre for ${missing.length} communes: ${missing.join(', ')}`);
  process.exitCode = 1;
}
