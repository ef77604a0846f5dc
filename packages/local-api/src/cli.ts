#!/usr/bin/env node
/**
 * `dora-local-api`: serves the data·inclusion API v1 over a local dataset.
 * Run `dora-local-api --help` for the options.
 * @module
 */
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseWidgetToken, redact, type WidgetToken } from './auth.js';
import { createServer, DEMO_DATA_DIR, type LocalApiServer } from './server.js';

const HELP = `dora-local-api: a local data·inclusion API v1 (with a geo.api.gouv.fr-compatible /communes)

Usage: dora-local-api [options]

  --data <dir>                 dataset folder with structures.json and services.json (or .ndjson)
                               (default: the bundled demo dataset)
  --port <n>                   port (default 8787; 0 picks a free one)
  --host <host>                interface (default 127.0.0.1)
  --token <t>                  API token for "Authorization: Bearer <t>" (repeatable).
                               Without any token the API is OPEN.
  --widget-token <t>=<h>[,<h>] browser token accepted only from pages on these hosts
                               (or their subdomains, or localhost) (repeatable)
  --allowed-origin <origin>    CORS allow-list (repeatable; default * when open)
  --quiet                      no per-request logs (start-up, reloads and errors still logged)
  -h, --help                   this help

Signals: SIGHUP reloads the dataset (the old one stays if the new one fails), SIGINT/SIGTERM stop.`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        data: { type: 'string' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        token: { type: 'string', multiple: true, default: [] },
        'widget-token': { type: 'string', multiple: true, default: [] },
        'allowed-origin': { type: 'string', multiple: true, default: [] },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
  if (args.help) {
    console.log(HELP);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be an integer 0..65535, got ${args.port}`);
  let widgetTokens: WidgetToken[];
  try {
    widgetTokens = args['widget-token'].map(parseWidgetToken);
  } catch (error) {
    fail((error as Error).message);
  }

  const dataDir = args.data ?? DEMO_DATA_DIR;
  const started = performance.now();
  let server: LocalApiServer;
  try {
    server = await createServer({
      dataDir,
      tokens: args.token,
      widgetTokens,
      allowedOrigins: args['allowed-origin'],
      logger: { level: 'info' },
      requestLogging: !args.quiet,
    });
  } catch (error) {
    fail(`cannot load the dataset in ${dataDir}: ${(error as Error).message}`);
  }
  const log = server.app.log;
  releaseLoadMemory();
  logReport(server, log);
  const url = await server.listen({ port, host: args.host });
  const open = args.token.length === 0 && widgetTokens.length === 0;
  log.info(
    {
      url,
      startupMs: Math.round(performance.now() - started),
      auth: open ? 'open' : { tokens: args.token.map(redact), widgetTokens: widgetTokens.map((w) => ({ token: redact(w.token), hosts: w.hosts })) },
    },
    open
      ? `local data·inclusion API on ${url}: OPEN mode, no token required (pass --token to require one)`
      : `local data·inclusion API on ${url}: tokens required`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => {
    log.info('SIGHUP: reloading the dataset');
    try {
      server.reload();
      releaseLoadMemory();
      logReport(server, log, 'dataset reloaded');
    } catch (error) {
      log.error({ err: { message: (error as Error).message } }, 'reload failed: still serving the previous dataset');
    }
  });
}

function logReport(server: LocalApiServer, log: LocalApiServer['app']['log'], message = 'dataset loaded'): void {
  const r = server.report;
  log.info(
    {
      dir: r.dir,
      structures: r.structures.valid,
      services: r.services.valid,
      invalid: { structures: r.structures.invalid, services: r.services.invalid },
      computedScores: r.computedScores,
      duplicateClusters: r.duplicateClusters,
      loadMs: r.durationMs,
    },
    message,
  );
  for (const [kind, count] of [['structures', r.structures], ['services', r.services]] as const) {
    if (count.invalid > 0) log.warn({ reasons: count.reasons }, `${count.invalid} invalid ${kind} skipped (first reasons listed)`);
  }
}

/**
 * A full garbage collection right after a (re)load: loading allocates several times what the dataset
 * keeps, and without it that memory stays resident until V8 decides to collect. Uses V8's `gc`, exposed
 * for this one call.
 */
function releaseLoadMemory(): void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (() => void) | undefined;
    gc?.();
  } catch {
    // not available in this runtime: memory is released by the next regular collection
  }
}

function fail(message: string): never {
  console.error(`dora-local-api: ${message}`);
  process.exit(2);
}

await main();
