// Browser tests: headless Debian Chromium through puppeteer-core (comes with @web/test-runner).
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const require = createRequire(import.meta.url);
const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
// Without the background-networking flags Chromium floods this closed network with refused connections.
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

// Serve msw's worker from node_modules so it always matches the installed msw, plus one message
// handler: test pages run two at a time, and a page that opens while the other's worker is already
// registered is not controlled by it, which makes msw reload the page (and WTR abort the file).
// test/helpers/msw.ts asks the active worker to claim such a page before starting msw.
const mswWorker =
  readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8') +
  "\nself.addEventListener('message', (event) => { if (event.data === 'DORA_CLAIM') event.waitUntil(self.clients.claim()) })\n";
const mswAndCssInline = {
  name: 'msw-worker-and-css-inline',
  serve(ctx) {
    if (ctx.path === '/mockServiceWorker.js') return { body: mswWorker, type: 'js' };
  },
  transform(ctx) {
    // Vite's `?inline` CSS imports, as the builds see them.
    if (ctx.path.endsWith('.css') && ctx.URL.searchParams.has('inline')) {
      return { body: 'export default ' + JSON.stringify(ctx.body), headers: { 'content-type': 'application/javascript' } };
    }
  },
};

// ---- <dora-search> against the real local API (test/search-local-api.test.ts) ----------------
// The first request to /__local-api-url starts @dora/local-api on 127.0.0.1 (ephemeral port) over
// the small dataset in test/fixtures/search-local-api/, and answers {"url": …}; the server stops
// with the test server.
let localApi;
const localApiPlugin = {
  name: 'dora-local-api',
  async serve(ctx) {
    if (ctx.path !== '/__local-api-url') return;
    localApi ??= (async () => {
      const { createServer } = await import('@dora/local-api');
      const server = await createServer({ dataDir: fileURLToPath(new URL('./test/fixtures/search-local-api/', import.meta.url)) });
      await server.listen({ host: '127.0.0.1', port: 0 });
      return server;
    })();
    try {
      return { body: JSON.stringify({ url: (await localApi).url }), type: 'json' };
    } catch (error) {
      localApi = undefined;
      return { body: JSON.stringify({ error: String(error) }), type: 'json' };
    }
  },
  async serverStop() {
    if (localApi) await (await localApi.catch(() => null))?.close();
  },
};
// ---- end of the local API plugin ------------------------------------------------------------

export default {
  rootDir: fileURLToPath(new URL('../../', import.meta.url)),
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM, headless: true, args: ARGS },
      // One browser context (its own window) per test file: two files run at once, and a page in a
      // background tab gets no requestAnimationFrame (fixtures and Lit updates wait on it). Separate
      // contexts also keep each file's msw service worker to itself.
      async createPage({ context }) {
        const isolated = await context.browser().createBrowserContext();
        const page = await isolated.newPage();
        page.once('close', () => isolated.close().catch(() => {}));
        return page;
      },
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [mswAndCssInline, localApiPlugin, esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
};
