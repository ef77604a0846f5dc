// The client in real Chromium: the SDK bundled for browsers (esbuild), a page and a fake API served
// from one node:http server on 127.0.0.1, driven with playwright-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const shared = new URL('../../../../shared/data/data-inclusion/samples/', import.meta.url);
const sample = (file: string) => JSON.parse(readFileSync(new URL(file, shared), 'utf8'));
const service = sample('api-v1-list-services.synthetic.json').items[0];
const { score_qualite: _s, doublons: _d, ...structure } = sample('api-v1-list-structures.synthetic.json').items[0];

let server: Server;
let browser: Browser;
let page: Page;
let origin: string;
const apiRequests: string[] = [];
const hanging = new Set<ServerResponse>();

before(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const sdk = (bundle.outputFiles[0] as { text: string }).text;
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>sdk</title>');
    } else if (url.pathname === '/sdk.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(sdk);
    } else if (url.pathname === '/proxy/api/v1/search/services') {
      apiRequests.push(url.pathname + url.search);
      const body = { items: [{ service: { ...service, structure }, distance: 4 }], total: 1, page: 1, size: 1, pages: 1 };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } else if (url.pathname === '/proxy/api/v1/services/slow') {
      hanging.add(response);
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  page = await browser.newPage();
  await page.goto(`${origin}/`);
});

after(async () => {
  await browser?.close();
  for (const response of hanging) response.destroy();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('in Chromium', () => {
  it('searches through a same-origin proxy path, with categories expanded, and validates the page', async () => {
    const result = await page.evaluate(async () => {
      const { DataInclusionClient } = await import('/sdk.js' as string);
      const client = new DataInclusionClient({ baseUrl: '/proxy/' });
      const found = await client.searchServices({ code_commune: '59350', thematiques: ['famille'], publics: ['jeunes'] });
      return { ids: found.items.map((r: { service: { id: string } }) => r.service.id), invalid: found.invalidItems.length };
    });
    assert.deepEqual(result, { ids: [service.id], invalid: 0 });
    const query = new URLSearchParams(apiRequests.at(-1)?.split('?')[1]);
    assert.ok(query.getAll('thematiques').length > 1);
    assert.ok(query.getAll('thematiques').every((t) => t.startsWith('famille--')));
  });

  it('maps a 404 to NotFoundError and an abort to the standard AbortError', async () => {
    const outcome = await page.evaluate(async () => {
      const sdk = await import('/sdk.js' as string);
      const client = new sdk.DataInclusionClient({ baseUrl: '/proxy' });
      const notFound = await client.getStructure('dora--nope').catch((e: Error) => e);
      const controller = new AbortController();
      const pending = client.getService('slow', { signal: controller.signal }).catch((e: Error) => e);
      setTimeout(() => controller.abort(), 50);
      const aborted = await pending;
      return {
        notFound: [notFound.name, notFound instanceof sdk.NotFoundError, notFound instanceof sdk.DataInclusionError],
        aborted: [aborted.name, aborted instanceof DOMException, aborted instanceof sdk.DataInclusionError],
      };
    });
    assert.deepEqual(outcome, { notFound: ['NotFoundError', true, true], aborted: ['AbortError', true, false] });
  });
});
