/**
 * Benchmark of the local API at national scale: `npm run bench -w @dora/local-api`.
 *
 * 1. generates 150,000 services (and their structures) over all communes, weighted by population,
 *    with the datasets generator (`scripts/build-dataset.ts --scale`), into a temp dir;
 * 2. starts the real `dora-local-api` process on it (dist/cli.js when built, else src/cli.ts via tsx)
 *    and measures start-up: spawn → `/health` answering 200;
 * 3. runs autocannon for 20 s at 50 connections on `/search/services?code_commune=…&thematiques=…&size=10`
 *    (the widget's page size), the commune and thématique varying over large communes;
 * 4. prints p50, p99, requests/s, RSS after the load and the start-up time, against the targets.
 *
 * Environment: BENCH_SERVICES (default 150000), BENCH_DURATION (s, default 20), BENCH_CONNECTIONS (50),
 * BENCH_DATA (reuse a generated folder instead of generating one), BENCH_NODE_OPTIONS (extra Node flags for the
 * server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it under load), BENCH_SERVER_LOG (a file for the
 * server's output, e.g. with `--trace-gc`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchQueries } from './queries.js';

const SERVICES = Number(process.env['BENCH_SERVICES'] ?? 150_000);
const DURATION = Number(process.env['BENCH_DURATION'] ?? 20);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const TOKEN = 'bench-token';
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const TARGETS = { p99Ms: 25, requestsPerSecond: 1_500, rssMb: 1_536, startupS: 10 };

async function main(): Promise<void> {
  console.log(`machine: ${cpus().length} cores, Node ${process.version}`);
  let dataDir = process.env['BENCH_DATA'];
  let generated = false;
  if (!dataDir) {
    dataDir = mkdtempSync(join(tmpdir(), 'dora-bench-'));
    generated = true;
    console.log(`generating ${SERVICES} services in ${dataDir} …`);
    const t0 = performance.now();
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(PACKAGE_DIR, 'scripts/build-dataset.ts'), '--scale', String(SERVICES), '--out', dataDir, '--seed', '1'],
      { stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error('dataset generation failed');
    console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }

  const built = join(PACKAGE_DIR, 'dist/cli.js');
  const command = existsSync(built)
    ? [built]
    : ['--import', 'tsx', join(PACKAGE_DIR, 'src/cli.ts')];
  console.log(`server: node ${command.join(' ')}`);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const startTicks = machineTicks();
  const nodeFlags = (process.env['BENCH_NODE_OPTIONS'] ?? '').split(/\s+/).filter(Boolean);
  const server = spawn(process.execPath, [...nodeFlags, ...command, '--data', dataDir, '--port', String(port), '--token', TOKEN, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let serverLog = '';
  server.stdout!.on('data', (c: Buffer) => (serverLog += c.toString()));
  // BENCH_SERVER_LOG=<file>: the server's whole output (logs, --trace-gc lines…) goes there too.
  const logFile = process.env['BENCH_SERVER_LOG'];
  if (logFile) server.stdout!.pipe(createWriteStream(logFile));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, server);
    const startupS = (performance.now() - started) / 1000;
    const startupCpuS = cpuSecondsOf(server.pid!);
    const startupSteal = stolenShare(startTicks, machineTicks());
    const health = (await (await fetch(`${url}/health`)).json()) as { services: number; structures: number };
    console.log(
      `start-up: ${startupS.toFixed(2)} s wall, ${startupCpuS.toFixed(2)} s of server CPU (${health.services} services, ${health.structures} structures), ` +
        `CPU steal ${(startupSteal * 100).toFixed(1)} %`,
    );

    // Warm-up, then the measured run.
    await run(url, 3, CONNECTIONS);
    const cpuBefore = cpuSecondsOf(server.pid!);
    const machineBefore = machineTicks();
    const result = await run(url, DURATION, CONNECTIONS);
    const machineAfter = machineTicks();
    const cpuPerRequestMs = ((cpuSecondsOf(server.pid!) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
    const rssMb = rssOf(server.pid!) / 1024;
    const figures = {
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requestsPerSecond: result.requests.average,
      rssMb,
      startupS,
    };
    console.log('\nresults (/api/v1/search/services?code_commune=…&thematiques=…&size=10):');
    console.log(`  requests:      ${result.requests.total} in ${DURATION} s, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    console.log(`  latency p50:   ${figures.p50Ms} ms`);
    console.log(`  latency p99:   ${figures.p99Ms} ms   (target ≤ ${TARGETS.p99Ms} ms) ${verdict(figures.p99Ms <= TARGETS.p99Ms)}`);
    console.log(`  requests/s:    ${figures.requestsPerSecond.toFixed(0)}   (target ≥ ${TARGETS.requestsPerSecond}) ${verdict(figures.requestsPerSecond >= TARGETS.requestsPerSecond)}`);
    console.log(`  RSS after load: ${figures.rssMb.toFixed(0)} MB   (target ≤ ${TARGETS.rssMb} MB) ${verdict(figures.rssMb <= TARGETS.rssMb)}`);
    console.log(`  start-up:      ${figures.startupS.toFixed(2)} s   (target ≤ ${TARGETS.startupS} s) ${verdict(figures.startupS <= TARGETS.startupS)}`);
    console.log(
      `  server CPU:    ${cpuPerRequestMs.toFixed(3)} ms per request (≈ ${(1000 / cpuPerRequestMs).toFixed(0)} req/s per fully available core)`,
    );
    console.log(`  load average:  ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (shared machine)`);
    const stolen = stolenShare(machineBefore, machineAfter);
    console.log(
      `  CPU steal:     ${(stolen * 100).toFixed(1)} % of the machine's time during the run (taken by the host's other guests;` +
        ' above a few % the figures above are not comparable)',
    );
    if (result.non2xx > 0 || result.errors > 0) {
      process.exitCode = 1;
      console.error('some requests failed');
    }
  } catch (error) {
    console.error(serverLog.slice(-2000));
    throw error;
  } finally {
    server.kill('SIGTERM');
    if (generated) rmSync(dataDir, { recursive: true, force: true });
  }
}

function verdict(ok: boolean): string {
  return ok ? 'OK' : 'MISSED';
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function searchPaths(): string[] {
  return benchQueries().map(
    ({ code_commune, thematique }) => `/api/v1/search/services?code_commune=${code_commune}&thematiques=${thematique}&size=10`,
  );
}

function run(url: string, duration: number, connections: number): Promise<autocannon.Result> {
  const paths = searchPaths();
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration,
        headers: { authorization: `Bearer ${TOKEN}` },
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** User + system CPU time a process has used, in seconds (from /proc, clock ticks of 1/100 s). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The machine's CPU time so far (all cores, clock ticks) and the part stolen by the hypervisor, from /proc/stat. */
function machineTicks(): { total: number; steal: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already counted in user)
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { total, steal: fields[7] ?? 0 };
}

/** The share of the machine's time stolen between two readings. */
function stolenShare(before: { total: number; steal: number }, after: { total: number; steal: number }): number {
  return (after.steal - before.steal) / Math.max(1, after.total - before.total);
}

/** Resident set size of a process, in kB. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
}

await main();
