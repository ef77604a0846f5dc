// The demo site on Vite's dev server (the root vite.config.ts), pointed at a given local API.
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';

export interface DemoServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close(): Promise<void>;
}

export async function startDemo(apiUrl: string): Promise<DemoServer> {
  // vite.config.ts reads it when the config is loaded, below.
  process.env.DORA_API_URL = apiUrl;
  const { createServer } = await import('vite');
  const server: ViteDevServer = await createServer({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    logLevel: 'error',
    clearScreen: false,
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the demo server did not report its URL');
  return { url, close: () => server.close() };
}
