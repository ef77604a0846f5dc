import type { SearchStringKey } from './dora-search.strings.js';

/**
 * The message for an SDK error. Matched on `name` and `status` rather than `instanceof`, so that
 * errors from another copy of the SDK (npm build next to a script-tag build) read the same.
 */
export function errorMessageKey(error: unknown): SearchStringKey {
  const { name, status } = (error ?? {}) as { name?: unknown; status?: unknown };
  switch (name) {
    case 'NetworkError':
      return 'error.network';
    case 'TimeoutError':
      return 'error.timeout';
    case 'AuthenticationError':
    case 'ForbiddenError':
      return 'error.auth';
    case 'NotFoundError':
      return 'error.notFound';
    case 'RequestValidationError':
      return 'error.invalid';
    case 'RateLimitError':
      return 'error.rateLimit';
    case 'ServerError':
      return 'error.server';
  }
  if (typeof status === 'number') {
    if (status === 401 || status === 403) return 'error.auth';
    if (status === 404) return 'error.notFound';
    if (status === 422 || status === 400) return 'error.invalid';
    if (status === 429) return 'error.rateLimit';
    if (status >= 500) return 'error.server';
  }
  return 'error.unexpected';
}
