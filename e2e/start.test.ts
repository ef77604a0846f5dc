// `npm start` (scripts/start.mjs): starts the local API and the demo, prints the demo's URL, and
// stops both on Ctrl-C (SIGINT). Run with --skip-build: the root `npm test` has built everything.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { freePort, repositoryRoot } from './helpers/local-api.js';

describe('npm start', () => {
  it('serves the demo on the local API, prints the URL, and stops both on Ctrl-C', async () => {
    const [apiPort, demoPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ['scripts/start.mjs', '--skip-build', '--api-port', String(apiPort), '--port', String(demoPort)], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes('Press Ctrl-C to stop.')) {
        assert.ok(Date.now() < deadline, `npm start did not finish starting:\n${output}`);
        assert.equal(child.exitCode, null, `npm start exited:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const demoUrl = output.match(/DORA demo\s+(http:\/\/\S+)/)?.[1];
      assert.equal(demoUrl, `http://127.0.0.1:${demoPort}/`);
      assert.match(output, new RegExp(`Local API\\s+http://127\\.0\\.0\\.1:${apiPort}/api/v1`));

      const page = await fetch(demoUrl!);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<dora-search/);
      // The demo's pages are told where the API is.
      assert.ok(html.includes(`<meta name="dora-local-api" content="http://127.0.0.1:${apiPort}">`), 'the demo points at the local API');
      const search = await fetch(`http://127.0.0.1:${apiPort}/api/v1/search/services?code_commune=44109&size=1`);
      assert.equal(search.status, 200, 'open, no token');
      const widget = await fetch(`${demoUrl}packages/elements/dist/standalone/dora-elements.js`);
      assert.equal(widget.status, 200);
      assert.equal(widget.headers.get('access-control-allow-origin'), '*');
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0, output);
    // Both servers are gone.
    await assert.rejects(fetch(`http://127.0.0.1:${apiPort}/health`));
    await assert.rejects(fetch(`http://127.0.0.1:${demoPort}/`));
  });

  it('refuses a busy API port with a clear message', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => busy.once('listening', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, ['scripts/start.mjs', '--skip-build', '--api-port', String(port)], { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      assert.equal(code, 1);
      assert.match(output, new RegExp(`Port ${port} is already in use.*--api-port`));
    } finally {
      busy.close();
    }
  });
});
