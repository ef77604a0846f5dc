// Errors, retries, cancellation and timeouts, from the bodies the real API sends (FastAPI defaults).
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  AuthenticationError,
  DataInclusionClient,
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
} from '../src/index.js';

const API = 'https://api.example.test';
const SERVICES = `${API}/api/v1/services`;
const emptyPage = { items: [], total: 0, page: 1, size: 0, pages: 0 };

let hits = 0;
const server = setupServer();
server.events.on('request:start', () => void hits++);
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  hits = 0;
});
after(() => server.close());

/** Answers the n-th request with `responses[n]` (the last one repeats). */
function answer(url: string, ...responses: (() => Response | Promise<Response>)[]) {
  let n = 0;
  server.use(http.get(url, () => (responses[Math.min(n++, responses.length - 1)] as () => Response)()));
}

// No waiting between retries in these tests, unless a test says otherwise.
const client = new DataInclusionClient({ baseUrl: API, token: 't', retry: { delay: () => 0 } });

describe('HTTP errors become typed errors', () => {
  it('401 without a token: AuthenticationError with the detail verbatim', async () => {
    answer(SERVICES, () =>
      HttpResponse.json({ detail: 'Not authenticated' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }),
    );
    const error = await client.listServices().catch((e: unknown) => e);
    assert.ok(error instanceof AuthenticationError);
    assert.ok(error instanceof HttpError && error instanceof DataInclusionError && error instanceof Error);
    assert.equal(error.name, 'AuthenticationError');
    assert.equal(error.status, 401);
    assert.equal(error.detail, 'Not authenticated');
    assert.deepEqual(error.body, { detail: 'Not authenticated' });
    assert.equal(error.headers.get('www-authenticate'), 'Bearer');
    assert.match(error.message, /401.*token.*Not authenticated/);
    assert.equal(hits, 1);
  });

  it('401 with a bad token: AuthenticationError "Unauthorized"', async () => {
    answer(SERVICES, () => HttpResponse.json({ detail: 'Unauthorized' }, { status: 401 }));
    await assert.rejects(client.listServices(), (e) => e instanceof AuthenticationError && e.detail === 'Unauthorized');
  });

  it('403: ForbiddenError', async () => {
    answer(SERVICES, () => HttpResponse.json({ detail: 'Forbidden' }, { status: 403 }));
    await assert.rejects(client.listServices(), (e) => e instanceof ForbiddenError && e.status === 403 && e.detail === 'Forbidden');
  });

  it('404 on an unknown id: NotFoundError, not retried', async () => {
    answer(`${API}/api/v1/services/:id`, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 }));
    const error = await client.getService('dora--nope').catch((e: unknown) => e);
    assert.ok(error instanceof NotFoundError);
    assert.equal(error.detail, 'Not Found');
    assert.equal(error.url, `${API}/api/v1/services/dora--nope`);
    assert.equal(hits, 1);
  });

  it('422 with FastAPI list detail: RequestValidationError with the issues, not retried', async () => {
    const detail = [
      {
        type: 'enum',
        loc: ['query', 'frais', 0],
        msg: "Input should be 'gratuit' or 'payant'",
        input: 'gratuit-sous-conditions',
        ctx: { expected: "'gratuit' or 'payant'" },
      },
      { type: 'less_than_equal', loc: ['query', 'size'], msg: 'Input should be less than or equal to 10000', input: '20000' },
    ];
    answer(SERVICES, () => HttpResponse.json({ detail }, { status: 422 }));
    const error = await client.listServices({ frais: ['gratuit-sous-conditions'], size: 20000 }).catch((e: unknown) => e);
    assert.ok(error instanceof RequestValidationError);
    assert.deepEqual(error.detail, detail);
    assert.deepEqual(error.issues, detail);
    assert.match(error.message, /query\.frais\.0: Input should be 'gratuit' or 'payant'/);
    assert.equal(hits, 1);
  });

  it('422 with a string detail: one issue per quoted parameter, detail verbatim', async () => {
    const detail = 'This `code_commune` does not exist.';
    answer(`${API}/api/v1/search/services`, () => HttpResponse.json({ detail }, { status: 422 }));
    const error = await client.searchServices({ code_commune: '99999' }).catch((e: unknown) => e);
    assert.ok(error instanceof RequestValidationError);
    assert.equal(error.detail, detail);
    assert.deepEqual(error.issues, [{ type: 'value_error', loc: ['query', 'code_commune'], msg: detail }]);
    assert.match(error.message, /does not exist/);

    answer(`${API}/api/v1/search`, () =>
      HttpResponse.json({ detail: 'The `lat` and `lon` must be simultaneously filled.' }, { status: 422 }),
    );
    const both = await client.search({ lat: 1 }).catch((e: unknown) => e);
    assert.ok(both instanceof RequestValidationError);
    assert.deepEqual(both.issues.map((i) => i.loc), [['query', 'lat'], ['query', 'lon']]);
  });

  it('429 after the retries: RateLimitError with retryAfter in seconds', async () => {
    answer(SERVICES, () => HttpResponse.json({ detail: 'Too Many Requests' }, { status: 429, headers: { 'Retry-After': '0' } }));
    const error = await client.listServices().catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 0);
    assert.equal(hits, 3, 'first attempt + 2 retries');
  });

  it('429 with an HTTP-date Retry-After: retryAfter counts the seconds until then', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    answer(SERVICES, () => HttpResponse.json({ detail: 'slow down' }, { status: 429, headers: { 'Retry-After': inTwoMinutes } }));
    const error = await new DataInclusionClient({ baseUrl: API, retry: false }).listServices().catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitError);
    assert.ok(error.retryAfter !== null && error.retryAfter > 60 && error.retryAfter <= 120, String(error.retryAfter));
  });

  it('500 with a non-JSON body: ServerError keeping the text', async () => {
    answer(SERVICES, () => new HttpResponse('Internal Server Error', { status: 500 }));
    const error = await client.listServices().catch((e: unknown) => e);
    assert.ok(error instanceof ServerError);
    assert.equal(error.body, 'Internal Server Error');
    assert.equal(error.detail, undefined);
    assert.equal(hits, 3);
  });

  it('other 4xx: a plain HttpError, not retried', async () => {
    answer(SERVICES, () => HttpResponse.json({ detail: 'Invalid host header' }, { status: 400 }));
    const error = await client.listServices().catch((e: unknown) => e);
    assert.ok(error instanceof HttpError);
    assert.equal(error.constructor, HttpError);
    assert.equal(error.status, 400);
    assert.equal(hits, 1);
  });

  it('a network failure: NetworkError with the cause, retried', async () => {
    answer(SERVICES, () => HttpResponse.error());
    const error = await client.listServices().catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.ok(error.cause instanceof Error);
    assert.equal(hits, 3);
  });

  it('a 200 that is not JSON: ResponseValidationError', async () => {
    answer(SERVICES, () => new HttpResponse('<html>maintenance</html>', { status: 200 }));
    await assert.rejects(client.listServices(), ResponseValidationError);
  });
});

describe('retries', () => {
  it('503 with Retry-After, then success: the call succeeds', async () => {
    answer(
      SERVICES,
      () => HttpResponse.json({ detail: 'Service Unavailable' }, { status: 503, headers: { 'Retry-After': '0' } }),
      () => HttpResponse.json(emptyPage),
    );
    const page = await new DataInclusionClient({ baseUrl: API }).listServices();
    assert.equal(page.total, 0);
    assert.equal(hits, 2);
  });

  it('retries 408, 502 and 504 too, up to the limit', async () => {
    answer(
      SERVICES,
      () => new HttpResponse(null, { status: 408 }),
      () => new HttpResponse(null, { status: 502 }),
      () => new HttpResponse(null, { status: 504 }),
      () => HttpResponse.json(emptyPage),
    );
    await assert.rejects(client.listServices(), (e) => e instanceof ServerError && e.status === 504);
    assert.equal(hits, 3);
    hits = 0;
    answer(SERVICES, () => new HttpResponse(null, { status: 502 }), () => HttpResponse.json(emptyPage));
    await client.listServices();
    assert.equal(hits, 2);
  });

  for (const [status, detail] of [
    [400, 'Bad Request'],
    [404, 'Not Found'],
    [422, 'This `code_commune` does not exist.'],
  ] as const) {
    it(`never retries ${status}`, async () => {
      answer(SERVICES, () => HttpResponse.json({ detail }, { status }));
      await assert.rejects(new DataInclusionClient({ baseUrl: API, retry: 5 }).listServices(), HttpError);
      assert.equal(hits, 1);
    });
  }

  it('retry: false and retry: 0 disable retries; a number sets the limit', async () => {
    answer(SERVICES, () => new HttpResponse(null, { status: 503 }));
    await assert.rejects(new DataInclusionClient({ baseUrl: API, retry: false }).listServices(), ServerError);
    assert.equal(hits, 1);
    hits = 0;
    await assert.rejects(new DataInclusionClient({ baseUrl: API, retry: { limit: 0 } }).listServices(), ServerError);
    assert.equal(hits, 1);
    hits = 0;
    await assert.rejects(new DataInclusionClient({ baseUrl: API, retry: { limit: 4, delay: () => 0 } }).listServices(), ServerError);
    assert.equal(hits, 5);
  });

  it('Retry-After as an HTTP date in the past is honoured as "now"', async () => {
    answer(
      SERVICES,
      () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': new Date(Date.now() - 60_000).toUTCString() } }),
      () => HttpResponse.json(emptyPage),
    );
    await new DataInclusionClient({ baseUrl: API }).listServices();
    assert.equal(hits, 2);
  });
});

describe('cancellation', () => {
  const isAbortError = (error: unknown) =>
    error instanceof DOMException && error.name === 'AbortError' && !(error instanceof DataInclusionError);

  it('an already-aborted signal rejects with AbortError and sends nothing', async () => {
    answer(SERVICES, () => HttpResponse.json(emptyPage));
    await assert.rejects(client.listServices({}, { signal: AbortSignal.abort() }), isAbortError);
    assert.equal(hits, 0);
  });

  it('aborting during a request rejects with AbortError', async () => {
    const controller = new AbortController();
    server.use(
      http.get(SERVICES, async () => {
        controller.abort();
        await delay('infinite');
        return HttpResponse.json(emptyPage);
      }),
    );
    await assert.rejects(client.listServices({}, { signal: controller.signal }), isAbortError);
  });

  it('aborting during a backoff wait rejects at once with AbortError, without another attempt', async () => {
    const controller = new AbortController();
    server.use(
      http.get(SERVICES, () => {
        // Abort once the client has had the 503 and started to wait the minute Retry-After asks for.
        setTimeout(() => controller.abort(), 20);
        return HttpResponse.json({ detail: 'down' }, { status: 503, headers: { 'Retry-After': '60' } });
      }),
    );
    const slow = new DataInclusionClient({ baseUrl: API, retry: { limit: 3, maxRetryAfter: 3_600_000 } });
    await assert.rejects(slow.listServices({}, { signal: controller.signal }), isAbortError);
    assert.equal(hits, 1);
  });

  it('a custom abort reason is passed through untouched', async () => {
    const reason = new Error('user left the page');
    await assert.rejects(client.listServices({}, { signal: AbortSignal.abort(reason) }), (e) => e === reason);
  });

  it('a request that never answers: TimeoutError after the timeout', async () => {
    server.use(
      http.get(SERVICES, async () => {
        await delay('infinite');
        return HttpResponse.json(emptyPage);
      }),
    );
    const error = await new DataInclusionClient({ baseUrl: API, timeout: 30 }).listServices().catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.timeout, 30);
    assert.match(error.message, /30 ms/);
    assert.equal(hits, 1, 'timeouts are not retried');
  });
});
