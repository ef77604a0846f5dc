// The place provider and describeZone against the REAL local API process (its geo.api.gouv.fr-shaped
// routes over the committed COG geography), over real HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createPlaceProvider, describeZone, distanceKm, type PlaceProvider } from '../src/index.js';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const builtCli = fileURLToPath(new URL('../../local-api/dist/cli.js', import.meta.url));
const sourceCli = fileURLToPath(new URL('../../local-api/src/cli.ts', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let child: ChildProcess | undefined;
let output = '';
let places: PlaceProvider;
let baseUrl: string;

before(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // The built CLI when `tsc -b` ran (as in the root `npm test`), else the sources through tsx.
  const command = existsSync(builtCli) ? [builtCli] : ['--import', 'tsx', sourceCli];
  child = spawn(process.execPath, [...command, '--port', String(port), '--host', '127.0.0.1', '--quiet'], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the local API exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the local API did not start within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  places = createPlaceProvider({ baseUrl });
});

after(async () => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child?.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child?.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
});

describe('place provider on the local API', () => {
  it('finds Nantes by name and by postcode', async () => {
    const [byName] = await places.searchCommunes('Nantes', { limit: 3 });
    assert.equal(byName?.code, '44109');
    assert.equal(byName?.codeEpci, '244400404');
    assert.ok(byName?.centre && distanceKm(byName.centre, { lat: 47.218, lon: -1.554 }) < 5);
    const byPostcode = await places.searchCommunes('44400');
    assert.deepEqual(byPostcode.map((c) => c.nom), ['Rezé']);
  });

  it('ranks the bigger homonym first and finds the commune at a point', async () => {
    const saintDenis = await places.searchCommunes('Saint-Denis', { limit: 2 });
    assert.deepEqual(saintDenis.map((c) => c.codeDepartement).sort(), ['93', '974']);
    assert.equal((await places.communeAt(-20.89, 55.45))?.code, '97411');
  });

  it('describes a zone with real names', async () => {
    assert.equal(await describeZone(['44', '44109', '244400404'], { places }), 'Nantes, Nantes Métropole, Loire-Atlantique (44)');
    assert.equal(await describeZone(['97411', '974'], { places, lang: 'en' }), 'Saint-Denis, La Réunion (974)');
  });

  it('reads unknown codes as null', async () => {
    assert.equal(await places.getCommune('00000'), null);
    assert.equal(await places.getEpci('000000000'), null);
  });
});
