/**
 * Bundle sizes of the SDK for browsers, and the budget check run by `npm test`.
 *
 * Each entry is bundled as one minified ES module (zod/mini and the vocabularies included), the
 * way an integrator's bundler would tree-shake it, with the esbuild that @web/dev-server-esbuild
 * already brings. Prints min and min+gzip sizes; exits with an error when an entry that has a
 * budget is over it.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

interface Entry {
  label: string;
  source: string;
  /** Max min+gzip bytes, or `null` to print the size only. */
  budget: number | null;
}

const KB = 1024;
const ENTRIES: Entry[] = [
  {
    // What a program that talks to the API ships: client, errors, schemas, zod/mini, and the
    // vocabularies the client checks values against.
    label: 'DataInclusionClient',
    source: "export { DataInclusionClient } from './src/index.ts';",
    budget: null,
  },
  {
    // The budget: the SDK for browsers with every vocabulary and its labels (fr + en).
    label: 'client + schemas + all vocabularies',
    source: ['client/index', 'schemas', 'vocabularies/index'].map((m) => `export * from './src/${m}.ts';`).join('\n'),
    budget: 20 * KB,
  },
  { label: 'whole SDK (helpers included)', source: "export * from './src/index.ts';", budget: null },
  // Helpers tree-shake on their own: the README quotes these.
  ...['formatDistance', 'freshness', 'parseOpeningHours'].map((name) => ({
    label: name,
    source: `export { ${name} } from './src/index.ts';`,
    budget: null,
  })),
];

const root = fileURLToPath(new URL('..', import.meta.url));
let over = 0;
for (const { label, source, budget } of ENTRIES) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: 'size-entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const code = (result.outputFiles[0] as { contents: Uint8Array }).contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const verdict = budget === null ? '' : gzip <= budget ? `  ok, budget ${budget / KB} KB` : `  OVER BUDGET (${budget / KB} KB)`;
  if (budget !== null && gzip > budget) over++;
  console.log(
    `${label.padEnd(38)} ${(code.length / KB).toFixed(1).padStart(6)} KB min ${(gzip / KB).toFixed(1).padStart(6)} KB min+gzip (${gzip} B)${verdict}`,
  );
}
if (over) {
  console.error(`${over} bundle(s) over budget.`);
  process.exitCode = 1;
}
