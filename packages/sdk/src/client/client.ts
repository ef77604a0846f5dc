import {
  detailedServiceSchema,
  detailedStructureSchema,
  frameworkValueSchema,
  searchResultSchema,
  serviceSchema,
  serviceSearchResultSchema,
  sourceSchema,
  structureSchema,
} from '../schemas.js';
import * as z from 'zod/mini';
import type {
  DetailedService,
  DetailedStructure,
  InvalidItem,
  Page,
  SearchResult,
  Service,
  ServiceSearchResult,
  Source,
  Structure,
} from '../types.js';
import { VOCABULARY_NAMES, type VocabularyEntry, type VocabularyName } from '../vocabularies/index.js';
import { getJson, resolveRetry, resolveTimeout, type FetchLike, type RetryOptions, type Transport } from './http.js';
import { apiRootOf, DEFAULT_BASE_URL, requestHeaders } from './request.js';
import {
  toQuery,
  type ListServicesParams,
  type ListStructuresParams,
  type PageParams,
  type SearchParams,
  type SearchServicesParams,
} from './params.js';
import { parsePage, parseWhole, type ItemShape } from './validate.js';

/** Options of {@link DataInclusionClient}. */
export interface DataInclusionClientOptions {
  /**
   * Origin (and optional path) of the API or of a proxy; the client adds `/api/v1`.
   * A trailing slash is harmless; in browsers a path alone (`/data-inclusion`) targets the page's
   * own origin. Default {@link DEFAULT_BASE_URL}.
   */
  baseUrl?: string;
  /** API token, sent as `Authorization: Bearer <token>`. Leave it out when a proxy adds it. */
  token?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: FetchLike;
  /** Per-attempt timeout in ms (until the whole body is read), or `false` for none. Default `30000`. */
  timeout?: number | false;
  /** Retry settings; a number sets the retry limit; `false` disables retries. Default: 2 retries. */
  retry?: RetryOptions | number | false;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Called for each item dropped from a page because it does not match the schema. */
  onInvalidItem?: (item: InvalidItem, raw: unknown) => void;
  /** Throw {@link ResponseValidationError} when a page has any invalid item, instead of dropping it. */
  strict?: boolean;
}

/** Per-call options. */
export interface RequestOptions {
  /** Cancels the request (and any retry wait); the call then rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/** Options of {@link DataInclusionClient.paginate}. */
export interface PaginateOptions extends RequestOptions {
  /** Stop after this many items. */
  maxItems?: number;
}

/** A client method that returns one page, usable with {@link DataInclusionClient.paginate}. */
export type PageMethod<P extends PageParams, T> = (params: P, options?: RequestOptions) => Promise<Page<T>>;

const sourcesSchema = z.array(sourceSchema);
const vocabularySchema = z.array(frameworkValueSchema);

/** An id as one path segment; an empty id would silently turn a detail call into a list call. */
function encodeId(id: string): string {
  if (typeof id !== 'string' || id === '') throw new TypeError(`An id must be a non-empty string, got ${JSON.stringify(id)}.`);
  return encodeURIComponent(id);
}

/**
 * A typed, tolerant client for the data·inclusion API v1, for browsers and Node ≥ 20.
 *
 * Each list method returns one {@link Page} as the API sends it, minus the items that fail
 * validation (reported in `invalidItems`); unknown vocabulary values are kept and reported in
 * `warnings`. Errors are {@link DataInclusionError} subclasses; an aborted call rejects with the
 * signal's reason.
 *
 * @example
 * ```ts
 * const client = new DataInclusionClient({ token: process.env.DI_TOKEN });
 * const page = await client.searchServices({ code_commune: '44109', thematiques: ['mobilite'], size: 20 });
 * for (const { service, distance } of page.items) console.log(service.nom, distance);
 * ```
 */
export class DataInclusionClient {
  /** The API root every path is appended to, e.g. `https://api.data.inclusion.gouv.fr/api/v1`. */
  readonly apiRoot: string;
  readonly #transport: Transport;
  readonly #openTransport: Transport;
  readonly #strict: boolean;
  readonly #onInvalidItem: DataInclusionClientOptions['onInvalidItem'];

  /** @throws TypeError when an option is invalid (empty `baseUrl`, negative `timeout`…). */
  constructor(options: DataInclusionClientOptions = {}) {
    this.apiRoot = apiRootOf(options.baseUrl);
    const common = { fetch: options.fetch, timeout: resolveTimeout(options.timeout), retry: resolveRetry(options.retry) };
    // The /doc endpoints are open: they never get the token.
    this.#openTransport = { ...common, headers: requestHeaders({ headers: options.headers }) };
    this.#transport = { ...common, headers: requestHeaders(options) };
    this.#strict = options.strict ?? false;
    this.#onInvalidItem = options.onInvalidItem;
  }

  /**
   * Services around a commune (`/search/services`): eligible there, within 50 km or remote,
   * nearest first. Without `code_commune`, no geographic filter applies.
   */
  searchServices(params: SearchServicesParams = {}, options?: RequestOptions): Promise<Page<ServiceSearchResult>> {
    return this.#page('/search/services', params, serviceSearchResultSchema, 'searchResult', options);
  }

  /** Services, ordered by id (`/services`). */
  listServices(params: ListServicesParams = {}, options?: RequestOptions): Promise<Page<Service>> {
    return this.#page('/services', params, serviceSchema, 'service', options);
  }

  /** One service with its structure (`/services/{id}`); throws {@link NotFoundError} when unknown. */
  async getService(id: string, options?: RequestOptions): Promise<DetailedService> {
    return this.#whole(`/services/${encodeId(id)}`, detailedServiceSchema, this.#transport, options);
  }

  /** Structures, ordered by id (`/structures`). */
  listStructures(params: ListStructuresParams = {}, options?: RequestOptions): Promise<Page<Structure>> {
    return this.#page('/structures', params, structureSchema, 'structure', options);
  }

  /** One structure with its services and duplicates (`/structures/{id}`); throws {@link NotFoundError} when unknown. */
  async getStructure(id: string, options?: RequestOptions): Promise<DetailedStructure> {
    return this.#whole(`/structures/${encodeId(id)}`, detailedStructureSchema, this.#transport, options);
  }

  /** [BETA, "not for production" upstream] Full-text search over services (`/search`). */
  search(params: SearchParams = {}, options?: RequestOptions): Promise<Page<SearchResult>> {
    return this.#page('/search', params, searchResultSchema, 'searchResult', options);
  }

  /** The data sources (`/sources`). */
  async listSources(options?: RequestOptions): Promise<Source[]> {
    return this.#whole('/sources', sourcesSchema, this.#transport, options);
  }

  /** One of the eight vocabularies (`/doc/{name}`), as the API serves it today. No token is sent. */
  async getVocabulary(name: VocabularyName, options?: RequestOptions): Promise<VocabularyEntry[]> {
    if (!VOCABULARY_NAMES.includes(name)) {
      throw new TypeError(`Unknown vocabulary "${String(name)}"; expected one of: ${VOCABULARY_NAMES.join(', ')}.`);
    }
    return this.#whole(`/doc/${name}`, vocabularySchema, this.#openTransport, options);
  }

  /**
   * Iterates the ITEMS of a list method across pages, from `params.page` (default 1). Stops after
   * the last page (`pages`), at an empty page, or after `maxItems` items.
   *
   * @example
   * ```ts
   * for await (const service of client.paginate(client.listServices, { code_departement: '44', size: 1000 }, { maxItems: 3000 })) {
   *   console.log(service.nom);
   * }
   * ```
   */
  async *paginate<P extends PageParams, T>(
    method: PageMethod<P, T>,
    params: P,
    { maxItems = Infinity, signal }: PaginateOptions = {},
  ): AsyncGenerator<T, void, undefined> {
    let yielded = 0;
    if (yielded >= maxItems) return;
    for (let pageNumber = params.page ?? 1; ; pageNumber++) {
      const page = await method.call(this, { ...params, page: pageNumber }, { signal });
      for (const item of page.items) {
        yield item;
        if (++yielded >= maxItems) return;
      }
      const received = page.items.length + page.invalidItems.length;
      if (received === 0 || pageNumber >= page.pages) return;
    }
  }

  async #page<T>(
    path: string,
    params: object,
    schema: z.ZodMiniType<T>,
    shape: ItemShape,
    options: RequestOptions | undefined,
  ): Promise<Page<T>> {
    const url = this.apiRoot + path + toQuery(params);
    const body = await getJson(url, this.#transport, options?.signal);
    return parsePage(body, schema, shape, url, { strict: this.#strict, onInvalidItem: this.#onInvalidItem });
  }

  async #whole<T>(path: string, schema: z.ZodMiniType<T>, transport: Transport, options: RequestOptions | undefined): Promise<T> {
    const url = this.apiRoot + path;
    return parseWhole(await getJson(url, transport, options?.signal), schema, url);
  }
}
