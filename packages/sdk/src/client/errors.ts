/**
 * Errors thrown by {@link DataInclusionClient}. All extend {@link DataInclusionError} and keep the
 * original failure in `cause`. A cancelled request is NOT one of them: it rejects with the
 * signal's reason (a `DOMException` named `AbortError` by default), as `fetch` does.
 * @module
 */
import type { InvalidItem, ValidationIssue } from '../types.js';

/** Base class of every error the client throws. */
export class DataInclusionError extends Error {
  /** Always `'DataInclusionError'`, also after minification. */
  override name = 'DataInclusionError';
}

/** The API answered with an HTTP error status. */
export class HttpError extends DataInclusionError {
  /** Always `'HttpError'`, also after minification. */
  override name = 'HttpError';
  /** The HTTP status (`404`, `503`…). */
  readonly status: number;
  /** The `detail` of the FastAPI error body, verbatim (a string or a list of issues), or `undefined`. */
  readonly detail: unknown;
  /** The response body: parsed JSON when it is JSON, the raw text otherwise. */
  readonly body: unknown;
  /** The requested URL. */
  readonly url: string;
  /** The response headers. */
  readonly headers: Headers;

  constructor(
    message: string,
    init: { status: number; detail: unknown; body: unknown; url: string; headers: Headers },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = init.status;
    this.detail = init.detail;
    this.body = init.body;
    this.url = init.url;
    this.headers = init.headers;
  }
}

/** 401: the token is missing (`Not authenticated`) or invalid (`Unauthorized`). */
export class AuthenticationError extends HttpError {
  /** Always `'AuthenticationError'`, also after minification. */
  override name = 'AuthenticationError';
}

/** 403: the token is valid but lacks the `api` scope (a widget token, for instance). */
export class ForbiddenError extends HttpError {
  /** Always `'ForbiddenError'`, also after minification. */
  override name = 'ForbiddenError';
}

/** 404: no structure or service has this id. */
export class NotFoundError extends HttpError {
  /** Always `'NotFoundError'`, also after minification. */
  override name = 'NotFoundError';
}

/**
 * 422: the API rejected the parameters. {@link RequestValidationError.issues} reads both shapes
 * of `detail`: FastAPI's list of issues, and the plain string of custom checks
 * (``"This `code_commune` does not exist."``).
 */
export class RequestValidationError extends HttpError {
  /** Always `'RequestValidationError'`, also after minification. */
  override name = 'RequestValidationError';
  /** One entry per rejected parameter. A string `detail` gives one issue per parameter quoted in it (`loc: ['query', name]`). */
  readonly issues: ValidationIssue[];

  constructor(
    message: string,
    init: ConstructorParameters<typeof HttpError>[1] & { issues: ValidationIssue[] },
    options?: ErrorOptions,
  ) {
    super(message, init, options);
    this.issues = init.issues;
  }
}

/** 429: too many requests. */
export class RateLimitError extends HttpError {
  /** Always `'RateLimitError'`, also after minification. */
  override name = 'RateLimitError';
  /** Seconds to wait, from `Retry-After` (seconds or HTTP date), or `null` when absent. */
  readonly retryAfter: number | null;

  constructor(
    message: string,
    init: ConstructorParameters<typeof HttpError>[1] & { retryAfter: number | null },
    options?: ErrorOptions,
  ) {
    super(message, init, options);
    this.retryAfter = init.retryAfter;
  }
}

/** 5xx: the API or a proxy failed. */
export class ServerError extends HttpError {
  /** Always `'ServerError'`, also after minification. */
  override name = 'ServerError';
}

/** The request did not reach the API, or no response came back (offline, DNS, CORS, reset). */
export class NetworkError extends DataInclusionError {
  /** Always `'NetworkError'`, also after minification. */
  override name = 'NetworkError';
}

/** No complete response within the client's `timeout`. */
export class TimeoutError extends DataInclusionError {
  /** Always `'TimeoutError'`, also after minification. */
  override name = 'TimeoutError';
  /** The timeout that elapsed, in milliseconds. */
  readonly timeout: number;

  constructor(message: string, timeout: number, options?: ErrorOptions) {
    super(message, options);
    this.timeout = timeout;
  }
}

/**
 * The response does not match the API contract: not JSON, a malformed page envelope, an invalid
 * single object, or (with `strict: true`) any invalid item in a page.
 */
export class ResponseValidationError extends DataInclusionError {
  /** Always `'ResponseValidationError'`, also after minification. */
  override name = 'ResponseValidationError';
  /** What is wrong, one line each (`path: message`). */
  readonly issues: string[];
  /** In strict mode, the page items that failed validation. */
  readonly invalidItems: InvalidItem[];

  constructor(message: string, issues: string[], invalidItems: InvalidItem[] = [], options?: ErrorOptions) {
    super(message, options);
    this.issues = issues;
    this.invalidItems = invalidItems;
  }
}
