/**
 * The real `dora-local-api` process: start-up messages, token redaction in logs, invalid-record
 * counts, SIGHUP reload (atomic, a failed reload keeps the old data), graceful SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { service, structure, writeDataset } from './helpers.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  /** Every stdout and stderr line so far. */
  lines: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

function start(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) => {
    const seen = lines.find((l) => pattern.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${lines.join('\n')}`)), timeoutMs);
      waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      child.once('exit', () => reject(new Error(`process exited while waiting for ${pattern}; output:\n${lines.join('\n')}`)));
    });
  };
  return waitFor(/"url":"http:\/\/127\.0\.0\.1:\d+"/).then((line) => ({ child, url: JSON.parse(line).url as string, lines, waitFor }));
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

describe('dora-local-api (real process)', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('serves a dataset with tokens, logs counts and reasons, never logs a token, reloads on SIGHUP', async () => {
    const dir = writeDataset({
      structures: [structure('dora--s1')],
      services: [service('dora--a'), service('dora--bad', { nom: 42 as unknown as string }), service('dora--orphan', { structure_id: 'nope' })],
    });
    dirs.push(dir);
    const api = await start(['--data', dir, '--token', 'super-secret-token', '--widget-token', 'widget-secret=mairie.example.fr']);
    children.push(api.child);
    await api.waitFor(/tokens required/);
    await api.waitFor(/2 invalid services skipped/);
    assert.match(api.lines.join('\n'), /dora--orphan.*unknown structure_id/);

    const auth = { authorization: 'Bearer super-secret-token' };
    const first: any = await (await fetch(`${api.url}/api/v1/services?token=super-secret-token`, { headers: auth })).json();
    assert.equal(first.total, 1);
    assert.equal((await fetch(`${api.url}/api/v1/services`)).status, 401);

    // Reload with one more service.
    writeFileSync(join(dir, 'services.json'), JSON.stringify([service('dora--a'), service('dora--b')]));
    api.child.kill('SIGHUP');
    await api.waitFor(/dataset reloaded/);
    const second: any = await (await fetch(`${api.url}/api/v1/services`, { headers: auth })).json();
    assert.deepEqual(second.items.map((s: { id: string }) => s.id), ['dora--a', 'dora--b']);

    // A failed reload keeps serving the previous data.
    writeFileSync(join(dir, 'services.json'), '[{"broken"');
    api.child.kill('SIGHUP');
    await api.waitFor(/reload failed: still serving the previous dataset/);
    assert.match(api.lines.join('\n'), /not valid JSON/);
    const third: any = await (await fetch(`${api.url}/api/v1/services`, { headers: auth })).json();
    assert.equal(third.total, 2);

    api.child.kill('SIGTERM');
    assert.equal(await exited(api.child), 0);
    const output = api.lines.join('\n');
    assert.ok(!output.includes('super-secret-token'), 'the API token never appears in the logs');
    assert.ok(!output.includes('widget-secret'), 'the widget token never appears in the logs');
    assert.match(output, /token=\[redacted\]/);
  });

  it('says it runs OPEN without a token, and stops on SIGINT', async () => {
    const dir = writeDataset({ structures: [structure('dora--s1')], services: [service('dora--a')] });
    dirs.push(dir);
    const api = await start(['--data', dir, '--quiet']);
    children.push(api.child);
    await api.waitFor(/OPEN mode/);
    assert.equal((await fetch(`${api.url}/api/v1/services`)).status, 200);
    api.child.kill('SIGINT');
    assert.equal(await exited(api.child), 0);
  });

  it('exits with a clear message on bad arguments or an unreadable dataset', async () => {
    for (const args of [['--port', 'abc'], ['--widget-token', 'no-hosts'], ['--data', '/nonexistent/dir'], ['--bogus']]) {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let stderr = '';
      child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
      assert.equal(await exited(child), 2, args.join(' '));
      assert.match(stderr, /^dora-local-api: /, args.join(' '));
    }
  });
});
