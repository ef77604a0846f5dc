/**
 * The built bundles in a page under a strict Content-Security-Policy with Trusted Types, in the real
 * Chromium. WTR's own runner page uses inline scripts, so this runs from Node: a static server for
 * the page and `dist/`, a fixture API on another origin (as a real embed), and playwright-core.
 *
 *   node --import tsx --test test-node/csp.test.ts      (after `npm run build`)
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { completeService, hostileService, paidService } from '../test/fixtures/services.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = join(root, 'dist');
const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

const listen = (server: Server): Promise<string> =>
  new Promise((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

/** A fixture API: `GET /api/v1/services/{id}` with CORS, as the real API answers a browser. */
function fixtureApi(): Server {
  const services = new Map([completeService, paidService, hostileService].map((s) => [s.id, s]));
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-allow-headers', 'authorization, accept');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    const match = /^\/api\/v1\/services\/([^/?]+)/.exec(request.url ?? '');
    const service = match && services.get(decodeURIComponent(match[1]!));
    response.setHeader('content-type', 'application/json');
    if (!service) return void response.writeHead(404).end(JSON.stringify({ detail: 'Not Found' }));
    response.writeHead(200).end(JSON.stringify(service));
  });
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8', '.css': 'text/css' };

/** The host page and `dist/`, every response under the CSP being tested. */
function pageServer(csp: () => string, pages: Record<string, () => string>): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    response.setHeader('content-security-policy', csp());
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    if (pages[path]) return void response.writeHead(200, { 'content-type': TYPES['.html']! }).end(pages[path]!());
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
}

/** Collects CSP violations (from a same-origin external script, the only kind the CSP allows). */
const PROBE = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));`;

describe('built bundles under CSP + Trusted Types', () => {
  let api: Server;
  let site: Server;
  let apiUrl = '';
  let browser: Browser;
  const csp = () =>
    `default-src 'self'; connect-src ${apiUrl}; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'`;
  const card = (attributes: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CSP</title>
    <script src="/probe.js"></script><script type="module" src="/standalone/dora-elements.js"></script></head>
    <body><main><h1>Fiche</h1><dora-service-card ${attributes}></dora-service-card></main></body></html>`;

  before(async () => {
    assert.ok(existsSync(join(dist, 'standalone', 'dora-elements.js')), 'run `npm run build -w @dora/elements` first');
    api = fixtureApi();
    apiUrl = await listen(api);
    site = pageServer(csp, {
      '/probe.js': () => PROBE,
      '/full.html': () => card(`service-id="${completeService.id}" api-url="${apiUrl}"`),
      '/compact.html': () => card(`variant="compact" service-id="${paidService.id}" api-url="${apiUrl}" service-url="/fiche/{id}"`),
      '/hostile.html': () => card(`service-id="${hostileService.id}" api-url="${apiUrl}"`),
      '/missing.html': () => card(`service-id="dora--inconnu" api-url="${apiUrl}"`),
      '/esm-twice.html': () => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>ESM</title>
        <script src="/probe.js"></script>
        <script type="module" src="/standalone/dora-elements.js"></script>
        <script type="module" src="/standalone/dora-elements.js?copie=2"></script></head>
        <body><dora-service-card variant="compact" service-id="${paidService.id}" api-url="${apiUrl}"></dora-service-card></body></html>`,
      '/iife-twice.html': () => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>IIFE</title>
        <script src="/probe.js"></script>
        <script src="/iife/dora-elements.iife.js"></script><script src="/iife/dora-elements.iife.js"></script></head>
        <body><dora-service-card service-id="${paidService.id}" api-url="${apiUrl}"></dora-service-card></body></html>`,
    });
    await listen(site);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  after(async () => {
    await browser?.close();
    api?.close();
    site?.close();
  });

  /** Opens a page, waits for `ready` in the card's shadow root, returns violations and errors. */
  async function visit(path: string, ready: string): Promise<{ page: Page; violations: string[]; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    await page.goto(origin + path);
    try {
      await page.waitForFunction((selector) => document.querySelector('dora-service-card')?.shadowRoot?.querySelector(selector), ready, {
        timeout: 10_000,
      });
    } catch (error) {
      const state = await page.evaluate(() => ({
        violations: (window as unknown as { __violations?: string[] }).__violations,
        shadow: document.querySelector('dora-service-card')?.shadowRoot?.innerHTML.slice(0, 500) ?? null,
      }));
      throw new Error(`${path}: ${String(error)}\n${JSON.stringify({ ...state, errors }, null, 1)}`);
    }
    // Let lazy chunks, fonts and late handlers settle.
    await page.waitForTimeout(200);
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    return { page, violations, errors };
  }

  it('renders the full sheet (lazy chunk, constructed styles) with zero violations and zero errors', async () => {
    const { page, violations, errors } = await visit('/full.html', 'article[aria-labelledby] h2');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    const title = await page.evaluate(() => document.querySelector('dora-service-card')!.shadowRoot!.querySelector('h2')!.textContent);
    assert.equal(title, completeService.nom);
    // Styles apply: the primary button is coloured.
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector('dora-service-card')!.shadowRoot!.querySelector('.mobilise-button')!).backgroundColor,
    );
    assert.equal(background, 'rgb(29, 78, 216)');
    // "Imprimer": the clean copy in an iframe, styled by a constructed stylesheet, also passes the CSP.
    const printed = await page.evaluate(async () => {
      const root = document.querySelector('dora-service-card')!.shadowRoot!;
      const done = new Promise<{ title: string; styled: string }>((resolve) => {
        new MutationObserver((_, observer) => {
          const frame = root.querySelector('iframe');
          if (!frame?.contentWindow) return;
          observer.disconnect();
          frame.contentWindow.print = () => {
            const doc = frame.contentDocument!;
            resolve({ title: doc.querySelector('h2')?.textContent ?? '', styled: getComputedStyle(doc.querySelector('.badge')!).fontWeight });
          };
        }).observe(root, { childList: true });
      });
      root.querySelector<HTMLButtonElement>('[data-action="print"]')!.click();
      return done;
    });
    assert.equal(printed.title, completeService.nom);
    assert.equal(printed.styled, '600');
    await page.waitForTimeout(100);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('renders a compact card, and the 404 message, with zero violations', async () => {
    for (const [path, ready] of [
      ['/compact.html', 'a[part~="link"]'],
      ['/missing.html', '[role="alert"]'],
    ] as const) {
      const { page, violations, errors } = await visit(path, ready);
      assert.deepEqual(violations, [], path);
      // The browser logs the failed fetch (404) itself; nothing else may be logged.
      assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), [], path);
      await page.close();
    }
  });

  it('renders hostile data as text: nothing is injected, so nothing is even blocked', async () => {
    const { page, violations, errors } = await visit('/hostile.html', 'article[aria-labelledby] h2');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    const injected = await page.evaluate(() => document.querySelector('dora-service-card')!.shadowRoot!.querySelectorAll('img, script, svg, iframe').length);
    assert.equal(injected, 0);
    await page.close();
  });

  it('loads the standalone module twice (two URLs, two module instances) without error', async () => {
    const { page, violations, errors } = await visit('/esm-twice.html', 'button[part~="link"]');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('loads the single-file IIFE twice without error (double registration guarded)', async () => {
    const { page, violations, errors } = await visit('/iife-twice.html', 'article[aria-labelledby] h2');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => typeof customElements.get('dora-service-card')), 'function');
    await page.close();
  });
});
