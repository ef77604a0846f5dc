/**
 * Access modes (open, API tokens, widget tokens by Origin/Referer), CORS, gzip and error bodies.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { checkError } from './contract.js';
import { service, startServer, structure, type TestServer } from './helpers.js';

const data = { structures: [structure('dora--s1')], services: [service('dora--a'), service('dora--b')] };

describe('open mode (no token configured)', () => {
  let t: TestServer;
  before(async () => (t = await startServer(data)));
  after(() => t.stop());

  it('answers every endpoint without a token', async () => {
    for (const path of ['/api/v1/services', '/api/v1/structures', '/api/v1/search/services', '/api/v1/sources', '/api/v1/services/dora--a']) {
      assert.equal((await t.get(path)).status, 200, path);
    }
  });

  it('allows any origin (CORS *)', async () => {
    const response = await t.get('/api/v1/services', { origin: 'https://anywhere.example' });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
  });
});

describe('API tokens', () => {
  let t: TestServer;
  before(async () => (t = await startServer(data, { tokens: ['tok-one', 'tok-two'] })));
  after(() => t.stop());

  it('without Authorization: 401 "Not authenticated" with WWW-Authenticate: Bearer', async () => {
    for (const path of ['/api/v1/services', '/api/v1/structures/dora--s1', '/api/v1/search', '/api/v1/search/services', '/api/v1/sources']) {
      const response = await t.get(path);
      assert.equal(response.status, 401, path);
      assert.deepEqual(response.body, { detail: 'Not authenticated' });
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
    }
  });

  it('with an unknown token or a malformed header: 401 "Unauthorized" / "Not authenticated"', async () => {
    const unknown = await t.get('/api/v1/services', { authorization: 'Bearer nope' });
    assert.equal(unknown.status, 401);
    assert.deepEqual(unknown.body, { detail: 'Unauthorized' });
    const basic = await t.get('/api/v1/services', { authorization: 'Basic dG9rLW9uZQ==' });
    assert.equal(basic.status, 401);
    assert.deepEqual(basic.body, { detail: 'Not authenticated' });
  });

  it('with any configured token: 200 (scheme case-insensitive)', async () => {
    assert.equal((await t.get('/api/v1/services', { authorization: 'Bearer tok-one' })).status, 200);
    assert.equal((await t.get('/api/v1/services', { authorization: 'bearer tok-two' })).status, 200);
  });

  it('leaves /doc, /api/openapi.json, /health and /communes open', async () => {
    for (const path of ['/api/v1/doc/frais', '/api/openapi.json', '/health', '/communes?nom=Nantes']) {
      assert.equal((await t.get(path)).status, 200, path);
    }
  });

  it('sends no CORS allowance to an arbitrary origin', async () => {
    const response = await t.get('/api/v1/services', { origin: 'https://evil.example', authorization: 'Bearer tok-one' });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('widget tokens', () => {
  let t: TestServer;
  before(async () => (t = await startServer(data, { tokens: ['server-token'], widgetTokens: [{ token: 'w1', hosts: ['mairie.example.fr', 'ccas.example.org'] }] })));
  after(() => t.stop());

  const withToken = (headers: Record<string, string>) => t.get('/api/v1/search/services', { authorization: 'Bearer w1', ...headers });

  it('accepts the allowed hosts and their subdomains, by Origin', async () => {
    for (const origin of ['https://mairie.example.fr', 'https://www.mairie.example.fr', 'http://ccas.example.org:8080', 'https://a.b.ccas.example.org']) {
      assert.equal((await withToken({ origin })).status, 200, origin);
    }
  });

  it('rejects look-alike hosts: xmairie.example.fr is not mairie.example.fr', async () => {
    for (const origin of ['https://xmairie.example.fr', 'https://mairie.example.fr.evil.com', 'https://example.fr', 'null']) {
      const response = await withToken({ origin });
      assert.equal(response.status, 403, origin);
      assert.deepEqual(response.body, { detail: 'Origin not allowed for this token.' });
    }
  });

  it('falls back to the Referer when there is no Origin', async () => {
    assert.equal((await withToken({ referer: 'https://www.mairie.example.fr/aides?x=1' })).status, 200);
    const bad = await withToken({ referer: 'https://xmairie.example.fr/' });
    assert.equal(bad.status, 403);
    assert.deepEqual(bad.body, { detail: 'Origin not allowed for this token.' });
  });

  it('always accepts localhost and 127.0.0.1 (development)', async () => {
    assert.equal((await withToken({ origin: 'http://localhost:5173' })).status, 200);
    assert.equal((await withToken({ referer: 'http://127.0.0.1:8080/demo' })).status, 200);
  });

  it('is not an API token: 403 "Forbidden" without any Origin or Referer', async () => {
    const response = await withToken({});
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { detail: 'Forbidden' });
  });

  it('CORS allows the widget hosts (preflight included) and not others', async () => {
    const ok = await t.get('/api/v1/services', { origin: 'https://www.mairie.example.fr', authorization: 'Bearer w1' });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://www.mairie.example.fr');
    const preflight = await fetch(`${t.url}/api/v1/search/services`, {
      method: 'OPTIONS',
      headers: { origin: 'https://mairie.example.fr', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    assert.ok(preflight.status === 204 || preflight.status === 200);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://mairie.example.fr');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    const evil = await t.get('/api/v1/services', { origin: 'https://xmairie.example.fr', authorization: 'Bearer w1' });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  });
});

describe('Soliguide gating (reference §1.2)', () => {
  const jwt = (sub: string) =>
    [{ alg: 'HS256', typ: 'JWT' }, { sub, scopes: ['api'] }].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') +
    '.signature';
  const gated = {
    structures: [structure('dora--s1'), structure('soliguide--s2', { source: 'soliguide' })],
    services: [
      service('dora--a'),
      service('soliguide--b', { source: 'soliguide', structure_id: 'soliguide--s2' }),
    ],
  };
  const tokens = { plain: 'tok-plain', dora: 'dora-partner', emplois: jwt('les-emplois-2025-04-10'), doraJwt: jwt('dora-backend'), other: jwt('someone') };
  let t: TestServer;
  before(
    async () =>
      (t = await startServer(gated, {
        tokens: Object.values(tokens),
        widgetTokens: [{ token: 'dora-widget', hosts: ['mairie.example.fr'] }],
      })),
  );
  after(() => t.stop());

  const listed = async (authorization: string, origin?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${authorization}`, ...(origin ? { origin } : {}) };
    const ids = async (path: string) => {
      const response = await t.get(path, headers);
      assert.equal(response.status, 200, `${path}: ${JSON.stringify(response.body)}`);
      return (response.body.items as ({ id: string } | { service: { id: string } })[]).map((item) => ('id' in item ? item.id : item.service.id));
    };
    return {
      structures: await ids('/api/v1/structures'),
      services: await ids('/api/v1/services'),
      search: await ids('/api/v1/search/services?code_commune=44109'),
      fullText: await ids('/api/v1/search?q=recherche'),
    };
  };

  it('leaves Soliguide out of lists and searches for ordinary tokens, and for widget tokens', async () => {
    for (const [token, origin] of [[tokens.plain], [tokens.other], ['dora-widget', 'https://mairie.example.fr']] as const) {
      const seen = await listed(token, origin);
      assert.deepEqual(seen.structures, ['dora--s1'], token);
      assert.deepEqual(seen.services, ['dora--a'], token);
      assert.deepEqual(seen.search, ['dora--a'], token);
      assert.deepEqual(seen.fullText, ['dora--a'], token);
    }
  });

  it('lists Soliguide for subjects starting with dora- and for les-emplois-2025-04-10 (plain or JWT tokens)', async () => {
    for (const token of [tokens.dora, tokens.doraJwt, tokens.emplois]) {
      const seen = await listed(token);
      assert.deepEqual(seen.structures, ['dora--s1', 'soliguide--s2'], token);
      assert.deepEqual(seen.services, ['dora--a', 'soliguide--b'], token);
      assert.deepEqual(seen.search, ['dora--a', 'soliguide--b'], token);
      assert.deepEqual(seen.fullText.sort(), ['dora--a', 'soliguide--b'], token);
    }
  });

  it('shows Soliguide records to anyone on the detail endpoints', async () => {
    for (const path of ['/api/v1/services/soliguide--b', '/api/v1/structures/soliguide--s2']) {
      const response = await t.get(path, { authorization: `Bearer ${tokens.plain}` });
      assert.equal(response.status, 200, path);
      assert.equal(response.body.source, 'soliguide');
    }
  });
});

describe('CORS allow-list', () => {
  let t: TestServer;
  before(async () => (t = await startServer(data, { tokens: ['x'], allowedOrigins: ['https://app.example.org'] })));
  after(() => t.stop());

  it('reflects only listed origins', async () => {
    const listed = await t.get('/health', { origin: 'https://app.example.org' });
    assert.equal(listed.headers.get('access-control-allow-origin'), 'https://app.example.org');
    const other = await t.get('/health', { origin: 'https://other.example.org' });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});

describe('gzip and error bodies', () => {
  let t: TestServer;
  before(async () => (t = await startServer(data)));
  after(() => t.stop());

  function raw(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
    const url = new URL(path, t.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('compresses JSON with gzip when asked', async () => {
    const response = await raw('/api/v1/services', { 'accept-encoding': 'gzip' });
    assert.equal(response.headers['content-encoding'], 'gzip');
    const body = JSON.parse(gunzipSync(response.body).toString('utf8'));
    assert.equal(body.total, 2);
  });

  it('sends plain JSON to clients that do not ask', async () => {
    const response = await raw('/api/v1/services', {});
    assert.equal(response.headers['content-encoding'], undefined);
    assert.equal(JSON.parse(response.body.toString('utf8')).total, 2);
  });

  it('answers a malformed URL with 400 {"detail": …}', async () => {
    const response = await raw('/api/v1/services/%E0%A4%A', {});
    assert.equal(response.status, 400);
    checkError(JSON.parse(response.body.toString('utf8')));
  });

  it('answers unsupported methods with the API error shape', async () => {
    const response = await fetch(`${t.url}/api/v1/services`, { method: 'DELETE' });
    assert.equal(response.status, 404);
    checkError(await response.json());
  });
});
