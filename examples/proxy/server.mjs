#!/usr/bin/env node
// A token-keeping proxy for the DORA widget: the browser talks to this server, which forwards
// `/api/v1/*` to the data·inclusion API with `Authorization: Bearer <DI_TOKEN>` added server-side.
// The token never reaches the browser. Node ≥ 20, no dependencies.
//
//   DI_TOKEN=… node examples/proxy/server.mjs
//
// Environment:
//   DI_TOKEN          the API token (required; an environment variable keeps it out of `ps` and shell history)
//   DI_API_URL        upstream API origin (default https://api.data.inclusion.gouv.fr)
//   GEO_API_URL       upstream of /communes, /epcis, /departements (default https://geo.api.gouv.fr)
//   PORT, HOST        where to listen (default 8080 on 127.0.0.1)
//   ALLOWED_ORIGINS   comma-separated origins allowed to call the proxy from another site (CORS); empty = same origin only
//   RATE_LIMIT        requests per minute and client IP (default 300), protecting the token's quota
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const token = process.env.DI_TOKEN?.trim();
if (!token) {
  console.error('DI_TOKEN is not set: the proxy exists to add the token server-side.');
  process.exit(1);
}
const apiUrl = new URL(process.env.DI_API_URL ?? 'https://api.data.inclusion.gouv.fr');
const geoUrl = new URL(process.env.GEO_API_URL ?? 'https://geo.api.gouv.fr');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const allowedOrigins = new Set((process.env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean));
const rateLimit = Number(process.env.RATE_LIMIT ?? 300);
const UPSTREAM_TIMEOUT_MS = 30_000;

// The page and the widget bundle, served by the proxy for this example. A real site serves its own pages.
const here = fileURLToPath(new URL('.', import.meta.url));
const staticMounts = [
  { prefix: '/dora/', dir: join(here, '../../packages/elements/dist/standalone') },
  { prefix: '/', dir: join(here, 'public') },
];
const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

// Request headers worth forwarding. Cookies and any Authorization sent by the browser are dropped.
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-encoding', 'accept-language', 'if-none-match', 'if-modified-since'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-encoding', 'content-length', 'cache-control', 'etag', 'last-modified', 'retry-after', 'vary'];

/** Errors in the data·inclusion API's own shape, so the SDK and the widget read them as usual. */
function sendError(response, status, detail, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify({ detail }));
}

/** A fixed one-minute window per client IP: small, and enough to keep a script from draining the token. */
const windows = new Map();
function overLimit(ip) {
  const minute = Math.floor(Date.now() / 60_000);
  const entry = windows.get(ip);
  if (!entry || entry.minute !== minute) {
    if (windows.size > 10_000) windows.clear();
    windows.set(ip, { minute, count: 1 });
    return false;
  }
  return ++entry.count > rateLimit;
}

/** Where a path goes upstream, or null. The result is checked AFTER URL normalisation (`..`, `%2e%2e`). */
function upstreamFor(rawUrl) {
  const target = rawUrl.startsWith('/api/v1/') ? apiUrl : /^\/(communes|epcis|departements)(\/|\?|$)/.test(rawUrl) ? geoUrl : null;
  if (!target) return null;
  const url = new URL(rawUrl, target);
  if (url.origin !== target.origin) return null;
  const allowed = target === apiUrl ? url.pathname.startsWith('/api/v1/') : /^\/(communes|epcis|departements)(\/|$)/.test(url.pathname);
  return allowed ? { url, withToken: target === apiUrl } : null;
}

async function forward(request, response, { url, withToken }) {
  const headers = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (withToken) headers.authorization = `Bearer ${token}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('timeout')), UPSTREAM_TIMEOUT_MS);
  // A visitor who leaves (or a widget that aborts a stale search) cancels the upstream call too.
  response.once('close', () => abort.abort(new Error('client gone')));
  try {
    const upstream = await fetch(url, { method: request.method, headers, signal: abort.signal, redirect: 'manual' });
    const responseHeaders = {};
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) responseHeaders[name] = value;
    }
    // fetch decompresses the body: do not claim an encoding we no longer send.
    delete responseHeaders['content-encoding'];
    delete responseHeaders['content-length'];
    response.writeHead(upstream.status, responseHeaders);
    // A body cut short (client gone, upstream reset) just ends this response.
    if (upstream.body && request.method !== 'HEAD') await pipeline(Readable.fromWeb(upstream.body), response).catch(() => response.destroy());
    else response.end();
    return upstream.status;
  } catch (error) {
    if (response.destroyed) return 499;
    const timedOut = abort.signal.reason?.message === 'timeout';
    sendError(response, timedOut ? 504 : 502, timedOut ? 'Gateway Timeout' : 'Bad Gateway');
    console.error(`upstream ${url.origin}: ${error?.cause?.code ?? error?.message ?? error}`);
    return timedOut ? 504 : 502;
  } finally {
    clearTimeout(timer);
  }
}

/** This server's origin as the browser sees it (the Host header, checked, else the listening address). */
function ownOrigin(request) {
  const hostHeader = request.headers.host ?? '';
  return /^[a-z0-9.-]+(:\d{1,5})?$/i.test(hostHeader) ? `http://${hostHeader}` : `http://${host}:${port}`;
}

function serveStatic(request, response) {
  const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  for (const { prefix, dir } of staticMounts) {
    if (!pathname.startsWith(prefix)) continue;
    let file = normalize(join(dir, pathname.slice(prefix.length)));
    if (!file.startsWith(dir + sep) && file !== dir) continue;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    if (extname(file) === '.html') {
      // The page's api-url and geo-url are this server: the widget then needs no token and no CORS.
      response.end(readFileSync(file, 'utf8').replaceAll('{{ORIGIN}}', ownOrigin(request)));
    } else {
      createReadStream(file).pipe(response);
    }
    return true;
  }
  return false;
}

const server = createServer(async (request, response) => {
  const started = performance.now();
  const origin = request.headers.origin;
  if (origin && allowedOrigins.has(origin)) {
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('vary', 'origin');
  }
  let status;
  if (request.method === 'OPTIONS' && origin && allowedOrigins.has(origin)) {
    response.writeHead(204, { 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': 'accept, content-type', 'access-control-max-age': '600' });
    response.end();
    status = 204;
  } else if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendError(response, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    status = 405;
  } else if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    status = 200;
  } else {
    const upstream = upstreamFor(request.url ?? '/');
    if (upstream) {
      if (overLimit(request.socket.remoteAddress ?? '')) {
        sendError(response, 429, 'Too Many Requests', { 'retry-after': '60' });
        status = 429;
      } else {
        status = await forward(request, response, upstream);
      }
    } else if (serveStatic(request, response)) {
      status = 200;
    } else {
      sendError(response, 404, 'Not Found');
      status = 404;
    }
  }
  // Never log headers: they would hold the token on the upstream side and cookies on this side.
  console.log(`${request.method} ${request.url} ${status} ${Math.round(performance.now() - started)} ms`);
});

server.listen(port, host, () => {
  console.log(`Proxy on http://${host}:${port} → ${apiUrl.origin}/api/v1 (token added server-side), geo → ${geoUrl.origin}`);
});
const shutdown = () => server.close(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
