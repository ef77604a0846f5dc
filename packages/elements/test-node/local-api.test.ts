/**
 * End to end: the built standalone bundle, in Chromium, reading the real local API process
 * (`dora-local-api`, its demo dataset) over real HTTP, under the strict CSP of csp.test.ts.
 *
 *   node --import tsx --test test-node/local-api.test.ts   (after the root `npm run build`)
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = join(root, 'dist');
const cli = resolve(root, '../local-api/dist/cli.js');
const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/** Starts `dora-local-api --port 0` and resolves with its URL, read from its start-up log. */
function startLocalApi(): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, '--port', '0', '--host', '127.0.0.1', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the local API did not start within 60 s')), 60_000);
    child.once('exit', (code) => fail(new Error(`the local API exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(line)?.[1];
      if (!url) return;
      clearTimeout(timer);
      done({ process: child, url });
    });
  });
}

describe('<dora-service-card> on the real local API', () => {
  let api: { process: ChildProcess; url: string };
  let site: Server;
  let origin = '';
  let browser: Browser;
  let service: { id: string; nom: string; structure: { nom: string } };

  before(async () => {
    assert.ok(existsSync(join(dist, 'standalone', 'dora-elements.js')), 'run `npm run build -w @dora/elements` first');
    assert.ok(existsSync(cli), 'build @dora/local-api first (root `npm run build`)');
    api = await startLocalApi();
    // A real service of the demo dataset, in person and located, through the public API.
    const page = (await (await fetch(`${api.url}/api/v1/services?size=50&modes_accueil=en-presentiel`)).json()) as { items: { id: string }[] };
    assert.ok(page.items.length > 0, 'the demo dataset has services');
    service = (await (await fetch(`${api.url}/api/v1/services/${encodeURIComponent(page.items[0]!.id)}`)).json()) as typeof service;

    const csp = `default-src 'self'; connect-src ${api.url}; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'`;
    const probe = `window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;
    site = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      response.setHeader('content-security-policy', csp);
      if (url.pathname === '/favicon.ico') return void response.writeHead(204).end();
      if (url.pathname === '/probe.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(probe);
      if (url.pathname === '/') {
        const id = url.searchParams.get('id') ?? '';
        const variant = url.searchParams.get('variant') ?? 'full';
        return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>e2e</title>
          <script src="/probe.js"></script><script type="module" src="/standalone/dora-elements.js"></script></head>
          <body><main><h1>Fiche</h1><dora-service-card variant="${variant}" service-id="${id}" api-url="${api.url}" geo-url="${api.url}"></dora-service-card></main></body></html>`);
      }
      const file = normalize(join(dist, url.pathname));
      if (!file.startsWith(dist) || !existsSync(file)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    });
    await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  after(async () => {
    await browser?.close();
    site?.close();
    api?.process.kill();
  });

  async function open(query: string, ready: string) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
    await page.goto(`${origin}/?${query}`);
    await page.waitForFunction((selector) => document.querySelector('dora-service-card')?.shadowRoot?.querySelector(selector), ready, { timeout: 15_000 });
    await page.waitForTimeout(300);
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    const shadowText = await page.evaluate(() => document.querySelector('dora-service-card')!.shadowRoot!.textContent!.replace(/\s+/g, ' '));
    return { page, errors, violations, shadowText };
  }

  it('fetches and shows a real service sheet, with zero CSP violations and errors', async () => {
    const { page, errors, violations, shadowText } = await open(`id=${encodeURIComponent(service.id)}`, 'article[aria-labelledby] h2');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    assert.ok(shadowText.includes(service.nom), 'service name');
    assert.ok(shadowText.includes(service.structure.nom), 'structure name');
    assert.ok(shadowText.includes('via data·inclusion'), 'source line');
    await page.close();
  });

  it('shows a real compact card', async () => {
    const { page, errors, violations, shadowText } = await open(`variant=compact&id=${encodeURIComponent(service.id)}`, '[part~="link"]');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    assert.ok(shadowText.includes(service.nom));
    await page.close();
  });

  it('says that an unknown id does not exist (the API’s real 404)', async () => {
    const { page, violations, errors, shadowText } = await open('id=dora--nexiste-pas', '[role="alert"]');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors.filter((e) => !/status of 404|^404 .*\/services\/dora--nexiste-pas/.test(e)), []);
    assert.ok(shadowText.includes('Ce service n’existe plus'), shadowText);
    await page.close();
  });
});
