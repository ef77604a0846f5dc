// The token-keeping proxy against the REAL local API started with --token: requests through the
// proxy succeed without a token, and the token never reaches the browser.
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, Request, Response } from 'playwright-core';
import { collectErrors, launchBrowser, screenshot } from '../../e2e/helpers/browser.js';
import { freePort, repositoryRoot, startLocalApi, startNodeProcess, type RunningProcess } from '../../e2e/helpers/local-api.js';

const TOKEN = 'proxy-test-token-7f3c9a1e5b';

/** GET with the path sent byte for byte (fetch would normalise `..` before sending). */
function rawGet(base: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${base}/`, { path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).once('error', reject);
  });
}

describe('examples/proxy: the token stays on the server', () => {
  let api: RunningProcess;
  let proxy: RunningProcess;
  before(async () => {
    api = await startLocalApi(['--token', TOKEN]);
    const port = await freePort();
    proxy = await startNodeProcess(`${repositoryRoot}examples/proxy/server.mjs`, [], {
      port,
      healthPath: '/health',
      env: { DI_TOKEN: TOKEN, DI_API_URL: api.url, GEO_API_URL: api.url, PORT: String(port), HOST: '127.0.0.1' },
    });
  });
  after(async () => {
    await proxy?.stop();
    await api?.stop();
  });

  it('the API itself refuses a request without the token', async () => {
    const response = await fetch(`${api.url}/api/v1/search/services?code_commune=44109&size=1`);
    assert.equal(response.status, 401);
  });

  it('forwards /api/v1/* with the token added, and the answer carries no trace of it', async () => {
    const response = await fetch(`${proxy.url}/api/v1/search/services?code_commune=44109&thematiques=mobilite&size=3`);
    assert.equal(response.status, 200);
    const text = await response.text();
    const page = JSON.parse(text) as { items: unknown[]; total: number; size: number };
    assert.equal(page.size, 3);
    assert.ok(page.total >= 3);
    assert.ok(!text.includes(TOKEN));
    for (const [, value] of response.headers) assert.ok(!value.includes(TOKEN));
  });

  it('ignores an Authorization header sent by the browser', async () => {
    const response = await fetch(`${proxy.url}/api/v1/services?size=1`, { headers: { authorization: 'Bearer someone-elses-token' } });
    assert.equal(response.status, 200);
  });

  it('keeps %2F-encoded ids and passes API errors through in their shape', async () => {
    const { items } = (await (await fetch(`${proxy.url}/api/v1/services?size=1`)).json()) as { items: { id: string }[] };
    const id = items[0]!.id;
    const detail = await fetch(`${proxy.url}/api/v1/services/${encodeURIComponent(id)}`);
    assert.equal(detail.status, 200);
    assert.equal(((await detail.json()) as { id: string }).id, id);

    const missing = await fetch(`${proxy.url}/api/v1/services/${encodeURIComponent('demo--nope/1')}`);
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { detail: 'Not Found' });

    const invalid = await fetch(`${proxy.url}/api/v1/search/services?code_commune=99999`);
    assert.equal(invalid.status, 422);
  });

  it('forwards the commune lookup (geo) so the page needs a single origin', async () => {
    const response = await fetch(`${proxy.url}/communes?nom=Nantes&limit=1&fields=code,nom`);
    assert.equal(response.status, 200);
    const [commune] = (await response.json()) as { code: string }[];
    assert.equal(commune?.code, '44109');
  });

  it('refuses everything else: other paths, traversal, other methods', async () => {
    assert.equal((await fetch(`${proxy.url}/api/openapi.json`)).status, 404);
    assert.equal(await rawGet(proxy.url, '/api/v1/../openapi.json'), 404);
    assert.equal(await rawGet(proxy.url, '/api/v1/%2e%2e/openapi.json'), 404);
    assert.equal(await rawGet(proxy.url, '/api/v1/%2E%2E/%2E%2E/health'), 404);
    assert.equal(await rawGet(proxy.url, '/communes/../api/openapi.json'), 404);
    const post = await fetch(`${proxy.url}/api/v1/services`, { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    assert.deepEqual(await post.json(), { detail: 'Method Not Allowed' });
  });

  it('answers 502 in the API error shape when the upstream is down', async () => {
    const port = await freePort();
    const orphan = await startNodeProcess(`${repositoryRoot}examples/proxy/server.mjs`, [], {
      port,
      healthPath: '/health',
      env: { DI_TOKEN: TOKEN, DI_API_URL: `http://127.0.0.1:${await freePort()}`, PORT: String(port), HOST: '127.0.0.1' },
    });
    try {
      const response = await fetch(`${orphan.url}/api/v1/services?size=1`);
      assert.equal(response.status, 502);
      assert.deepEqual(await response.json(), { detail: 'Bad Gateway' });
    } finally {
      await orphan.stop();
    }
  });

  describe('in a browser', () => {
    let browser: Browser;
    before(async () => (browser = await launchBrowser()));
    after(async () => browser?.close());

    it('the widget searches through the proxy and the token appears in no request, response or page', async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      const seen: string[] = [];
      const apiRequests: Request[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/v1/')) apiRequests.push(request);
        seen.push(request.url(), JSON.stringify(request.headers()));
      });
      const bodies: Promise<void>[] = [];
      page.on('response', (response: Response) => {
        bodies.push(
          response.text().then(
            (body) => void seen.push(body, JSON.stringify(response.headers())),
            () => undefined,
          ),
        );
      });
      await page.goto(proxy.url);
      // code-commune="44109" searches at once: wait for result cards.
      await page.locator('dora-search dora-service-card').first().waitFor({ timeout: 20_000 });
      await Promise.all(bodies);
      assert.ok(apiRequests.length > 0, 'the widget called the API through the proxy');
      for (const request of apiRequests) {
        assert.ok(request.url().startsWith(proxy.url), `${request.url()} goes through the proxy`);
        assert.equal(request.headers().authorization, undefined);
      }
      seen.push(await page.content());
      assert.ok(seen.every((text) => !text.includes(TOKEN)), 'the token reached the browser');
      assert.deepEqual(errors, []);
      await screenshot(page, 'example-proxy');
      await page.close();
      assert.ok(!proxy.output().includes(TOKEN), 'the proxy never logs the token');
    });
  });
});
