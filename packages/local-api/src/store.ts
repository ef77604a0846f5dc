/**
 * The in-memory engine: a loaded dataset plus the indexes that answer the API's queries, built once
 * per load (then swapped atomically on reload). Semantics follow data·inclusion's
 * `search_services_query` / `filter_services` (reference §2).
 * @module
 */
import {
  CATEGORIES,
  expandThematiques,
  FRAIS,
  MODES_ACCUEIL,
  PUBLICS,
  THEMATIQUES,
  TYPES_SERVICES,
  type Structure,
} from '@dora/sdk';
import type { Dataset } from './dataset/load.js';
import { FullTextIndex } from './full-text.js';
import { DistanceFrom } from './geo/distance.js';
import type { Commune, Geography } from './geo/index.js';
import {
  cellOf,
  FIRST_ZONE,
  IN_PERSON,
  LAT,
  LON,
  NO_CELL,
  packRemote,
  RANK,
  REMOTE_LAT,
  REMOTE_LON,
  REMOTE_NUMBER,
  REMOTE_RANK,
  REMOTE_STRIDE,
  ServiceGrid,
  SLOT,
  STRIDE,
  ZONES_FROM,
  ZONES_TO,
} from './service-grid.js';
import { terms } from './text.js';

/** The fixed search radius of `/search/services`, in metres. */
export const SEARCH_RADIUS_METRES = 50_000;

/** A page exactly as the API sends it. */
export interface ApiPage<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
  pages: number;
}

/** Paging asked by the client. */
export interface Paging {
  page: number;
  size: number;
}

/** Service filters shared by `/services`, `/search/services` and `/search` (validated values). */
export interface ServiceFilters {
  sources?: string[] | undefined;
  thematiques?: string[] | undefined;
  frais?: string[] | undefined;
  publics?: string[] | undefined;
  modes_accueil?: string[] | undefined;
  types?: string[] | undefined;
  score_qualite_minimum?: number | undefined;
  recherche_public?: string | undefined;
  /** Sources left out whatever the query says (Soliguide without a privileged token, reference §1.2). */
  hiddenSources?: readonly string[] | undefined;
}

/** Geography filters of the list endpoints, applied to the record's own `code_insee`. */
export interface PlaceFilters {
  code_region?: string | undefined;
  code_departement?: string | undefined;
  code_commune?: string | undefined;
}

const bitsOf = (values: readonly { value: string }[]) => new Map(values.map((v, i) => [v.value, i]));
const THEMATIQUE_BIT = bitsOf(THEMATIQUES);
const PUBLIC_BIT = bitsOf(PUBLICS);
const FRAIS_BIT = bitsOf(FRAIS);
const MODE_BIT = bitsOf(MODES_ACCUEIL);
const TYPE_BIT = bitsOf(TYPES_SERVICES);
const TOUS_PUBLICS = 1 << PUBLIC_BIT.get('tous-publics')!;
const EN_PRESENTIEL = 1 << MODE_BIT.get('en-presentiel')!;
const A_DISTANCE = 1 << MODE_BIT.get('a-distance')!;
const THEMATIQUE_WORDS = Math.ceil(THEMATIQUES.length / 32);

function maskOf(values: readonly string[] | null, bits: Map<string, number>): number {
  let mask = 0;
  for (const value of values ?? []) {
    const bit = bits.get(value);
    if (bit !== undefined) mask |= 1 << bit;
  }
  return mask;
}

/** Compiled service filters: bit masks tested against per-service columns. */
interface CompiledFilters {
  sources: Set<number> | null;
  /** Source codes left out; null when none of the hidden sources is in the dataset. */
  hidden: Set<number> | null;
  thematiques: Uint32Array | null;
  frais: number;
  publics: number;
  modes: number;
  types: number;
  scoreMin: number | null;
  publicTerms: string[] | null;
}

/** A bounded max-heap of numeric keys: keeps the `k` smallest (the top-k of a page). */
class TopK {
  readonly #heap: Float64Array;
  #length = 0;
  constructor(readonly k: number) {
    this.#heap = new Float64Array(Math.max(1, k));
  }
  push(key: number): void {
    const heap = this.#heap;
    if (this.#length < this.k) {
      let i = this.#length++;
      heap[i] = key;
      while (i > 0) {
        const up = (i - 1) >> 1;
        if (heap[up]! >= heap[i]!) break;
        const swap = heap[up]!;
        heap[up] = heap[i]!;
        heap[i] = swap;
        i = up;
      }
    } else if (this.k > 0 && key < heap[0]!) {
      heap[0] = key;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let largest = i;
        if (l < this.#length && heap[l]! > heap[largest]!) largest = l;
        if (r < this.#length && heap[r]! > heap[largest]!) largest = r;
        if (largest === i) break;
        const swap = heap[largest]!;
        heap[largest] = heap[i]!;
        heap[i] = swap;
        i = largest;
      }
    }
  }
  sorted(): Float64Array {
    return this.#heap.slice(0, this.#length).sort();
  }
  /** Whether it holds `k` keys already. */
  get full(): boolean {
    return this.#length === this.k;
  }
  /** The largest key kept (the one the next smaller key would replace). */
  get max(): number {
    return this.#heap[0]!;
  }
}

function makePage<T>(items: T[], total: number, paging: Paging): ApiPage<T> {
  return { items, total, page: paging.page, size: items.length, pages: Math.ceil(total / paging.size) };
}

/**
 * Responses are assembled from the UTF-8 JSON of the records they embed, as a list of byte chunks
 * concatenated once: nothing is re-serialised or re-encoded per request.
 */
type Chunks = Buffer[];
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const COMMA = bytes(',');
const CLOSE = bytes('}');
const ITEMS_OPEN = bytes('{"items":[');
const WITH_STRUCTURE = bytes(',"structure":');
const SERVICE_OPEN = bytes('{"service":');
/** `,"distance":<km>}` for 0 to 50 km, and `null` (key 51). */
const DISTANCE_TAIL = Array.from({ length: 52 }, (_, km) => bytes(`,"distance":${km === 51 ? 'null' : km}}`));

/** A page whose items are already JSON chunks. */
function pageJson(items: Chunks[], total: number, paging: Paging): Buffer {
  const chunks: Chunks = [ITEMS_OPEN];
  items.forEach((item, k) => {
    if (k > 0) chunks.push(COMMA);
    for (const chunk of item) chunks.push(chunk);
  });
  chunks.push(bytes(`],"total":${total},"page":${paging.page},"size":${items.length},"pages":${Math.ceil(total / paging.size)}}`));
  return Buffer.concat(chunks);
}

/** `json` (an object's JSON) with `,"key":value` chunks added before its closing brace. */
function extended(json: Buffer, ...members: Chunks): Chunks {
  return [json.subarray(0, json.length - 1), ...members, CLOSE];
}

/** The sub-thématique bits of each category with more than one, ascending. */
function categoryBitSets(): number[][] {
  return CATEGORIES.map((category) =>
    expandThematiques([category.value])
      .map((t) => THEMATIQUE_BIT.get(t))
      .filter((bit): bit is number => bit !== undefined)
      .sort((a, b) => a - b),
  ).filter((bits) => bits.length > 1);
}

/** Whether a compiled filter tests anything at all. */
function hasFilters(f: CompiledFilters): boolean {
  return (
    f.sources !== null ||
    f.hidden !== null ||
    f.thematiques !== null ||
    f.frais !== -1 ||
    f.publics !== -1 ||
    f.modes !== -1 ||
    f.types !== -1 ||
    f.scoreMin !== null ||
    f.publicTerms !== null
  );
}

/**
 * The id-order positions of `services` (sorted by id) in spatial order: by cell of the search grid,
 * unlocated services last, id order within a cell.
 */
function spatialOrder(services: readonly { latitude: number | null; longitude: number | null }[]): Int32Array {
  const n = services.length;
  const keys = new Float64Array(n);
  services.forEach((service, r) => {
    const { latitude: lat, longitude: lon } = service;
    const located = lat !== null && lon !== null && Number.isFinite(lat) && Number.isFinite(lon);
    // The search grid's cells, so that a cell's services are neighbours in every column.
    const cell = located ? cellOf(lat, lon) : NO_CELL;
    keys[r] = cell * n + r;
  });
  keys.sort();
  return Int32Array.from(keys, (key) => key % n);
}

/** The dataset with its indexes. Immutable once built. */
export class Store {
  readonly geography: Geography;
  /** What the load did. */
  readonly report: Dataset['report'];
  readonly structures: Structure[];
  readonly #duplicateForms: Dataset['duplicateForms'];
  readonly #clusterKeys: string[];
  readonly #serviceStructure: Int32Array;
  /**
   * Each service as its `Service` JSON, UTF-8. Services are kept as these bytes (outside the JS heap)
   * plus typed columns, not as millions of small objects: the heap, and its GC pauses, stay small, and
   * responses are assembled from them without re-serialising or re-encoding.
   */
  readonly #serviceJson: Buffer[];
  /** Each structure as its `BaseStructure` JSON (embedded in services). */
  readonly #baseStructureJson: Buffer[];
  /** Service fields still needed after load: `code_insee` (place filters) and the publics text. */
  readonly #codeInsee: (string | null)[];
  readonly #publicsText: (string | null)[];
  readonly #n: number;
  readonly #lat: Float64Array;
  readonly #lon: Float64Array;
  readonly #thematiques: Uint32Array;
  readonly #publics: Uint16Array;
  readonly #frais: Uint8Array;
  readonly #modes: Uint8Array;
  readonly #types: Uint8Array;
  readonly #source: Int32Array;
  readonly #sourceCodes = new Map<string, number>();
  readonly #score: Float64Array;
  /**
   * Eligibility zones of each service as interned code ids, in one flat list (CSR: the zones of service
   * `i` are `#zoneIds[#zoneOffsets[i] .. #zoneOffsets[i + 1]]`, none meaning unrestricted): testing a
   * service is then a few integer reads against per-request marks, not string hashing.
   */
  readonly #zoneOffsets: Int32Array;
  readonly #zoneIds: Int32Array;
  readonly #zoneIdByCode = new Map<string, number>();
  /** Per-request marks of the eligible zone ids (same stamps as the service marks). */
  readonly #zoneMarks: Uint32Array;
  /** Search terms of each service's publics, built on first use of `recherche_public`. */
  readonly #publicTerms: (Set<string> | undefined)[];
  /**
   * Located services that are not remote, all of them and one grid per sub-thématique (a thématique
   * filter visits only its grids). Remote services are found through their eligibility zones instead:
   * they are kept wherever they are eligible, in range or not.
   */
  /**
   * Keyed by the sub-thématique bits asked (ascending, comma-separated): `''` for all, each single
   * sub-thématique, and each category (all its sub-thématiques). Any other combination visits the grids
   * of its sub-thématiques and skips the services already seen.
   */
  readonly #gridByBits = new Map<string, ServiceGrid>();
  /** Services of each sub-thématique. */
  readonly #byThematique: Int32Array[];
  /**
   * Remote services (`a-distance`), numbered 0..m-1 in slot order, in lists packed like the grid's
   * cells (see {@link packRemote}). National ones (no zone, or `france` / `99100` among their zones)
   * are eligible everywhere: they are listed by bit set like the grids, and in no zone list.
   */
  readonly #remoteSlot: Int32Array;
  /** Per-request marks of the remote services (same stamps as the service marks). */
  readonly #remoteMarks: Uint32Array;
  readonly #remoteNational = new Map<string, Float64Array>();
  /** The other remote services by eligibility code, and by code then sub-thématique bit. */
  readonly #remoteByZone = new Map<string, Float64Array>();
  readonly #remoteByZoneThematique = new Map<string, (Float64Array | undefined)[]>();
  /** Per-request marks (a stamp per request, so that they never need clearing). */
  /**
   * One array for all the marks of a request (visited near, matched near, visited remote: three
   * increasing stamps), so that each visited service costs one memory read rather than three.
   */
  readonly #marks: Uint32Array;
  #stamp = 0;
  /**
   * The sort keys of a search's matches (each service at most once), reused by every search: searches
   * run one at a time (synchronously), and a search at national scale matches tens of thousands.
   */
  readonly #keys: Float64Array;
  readonly #structureIndex: Map<string, number>;
  readonly #serviceIndex: Map<string, number>;
  /**
   * Services are stored in spatial order (by grid cell), not id order, so that the services of a radius
   * search sit next to each other in every column: a search then reads memory sequentially instead of
   * missing the cache on every candidate. `#rank[i]` is the id-order position of slot `i` (the tie-break
   * of every ordering); `#slotOfRank` is its inverse.
   */
  readonly #rank: Int32Array;
  readonly #slotOfRank: Int32Array;
  readonly #servicesOfStructure: number[][];
  readonly #structureDateRank: Float64Array;
  readonly #structureSources: Set<string>;
  #fullText: Promise<FullTextIndex> | undefined;

  constructor(dataset: Dataset, geography: Geography) {
    this.geography = geography;
    this.report = dataset.report;
    this.structures = dataset.structures;
    this.#duplicateForms = dataset.duplicateForms;
    this.#clusterKeys = dataset.clusterKeys;
    const rank = (this.#rank = spatialOrder(dataset.services));
    this.#slotOfRank = new Int32Array(rank.length);
    rank.forEach((r, i) => (this.#slotOfRank[r] = i));
    this.#serviceStructure = rank.map((r) => dataset.serviceStructure[r]!);
    const services = Array.from(rank, (r) => dataset.services[r]!);
    this.#serviceJson = services.map((service) => service.json);
    this.#baseStructureJson = dataset.baseStructures.map((structure) => bytes(JSON.stringify(structure)));
    this.#codeInsee = services.map((service) => service.code_insee);
    this.#publicsText = services.map((service) =>
      service.publics || service.publics_precisions ? `${(service.publics ?? []).join(' ')} ${service.publics_precisions ?? ''}` : null,
    );
    const n = (this.#n = services.length);
    this.#lat = new Float64Array(n);
    this.#lon = new Float64Array(n);
    this.#thematiques = new Uint32Array(n * THEMATIQUE_WORDS);
    this.#publics = new Uint16Array(n);
    this.#frais = new Uint8Array(n);
    this.#modes = new Uint8Array(n);
    this.#types = new Uint8Array(n);
    this.#source = new Int32Array(n);
    this.#score = new Float64Array(n);
    this.#zoneOffsets = new Int32Array(n + 1);
    const zoneIds: number[] = [];
    this.#publicTerms = new Array(n);
    this.#marks = new Uint32Array(n);
    this.#keys = new Float64Array(n);
    const listsByBit = () => Array.from({ length: THEMATIQUES.length }, (): number[] => []);
    const byThematique = listsByBit();
    const remoteNationalByBit = listsByBit();
    const remoteNational: number[] = [];
    const remoteByZone = new Map<string, number[]>();
    const remoteByZoneThematique = new Map<string, number[][]>();
    const remoteSlots: number[] = [];
    const push = (map: Map<string, number[]>, key: string, i: number) => {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    };
    services.forEach((s, i) => {
      this.#lat[i] = s.latitude ?? Number.NaN;
      this.#lon[i] = s.longitude ?? Number.NaN;
      const bits: number[] = [];
      for (const t of new Set(s.thematiques ?? [])) {
        const bit = THEMATIQUE_BIT.get(t);
        if (bit === undefined) continue;
        bits.push(bit);
        this.#thematiques[i * THEMATIQUE_WORDS + (bit >> 5)]! |= 1 << (bit & 31);
        byThematique[bit]!.push(i);
      }
      this.#publics[i] = maskOf(s.publics, PUBLIC_BIT);
      this.#frais[i] = maskOf(s.frais === null ? null : [s.frais], FRAIS_BIT);
      this.#modes[i] = maskOf(s.modes_accueil, MODE_BIT);
      this.#types[i] = maskOf(s.type === null ? null : [s.type], TYPE_BIT);
      let code = this.#sourceCodes.get(s.source);
      if (code === undefined) this.#sourceCodes.set(s.source, (code = this.#sourceCodes.size));
      this.#source[i] = code;
      this.#score[i] = s.score_qualite;
      const zones = s.zone_eligibilite && s.zone_eligibilite.length > 0 ? [...new Set(s.zone_eligibilite)] : null;
      for (const zone of zones ?? []) {
        let id = this.#zoneIdByCode.get(zone);
        if (id === undefined) this.#zoneIdByCode.set(zone, (id = this.#zoneIdByCode.size));
        zoneIds.push(id);
      }
      this.#zoneOffsets[i + 1] = zoneIds.length;
      if (this.#modes[i]! & A_DISTANCE) {
        const q = remoteSlots.push(i) - 1;
        if (zones === null || zones.includes('france') || zones.includes('99100')) {
          remoteNational.push(q);
          for (const bit of bits) remoteNationalByBit[bit]!.push(q);
        } else {
          for (const zone of zones) {
            push(remoteByZone, zone, q);
            let byBit = remoteByZoneThematique.get(zone);
            if (!byBit) remoteByZoneThematique.set(zone, (byBit = []));
            for (const bit of bits) (byBit[bit] ??= []).push(q);
          }
        }
      }
    });
    this.#zoneIds = Int32Array.from(zoneIds);
    this.#zoneMarks = new Uint32Array(this.#zoneIdByCode.size);
    this.#remoteSlot = Int32Array.from(remoteSlots);
    this.#remoteMarks = new Uint32Array(remoteSlots.length);
    const inPerson = (i: number) => (this.#modes[i]! & EN_PRESENTIEL) !== 0;
    const pack = (numbers: readonly number[]) => packRemote(numbers, this.#remoteSlot, rank, this.#lat, this.#lon, inPerson);
    for (const [zone, list] of remoteByZone) this.#remoteByZone.set(zone, pack(list));
    for (const [zone, byBit] of remoteByZoneThematique) {
      this.#remoteByZoneThematique.set(zone, Array.from(byBit, (list) => (list ? pack(list) : undefined)));
    }
    this.#remoteNational.set('', pack(remoteNational));
    remoteNationalByBit.forEach((list, bit) => this.#remoteNational.set(String(bit), pack(list)));
    for (const bits of categoryBitSets()) {
      const numbers = [...new Set(bits.flatMap((bit) => remoteNationalByBit[bit]!))].sort((a, b) => a - b);
      this.#remoteNational.set(bits.join(','), pack(numbers));
    }
    this.#byThematique = byThematique.map((list) => Int32Array.from(list));
    const located = (i: number) => !(this.#modes[i]! & A_DISTANCE) && Number.isFinite(this.#lat[i]!) && Number.isFinite(this.#lon[i]!);
    const columns = {
      rank,
      lat: this.#lat,
      lon: this.#lon,
      zoneOffsets: this.#zoneOffsets,
      zoneIds: this.#zoneIds,
      inPerson: (i: number) => (this.#modes[i]! & EN_PRESENTIEL) !== 0,
    };
    const gridOf = (slots: ArrayLike<number>) => {
      const kept: number[] = [];
      for (let k = 0; k < slots.length; k++) if (located(slots[k]!)) kept.push(slots[k]!);
      return new ServiceGrid(kept, columns);
    };
    this.#gridByBits.set('', gridOf(rank.map((_, i) => i)));
    this.#byThematique.forEach((list, bit) => this.#gridByBits.set(String(bit), gridOf(list)));
    for (const bits of categoryBitSets()) {
      const slots = new Int32Array(bits.flatMap((bit) => [...this.#byThematique[bit]!])).sort();
      this.#gridByBits.set(bits.join(','), gridOf(slots.filter((slot, k) => k === 0 || slot !== slots[k - 1])));
    }
    this.#serviceIndex = new Map(services.map((s, i) => [s.id, i]));
    this.#structureIndex = new Map(dataset.structures.map((s, i) => [s.id, i]));
    this.#structureSources = new Set(dataset.structures.map((s) => s.source));
    this.#servicesOfStructure = dataset.structures.map(() => []);
    this.servicesCount = n;
    for (const i of this.#slotOfRank) this.#servicesOfStructure[this.#serviceStructure[i]!]!.push(i);
    // date_maj as a sortable number (YYYYMMDD), -1 when unreadable (NULLS LAST in a DESC order).
    this.#structureDateRank = Float64Array.from(dataset.structures, (s) => {
      const digits = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.date_maj);
      return digits ? Number(digits[1]! + digits[2]! + digits[3]!) : -1;
    });
  }

  /** Number of services. */
  readonly servicesCount: number;

  /** The source slugs present in the dataset. */
  get sourceSlugs(): string[] {
    return [...this.#sourceCodes.keys()];
  }

  /** Whether the dataset has services or structures of this source. */
  hasSource(slug: string): boolean {
    return this.#sourceCodes.has(slug) || this.#structureSources.has(slug);
  }

  // ---------------------------------------------------------------------------------------------
  // Details

  /** `/services/{id}`: a `DetailedService` JSON. */
  service(id: string): Buffer | undefined {
    const i = this.#serviceIndex.get(id);
    return i === undefined ? undefined : Buffer.concat(this.#detailedJson(i));
  }

  /** `/structures/{id}`: a `DetailedStructure` JSON, with its services and its duplicates in full. */
  structure(id: string): Buffer | undefined {
    const i = this.#structureIndex.get(id);
    if (i === undefined) return undefined;
    const structure = this.structures[i]!;
    const doublons = structure.doublons.map((d) => this.#duplicateForms[this.#structureIndex.get(d.id)!]!);
    const head = bytes(JSON.stringify({ ...structure, doublons }));
    const services: Chunks = [bytes(',"services":[')];
    this.#servicesOfStructure[i]!.forEach((k, position) => {
      if (position > 0) services.push(COMMA);
      services.push(this.#serviceJson[k]!);
    });
    services.push(bytes(']'));
    return Buffer.concat(extended(head, ...services));
  }

  /** The `DetailedService` JSON of service `i`: its `Service` JSON plus its structure. */
  #detailedJson(i: number): Chunks {
    return extended(this.#serviceJson[i]!, WITH_STRUCTURE, this.#baseStructureJson[this.#serviceStructure[i]!]!);
  }

  // ---------------------------------------------------------------------------------------------
  // Lists

  /** `/structures`. */
  listStructures(
    query: PlaceFilters & {
      sources?: string[] | undefined;
      reseaux_porteurs?: string[] | undefined;
      exclure_doublons?: boolean;
      hiddenSources?: readonly string[] | undefined;
    },
    paging: Paging,
  ): ApiPage<Structure> {
    const structures = this.structures;
    const clusterKeys = this.#clusterKeys;
    const sources = query.sources ? new Set(query.sources) : null;
    const reseaux = query.reseaux_porteurs ? new Set(query.reseaux_porteurs) : null;
    const hidden = new Set(query.hiddenSources ?? []);
    let matches: number[] = [];
    for (let i = 0; i < structures.length; i++) {
      const s = structures[i]!;
      if (sources && !sources.has(s.source)) continue;
      if (hidden.has(s.source)) continue;
      if (reseaux && !(s.reseaux_porteurs ?? []).some((r) => reseaux.has(r))) continue;
      if (!this.#placeMatches(s.code_insee, query)) continue;
      matches.push(i);
    }
    if (query.exclure_doublons) {
      // DISTINCT ON (cluster): best score, then latest date, then id; ordered by cluster key, then id.
      const best = new Map<string, number>();
      for (const i of matches) {
        const key = clusterKeys[i]!;
        const current = best.get(key);
        if (current === undefined || this.#structureBetter(i, current)) best.set(key, i);
      }
      matches = [...best.values()].sort((a, b) => {
        const ka = clusterKeys[a]!;
        const kb = clusterKeys[b]!;
        return ka < kb ? -1 : ka > kb ? 1 : a - b;
      });
    }
    const start = (paging.page - 1) * paging.size;
    return makePage(
      matches.slice(start, start + paging.size).map((i) => structures[i]!),
      matches.length,
      paging,
    );
  }

  /** `/services`. */
  listServices(query: ServiceFilters & PlaceFilters, paging: Paging): Buffer {
    const filters = this.#compile(query);
    const start = (paging.page - 1) * paging.size;
    const items: Chunks[] = [];
    let total = 0;
    for (const i of this.#slotOfRank) {
      if (!this.#passes(i, filters) || !this.#placeMatches(this.#codeInsee[i]!, query)) continue;
      if (total >= start && items.length < paging.size) items.push([this.#serviceJson[i]!]);
      total++;
    }
    return pageJson(items, total, paging);
  }

  // ---------------------------------------------------------------------------------------------
  // /search/services

  /**
   * `/search/services`. With a commune: eligibility, the 50 km radius (remote services always kept),
   * `distance` for in-person services within range, ordered by distance then id. `commune` must exist
   * (the route answers 422 otherwise).
   */
  searchServices(
    query: ServiceFilters & { commune?: Commune | undefined; requestedCode?: string; origin?: { lat: number; lon: number } | undefined; exclure_doublons?: boolean },
    paging: Paging,
  ): Buffer {
    const filters = this.#compile(query);
    const n = this.#n;
    // Each match is one key: distance (km, 0..50, or 51 for null) * n + id rank, so that the numeric
    // order is "distance ASC NULLS LAST, id".
    const keys = this.#keys;
    let count = 0;
    const rank = this.#rank;
    const start = (paging.page - 1) * paging.size;
    const end = start + paging.size;
    // The page's keys when only they are kept (see below), with the number of matches.
    let top: TopK | null = null;
    let total = 0;
    const bits = this.#thematiqueBits(filters);
    // The per-sub-thématique indexes visited below hold only services of the asked sub-thématiques:
    // their thématique test is already done.
    const rest: CompiledFilters = bits ? { ...filters, thematiques: null } : filters;
    if (query.commune) {
      const commune = query.commune;
      const origin = query.origin ?? commune.centre;
      const codes = new Set(
        [query.requestedCode, commune.code, commune.parent, commune.departement, commune.epci, '99100', 'france'].filter(
          (c): c is string => typeof c === 'string' && c.length > 0,
        ),
      );
      // A stamp above any earlier request's: marks equal to it were visited by this request.
      const visited = this.#nextStamps(1);
      this.#markZones(codes, visited);
      const marks = this.#marks;
      const from = new DistanceFrom(origin.lat, origin.lon);
      const filtered = hasFilters(rest);
      // Services that are not remote: eligible and in range, from the grid cells around the origin (one
      // grid for all, a sub-thématique or a category; else the grids of the asked sub-thématiques, where
      // a service with several of them is seen more than once).
      const bitsKey = bits ? bits.join(',') : '';
      const whole = this.#gridByBits.get(bitsKey);
      const grids = whole ? [whole] : bits!.map((bit) => this.#gridByBits.get(String(bit))!);
      const dedupe = !whole;
      // Without duplicates to weed out (one grid, no exclure_doublons), only the page's keys are needed:
      // they are kept in a bounded heap, cells are visited nearest first, and once the heap is full a
      // cell whose nearest point is farther than its worst key is only counted, without distances when
      // it lies wholly in range. Otherwise every match's key goes to the buffer.
      // (Never more keys than services, whatever page is asked.)
      if (!dedupe && !query.exclure_doublons) top = new TopK(Math.min(end, n));
      const zoneIds = this.#zoneIds;
      const zoneMarks = this.#zoneMarks;
      for (const grid of grids) {
        for (const { records: cell, nearest, inside } of grid.cellsWithin(from, SEARCH_RADIUS_METRES)) {
          const countOnly = top !== null && top.full && Math.round(nearest / 1000) * n > top.max;
          const wholly = countOnly && inside;
          for (let k = 0; k < cell.length; k += STRIDE) {
            const i = cell[k + SLOT]!;
            if (dedupe) {
              if (marks[i] === visited) continue;
              marks[i] = visited;
            }
            if (filtered && !this.#passes(i, rest)) continue;
            const zonesFrom = cell[k + ZONES_FROM]!;
            const zonesTo = cell[k + ZONES_TO]!;
            if (zonesFrom !== zonesTo && zoneMarks[cell[k + FIRST_ZONE]!] !== visited) {
              let eligible = false;
              for (let z = zonesFrom + 1; z < zonesTo && !eligible; z++) eligible = zoneMarks[zoneIds[z]!] === visited;
              if (!eligible) continue;
            }
            if (wholly) {
              total++;
              continue;
            }
            const metres = from.metresWithin(cell[k + LAT]!, cell[k + LON]!, SEARCH_RADIUS_METRES);
            if (!(metres <= SEARCH_RADIUS_METRES)) continue;
            const key = (cell[k + IN_PERSON] ? Math.round(metres / 1000) : 51) * n + cell[k + RANK]!;
            if (top === null) keys[count++] = key;
            else {
              total++;
              if (!countOnly) top.push(key);
            }
          }
        }
      }
      // Remote services: eligible here (nationally, or by code), in range or not; a distance when they
      // also receive in person within range. A national list of the whole bit set holds each service
      // once; any other combination of lists may repeat one.
      const remoteMarks = this.#remoteMarks;
      const remoteSlot = this.#remoteSlot;
      const national = this.#remoteNational.get(bitsKey);
      const lists: (Float64Array | undefined)[] = national ? [national] : bits!.map((bit) => this.#remoteNational.get(String(bit)));
      const listedOnce = national ? 1 : 0;
      for (const code of codes) {
        if (bits) for (const bit of bits) lists.push(this.#remoteByZoneThematique.get(code)?.[bit]);
        else lists.push(this.#remoteByZone.get(code));
      }
      for (let l = 0; l < lists.length; l++) {
        const list = lists[l];
        if (!list) continue;
        const dedupeList = l >= listedOnce;
        for (let k = 0; k < list.length; k += REMOTE_STRIDE) {
          const q = list[k + REMOTE_NUMBER]!;
          if (dedupeList) {
            if (remoteMarks[q] === visited) continue;
            remoteMarks[q] = visited;
          }
          if (filtered && !this.#passes(remoteSlot[q]!, rest)) continue;
          let km = 51;
          const latitude = list[k + REMOTE_LAT]!;
          if (latitude === latitude) {
            const metres = from.metresWithin(latitude, list[k + REMOTE_LON]!, SEARCH_RADIUS_METRES);
            if (metres <= SEARCH_RADIUS_METRES) km = Math.round(metres / 1000);
          }
          const key = km * n + list[k + REMOTE_RANK]!;
          if (top === null) keys[count++] = key;
          else {
            total++;
            top.push(key);
          }
        }
      }
    } else if (bits) {
      // No place: the services of the asked sub-thématiques.
      const stamp = this.#nextStamps(1);
      const marks = this.#marks;
      for (const bit of bits) {
        const list = this.#byThematique[bit]!;
        for (let k = 0; k < list.length; k++) {
          const i = list[k]!;
          if (marks[i] === stamp) continue;
          marks[i] = stamp;
          if (this.#passes(i, rest)) keys[count++] = 51 * n + rank[i]!;
        }
      }
    } else {
      for (let i = 0; i < n; i++) if (this.#passes(i, filters)) keys[count++] = 51 * n + rank[i]!;
    }

    let pageKeys: Float64Array;
    if (top === null) {
      let kept: ArrayLike<number> = keys.subarray(0, count);
      if (query.exclure_doublons) kept = this.#dedupServices(kept);
      total = kept.length;
      pageKeys = this.#firstKeys(kept, end).subarray(start, end);
    } else {
      pageKeys = top.sorted().subarray(start, end);
    }
    const items: Chunks[] = [];
    for (const key of pageKeys) {
      const distance = Math.floor(key / n);
      const i = this.#slotOfRank[key - distance * n]!;
      items.push([SERVICE_OPEN, ...this.#detailedJson(i), DISTANCE_TAIL[distance]!]);
    }
    return pageJson(items, total, paging);
  }

  /** The `count` smallest keys, sorted: a bounded heap when that is fewer than all the matches. */
  #firstKeys(keys: ArrayLike<number>, count: number): Float64Array {
    if (count >= keys.length) return Float64Array.from(keys).sort();
    const top = new TopK(count);
    for (let k = 0; k < keys.length; k++) top.push(keys[k]!);
    return top.sorted();
  }

  /**
   * `exclure_doublons` of `/search/services`: within each cluster, only the services of the best
   * structures among those that have matching services (dense_rank by score desc, date desc; ties kept).
   */
  #dedupServices(keys: ArrayLike<number>): number[] {
    const n = this.#n;
    const serviceStructure = this.#serviceStructure;
    const slotOfRank = this.#slotOfRank;
    const clusterKeys = this.#clusterKeys;
    const best = new Map<string, number>();
    for (let k = 0; k < keys.length; k++) {
      const s = serviceStructure[slotOfRank[keys[k]! % n]!]!;
      const cluster = clusterKeys[s]!;
      const current = best.get(cluster);
      if (current === undefined || this.#structureRankBetter(s, current)) best.set(cluster, s);
    }
    const kept: number[] = [];
    for (let k = 0; k < keys.length; k++) {
      const s = serviceStructure[slotOfRank[keys[k]! % n]!]!;
      const b = best.get(clusterKeys[s]!)!;
      if (s === b || (!this.#structureRankBetter(b, s) && !this.#structureRankBetter(s, b))) kept.push(keys[k]!);
    }
    return kept;
  }

  /** Whether structure `a` ranks strictly before `b` (score desc, then date desc nulls last). */
  #structureRankBetter(a: number, b: number): boolean {
    const sa = this.structures[a]!.score_qualite;
    const sb = this.structures[b]!.score_qualite;
    if (sa !== sb) return sa > sb;
    return this.#structureDateRank[a]! > this.#structureDateRank[b]!;
  }

  /** Like {@link #structureRankBetter}, with id as the last tie-break (DISTINCT ON of `/structures`). */
  #structureBetter(a: number, b: number): boolean {
    if (this.#structureRankBetter(a, b)) return true;
    if (this.#structureRankBetter(b, a)) return false;
    return a < b;
  }

  // ---------------------------------------------------------------------------------------------
  // /search (beta full text)

  /** `/search`: full text over names (A), labels and publics_precisions (B), descriptions (C). */
  async search(
    query: ServiceFilters &
      PlaceFilters & { q?: string | undefined; point?: { lat: number; lon: number } | undefined; distanceKm: number },
    paging: Paging,
  ): Promise<Buffer> {
    const filters = this.#compile(query);
    interface Hit {
      i: number;
      score: number | null;
      metres: number | null;
    }
    let candidates: Map<number, number> | null = null;
    if (query.q !== undefined) {
      // Built on the first /search, in batches: other requests are served meanwhile.
      this.#fullText ??= FullTextIndex.build(this.#serviceJson, this.#serviceStructure, this.structures);
      candidates = (await this.#fullText).match(query.q);
    }
    const hits: Hit[] = [];
    const from = query.point ? new DistanceFrom(query.point.lat, query.point.lon) : null;
    const consider = (i: number, score: number | null) => {
      if (!this.#passes(i, filters)) return;
      const codeInsee = this.#codeInsee[i]!;
      if (query.code_commune !== undefined && codeInsee !== query.code_commune) return;
      if (!this.#placeMatches(codeInsee, { ...query, code_commune: undefined })) return;
      let metres: number | null = null;
      if (query.point) {
        const lat = this.#lat[i]!;
        const lon = this.#lon[i]!;
        if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
        metres = from!.metres(lat, lon);
        if (!(metres <= query.distanceKm * 1000)) return;
      }
      hits.push({ i, score, metres });
    };
    if (candidates) for (const [i, score] of candidates) consider(i, score);
    else for (let i = 0; i < this.#n; i++) consider(i, null);

    const radius = query.distanceKm * 1000;
    const rank = this.#rank;
    const score = (h: Hit) => h.score ?? 0;
    if (query.point && query.q !== undefined) {
      const blend = (h: Hit) => 0.5 * score(h) + 0.5 * (1 - (h.metres ?? 0) / radius);
      hits.sort((a, b) => blend(b) - blend(a) || rank[a.i]! - rank[b.i]!);
    } else if (query.point) {
      hits.sort((a, b) => (a.metres ?? 0) - (b.metres ?? 0) || rank[a.i]! - rank[b.i]!);
    } else {
      const bucket = (h: Hit) => Math.round(score(h) * 10) / 2;
      hits.sort(
        (a, b) => bucket(b) - bucket(a) || this.#score[b.i]! - this.#score[a.i]! || rank[a.i]! - rank[b.i]!,
      );
    }
    const start = (paging.page - 1) * paging.size;
    const items = hits
      .slice(start, start + paging.size)
      .map((h): Chunks => [
        SERVICE_OPEN,
        ...this.#detailedJson(h.i),
        bytes(
          `,"distance":${h.metres === null ? 'null' : Math.round(h.metres / 1000)},"score_recherche":${h.score === null ? 'null' : h.score}}`,
        ),
      ]);
    return pageJson(items, hits.length, paging);
  }

  // ---------------------------------------------------------------------------------------------
  // Filters

  #compile(query: ServiceFilters): CompiledFilters {
    let thematiques: Uint32Array | null = null;
    if (query.thematiques) {
      thematiques = new Uint32Array(THEMATIQUE_WORDS);
      // A category (`famille`) stands for all its sub-thématiques, as in the SDK client.
      for (const t of expandThematiques(query.thematiques)) {
        const bit = THEMATIQUE_BIT.get(t);
        if (bit !== undefined) thematiques[bit >> 5]! |= 1 << (bit & 31);
      }
    }
    const publics = query.publics && !query.publics.includes('tous-publics') ? maskOf(query.publics, PUBLIC_BIT) | TOUS_PUBLICS : -1;
    const text = query.recherche_public?.trim();
    const hidden = (query.hiddenSources ?? []).map((s) => this.#sourceCodes.get(s)).filter((code) => code !== undefined);
    return {
      sources: query.sources ? new Set(query.sources.map((s) => this.#sourceCodes.get(s) ?? -1)) : null,
      hidden: hidden.length > 0 ? new Set(hidden) : null,
      thematiques,
      frais: query.frais ? maskOf(query.frais, FRAIS_BIT) : -1,
      publics,
      modes: query.modes_accueil ? maskOf(query.modes_accueil, MODE_BIT) : -1,
      types: query.types ? maskOf(query.types, TYPE_BIT) : -1,
      scoreMin: query.score_qualite_minimum ?? null,
      publicTerms: text ? terms(text) : null,
    };
  }

  #passes(i: number, f: CompiledFilters): boolean {
    if (f.sources && !f.sources.has(this.#source[i]!)) return false;
    if (f.hidden && f.hidden.has(this.#source[i]!)) return false;
    if (f.thematiques) {
      let any = 0;
      for (let w = 0; w < THEMATIQUE_WORDS; w++) any |= this.#thematiques[i * THEMATIQUE_WORDS + w]! & f.thematiques[w]!;
      if (any === 0) return false;
    }
    if (f.frais !== -1 && (this.#frais[i]! & f.frais) === 0) return false;
    if (f.publics !== -1 && (this.#publics[i]! & f.publics) === 0) return false;
    if (f.modes !== -1 && (this.#modes[i]! & f.modes) === 0) return false;
    if (f.types !== -1 && (this.#types[i]! & f.types) === 0) return false;
    if (f.scoreMin !== null && !(this.#score[i]! >= f.scoreMin)) return false;
    if (f.publicTerms) {
      // An all-stop-word query is an empty tsquery upstream: it matches nothing.
      if (f.publicTerms.length === 0) return false;
      let own = this.#publicTerms[i];
      if (!own) {
        // websearch_to_tsquery over the publics values and publics_precisions (reference §2.3).
        own = this.#publicTerms[i] = new Set(terms(this.#publicsText[i] ?? ''));
      }
      for (const term of f.publicTerms) if (!own.has(term)) return false;
    }
    return true;
  }

  /** Marks the zone ids of `codes` with `stamp`: a service is eligible when one of its zones is marked. */
  #markZones(codes: Iterable<string>, stamp: number): void {
    for (const code of codes) {
      const id = this.#zoneIdByCode.get(code);
      if (id !== undefined) this.#zoneMarks[id] = stamp;
    }
  }

  #placeMatches(codeInsee: string | null, place: PlaceFilters): boolean {
    if (place.code_commune !== undefined && codeInsee !== place.code_commune) return false;
    if (place.code_departement !== undefined && !(codeInsee ?? '').startsWith(place.code_departement)) return false;
    if (place.code_region !== undefined) {
      const commune = codeInsee ? this.geography.commune(codeInsee) : undefined;
      if (commune?.region !== place.code_region) return false;
    }
    return true;
  }

  /**
   * Reserves `count` consecutive stamps above every stamp used so far and returns the first; marks are
   * cleared once when the 32-bit stamps run out.
   */
  #nextStamps(count: number): number {
    if (this.#stamp + count > 0xffff_ffff) {
      this.#marks.fill(0);
      this.#zoneMarks.fill(0);
      this.#remoteMarks.fill(0);
      this.#stamp = 0;
    }
    const first = this.#stamp + 1;
    this.#stamp += count;
    return first;
  }

  /** The sub-thématique bits a compiled filter asks for, or null without a thématique filter. */
  #thematiqueBits(filters: CompiledFilters): number[] | null {
    if (!filters.thematiques) return null;
    const bits: number[] = [];
    for (let bit = 0; bit < THEMATIQUES.length; bit++) {
      if (filters.thematiques[bit >> 5]! & (1 << (bit & 31))) bits.push(bit);
    }
    return bits;
  }
}
