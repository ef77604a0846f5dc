import { existsSync, readdirSync, rmSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

const deps = Object.keys(pkg.dependencies ?? {}).concat(['lit', '@lit/task', '@lit/context']);

// src/internal/strict-csp.ts switches zod to `jitless` and must run before the SDK builds its
// schemas. In the standalone build it is the entry's first import and zod's schemas only live in
// lazily loaded chunks (the API client), which always evaluate later. In the npm build, where the
// SDK is an external import evaluated before the entry's own code, it gets a chunk of its own,
// imported first.
const STRICT_CSP = /src[\\/]internal[\\/]strict-csp\.ts$/;
// Modules only the lazily loaded API client needs: search-backend.ts, the SDK's client, schemas and
// place provider, and zod, but not zod's `config` (core.js, util.js), which strict-csp.ts calls in
// the core, nor the SDK's request URL and headers (request.js, params.js), which the core uses to
// send a search before this chunk has loaded.
const SEARCH_BACKEND =
  /src[\\/]search[\\/]search-backend\.ts$|src[\\/]internal[\\/]client\.ts$|sdk[\\/]dist[\\/](client[\\/](client|errors|http|validate)\.js$|schemas\.js$|helpers[\\/]places\.js$)|node_modules[\\/]zod[\\/](?!v4[\\/]core[\\/](core|util)\.js$)/;

// Three builds of the same sources:
//  - default:    npm ESM, dependencies external        -> dist/dora-elements.js
//  - standalone: self-contained ESM with lazy chunks    -> dist/standalone/dora-elements.js
//  - iife:       one file for a classic <script> tag    -> dist/iife/dora-elements.iife.js
export default defineConfig(({ mode }) => {
  if (mode === 'standalone') {
    return {
      build: {
        outDir: 'dist/standalone',
        emptyOutDir: true,
        copyPublicDir: false,
        lib: { entry: 'src/standalone.ts', formats: ['es'], fileName: () => 'dora-elements.js' },
        rolldownOptions: {
          // Required by `includeDependenciesRecursively: false` below (the entry may export more).
          preserveEntrySignatures: 'allow-extension',
          output: {
            minify: true,
            // Non-ASCII escaped, so that a host page in another charset cannot garble the strings.
            charset: 'ascii',
            chunkFileNames: 'chunks/[name]-[hash].js',
            codeSplitting: {
              groups: [
                // The network side (SDK client, schemas, places, HTTP layer, zod) as ONE lazy chunk:
                // left to the automatic splitting it is a chain of three chunks (search-backend ->
                // client, places -> http), three serial round trips before the first results.
                { name: 'search-backend', test: SEARCH_BACKEND, includeDependenciesRecursively: false, priority: 2 },
                // The core as ONE file: the entry and everything it imports statically. Left to
                // the automatic splitting, the modules it shares with the lazy chunks (Lit, the
                // vocabularies) become chunks of their own, a second round trip before anything
                // runs; the lazy chunks import them from the entry instead.
                { name: 'dora-elements', test: /src[\\/]standalone\.ts$/, priority: 1 },
              ],
            },
          },
        },
      },
    };
  }
  if (mode === 'iife') {
    return {
      build: {
        outDir: 'dist/iife',
        emptyOutDir: true,
        copyPublicDir: false,
        lib: { entry: 'src/standalone.ts', formats: ['iife'], name: 'DoraElements', fileName: () => 'dora-elements.iife.js' },
        // A classic <script> is decoded with the host page's charset unless it says otherwise:
        // escape non-ASCII so that French strings survive on a page that is not UTF-8.
        rolldownOptions: { output: { charset: 'ascii' } },
      },
    };
  }
  // dist/ also holds dist/types (tsc) and the other builds, so it is not emptied: drop the npm
  // build's previous files (hashed chunk names) so that stale chunks are never published.
  const cleanNpmBuild: Plugin = {
    name: 'dora-clean-npm-build',
    buildStart() {
      if (!existsSync('dist')) return;
      for (const name of readdirSync('dist', { withFileTypes: true })) {
        if (name.isFile() && /\.js(\.map)?$/.test(name.name)) rmSync(`dist/${name.name}`);
      }
    },
  };
  return {
    plugins: [cleanNpmBuild],
    build: {
      outDir: 'dist',
      emptyOutDir: false, // keeps dist/types from tsc
      copyPublicDir: false,
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'dora-elements.js' },
      rolldownOptions: {
        external: (id: string) => !id.includes('.css') && deps.some((d) => id === d || id.startsWith(d + '/')),
        output: { codeSplitting: { groups: [{ name: 'strict-csp', test: STRICT_CSP }] } },
      },
    },
  };
});
