/**
 * The local data·inclusion API v1 server: Fastify 5, gzip, CORS, bearer/widget tokens, FastAPI-shaped
 * errors, a geo.api.gouv.fr-compatible commune API, and a dataset swapped atomically on reload.
 * @module
 */
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import { descriptionOf, SOURCES, VOCABULARIES, type ValidationIssue } from '@dora/sdk';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AccessControl, hostOf, type WidgetToken } from './auth.js';
import { openapiText } from './contract.js';
import { loadDataset, type LoadReport } from './dataset/load.js';
import { CommuneApi, GeoApiError } from './geo/api.js';
import { loadGeography } from './geo/index.js';
import { ENDPOINT_PARAMS, parseQuery, placeCodes, QueryValidationError } from './params.js';
import { Store, type Paging, type ServiceFilters } from './store.js';

/** The bundled demo dataset. */
export const DEMO_DATA_DIR = fileURLToPath(new URL('../data/demo/', import.meta.url));

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** Dataset folder (`structures.json`/`services.json` or `.ndjson`); default: the bundled demo. */
  dataDir?: string;
  /** API tokens (`Authorization: Bearer …`). With none and no widget token, the API is open. */
  tokens?: string[];
  /** Browser tokens bound to hosts. */
  widgetTokens?: WidgetToken[];
  /** CORS allow-list of origins; default `*` when open, else the widget tokens' hosts. */
  allowedOrigins?: string[];
  /** Fastify logger: `false` (default for programs and tests), `true`, or pino options. */
  logger?: boolean | Record<string, unknown>;
  /** Log each request (default true when a logger is on). */
  requestLogging?: boolean;
  /** Reference date for computed quality scores (tests pin it). */
  now?: Date | string;
}

/** A running (or ready to run) local API. */
export interface LocalApiServer {
  /** The Fastify instance (routes registered). */
  app: FastifyInstance;
  /** Starts listening; resolves to the base URL (`http://127.0.0.1:8787`). */
  listen(options?: { port?: number; host?: string }): Promise<string>;
  /** Stops listening and frees resources. */
  close(): Promise<void>;
  /** The base URL once listening, else `null`. */
  readonly url: string | null;
  /** The current load report (counts, invalid records). */
  readonly report: LoadReport;
  /** Reloads the dataset and swaps it in atomically; on failure the old data stays and the error is thrown. */
  reload(): LoadReport;
}

/** An API error with data·inclusion's `{"detail": …}` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string | ValidationIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : 'Validation error');
  }
}

type Query = Record<string, string | string[] | undefined>;

/** Responses assembled as JSON text by the store. */
const JSON_TYPE = 'application/json; charset=utf-8';

/** Replaces `token=…` query values in a URL (for logs). */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token)=)[^&#]*/gi, '$1[redacted]');
}

/**
 * Builds the server: loads the geography and the dataset (throws if the dataset folder cannot be read),
 * registers the routes. Call `listen()` to serve.
 */
export async function createServer(options: ServerOptions = {}): Promise<LocalApiServer> {
  const dataDir = options.dataDir ?? DEMO_DATA_DIR;
  const geography = loadGeography();
  const load = () => new Store(loadDataset(dataDir, options.now === undefined ? {} : { now: options.now }), geography);
  let store = load();
  const communes = new CommuneApi(geography);
  const access = new AccessControl(options.tokens ?? [], options.widgetTokens ?? []);
  const openapiByBase = new Map<string, string>();

  const loggerOption = options.logger ?? false;
  const app = Fastify({
    logger:
      loggerOption === false
        ? false
        : {
            ...(typeof loggerOption === 'object' ? loggerOption : {}),
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'], censor: '[redacted]' },
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
            },
          },
    logController: new LogController({ disableRequestLogging: options.requestLogging === false }),
    // Ids may contain "/" (URL-encoded as %2F) and be long.
    routerOptions: { maxParamLength: 2000 },
    // Requests that are not even valid HTTP (raw non-ASCII in the request line…) get the API's shape too.
    clientErrorHandler: (error: Error & { code?: string }, socket) => {
      if (!socket.writable) return socket.destroy();
      const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
      const body = JSON.stringify({ detail: reason });
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
    // A malformed URL (bad percent-encoding) answers in the API's error shape too.
    frameworkErrors: (error, _request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      (reply as FastifyReply).code(status >= 400 && status < 500 ? status : 400).send({ detail: 'Bad Request' });
    },
  });

  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  const allowList = options.allowedOrigins ?? [];
  await app.register(cors, {
    origin:
      allowList.length > 0
        ? allowList.includes('*')
          ? '*'
          : allowList
        : access.open
          ? '*'
          : (origin, callback) => callback(null, origin !== undefined && access.originAllowedByWidgetTokens(origin)),
    methods: ['GET', 'HEAD', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept'],
    maxAge: 600,
  });

  // Access: the JSON API needs a token, except the vocabularies (open upstream too).
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS') return;
    const path = request.url.split('?', 1)[0]!;
    if (!path.startsWith('/api/v1/') || path.startsWith('/api/v1/doc/')) return;
    const denial = access.check({
      authorization: request.headers.authorization,
      origin: request.headers.origin,
      referer: request.headers.referer,
    });
    if (denial) {
      reply.code(denial.status).headers(denial.headers ?? {}).send({ detail: denial.detail });
      return reply;
    }
  });

  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send({ detail: 'Not Found' });
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof QueryValidationError) return reply.code(422).send({ detail: error.detail });
    if (error instanceof ApiError) return reply.code(error.status).headers(error.headers).send({ detail: error.detail });
    if (error instanceof GeoApiError) return reply.code(error.status).send(error.toJSON());
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ detail: status === 404 ? 'Not Found' : 'Bad Request' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ detail: 'Internal Server Error' });
  });

  // ------------------------------------------------------------------------------------------------
  // Open routes

  app.get('/health', async () => ({
    status: 'ok',
    structures: store.structures.length,
    services: store.servicesCount,
    invalid: { structures: store.report.structures.invalid, services: store.report.services.invalid },
  }));

  app.get('/api/openapi.json', async (request, reply) => {
    const base = `${request.protocol}://${request.host}`;
    let text = openapiByBase.get(base);
    if (text === undefined) {
      const spec = JSON.parse(openapiText.replaceAll('http://testserver', base)) as Record<string, unknown>;
      spec['servers'] = [{ url: base, description: 'Local data·inclusion API (@dora/local-api)' }];
      text = JSON.stringify(spec);
      if (openapiByBase.size < 16) openapiByBase.set(base, text);
    }
    reply.type(JSON_TYPE);
    return text;
  });

  const docs = {
    frais: VOCABULARIES.frais,
    'modes-accueil': VOCABULARIES['modes-accueil'],
    'modes-mobilisation': VOCABULARIES['modes-mobilisation'],
    'personnes-mobilisatrices': VOCABULARIES['personnes-mobilisatrices'],
    publics: VOCABULARIES.publics,
    'reseaux-porteurs': VOCABULARIES['reseaux-porteurs'],
    thematiques: VOCABULARIES.thematiques,
    'types-services': VOCABULARIES['types-services'],
  };
  for (const [name, vocabulary] of Object.entries(docs) as [keyof typeof docs, (typeof docs)[keyof typeof docs]][]) {
    const body = [...vocabulary]
      .map(({ value, label }) => ({ value, label, description: descriptionOf(name, value) }))
      .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    app.get(`/api/v1/doc/${name}`, async () => body);
  }

  app.get('/communes', async (request) => communes.search(request.query as Query));
  app.get<{ Params: { code: string } }>('/communes/:code', async (request) =>
    communes.commune(request.params.code, request.query as Query),
  );
  app.get<{ Params: { code: string } }>('/epcis/:code', async (request) => communes.epci(request.params.code));
  app.get<{ Params: { code: string } }>('/departements/:code', async (request) => communes.departement(request.params.code));
  app.get<{ Params: { code: string } }>('/regions/:code', async (request) => communes.region(request.params.code));

  // ------------------------------------------------------------------------------------------------
  // JSON API

  const sources = SOURCES.map(({ slug, nom }) => ({ slug, nom, description: descriptionOf('sources', slug) }));
  app.get('/api/v1/sources', async () => sources);

  // Lists and searches leave Soliguide out unless the token's subject is privileged (reference §1.2).
  const hiddenSources = (request: FastifyRequest) =>
    !store.hasSource('soliguide') || access.listsSoliguide(request.headers.authorization) ? undefined : ['soliguide'];

  app.get('/api/v1/structures', async (request) => {
    const q = parseQuery(ENDPOINT_PARAMS.structures, request.query as Query);
    return store.listStructures(
      {
        hiddenSources: hiddenSources(request),
        sources: q.sources,
        reseaux_porteurs: q.reseaux_porteurs,
        ...placeCodes(q),
        ...(q.code_commune !== undefined ? { code_commune: q.code_commune } : {}),
        exclure_doublons: q.exclure_doublons ?? false,
      },
      paging(q),
    );
  });

  app.get('/api/v1/services', async (request, reply) => {
    const q = parseQuery(ENDPOINT_PARAMS.services, request.query as Query);
    reply.type(JSON_TYPE);
    return store.listServices(
      {
        ...serviceFilters(q),
        hiddenSources: hiddenSources(request),
        ...placeCodes(q),
        ...(q.code_commune !== undefined ? { code_commune: q.code_commune } : {}),
      },
      paging(q),
    );
  });

  app.get('/api/v1/search/services', async (request, reply) => {
    const q = parseQuery(ENDPOINT_PARAMS.searchServices, request.query as Query);
    const point = latLon(q);
    let commune;
    if (q.code_commune !== undefined) {
      commune = geography.commune(q.code_commune);
      if (!commune) throw new ApiError(422, 'This `code_commune` does not exist.');
    }
    reply.type(JSON_TYPE);
    return store.searchServices(
      {
        ...serviceFilters(q),
        hiddenSources: hiddenSources(request),
        commune,
        ...(q.code_commune !== undefined ? { requestedCode: q.code_commune } : {}),
        // lat/lon only count with a commune (reference §2.1).
        origin: commune ? point : undefined,
        exclure_doublons: q.exclure_doublons ?? false,
      },
      paging(q),
    );
  });

  app.get('/api/v1/search', async (request, reply) => {
    const q = parseQuery(ENDPOINT_PARAMS.search, request.query as Query);
    const point = latLon(q);
    reply.type(JSON_TYPE);
    return store.search(
      {
        ...serviceFilters(q),
        hiddenSources: hiddenSources(request),
        ...placeCodes(q),
        ...(q.code_commune !== undefined ? { code_commune: q.code_commune } : {}),
        q: q.q,
        point,
        distanceKm: q.distance ?? 50,
      },
      paging(q),
    );
  });

  const detail = (find: (id: string) => Buffer | undefined) => async (request: FastifyRequest, reply: FastifyReply) => {
    const id = (request.params as { '*': string })['*'];
    if (id === '') {
      // FastAPI (Starlette) redirects a trailing slash to the route without it.
      const [path, search] = request.url.split('?', 2);
      return reply.redirect(`${path!.replace(/\/+$/, '')}${search ? `?${search}` : ''}`, 307);
    }
    const found = find(id);
    if (found === undefined) throw new ApiError(404, 'Not Found');
    reply.type(JSON_TYPE);
    return found;
  };
  app.get('/api/v1/services/*', detail((id) => store.service(id)));
  app.get('/api/v1/structures/*', detail((id) => store.structure(id)));

  let url: string | null = null;
  return {
    app,
    get url() {
      return url;
    },
    get report() {
      return store.report;
    },
    async listen({ port = 8787, host = '127.0.0.1' } = {}) {
      await app.listen({ port, host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
      url = `http://${shownHost}:${actualPort}`;
      return url;
    },
    async close() {
      await app.close();
      url = null;
    },
    reload() {
      const next = load(); // throws on an unreadable folder: the current store stays
      store = next; // atomic: requests in flight keep the store they started with
      return next.report;
    },
  };
}

function paging(q: { page?: number | undefined; size?: number | undefined }): Paging {
  return { page: q.page ?? 1, size: q.size ?? 5000 };
}

/** Picks the shared service filters out of a validated query (which also holds paging and place keys). */
function serviceFilters(q: ServiceFilters): ServiceFilters {
  return {
    sources: q.sources,
    thematiques: q.thematiques,
    frais: q.frais,
    publics: q.publics,
    modes_accueil: q.modes_accueil,
    types: q.types,
    score_qualite_minimum: q.score_qualite_minimum,
    recherche_public: q.recherche_public,
  };
}

function latLon(q: { lat?: number | undefined; lon?: number | undefined }): { lat: number; lon: number } | undefined {
  if ((q.lat === undefined) !== (q.lon === undefined)) {
    throw new ApiError(422, 'The `lat` and `lon` must be simultaneously filled.');
  }
  return q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : undefined;
}

/** Exposed for the CLI's start message. */
export { hostOf };
