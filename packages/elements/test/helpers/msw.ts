/**
 * msw in the browser tests: the service worker (served by web-test-runner.config.mjs at
 * `/mockServiceWorker.js`) answers the SDK's real HTTP requests, so elements are tested through
 * the real SDK client.
 *
 * Usage:
 *   before(startMockApi); afterEach(resetMockApi); after(stopMockApi);
 *   useHandlers(serviceHandlers([completeService]));
 *
 * Handlers match path suffixes (`* /services/:id`), whatever prefix the SDK puts before them.
 */
import { delay, http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { DetailedService, ServiceSearchResult } from '@dora/sdk';

/** The base URL elements are given in tests (`api-url`); the host does not exist, msw answers. */
export const API_URL = 'https://api.example.test';
/** The base URL of the geo.api.gouv.fr-compatible place API in tests (`geo-url`). */
export const GEO_URL = 'https://geo.example.test';

let worker: SetupWorker | undefined;

/**
 * Another test page may have registered the worker already: this page is then not controlled by it,
 * and msw would reload the page. Ask the active worker to claim it first (see web-test-runner.config.mjs).
 */
async function claimByExistingWorker(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  if (!registration || navigator.serviceWorker.controller) return;
  const active =
    registration.active ??
    (await new Promise<ServiceWorker | null>((resolve) => {
      const pending = registration.installing ?? registration.waiting;
      if (!pending) return resolve(null);
      pending.addEventListener('statechange', () => pending.state === 'activated' && resolve(pending));
    }));
  if (!active || navigator.serviceWorker.controller) return;
  const claimed = new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  active.postMessage('DORA_CLAIM');
  await Promise.race([claimed, new Promise((resolve) => setTimeout(resolve, 2000))]);
}

/** Starts the worker (once per test file). Unhandled requests fail the test that makes them. */
export async function startMockApi(): Promise<void> {
  await claimByExistingWorker();
  worker ??= setupWorker();
  await worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } });
}

/** Drops the handlers added by the previous test. */
export function resetMockApi(): void {
  worker?.resetHandlers();
}

/** Stops the worker. */
export function stopMockApi(): void {
  worker?.stop();
}

/** Adds handlers for the current test (they win over earlier ones). */
export function useHandlers(...handlers: (HttpHandler | HttpHandler[])[]): void {
  if (!worker) throw new Error('startMockApi() first');
  worker.use(...handlers.flat());
}

/** Requests seen by the handlers built here, newest last (URL and Authorization header). */
export const requests: { url: URL; authorization: string | null }[] = [];

function record(request: Request): void {
  requests.push({ url: new URL(request.url), authorization: request.headers.get('authorization') });
}

/** `GET /services/{id}`: the given services, or the API's 404 `{"detail":"Not Found"}`. */
export function serviceHandlers(services: DetailedService[]): HttpHandler[] {
  return [
    http.get('*/services/:id', ({ request, params }) => {
      record(request);
      const found = services.find((s) => s.id === params.id);
      return found ? HttpResponse.json(found) : HttpResponse.json({ detail: 'Not Found' }, { status: 404 });
    }),
  ];
}

/** `GET /search/services`: one page holding `results`, whatever the query. */
export function searchHandlers(results: ServiceSearchResult[], { total = results.length, size = 20 } = {}): HttpHandler[] {
  return [
    http.get('*/search/services', ({ request }) => {
      record(request);
      const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
      return HttpResponse.json({ items: results, total, page, size: results.length, pages: Math.max(1, Math.ceil(total / size)) });
    }),
  ];
}

/** Any `GET` under `path` (e.g. `/services/:id`) answers `status` with a FastAPI-like body. */
export function errorHandlers(path: string, status: number, body: JsonBodyType = { detail: 'Internal Server Error' }): HttpHandler[] {
  return [
    http.get(`*${path}`, ({ request }) => {
      record(request);
      return HttpResponse.json(body, { status });
    }),
  ];
}

/** Any `GET` under `path` fails at the network level (DNS, CORS, offline). */
export function networkErrorHandlers(path: string): HttpHandler[] {
  return [
    http.get(`*${path}`, ({ request }) => {
      record(request);
      return HttpResponse.error();
    }),
  ];
}

/** Any `GET` under `path` never answers: the element stays in its loading state. */
export function pendingHandlers(path: string): HttpHandler[] {
  return [
    http.get(`*${path}`, async ({ request }) => {
      record(request);
      await delay('infinite');
      return HttpResponse.error();
    }),
  ];
}

/** A commune as geo.api.gouv.fr returns it. */
export interface GeoCommune {
  code: string;
  nom: string;
  codesPostaux?: string[];
  codeDepartement?: string;
  codeEpci?: string;
  centre?: { type: 'Point'; coordinates: [number, number] };
}

/** geo.api.gouv.fr-compatible `/communes`, `/communes/{code}`, `/epcis/{code}`, `/departements/{code}`. */
export function geoHandlers({
  communes = [],
  epcis = [],
  departements = [],
}: {
  communes?: GeoCommune[];
  epcis?: { code: string; nom: string }[];
  departements?: { code: string; nom: string }[];
}): HttpHandler[] {
  const one = <T extends { code: string }>(list: T[]) =>
    ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
      record(request);
      const found = list.find((x) => x.code === params.code);
      return found ? HttpResponse.json(found) : HttpResponse.json({ code: 404, message: 'Not Found' }, { status: 404 });
    };
  return [
    http.get(`${GEO_URL}/communes/:code`, one(communes)),
    http.get(`${GEO_URL}/epcis/:code`, one(epcis)),
    http.get(`${GEO_URL}/departements/:code`, one(departements)),
    http.get(`${GEO_URL}/communes`, ({ request }) => {
      record(request);
      const query = new URL(request.url).searchParams;
      const code = query.get('code');
      const nom = (query.get('nom') ?? '').toLowerCase();
      return HttpResponse.json(communes.filter((c) => (code ? c.code === code : c.nom.toLowerCase().includes(nom))));
    }),
  ];
}
