/**
 * The URL and headers of the client's requests, without the client (nor zod, nor the schemas): a
 * page can send a request before the client's code has loaded, then hand the response over
 * through the client's `fetch` option.
 * @module
 */
import { toQuery } from './params.js';

/** The public data·inclusion API. */
export const DEFAULT_BASE_URL = 'https://api.data.inclusion.gouv.fr';

/** The options of `DataInclusionClient` that shape its requests. */
export interface RequestSettings {
  /** Origin (and optional path) of the API or of a proxy. Default {@link DEFAULT_BASE_URL}. */
  baseUrl?: string;
  /** API token, sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Extra headers. */
  headers?: Record<string, string>;
}

/** A GET request as the client sends it. */
export interface ClientRequest {
  url: string;
  headers: Record<string, string>;
}

/** The API root every path is appended to; throws a TypeError for an empty `baseUrl`. */
export function apiRootOf(baseUrl: string = DEFAULT_BASE_URL): string {
  if (typeof baseUrl !== 'string' || !baseUrl.trim()) {
    throw new TypeError(`baseUrl must be a URL such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(baseUrl)}.`);
  }
  return `${baseUrl.trim().replace(/\/+$/, '')}/api/v1`;
}

/** The headers of every request: `accept`, the extra headers, then the token's `authorization`. */
export function requestHeaders({ token, headers = {} }: RequestSettings): Record<string, string> {
  // Lower-cased, so that the token's `authorization` replaces a caller's `Authorization` instead of joining it.
  const all: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(headers)) all[name.toLowerCase()] = value;
  if (token) all.authorization = `Bearer ${token}`;
  return all;
}

/**
 * The GET request a client with these settings sends for `path` (e.g. `/search/services`) and
 * `params`: same URL, same headers. A client whose `fetch` is given this URL and these headers
 * may answer with a response it already has.
 *
 * @example requestFor({ baseUrl: 'http://127.0.0.1:8787' }, '/search/services', { code_commune: '44109', size: 10 }).url
 * // "http://127.0.0.1:8787/api/v1/search/services?code_commune=44109&size=10"
 */
export function requestFor(settings: RequestSettings, path: string, params: object = {}): ClientRequest {
  return { url: apiRootOf(settings.baseUrl) + path + toQuery(params), headers: requestHeaders(settings) };
}
