// Starts the REAL local API process (packages/local-api/dist/cli.js) on a free port, for the
// end-to-end tests, the examples' tests and the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
export const localApiCli = fileURLToPath(new URL('../../packages/local-api/dist/cli.js', import.meta.url));

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for assertions (e.g. that a token was never logged). */
  output(): string;
  stop(): Promise<void>;
}

/** Stops a child process: SIGTERM, then SIGKILL after a grace period. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers 2xx. */
export async function waitForOk(url: string, child: ChildProcess | null, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`the process exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Spawns a Node script and waits for `${url}${healthPath}` to answer. */
export async function startNodeProcess(
  script: string,
  args: string[],
  { port, healthPath, env = {} }: { port: number; healthPath: string; env?: Record<string, string> },
): Promise<RunningProcess> {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${url}${healthPath}`, child);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${(error as Error).message}\n--- output ---\n${output}`);
  }
  return { url, child, output: () => output, stop: () => stopProcess(child) };
}

/**
 * The real local API CLI on a free port (demo dataset unless `--data` is in `args`).
 * Requires `tsc -b` (the root `npm test` builds first).
 */
export async function startLocalApi(args: string[] = []): Promise<RunningProcess> {
  if (!existsSync(localApiCli)) throw new Error(`${localApiCli} is missing: run \`npx tsc -b\` first`);
  const port = await freePort();
  return startNodeProcess(localApiCli, ['--port', String(port), '--host', '127.0.0.1', ...args], { port, healthPath: '/health' });
}
