// A static file server over the repository root, for pages that must be served as they are
// (examples, the built widget), with the local API's default address rewritten to the test's one.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { repositoryRoot } from './local-api.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  server: Server;
  /** Extra pages served from memory (e.g. a blank page with a pasted snippet). */
  pages: Map<string, string>;
  close(): Promise<void>;
}

/**
 * Serves the repository root (or `root`, e.g. a built app's dist/) on 127.0.0.1 (a free port). In
 * HTML files, `http://127.0.0.1:8787` (the local API of `npm start`) becomes `apiUrl`. (A real server
 * rather than Playwright's request routing: Chromium treats routed pages as public and then blocks
 * their requests to 127.0.0.1.)
 */
export function serveRepository({
  apiUrl,
  headers = {},
  root = repositoryRoot,
}: { apiUrl?: string; headers?: Record<string, string>; root?: string } = {}): Promise<StaticServer> {
  const pages = new Map<string, string>();
  const base = root.endsWith(sep) ? root : root + sep;
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const page = pages.get(pathname);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': TYPES['.html']!, ...headers }).end(page);
      return;
    }
    let file = normalize(join(base, pathname));
    if (!file.startsWith(base) || file.split(sep).includes('node_modules')) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('Not Found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    if (extname(file) === '.html' && apiUrl) response.end(readFileSync(file, 'utf8').replaceAll('http://127.0.0.1:8787', apiUrl));
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        server,
        pages,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
