/**
 * The inverted index of `/search` (beta full text), built on the first full-text query: for each term,
 * the services where it occurs, with weights approximating PostgreSQL's `ts_rank_cd`.
 * @module
 */
import { PUBLICS, RESEAUX_PORTEURS, THEMATIQUES, type Service, type Structure } from '@dora/sdk';
import { terms } from './text.js';

/** Weights of PostgreSQL's ts_rank (D, C, B, A) = (0.1, 0.2, 0.4, 1.0). */
const WEIGHT_A = 1;
const WEIGHT_B = 0.4;
const WEIGHT_C = 0.2;

/**
 * An inverted index for `/search`: for each term, the services where it occurs (ascending) with the
 * summed weight of its occurrences, in flat typed arrays (CSR layout: compact, no per-entry objects).
 * The rank approximates `ts_rank_cd(…, 32)`: the mean over query terms of their weighted occurrences,
 * normalised as rank / (rank + 1), so in [0, 1). Every query term must occur (plainto_tsquery ANDs).
 */
export class FullTextIndex {
  readonly #termIds: Map<string, number>;
  readonly #offsets: Int32Array;
  readonly #docs: Int32Array;
  readonly #weights: Float32Array;

  private constructor(termIds: Map<string, number>, offsets: Int32Array, docs: Int32Array, weights: Float32Array) {
    this.#termIds = termIds;
    this.#offsets = offsets;
    this.#docs = docs;
    this.#weights = weights;
  }

  /**
   * Builds the index from the services' JSON (each parsed once, then dropped), yielding to the event
   * loop every `batch` services so that other requests are served meanwhile.
   */
  static async build(
    serviceJson: readonly Buffer[],
    serviceStructure: Int32Array,
    structures: readonly Structure[],
    batch = 2_000,
  ): Promise<FullTextIndex> {
    const labels = (vocabulary: readonly { value: string; label: string }[]) => new Map(vocabulary.map((v) => [v.value, v.label]));
    const thematiqueLabels = labels(THEMATIQUES);
    const publicLabels = labels(PUBLICS);
    const termIds = new Map<string, number>();
    let entryTerms = new Int32Array(1 << 16);
    let entryDocs = new Int32Array(1 << 16);
    let entryWeights = new Float32Array(1 << 16);
    let count = 0;
    const local = new Map<number, number>();
    for (let i = 0; i < serviceJson.length; i++) {
      if (i > 0 && i % batch === 0) await new Promise((resolve) => setImmediate(resolve));
      const service = JSON.parse(serviceJson[i]!.toString('utf8')) as Service;
      const structure = structures[serviceStructure[i]!]!;
      local.clear();
      const add = (text: string | null | undefined, weight: number) => {
        if (!text) return;
        for (const term of terms(text)) {
          let id = termIds.get(term);
          if (id === undefined) termIds.set(term, (id = termIds.size));
          local.set(id, (local.get(id) ?? 0) + weight);
        }
      };
      add(service.nom, WEIGHT_A);
      add(structure.nom, WEIGHT_A);
      for (const t of service.thematiques ?? []) add(thematiqueLabels.get(t), WEIGHT_B);
      for (const p of service.publics ?? []) add(publicLabels.get(p), WEIGHT_B);
      for (const r of structure.reseaux_porteurs ?? []) add(RESEAU_LABELS.get(r), WEIGHT_B);
      add(service.publics_precisions, WEIGHT_B);
      add(service.description, WEIGHT_C);
      add(structure.description, WEIGHT_C);
      if (count + local.size > entryTerms.length) {
        const size = Math.max(entryTerms.length * 2, count + local.size);
        const grow = <T extends Int32Array | Float32Array>(from: T, to: T): T => (to.set(from.subarray(0, count)), to);
        entryTerms = grow(entryTerms, new Int32Array(size));
        entryDocs = grow(entryDocs, new Int32Array(size));
        entryWeights = grow(entryWeights, new Float32Array(size));
      }
      for (const [id, weight] of local) {
        entryTerms[count] = id;
        entryDocs[count] = i;
        entryWeights[count] = weight;
        count++;
      }
    }
    // Counting sort by term: services stay ascending within each term (they were added in order).
    const offsets = new Int32Array(termIds.size + 1);
    for (let e = 0; e < count; e++) offsets[entryTerms[e]! + 1]!++;
    for (let t = 0; t < termIds.size; t++) offsets[t + 1]! += offsets[t]!;
    const cursor = offsets.slice(0, termIds.size);
    const docs = new Int32Array(count);
    const weights = new Float32Array(count);
    for (let e = 0; e < count; e++) {
      const at = cursor[entryTerms[e]!]!++;
      docs[at] = entryDocs[e]!;
      weights[at] = entryWeights[e]!;
    }
    return new FullTextIndex(termIds, offsets, docs, weights);
  }

  /** Services matching every term of `q`, with their `score_recherche`. An empty query matches nothing. */
  match(q: string): Map<number, number> {
    const result = new Map<number, number>();
    const ids = [...new Set(terms(q))].map((t) => this.#termIds.get(t));
    if (ids.length === 0 || ids.some((id) => id === undefined)) return result;
    const lists = (ids as number[])
      .map((id) => ({ from: this.#offsets[id]!, to: this.#offsets[id + 1]! }))
      .sort((a, b) => a.to - a.from - (b.to - b.from));
    const [shortest, ...others] = lists;
    const positions = others.map((list) => list.from);
    for (let e = shortest!.from; e < shortest!.to; e++) {
      const doc = this.#docs[e]!;
      let sum = this.#weights[e]!;
      let all = true;
      for (let k = 0; k < others.length; k++) {
        // Lists are ascending: advance each cursor to `doc` (gallop, then step).
        const list = others[k]!;
        let p = positions[k]!;
        let step = 1;
        while (p + step < list.to && this.#docs[p + step]! < doc) step *= 2;
        let high = Math.min(p + step, list.to);
        while (p < high) {
          const mid = (p + high) >>> 1;
          if (this.#docs[mid]! < doc) p = mid + 1;
          else high = mid;
        }
        positions[k] = p;
        if (p >= list.to || this.#docs[p] !== doc) {
          all = false;
          break;
        }
        sum += this.#weights[p]!;
      }
      if (!all) continue;
      const rank = sum / ids.length;
      result.set(doc, Math.min(0.99, Math.round((rank / (rank + 1)) * 100) / 100));
    }
    return result;
  }
}

const RESEAU_LABELS = new Map<string, string>(RESEAUX_PORTEURS.map((r) => [r.value, r.label]));
