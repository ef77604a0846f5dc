/**
 * The HTTP layer: one GET with timeout, retries, backoff and error mapping.
 *
 * Written by hand rather than with ky: ky 2 alone is about 9 KB gzipped, nearly half of the SDK's
 * 20 KB budget, and the client needs only GET + JSON + retry + timeout, which this does in about
 * 1.5 KB while keeping the cancellation contract (an abort rejects with `signal.reason`).
 * @module
 */
import {
  AuthenticationError,
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
import type { ValidationIssue } from '../types.js';

/** A `fetch`-compatible function (the global one, a framework's, or an instrumented wrapper). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Retry settings. Only GET requests are retried (all of this API's are), on network errors and on
 * the statuses in `statusCodes`; never on other 4xx.
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default `2`. */
  limit?: number;
  /** Statuses that are retried. Default `[408, 429, 500, 502, 503, 504]`. */
  statusCodes?: readonly number[];
  /** Delay before retry `n` (from 1) before jitter, in ms. Default `300 × 2^(n-1)`. */
  delay?: (attempt: number) => number;
  /** Upper bound of a backoff delay, in ms. Default `10000`. */
  backoffLimit?: number;
  /** Upper bound of a wait asked by `Retry-After`, in ms. Default `30000`. */
  maxRetryAfter?: number;
}

/** The resolved transport settings. */
export interface Transport {
  fetch: FetchLike | undefined;
  headers: Record<string, string>;
  timeout: number | false;
  retry: Required<RetryOptions>;
}

const DEFAULT_RETRY: Required<RetryOptions> = {
  limit: 2,
  statusCodes: [408, 429, 500, 502, 503, 504],
  delay: (attempt) => 300 * 2 ** (attempt - 1),
  backoffLimit: 10_000,
  maxRetryAfter: 30_000,
};

/** Normalises the `retry` client option (`number` = limit, `false` = no retry). */
export function resolveRetry(retry: RetryOptions | number | false | undefined): Required<RetryOptions> {
  const resolved =
    retry === false
      ? { ...DEFAULT_RETRY, limit: 0 }
      : typeof retry === 'number'
        ? { ...DEFAULT_RETRY, limit: retry }
        : { ...DEFAULT_RETRY, ...retry };
  if (!Number.isInteger(resolved.limit) || resolved.limit < 0) {
    throw new TypeError(`retry limit must be a whole number ≥ 0, got ${String(resolved.limit)}.`);
  }
  for (const key of ['backoffLimit', 'maxRetryAfter'] as const) {
    if (!(resolved[key] >= 0)) throw new TypeError(`retry.${key} must be a number of milliseconds ≥ 0, got ${String(resolved[key])}.`);
  }
  return resolved;
}

/** The longest delay `setTimeout` honours (about 24.8 days); longer ones fire at once. */
const MAX_TIMEOUT = 2 ** 31 - 1;

/** Checks the `timeout` client option: a positive number of milliseconds, or `false`. */
export function resolveTimeout(timeout: number | false | undefined): number | false {
  if (timeout === undefined) return 30_000;
  if (timeout === false) return false;
  if (!(timeout > 0 && timeout <= MAX_TIMEOUT)) {
    throw new TypeError(`timeout must be a number of milliseconds between 1 and ${MAX_TIMEOUT}, or false; got ${String(timeout)}.`);
  }
  return timeout;
}

/**
 * GETs `url` and returns its parsed JSON body. Rejects with a {@link DataInclusionError} subclass,
 * or with `signal.reason` when `signal` aborts (before, during a request, or during a backoff wait).
 */
export async function getJson(url: string, transport: Transport, signal?: AbortSignal): Promise<unknown> {
  const { retry } = transport;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await attemptOnce(url, transport, signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const wait = attempt <= retry.limit ? retryDelay(error, attempt, retry) : undefined;
      if (wait === undefined) throw error;
      await sleep(wait, signal);
    }
  }
}

async function attemptOnce(url: string, transport: Transport, signal: AbortSignal | undefined): Promise<unknown> {
  // One controller per attempt: it carries both the caller's abort and this attempt's timeout.
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  let timedOut = false;
  const timer =
    transport.timeout === false
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, transport.timeout);
  try {
    // Looked up at call time, so that a fetch installed later (mocks, polyfills) is used.
    const doFetch = transport.fetch ?? globalThis.fetch;
    const response = await doFetch(url, { headers: transport.headers, signal: controller.signal });
    const text = await response.text();
    if (!response.ok) throw httpError(response, url, text);
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new ResponseValidationError(`The API response to GET ${url} is not JSON.`, ['(body): not JSON'], [], {
        cause,
      });
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timedOut) {
      throw new TimeoutError(`GET ${url} got no complete response within ${transport.timeout} ms.`, transport.timeout as number, {
        cause: error,
      });
    }
    if (error instanceof HttpError || error instanceof ResponseValidationError) throw error;
    throw new NetworkError(`GET ${url} got no complete response: network error, CORS refusal or offline.`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/** How long to wait before retrying after `error`, or `undefined` when it must not be retried. */
function retryDelay(error: unknown, attempt: number, retry: Required<RetryOptions>): number | undefined {
  if (error instanceof HttpError) {
    if (!retry.statusCodes.includes(error.status)) return undefined;
    const asked = retryAfterSeconds(error.headers.get('retry-after'));
    if (asked !== null) return Math.min(asked * 1000, retry.maxRetryAfter);
  } else if (!(error instanceof NetworkError)) {
    return undefined;
  }
  // "Equal jitter": half fixed, half random, so that clients that failed together spread out.
  const base = Math.max(0, Math.min(retry.delay(attempt), retry.backoffLimit)) || 0;
  return base / 2 + Math.random() * (base / 2);
}

/** Reads `Retry-After` (delay in seconds, or an HTTP date) as seconds from now; `null` when absent or unreadable. */
export function retryAfterSeconds(header: string | null): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

/** Waits `ms`, or rejects with `signal.reason` as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function httpError(response: Response, url: string, text: string): HttpError {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page, for instance): keep the text.
  }
  const detail = typeof body === 'object' && body !== null && 'detail' in body ? body.detail : undefined;
  const { status } = response;
  const init = { status, detail, body, url, headers: response.headers };
  const statusLine = `${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const explained = (what: string) => `GET ${url} failed with ${statusLine}: ${what}${describe(detail)}`;
  switch (status) {
    case 401:
      return new AuthenticationError(explained('the token is missing or invalid.'), init);
    case 403:
      return new ForbiddenError(explained('this token may not use this endpoint (the API needs the "api" scope).'), init);
    case 404:
      return new NotFoundError(explained('not found.'), init);
    case 422:
      return new RequestValidationError(explained('the API rejected the parameters.'), { ...init, issues: issuesOf(detail) });
    case 429:
      return new RateLimitError(explained('too many requests.'), {
        ...init,
        retryAfter: retryAfterSeconds(response.headers.get('retry-after')),
      });
  }
  if (status >= 500) return new ServerError(explained('the server failed.'), init);
  return new HttpError(explained('the request failed.'), init);
}

/** The API's explanation, appended to messages: `detail` when it is a string, the issues' messages otherwise. */
function describe(detail: unknown): string {
  if (typeof detail === 'string') return ` (API: ${detail})`;
  const issues = issuesOf(detail);
  return issues.length ? ` (API: ${issues.map((i) => `${i.loc.join('.')}: ${i.msg}`).join('; ')})` : '';
}

/** Reads FastAPI's two `detail` shapes as a list of issues. */
function issuesOf(detail: unknown): ValidationIssue[] {
  if (typeof detail === 'string') {
    // Custom checks quote the parameters: "The `lat` and `lon` must be simultaneously filled."
    // One issue per quoted parameter, so that a form can flag each field.
    const names = [...detail.matchAll(/`([^`]+)`/g)].map((match) => match[1] as string);
    return (names.length ? names : [undefined]).map((name) => ({
      type: 'value_error',
      loc: name === undefined ? ['query'] : ['query', name],
      msg: detail,
    }));
  }
  if (!Array.isArray(detail)) return [];
  return detail
    .filter((issue): issue is Record<string, unknown> => typeof issue === 'object' && issue !== null)
    .map((issue) => ({
      ...issue,
      type: String(issue.type ?? 'value_error'),
      loc: Array.isArray(issue.loc) ? issue.loc.filter((p) => typeof p === 'string' || typeof p === 'number') : [],
      msg: String(issue.msg ?? ''),
    }));
}
