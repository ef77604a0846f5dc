/**
 * A place provider for the geo.api.gouv.fr API shape (`/communes`, `/epcis/{code}`), which the local
 * API also serves at its root. It shares the client's fetch-based HTTP layer (no ky: GET + JSON +
 * timeout + retry is all it needs) and therefore its errors: {@link HttpError} (and its subclasses),
 * {@link NetworkError}, {@link TimeoutError}, {@link ResponseValidationError}. A cancelled call rejects
 * with the signal's reason (an `AbortError` by default), as `fetch` does.
 * @module
 */
import * as z from 'zod/mini';
import { NotFoundError, ResponseValidationError } from '../client/errors.js';
import type { HttpError, NetworkError, TimeoutError } from '../client/errors.js';
import { getJson, resolveRetry, type FetchLike, type Transport } from '../client/http.js';
import { formatIssues } from '../client/validate.js';
import type { LatLon } from './distance.js';

/** Default base URL: the French State's geographic API. */
export const GEO_API_URL = 'https://geo.api.gouv.fr';

/** A commune (or municipal arrondissement), as the place provider returns it. */
export interface Commune {
  /** INSEE code (`44109`, `2A004`, `75111`). */
  code: string;
  /** Name (`Nantes`). */
  nom: string;
  /** Postcodes. */
  codesPostaux: string[];
  /** Département code (`44`, `2A`, `974`), `null` when the API gives none. */
  codeDepartement: string | null;
  /** SIREN of its EPCI, `null` when it has none (Paris, islands…). */
  codeEpci: string | null;
  /** Centre point, `null` when the API gives none. */
  centre: LatLon | null;
  /** Municipal population, `null` when unknown. */
  population: number | null;
}

/** An EPCI (intercommunality), by SIREN. */
export interface Epci {
  code: string;
  nom: string;
}

/** Options of calls that may be cancelled. */
export interface PlaceRequestOptions {
  /** Aborting rejects the call with the signal's reason (an `AbortError` by default). */
  signal?: AbortSignal;
}

/** Options of {@link PlaceProvider.searchCommunes}. */
export interface SearchCommunesOptions extends PlaceRequestOptions {
  /** Maximum number of communes (1..100, default 10). */
  limit?: number;
}

/**
 * Looks up communes and EPCI. Every method rejects with the client's errors on failure
 * ({@link HttpError}, {@link NetworkError}, {@link TimeoutError}, {@link ResponseValidationError});
 * an unknown code is not a failure but `null`.
 */
export interface PlaceProvider {
  /**
   * Communes matching `text`: by postcode when it is 5 digits, else by name, biggest first.
   * Blank text gives `[]` without a request. Malformed entries of the answer are skipped.
   */
  searchCommunes(text: string, options?: SearchCommunesOptions): Promise<Commune[]>;
  /** The commune at a point, or `null` (sea, abroad, invalid coordinates). */
  communeAt(lat: number, lon: number, options?: PlaceRequestOptions): Promise<Commune | null>;
  /** A commune by INSEE code, or `null` when unknown. */
  getCommune(code: string, options?: PlaceRequestOptions): Promise<Commune | null>;
  /** An EPCI by SIREN, or `null` when unknown. */
  getEpci(code: string, options?: PlaceRequestOptions): Promise<Epci | null>;
}

/** Options of {@link createPlaceProvider}. */
export interface PlaceProviderOptions {
  /** Base URL of a geo.api.gouv.fr-compatible API (default {@link GEO_API_URL}); may be relative in browsers. */
  baseUrl?: string;
  /** The `fetch` to use (default: the global one, looked up at call time). */
  fetch?: FetchLike;
  /** Milliseconds before a request fails with {@link TimeoutError} (default 10 000; `false`: none). */
  timeout?: number | false;
  /** Retries after a network error or a 408/429/5xx (default 1: a place search must stay snappy). */
  retries?: number;
  /** How many answers to keep in memory (default 500; 0 disables the cache). */
  cacheSize?: number;
}

const FIELDS = 'code,nom,codesPostaux,codeDepartement,codeEpci,centre,population';
const TYPES = 'commune-actuelle,arrondissement-municipal';

const optionalString = () => z.optional(z.nullable(z.string()));
const communeSchema = z.looseObject({
  code: z.string().check(z.minLength(1)),
  nom: z.string().check(z.minLength(1)),
  codesPostaux: z.optional(z.nullable(z.array(z.string()))),
  codeDepartement: optionalString(),
  codeEpci: optionalString(),
  // GeoJSON point: [lon, lat].
  centre: z.optional(z.nullable(z.looseObject({ coordinates: z.tuple([z.number(), z.number()]) }))),
  population: z.optional(z.nullable(z.number())),
});
const epciSchema = z.looseObject({ code: z.string().check(z.minLength(1)), nom: z.string().check(z.minLength(1)) });

function toCommune(entry: z.infer<typeof communeSchema>): Commune {
  const [lon, lat] = entry.centre?.coordinates ?? [Number.NaN, Number.NaN];
  return {
    code: entry.code,
    nom: entry.nom,
    codesPostaux: entry.codesPostaux ?? [],
    codeDepartement: entry.codeDepartement ?? null,
    codeEpci: entry.codeEpci ?? null,
    centre: Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null,
    population: entry.population ?? null,
  };
}

/** Valid communes of a list answer; malformed entries are skipped, a non-list is an error. */
function communes(body: unknown, url: string): Commune[] {
  if (!Array.isArray(body)) {
    throw new ResponseValidationError(`The answer to GET ${url} is not a list of communes.`, ['(body): expected an array']);
  }
  const result: Commune[] = [];
  for (const entry of body) {
    const parsed = z.safeParse(communeSchema, entry);
    if (parsed.success) result.push(toCommune(parsed.data));
  }
  return result;
}

const NOT_FOUND = Symbol('not found');

/**
 * A place provider over a geo.api.gouv.fr-compatible API, with an in-memory cache of answers (not
 * of failures, nor of answers to cancelled calls). Pass the local API's root as `baseUrl` to work offline.
 * Keep one provider per base URL so that its cache serves every lookup.
 *
 * @example
 * const places = createPlaceProvider();
 * await places.searchCommunes('44000'); // [{ code: '44109', nom: 'Nantes', … }]
 */
export function createPlaceProvider(options: PlaceProviderOptions = {}): PlaceProvider {
  const base = (options.baseUrl ?? GEO_API_URL).replace(/\/+$/, '');
  const cacheSize = Math.max(0, options.cacheSize ?? 500);
  const cache = new Map<string, unknown>();

  const transport: Transport = {
    fetch: options.fetch,
    headers: { accept: 'application/json' },
    timeout: options.timeout ?? 10_000,
    retry: resolveRetry(options.retries ?? 1),
  };

  async function get(path: string, params: Record<string, string>, signal: AbortSignal | undefined): Promise<unknown> {
    const url = `${base}${path}${Object.keys(params).length ? `?${new URLSearchParams(params)}` : ''}`;
    if (cache.has(url)) {
      const value = cache.get(url);
      // Refresh its place: the map's order is the eviction order.
      cache.delete(url);
      cache.set(url, value);
      return value;
    }
    let body: unknown;
    try {
      body = await getJson(url, transport, signal);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      body = NOT_FOUND;
    }
    // A custom fetch may ignore the signal: an aborted call still rejects.
    signal?.throwIfAborted();
    if (cacheSize > 0) {
      cache.set(url, body);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    }
    return body;
  }

  const list = async (params: Record<string, string>, signal?: AbortSignal): Promise<Commune[]> => {
    const body = await get('/communes', { ...params, fields: FIELDS, type: TYPES }, signal);
    return body === NOT_FOUND ? [] : communes(body, `${base}/communes`);
  };

  return {
    async searchCommunes(text, { limit = 10, signal } = {}) {
      const query = typeof text === 'string' ? text.trim() : '';
      if (!query) return [];
      const size = String(Math.min(100, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : 10))));
      const postcode = query.replace(/\s+/g, '');
      const byPostcode = /^\d{5}$/.test(postcode);
      return list(byPostcode ? { codePostal: postcode, boost: 'population', limit: size } : { nom: query, boost: 'population', limit: size }, signal);
    },

    async communeAt(lat, lon, { signal } = {}) {
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
      return (await list({ lat: String(lat), lon: String(lon) }, signal))[0] ?? null;
    },

    async getCommune(code, { signal } = {}) {
      const wanted = typeof code === 'string' ? code.trim() : '';
      if (!/^\w{5}$/.test(wanted)) return null;
      // The list endpoint with `code=` (rather than `/communes/{code}`): same shape, and the only
      // route a geo.api.gouv.fr-compatible server must have.
      return (await list({ code: wanted }, signal)).find((commune) => commune.code === wanted) ?? null;
    },

    async getEpci(code, { signal } = {}) {
      const wanted = typeof code === 'string' ? code.trim() : '';
      if (!/^\d{9}$/.test(wanted)) return null;
      const body = await get(`/epcis/${wanted}`, { fields: 'code,nom' }, signal);
      if (body === NOT_FOUND) return null;
      const parsed = z.safeParse(epciSchema, body, { reportInput: true });
      if (!parsed.success) {
        throw new ResponseValidationError(`The answer to GET ${base}/epcis/${wanted} is not an EPCI.`, formatIssues(parsed.error.issues, '(body)'));
      }
      return { code: parsed.data.code, nom: parsed.data.nom };
    },
  };
}
