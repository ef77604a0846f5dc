/**
 * Loads a dataset folder (`structures.json` and `services.json`, or `.ndjson`): arrays of schema-v1
 * records exactly as the API's list endpoints return them. Invalid records are skipped and counted,
 * never fatal; a missing `score_qualite` is computed with the documented criteria.
 * @module
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseTolerant,
  serviceSchema,
  structureSchema,
  type BaseStructure,
  type Service,
  type SourceId,
  type Structure,
  type StructureDuplicate,
} from '@dora/sdk';
import { contractKeys } from '../contract.js';
import { computeScoreQualite, roundScore } from './score.js';

/** The keys of each response type, in the contract's order: every key is always sent. */
const BASE_STRUCTURE_KEYS = contractKeys('BaseStructure');
const SERVICE_KEYS = contractKeys('Service');

/** How many records of one kind were read, kept and skipped, with the first reasons. */
export interface LoadCount {
  read: number;
  valid: number;
  invalid: number;
  /** The first few reasons (`<id or #index>: <problem>`). */
  reasons: string[];
}

/** What the load did: counts, computed scores, timing. */
export interface LoadReport {
  dir: string;
  structures: LoadCount;
  services: LoadCount;
  /** Records whose `score_qualite` was missing and computed here. */
  computedScores: { services: number; structures: number };
  /** Number of duplicate clusters with more than one structure. */
  duplicateClusters: number;
  durationMs: number;
}

/**
 * A loaded service: its `Service` JSON as UTF-8 bytes (what every response embeds) and the fields the
 * store indexes. The rest of the record is not kept as objects: at national scale (150,000 services)
 * millions of small objects would make the load and every garbage collection slow.
 */
export type ServiceRow = Pick<
  Service,
  | 'id'
  | 'structure_id'
  | 'source'
  | 'code_insee'
  | 'latitude'
  | 'longitude'
  | 'thematiques'
  | 'publics'
  | 'publics_precisions'
  | 'frais'
  | 'modes_accueil'
  | 'type'
  | 'score_qualite'
  | 'zone_eligibilite'
> & {
  /** The `Service` JSON: the source line itself when it is exactly that (a view, no copy), else re-serialised. */
  json: Buffer;
};

/** A loaded dataset: records in the API's shapes, sorted by id, plus their duplicate clusters. */
export interface Dataset {
  /** `ListedStructure` records, sorted by id, `doublons` derived from the clusters. */
  structures: Structure[];
  /** Each structure as embedded in services (`BaseStructure`), same order as `structures`. */
  baseStructures: BaseStructure[];
  /** Each structure as a full duplicate (`Structure` of the contract), same order. */
  duplicateForms: StructureDuplicate[];
  /** Cluster key of each structure (`coalesce(_cluster_id, id)`), same order. */
  clusterKeys: string[];
  /** The services, sorted by id. */
  services: ServiceRow[];
  /** Index in `structures` of each service's structure. */
  serviceStructure: Int32Array;
  report: LoadReport;
}

/** Thrown when a dataset folder cannot be read at all (missing file, not JSON). */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

const MAX_REASONS = 10;

/** Options of {@link loadDataset}. */
export interface LoadOptions {
  /** Reference date for the freshness criterion of computed scores (default: now). */
  now?: Date | string;
}

/**
 * Reads and validates the dataset in `dir`. Throws {@link DatasetError} only when a file is missing
 * or unreadable; bad records are skipped and counted in `report`.
 */
export function loadDataset(dir: string, options: LoadOptions = {}): Dataset {
  const started = performance.now();
  const now = options.now ?? new Date();
  // Both files are opened first, so that a missing one fails the load before any work.
  const rawStructures = readRecords(dir, 'structures');
  const rawServices = readRecords(dir, 'services');

  const structureCount: LoadCount = { read: 0, valid: 0, invalid: 0, reasons: [] };
  const serviceCount: LoadCount = { read: 0, valid: 0, invalid: 0, reasons: [] };
  const skip = (count: LoadCount, record: unknown, index: number, reason: string) => {
    count.invalid++;
    if (count.reasons.length < MAX_REASONS) count.reasons.push(`${describe(record, index)}: ${reason}`);
  };

  // Structures: validate, remember which lack a score (computed once their services are known).
  interface StructureEntry {
    record: Structure;
    clusterId: string | null;
    declaredDoublons: SourceId[];
    scoreMissing: boolean;
  }
  const structureById = new Map<string, StructureEntry>();
  forEachRecord(rawStructures, structureCount, (raw, index) => {
    if (!isObject(raw)) return skip(structureCount, raw, index, 'not an object');
    const scoreMissing = raw['score_qualite'] === undefined || raw['score_qualite'] === null;
    // The raw record is ours (just parsed): fill the API-only keys in place rather than copy it.
    raw['doublons'] ??= [];
    raw['adresse_certifiee'] ??= false;
    if (scoreMissing) raw['score_qualite'] = 0;
    const parsed = parseTolerant(structureSchema, raw);
    if (!parsed.success) return skip(structureCount, raw, index, issuesOf(parsed.error));
    const record = parsed.data;
    if (!record.id.trim()) return skip(structureCount, raw, index, 'empty id');
    if (structureById.has(record.id)) return skip(structureCount, raw, index, 'duplicate id');
    const clusterId = typeof raw['_cluster_id'] === 'string' && raw['_cluster_id'] ? raw['_cluster_id'] : null;
    structureById.set(record.id, { record, clusterId, declaredDoublons: record.doublons, scoreMissing });
  });

  // Services: validate, compute missing scores, require a known structure.
  const serviceById = new Map<string, ServiceRow>();
  let computedServiceScores = 0;
  forEachRecord(rawServices, serviceCount, (raw, index, sourceJson) => {
    if (!isObject(raw)) return skip(serviceCount, raw, index, 'not an object');
    const scoreMissing = raw['score_qualite'] === undefined || raw['score_qualite'] === null;
    const complete = !scoreMissing && hasExactly(raw, SERVICE_KEYS);
    raw['adresse_certifiee'] ??= false;
    if (scoreMissing) raw['score_qualite'] = 0;
    const parsed = parseTolerant(serviceSchema, raw);
    if (!parsed.success) return skip(serviceCount, raw, index, issuesOf(parsed.error));
    const record = parsed.data;
    if (!record.id.trim()) return skip(serviceCount, raw, index, 'empty id');
    if (serviceById.has(record.id)) return skip(serviceCount, raw, index, 'duplicate id');
    if (!structureById.has(record.structure_id)) {
      return skip(serviceCount, raw, index, `unknown structure_id ${JSON.stringify(record.structure_id)}`);
    }
    if (scoreMissing) {
      const score = computeScoreQualite(record, { now });
      if (!Number.isFinite(score)) return skip(serviceCount, raw, index, 'score_qualite cannot be computed');
      record.score_qualite = score;
      computedServiceScores++;
    }
    // The source line is served as is when it is exactly the `Service` JSON (all the contract's keys,
    // nothing added or computed); then only the indexed fields stay as objects.
    const source = complete && sourceJson && isUtf8(sourceJson) ? sourceJson : undefined;
    serviceById.set(record.id, rowOf(record, source ?? Buffer.from(JSON.stringify(exactly(record, SERVICE_KEYS)))));
  });
  structureCount.valid = structureById.size;
  serviceCount.valid = serviceById.size;

  const services = [...serviceById.values()].sort(byId);
  const structureIds = [...structureById.keys()].sort(compareStrings);
  const structureIndex = new Map(structureIds.map((id, i) => [id, i]));

  // Structure scores: the mean of their services' scores when missing (0 without services).
  const scoreSums = new Float64Array(structureIds.length);
  const scoreCounts = new Int32Array(structureIds.length);
  const serviceStructure = new Int32Array(services.length);
  services.forEach((service, i) => {
    const s = structureIndex.get(service.structure_id) as number;
    serviceStructure[i] = s;
    scoreSums[s]! += service.score_qualite;
    scoreCounts[s]! += 1;
  });
  let computedStructureScores = 0;

  // Duplicate clusters: a shared `_cluster_id` or a `doublons` link joins two structures (union-find).
  const parent = Int32Array.from(structureIds, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byClusterId = new Map<string, number>();
  structureIds.forEach((id, i) => {
    const entry = structureById.get(id)!;
    if (entry.clusterId !== null) {
      const first = byClusterId.get(entry.clusterId);
      if (first === undefined) byClusterId.set(entry.clusterId, i);
      else union(first, i);
    }
    for (const doublon of entry.declaredDoublons) {
      const other = structureIndex.get(doublon.id);
      if (other !== undefined) union(i, other);
    }
  });
  const members = new Map<number, number[]>();
  structureIds.forEach((_, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });

  const structures: Structure[] = [];
  const baseStructures: BaseStructure[] = [];
  const duplicateForms: StructureDuplicate[] = [];
  const clusterKeys: string[] = new Array(structureIds.length);
  structureIds.forEach((id, i) => {
    const entry = structureById.get(id)!;
    const base = pick(entry.record, BASE_STRUCTURE_KEYS) as unknown as BaseStructure;
    let score = entry.record.score_qualite;
    if (entry.scoreMissing) {
      score = scoreCounts[i]! > 0 ? roundScore(scoreSums[i]! / scoreCounts[i]!) : 0;
      computedStructureScores++;
    }
    baseStructures.push(base);
    const { adresse_certifiee: _certified, ...duplicate } = base;
    duplicateForms.push(duplicate);
    structures.push({ ...base, score_qualite: score, doublons: [] });
  });
  let duplicateClusters = 0;
  for (const group of members.values()) {
    const clusterId = group.map((i) => structureById.get(structureIds[i]!)!.clusterId).find((c) => c !== null);
    const key = clusterId ?? structureIds[group[0]!]!;
    for (const i of group) clusterKeys[i] = key;
    if (group.length < 2) continue;
    duplicateClusters++;
    for (const i of group) {
      structures[i]!.doublons = group
        .filter((j) => j !== i)
        .map((j) => ({ source: structures[j]!.source, id: structures[j]!.id }));
    }
  }

  return {
    structures,
    baseStructures,
    duplicateForms,
    clusterKeys,
    services,
    serviceStructure,
    report: {
      dir,
      structures: structureCount,
      services: serviceCount,
      computedScores: { services: computedServiceScores, structures: computedStructureScores },
      duplicateClusters,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

/**
 * Visits the records of a file one at a time (so that each raw record can be dropped once handled),
 * with the JSON bytes it was parsed from when it was read line by line.
 */
type RecordSource = (visit: (raw: unknown, source: Buffer | undefined) => void) => void;

function forEachRecord(
  source: RecordSource,
  count: LoadCount,
  visit: (raw: unknown, index: number, source: Buffer | undefined) => void,
): void {
  source((raw, bytes) => visit(raw, count.read++, bytes));
}

/**
 * Opens `<kind>.json` (an array, or a page `{items: [...]}`) or `<kind>.ndjson` (one record per line).
 * A `.json` array written one record per line (as the generators and `JSON.stringify` per item do) is
 * parsed line by line: no giant string in memory, and raw records can be dropped as they are validated.
 * Any other layout is parsed as a whole.
 */
function readRecords(dir: string, kind: 'structures' | 'services'): RecordSource {
  const jsonPath = join(dir, `${kind}.json`);
  const ndjsonPath = join(dir, `${kind}.ndjson`);
  const path = existsSync(jsonPath) ? jsonPath : existsSync(ndjsonPath) ? ndjsonPath : null;
  if (!path) throw new DatasetError(`no ${kind}.json or ${kind}.ndjson in ${dir}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DatasetError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (path === ndjsonPath) return (visit) => lines(bytes, 'ndjson', visit);
  if (lineDelimitedArray(bytes)) return (visit) => lines(bytes, 'array', visit);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new DatasetError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const records = Array.isArray(parsed) ? parsed : isObject(parsed) && Array.isArray(parsed['items']) ? parsed['items'] : null;
  if (!records) throw new DatasetError(`${path} must hold an array of ${kind} (or a page with "items")`);
  return (visit) => {
    for (const record of records as unknown[]) visit(record, undefined);
  };
}

/**
 * Whether `bytes` is a JSON array laid out one record per line: `[` alone on the first line, `]` alone
 * on the last, every other line starting with `{` in the first column and ending with `}` or `},`.
 * Returns the number of lines, or null.
 */
function lineDelimitedArray(bytes: Buffer): number | null {
  let start = 0;
  let count = 0;
  let lastContent = '';
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    let stop = end;
    while (stop > start && (bytes[stop - 1] === 0x0d || bytes[stop - 1] === 0x20)) stop--;
    if (stop > start) {
      const first = bytes[start]!;
      const final = bytes[stop - 1]!;
      const previous = bytes[stop - 2];
      if (count === 0) {
        if (!(first === 0x5b && stop === start + 1)) return null; // "["
      } else if (!(first === 0x7b && (final === 0x7d || (final === 0x2c && previous === 0x7d)))) {
        if (!(first === 0x5d && stop === start + 1)) return null; // "]" closes
        lastContent = ']';
      }
      if (lastContent === ']' && first !== 0x5d) return null;
      count++;
    }
    start = end + 1;
  }
  return lastContent === ']' && count >= 2 ? count : null;
}

/**
 * Visits the parsed non-empty lines of `bytes` with their bytes; a line that is not JSON is visited as
 * a {@link MalformedLine}. In `array` mode (a one-record-per-line JSON array) the `[` and `]` lines are
 * skipped and each line's trailing comma dropped. Trimming works on bytes: only the record is decoded.
 */
function lines(bytes: Buffer, mode: 'ndjson' | 'array', visit: (raw: unknown, source: Buffer | undefined) => void): void {
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    let from = start;
    let to = end;
    start = end + 1;
    while (from < to && isBlank(bytes[from]!)) from++;
    while (to > from && isBlank(bytes[to - 1]!)) to--;
    if (mode === 'array') {
      if (to - from === 1 && (bytes[from] === 0x5b || bytes[from] === 0x5d)) continue; // "[" or "]"
      if (to > from && bytes[to - 1] === 0x2c) to--; // ","
    }
    if (to <= from) continue;
    const text = bytes.toString('utf8', from, to);
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      visit(new MalformedLine(text), undefined);
      continue;
    }
    visit(value, bytes.subarray(from, to));
  }
}

/** Space, tab, carriage return. */
const isBlank = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0d;

function rowOf(service: Service, json: Buffer): ServiceRow {
  return {
    id: service.id,
    structure_id: service.structure_id,
    source: service.source,
    code_insee: service.code_insee,
    latitude: service.latitude,
    longitude: service.longitude,
    thematiques: service.thematiques,
    publics: service.publics,
    publics_precisions: service.publics_precisions,
    frais: service.frais,
    modes_accueil: service.modes_accueil,
    type: service.type,
    score_qualite: service.score_qualite,
    zone_eligibilite: service.zone_eligibilite,
    json,
  };
}

/** Whether `record` has exactly these own keys. */
function hasExactly(record: Record<string, unknown>, keys: readonly string[]): boolean {
  if (Object.keys(record).length !== keys.length) return false;
  for (const key of keys) if (!Object.hasOwn(record, key)) return false;
  return true;
}

class MalformedLine {
  constructor(readonly line: string) {}
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof MalformedLine);
}

function describe(record: unknown, index: number): string {
  if (record instanceof MalformedLine) return `line #${index + 1} (not JSON)`;
  const id = isObject(record) && typeof record['id'] === 'string' ? record['id'] : null;
  return id ? `${id} (#${index})` : `#${index}`;
}

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The record itself when it holds exactly `keys` (the schema output always has them all, so an equal
 * count means no extra key), else a copy with only `keys`: no copy in the common case.
 */
function exactly<K extends string>(record: object, keys: readonly K[]): Record<K, unknown> {
  return Object.keys(record).length === keys.length ? (record as Record<K, unknown>) : pick(record, keys);
}

function pick<K extends string>(record: object, keys: readonly K[]): Record<K, unknown> {
  const source = record as Record<string, unknown>;
  const out = {} as Record<K, unknown>;
  for (const key of keys) out[key] = source[key] ?? null;
  return out;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }): number => compareStrings(a.id, b.id);
