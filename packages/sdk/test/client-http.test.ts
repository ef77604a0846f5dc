// The client over real HTTP (a node:http server on 127.0.0.1, Node's own fetch), no interception.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataInclusionClient, NetworkError, NotFoundError, ServerError, TimeoutError } from '../src/index.js';

const emptyPage = JSON.stringify({ items: [], total: 0, page: 1, size: 0, pages: 0 });
/** Requests received, as `[method, url, authorization]`. */
const received: [string, string, string | undefined][] = [];
/** Responses still open (hanging routes), closed when the test server stops. */
const open = new Set<ServerResponse>();
let attempts503 = 0;

function route(request: IncomingMessage, response: ServerResponse) {
  received.push([request.method ?? '', request.url ?? '', request.headers.authorization]);
  const url = new URL(request.url ?? '/', 'http://localhost');
  const json = (status: number, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  };
  switch (url.pathname) {
    case '/api/v1/services':
      return json(200, emptyPage);
    case '/api/v1/services/hang':
      open.add(response); // never answers
      return;
    case '/api/v1/search/services':
      return ++attempts503 === 1 ? json(503, '{"detail":"Service Unavailable"}', { 'retry-after': '0' }) : json(200, emptyPage);
    default:
      return json(404, '{"detail":"Not Found"}');
  }
}

let server: Server;
let baseUrl: string;
before(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  for (const response of open) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('over real HTTP', () => {
  it('sends repeated keys and the token, and reads the page', async () => {
    const client = new DataInclusionClient({ baseUrl: `${baseUrl}/`, token: 'abc' });
    const page = await client.listServices({ publics: ['jeunes', 'femmes'], thematiques: ['mobilite--acceder-a-un-vehicule'] });
    assert.equal(page.total, 0);
    assert.deepEqual(received.at(-1), [
      'GET',
      '/api/v1/services?publics=jeunes&publics=femmes&thematiques=mobilite--acceder-a-un-vehicule',
      'Bearer abc',
    ]);
  });

  it('maps a real 404 and retries a real 503', async () => {
    const client = new DataInclusionClient({ baseUrl });
    await assert.rejects(client.getStructure('dora--x:y/z'), NotFoundError);
    assert.equal(received.at(-1)?.[1], '/api/v1/structures/dora--x%3Ay%2Fz');
    const page = await client.searchServices({ code_commune: '59350' });
    assert.equal(page.pages, 0);
    assert.equal(attempts503, 2);
  });

  it('a refused connection is a NetworkError (after the retries)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = new DataInclusionClient({ baseUrl: `http://127.0.0.1:${port}`, retry: { limit: 1, delay: () => 0 } });
    const error = await client.listSources().catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError, String(error));
    assert.ok(!(error instanceof ServerError));
  });

  it('a server that never answers gives a TimeoutError; an abort gives the AbortError', async () => {
    const client = new DataInclusionClient({ baseUrl, timeout: 50 });
    await assert.rejects(client.getService('hang'), TimeoutError);
    const controller = new AbortController();
    const pending = new DataInclusionClient({ baseUrl }).getService('hang', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, (e) => e instanceof DOMException && e.name === 'AbortError');
  });
});
