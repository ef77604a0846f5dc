// The demo site (`demo/`), served by `npm start` (scripts/start.mjs) and by the end-to-end tests.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Connect, type Plugin } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
const demo = join(root, 'demo');

/** Address of the local API the demo talks to by default (scripts/start.mjs sets it). */
const apiUrl = process.env.DORA_API_URL ?? 'http://127.0.0.1:8787';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves two repository folders as they are, next to the demo:
 *  - `/packages/elements/dist/…`: the built widget, so that the configurator's snippet (a plain
 *    `<script type="module">`) works when pasted into any page, including another origin (CORS open);
 *  - `/examples/…`: the no-build examples (script tag, case management), whose relative paths to
 *    `../../packages/elements/dist/` then resolve exactly as in the repository.
 * Vite's own static serving stops at `demo/`, and these files must not go through its transforms.
 */
function repositoryFiles(): Plugin {
  const mounts = ['/packages/elements/dist/', '/examples/'];
  const serve: Connect.NextHandleFunction = (request, response, next) => {
    let pathname: string;
    try {
      pathname = normalize(decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/'));
    } catch {
      return next(); // malformed escape: not one of ours
    }
    // Checked after normalisation, so that `/examples/../package.json` stays out.
    if (!mounts.some((mount) => pathname.startsWith(mount))) return next();
    let file = join(root, pathname);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile() || file.includes(`${sep}node_modules${sep}`)) return next();
    response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(response);
  };
  return {
    name: 'dora-repository-files',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

/** Tells every demo page where the local API is, in a `<meta name="dora-local-api">` (read by demo/src/settings.ts). */
function localApiAddress(): Plugin {
  return {
    name: 'dora-local-api-address',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'dora-local-api', content: apiUrl }, injectTo: 'head-prepend' }],
  };
}

/** The demo's pages, in navigation order: file name (without `.html`) and menu label. */
const PAGES = [
  ['index', 'Rechercher'],
  ['fiche', 'Fiche service'],
  ['configurateur', 'Configurateur'],
  ['dossier', 'Dossier bénéficiaire'],
  ['evenements', 'Événements'],
  ['api', 'API réelle'],
] as const;

/**
 * The site header (skip link, brand, menu with the current page marked, data-source banner), written
 * once here and put in place of `<!-- site-header -->` in every page.
 */
function siteHeader(): Plugin {
  return {
    name: 'dora-site-header',
    transformIndexHtml: (html, { filename }) => {
      const current = filename.replace(/^.*[\\/]/, '').replace(/\.html$/, '');
      const links = PAGES.map(
        ([page, label]) => `<li><a href="./${page}.html"${page === current ? ' aria-current="page"' : ''}>${label}</a></li>`,
      ).join('\n            ');
      return html.replace(
        '<!-- site-header -->',
        `<a class="skip-link" href="#contenu">Aller au contenu</a>
    <header class="site">
      <div class="bar">
        <a class="brand" href="./index.html">DORA · démo du widget</a>
        <nav aria-label="Pages de la démo">
          <ul>
            ${links}
          </ul>
        </nav>
      </div>
      <p class="api-banner"></p>
    </header>`,
      );
    },
  };
}

export default defineConfig({
  root: demo,
  appType: 'mpa',
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1' },
  plugins: [repositoryFiles(), localApiAddress(), siteHeader()],
  build: {
    outDir: join(root, 'dist/demo'),
    emptyOutDir: true,
    rolldownOptions: {
      input: Object.fromEntries(
        PAGES.map(([page]) => [page, join(demo, `${page}.html`)]),
      ),
    },
  },
});
