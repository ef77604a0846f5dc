// A built example app (its `dist/`) served as a site's root, with the REAL local API and Chromium,
// for the examples' browser tests. Registers its own before/after hooks in the calling suite.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startLocalApi, type RunningProcess } from './local-api.js';
import { serveRepository, type StaticServer } from './static-server.js';

export interface BuiltApp {
  /** The local API process. */
  api: RunningProcess;
  /** The static server of the built app. */
  site: StaticServer;
  browser: Browser;
}

/** Serves `<example>/dist` (built by an earlier test) for the tests of the current suite. */
export function useBuiltApp(example: string): BuiltApp {
  const app = {} as BuiltApp;
  before(async () => {
    assert.ok(existsSync(join(example, 'dist/index.html')), 'built by the previous test');
    app.api = await startLocalApi(['--quiet']);
    app.site = await serveRepository({ apiUrl: app.api.url, root: join(example, 'dist') });
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.site?.close();
    await app.api?.stop();
  });
  return app;
}
