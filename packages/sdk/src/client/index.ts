/**
 * The data·inclusion API v1 client, its parameters and errors, and the thématique tree it uses to
 * expand categories.
 * @module
 */
export { DataInclusionClient } from './client.js';
export type { DataInclusionClientOptions, PageMethod, PaginateOptions, RequestOptions } from './client.js';
export type { FetchLike, RetryOptions } from './http.js';
export { DEFAULT_BASE_URL, requestFor } from './request.js';
export type { ClientRequest, RequestSettings } from './request.js';
export type {
  AreaFilters,
  ListServicesParams,
  ListStructuresParams,
  PageParams,
  SearchParams,
  SearchServicesParams,
  ServiceFilters,
  SlugDepartement,
  SlugRegion,
} from './params.js';
export {
  AuthenticationError,
  DataInclusionError,
  ForbiddenError,
  HttpError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
} from './errors.js';
export { THEMATIQUE_TREE, categoryOf, expandThematiques, isCategorie, subThematiquesOf } from '../thematiques.js';
