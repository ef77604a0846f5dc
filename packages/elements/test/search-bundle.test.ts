import { expect, waitUntil } from '@open-wc/testing';

performance.setResourceTimingBufferSize(10_000);

/**
 * The BUILT standalone bundle (`npm test` builds before the browser tests): the search's API client
 * (SDK client, schemas, places, ky, zod) is ONE lazy chunk, requested as soon as the bundle runs in a
 * page holding a `<dora-search>`, and needing nothing the core has not loaded: one round trip before
 * the first search can leave, not a chain of chunks each discovered after the previous one.
 */
const BUNDLE: string = '/packages/elements/dist/standalone/dora-elements.js';
const standalone = () => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.includes('/dist/standalone/'));
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
const staticImports = (code: string, base: string) => [...code.matchAll(STATIC_IMPORT)].map((match) => new URL(match[1]!, base).href);

describe('built standalone bundle: the search API client chunk', function () {
  this.timeout(30000); // a shared, busy machine

  it('is one chunk, fetched at once when a <dora-search> is in the page, importing only what the core loaded', async () => {
    // In the page before the bundle runs (no code-commune: no search, so no request to mock).
    const search = document.createElement('dora-search');
    search.setAttribute('filters', 'none');
    document.body.append(search);
    try {
      const coreStart = performance.now();
      await import(BUNDLE);
      const core = standalone().filter((name) => !name.includes('search-backend'));
      expect(core.length).to.be.greaterThan(0);
      await waitUntil(() => standalone().some((name) => name.includes('/chunks/search-backend-')), 'the API client chunk was not requested', {
        timeout: 8000,
      });
      const backend = standalone().find((name) => name.includes('/chunks/search-backend-'))!;
      const entry = performance.getEntriesByName(backend)[0] as PerformanceResourceTiming;
      expect(entry.startTime).to.be.at.least(coreStart);

      // Its static imports are chunks the core already loaded: nothing more to fetch after it.
      const code = await (await fetch(backend)).text();
      expect(code, 'the chunk holds the SDK client').to.contain('/search/services');
      for (const url of staticImports(code, backend)) expect(core, `${url} is not in the core`).to.include(url);
    } finally {
      search.remove();
    }
  });
});
