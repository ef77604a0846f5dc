/**
 * The demo dataset: the real La Réunion extract (974) converted to v1, plus synthetic
 * Loire-Atlantique (44) and Ardennes (08), and the file layout the local API loads.
 * @module
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Service } from '@dora/sdk';
import type { Geography } from '../geo/index.js';
import { generateDepartementDataset, type Dataset, type DatasetStructure } from './generate.js';
import { convertReunionExtract, type ReunionServiceRow, type ReunionStructureRow } from './generate-reunion.js';

/** Reference day of the committed demo dataset: its dates are relative to it. */
export const DEMO_NOW = '2026-11-01';
/** Seed of the committed demo dataset. */
export const DEMO_SEED = 'dora-demo';
/** Synthetic services per département in the committed demo dataset. */
export const DEMO_SYNTHETIC_SERVICES: Readonly<Record<string, number>> = { '44': 1800, '08': 600 };

/** Inputs and options of {@link buildDemoDataset}. */
export interface DemoOptions {
  reunion: { services: readonly ReunionServiceRow[]; structures: readonly ReunionStructureRow[] };
  /** Synthetic services per département code. */
  synthetic?: Readonly<Record<string, number>>;
  seed?: number | string;
  now?: string;
  geography?: Geography;
}

/** Builds the demo dataset: real 974 first, then each synthetic département. Deterministic. */
export function buildDemoDataset(options: DemoOptions): Dataset {
  const now = options.now ?? DEMO_NOW;
  const seed = options.seed ?? DEMO_SEED;
  const reunion = convertReunionExtract(options.reunion.services, options.reunion.structures, { now });
  const structures: DatasetStructure[] = [...reunion.structures];
  const services: Service[] = [...reunion.services];
  for (const [departement, count] of Object.entries(options.synthetic ?? DEMO_SYNTHETIC_SERVICES)) {
    const part = generateDepartementDataset({
      departement,
      services: count,
      seed,
      now,
      ...(options.geography ? { geography: options.geography } : {}),
    });
    structures.push(...part.structures);
    services.push(...part.services);
  }
  return { structures, services };
}

/** One record as JSON with its keys in alphabetical order, as the API serialises them. */
function recordToJson(record: object): string {
  const keys = Object.keys(record);
  // Generated records are built in key order already; only re-order when needed.
  if (keys.every((key, i) => i === 0 || (keys[i - 1] as string) < key)) return JSON.stringify(record);
  return JSON.stringify(record, [...keys].sort());
}

/** A JSON array with one record per line: compact, yet readable and diff-friendly. */
export function recordsToJson(records: readonly object[]): string {
  return records.length === 0 ? '[]\n' : `[\n${records.map(recordToJson).join(',\n')}\n]\n`;
}

/** Writes records to `path` in the {@link recordsToJson} format without building one big string. */
export async function writeRecords(path: string, records: readonly object[]): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  if (records.length === 0) await write('[]\n');
  else {
    // Batches of records: one write per ~1 MB rather than per record.
    let batch = '[\n';
    for (let i = 0; i < records.length; i++) {
      batch += `${recordToJson(records[i] as object)}${i < records.length - 1 ? ',\n' : '\n'}`;
      if (batch.length > 1_000_000) {
        await write(batch);
        batch = '';
      }
    }
    await write(`${batch}]\n`);
  }
  out.end();
  await once(out, 'finish');
}
