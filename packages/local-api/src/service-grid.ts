/**
 * The spatial index of the radius search: a grid of quarter-degree cells whose cells hold, for each
 * service, everything the search loop reads of it, packed in one record (64 bytes, one cache line).
 * A radius search then reads memory sequentially, cell after cell, instead of missing the cache on
 * every candidate in half a dozen column arrays (which made it several times slower at 150,000 services).
 * @module
 */
import { DistanceFrom } from './geo/distance.js';

/** Fields of a packed record (all stored as float64). */
export const SLOT = 0;
export const RANK = 1;
export const LAT = 2;
export const LON = 3;
/** The service's eligibility zone ids are `zoneIds[ZONES_FROM .. ZONES_TO]` (none: unrestricted). */
export const ZONES_FROM = 4;
export const ZONES_TO = 5;
/** 1 when the service receives in person (its distance is reported), else 0. */
export const IN_PERSON = 6;
/** The first of its zone ids (most services have one: no lookup elsewhere), -1 when unrestricted. */
export const FIRST_ZONE = 7;
/** Numbers per record. */
export const STRIDE = 8;

/** The store's columns a grid packs its records from, by slot. */
export interface GridColumns {
  rank: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Eligibility zone ids, CSR: the zones of slot `i` are `zoneIds[zoneOffsets[i] .. zoneOffsets[i + 1]]`. */
  zoneOffsets: Int32Array;
  zoneIds: Int32Array;
  inPerson: (slot: number) => boolean;
}

const CELL_DEGREES = 0.25;
const COLUMNS = 360 / CELL_DEGREES;
const cellRow = (lat: number) => Math.floor((lat + 90) / CELL_DEGREES);
const cellColumn = (lon: number) => Math.floor((lon + 180) / CELL_DEGREES);

/** The number of the grid cell a point lies in (row-major, from the south-west corner of the world). */
export const cellOf = (lat: number, lon: number): number => cellRow(lat) * COLUMNS + cellColumn(lon);

/** A number above every cell's, for what has no place. */
export const NO_CELL = (180 / CELL_DEGREES) * COLUMNS;

/** A cell around a point (see {@link ServiceGrid.cellsWithin}). */
export interface CellAround {
  /** The cell's packed records. */
  records: Float64Array;
  /** Metres to the cell's nearest point (a lower bound). */
  nearest: number;
  /** Whether the cell lies wholly within the radius. */
  inside: boolean;
}

export class ServiceGrid {
  /** By row, the row's cells from its westernmost occupied column (a dense array: no hashing per cell). */
  readonly #rows = new Map<number, { from: number; cells: (Float64Array | undefined)[] }>();

  /** Packs the services of `slots` (which must be located) into their cells, in the given order. */
  constructor(slots: Iterable<number>, columns: GridColumns) {
    const { rank, lat, lon, zoneOffsets, zoneIds, inPerson } = columns;
    const lists = new Map<number, number[]>();
    for (const i of slots) {
      const key = cellOf(lat[i]!, lon[i]!);
      let list = lists.get(key);
      if (!list) lists.set(key, (list = []));
      const zonesFrom = zoneOffsets[i]!;
      const zonesTo = zoneOffsets[i + 1]!;
      list.push(i, rank[i]!, lat[i]!, lon[i]!, zonesFrom, zonesTo, inPerson(i) ? 1 : 0, zonesTo > zonesFrom ? zoneIds[zonesFrom]! : -1);
    }
    for (const [key, list] of lists) {
      const row = Math.floor(key / COLUMNS);
      const column = key - row * COLUMNS;
      let cells = this.#rows.get(row);
      if (!cells) this.#rows.set(row, (cells = { from: column, cells: [] }));
      if (column < cells.from) {
        cells.cells = [...new Array<undefined>(cells.from - column), ...cells.cells];
        cells.from = column;
      }
      cells.cells[column - cells.from] = Float64Array.from(list);
    }
  }

  /**
   * The cells that may hold points within `metres` of `from` (those of the bounding box, less those whose
   * nearest point is farther), nearest first, with the distance to their nearest point and whether they
   * lie wholly within `metres`.
   */
  cellsWithin(from: DistanceFrom, metres: number): CellAround[] {
    const { dLat, dLon } = from.box(metres);
    const rowFrom = cellRow(Math.max(-90, from.lat - dLat));
    const rowTo = cellRow(Math.min(90 - 1e-9, from.lat + dLat));
    const columnFrom = cellColumn(Math.max(-180, from.lon - dLon));
    const columnTo = cellColumn(Math.min(180 - 1e-9, from.lon + dLon));
    const found: CellAround[] = [];
    for (let row = rowFrom; row <= rowTo; row++) {
      const cellsOfRow = this.#rows.get(row);
      if (!cellsOfRow) continue;
      const south = row * CELL_DEGREES - 90;
      const nearestLat = Math.min(Math.max(from.lat, south), south + CELL_DEGREES);
      for (let column = columnFrom; column <= columnTo; column++) {
        const cell = cellsOfRow.cells[column - cellsOfRow.from];
        if (!cell) continue;
        const west = column * CELL_DEGREES - 180;
        const nearestLon = Math.min(Math.max(from.lon, west), west + CELL_DEGREES);
        // The nearest point of a cell is within a metre of the clamped point at these scales, the farthest
        // one of its corners; the margins keep both tests on the safe side.
        const nearest = from.metres(nearestLat, nearestLon) - 1_000;
        if (nearest > metres) continue;
        const farthestLat = Math.abs(south - from.lat) > Math.abs(south + CELL_DEGREES - from.lat) ? south : south + CELL_DEGREES;
        const farthestLon = Math.abs(west - from.lon) > Math.abs(west + CELL_DEGREES - from.lon) ? west : west + CELL_DEGREES;
        found.push({ records: cell, nearest: Math.max(0, nearest), inside: from.metres(farthestLat, farthestLon) + 1_000 <= metres });
      }
    }
    return found.sort((a, b) => a.nearest - b.nearest);
  }
}

/** Fields of a packed remote-service record: its remote number, id rank, and in-person location (NaN when not). */
export const REMOTE_NUMBER = 0;
export const REMOTE_RANK = 1;
export const REMOTE_LAT = 2;
export const REMOTE_LON = 3;
export const REMOTE_STRIDE = 4;

/**
 * A list of remote services packed for the search loop: for each remote number of `numbers`, its record
 * (number, id rank, and its location when it also receives in person, else NaN), read sequentially.
 */
export function packRemote(
  numbers: readonly number[],
  slotOf: Int32Array,
  rank: Int32Array,
  lat: Float64Array,
  lon: Float64Array,
  inPerson: (slot: number) => boolean,
): Float64Array {
  const packed = new Float64Array(numbers.length * REMOTE_STRIDE);
  numbers.forEach((q, k) => {
    const i = slotOf[q]!;
    const located = inPerson(i);
    packed[k * REMOTE_STRIDE + REMOTE_NUMBER] = q;
    packed[k * REMOTE_STRIDE + REMOTE_RANK] = rank[i]!;
    packed[k * REMOTE_STRIDE + REMOTE_LAT] = located ? lat[i]! : Number.NaN;
    packed[k * REMOTE_STRIDE + REMOTE_LON] = located ? lon[i]! : Number.NaN;
  });
  return packed;
}
