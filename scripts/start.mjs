#!/usr/bin/env node
// `npm start`: builds what the demo needs, starts the local data·inclusion API and the demo site,
// prints the demo's URL, and stops both cleanly on Ctrl-C. No token, no network.
//
//   npm start                          API on 127.0.0.1:8787, demo on 127.0.0.1:5173 (or the next free port)
//   npm start -- --api-port 8788 --port 5180 --host 0.0.0.0 --skip-build
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => console.log(`[start] ${message}`);
const fail = (message) => {
  console.error(`\n[start] ${message}\n`);
  process.exit(1);
};

const { values: options } = parseArgs({
  options: {
    'api-port': { type: 'string', default: process.env.DORA_API_PORT ?? '8787' },
    port: { type: 'string', default: process.env.DORA_DEMO_PORT ?? '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    'skip-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log(`Usage: npm start [-- --api-port 8787] [--port 5173] [--host 127.0.0.1] [--skip-build]`);
  process.exit(0);
}
const apiPort = Number(options['api-port']);
const demoPort = Number(options.port);
if (!Number.isInteger(apiPort) || apiPort < 1 || apiPort > 65535) fail(`--api-port must be a port number, got "${options['api-port']}".`);
if (!Number.isInteger(demoPort) || demoPort < 1 || demoPort > 65535) fail(`--port must be a port number, got "${options.port}".`);

// Vite 8 needs Node ^20.19 or >= 22.12.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19) || (major === 22 && minor < 12) || major === 21) {
  fail(`Node ${process.versions.node} is too old for the demo server (Vite 8): use Node 20.19+ or 22.12+.`);
}
if (!existsSync(join(root, 'node_modules'))) fail('Dependencies are missing: run `npm install` first.');

/** Newest modification time of the files under `paths` (recursively), 0 when none exist. */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else latest = Math.max(latest, stats.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

function run(label, command, args) {
  log(label);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`${label} failed (exit code ${result.status ?? result.signal}).`);
}

if (!options['skip-build']) {
  // tsc -b is incremental: cheap when nothing changed.
  run('Type-checking and building the SDK and the local API (tsc -b)…', process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-b',
  ]);
  const elements = join(root, 'packages/elements');
  const bundle = join(elements, 'dist/standalone/dora-elements.js');
  const sources = newest([join(elements, 'src'), join(elements, 'vite.config.ts'), join(elements, 'package.json'), join(root, 'packages/sdk/dist')]);
  if (!existsSync(bundle) || !existsSync(join(elements, 'dist/dora-elements.js')) || statSync(bundle).mtimeMs < sources) {
    run('Building the web components (@dora/elements)…', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '-w', '@dora/elements']);
  } else {
    log('Web components are up to date.');
  }
}

const cli = join(root, 'packages/local-api/dist/cli.js');
if (!existsSync(cli)) fail('packages/local-api/dist/cli.js is missing: the local API is not built (run without --skip-build).');
for (const file of ['structures.json', 'services.json']) {
  if (!existsSync(join(root, 'packages/local-api/data/demo', file))) {
    fail(`The demo dataset is missing (packages/local-api/data/demo/${file}). Rebuild it with: npm run dataset -w @dora/local-api`);
  }
}

/** Resolves when `port` can be bound on `host`. */
function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = createNetServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, host);
  });
}
if (!(await portIsFree(apiPort, options.host))) {
  fail(`Port ${apiPort} is already in use (another \`npm start\`?). Stop it or choose another port: npm start -- --api-port 8788`);
}

const apiHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
const apiUrl = `http://${apiHost}:${apiPort}`;
log(`Starting the local data·inclusion API on ${apiUrl} (demo dataset, no token)…`);
const api = spawn(process.execPath, [cli, '--port', String(apiPort), '--host', options.host, '--quiet'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
let stopping = false;
api.once('exit', (code, signal) => {
  if (stopping) return;
  console.error(`\n[start] The local API stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
  void stop(1);
});

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`the local API did not answer ${url}/health within ${timeoutMs / 1000} s`);
}

let vite;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  log('Stopping…');
  await vite?.close().catch(() => {});
  if (api.exitCode === null && api.signalCode === null) {
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill('SIGTERM');
    const timer = setTimeout(() => api.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  await waitForHealth(apiUrl, 30_000);
} catch (error) {
  console.error(`[start] ${error.message}`);
  await stop(1);
}

// The demo pages read the API's address from this variable (see vite.config.ts).
process.env.DORA_API_URL = apiUrl;
const { createServer } = await import('vite');
vite = await createServer({
  configFile: join(root, 'vite.config.ts'),
  server: { host: options.host, port: demoPort },
  logLevel: 'warn',
});
await vite.listen();
const demoUrl = vite.resolvedUrls?.local[0] ?? `http://${apiHost}:${demoPort}/`;

console.log(`
  DORA demo        ${demoUrl}
  Local API        ${apiUrl}/api/v1  (docs: ${apiUrl}/api/openapi.json)
  Examples         ${demoUrl}examples/script-tag/  ·  ${demoUrl}examples/case-management/

  Press Ctrl-C to stop.
`);
