// Runs the export script against the REAL local API process and checks the CSV it writes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, repositoryRoot, startLocalApi, type RunningProcess } from '../../e2e/helpers/local-api.js';

const script = join(repositoryRoot, 'examples/node-sdk/export-services.ts');

function runExport(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repositoryRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

/** A strict RFC 4180 reader, to check what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += char;
  }
  assert.equal(quoted, false, 'unterminated quoted field');
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe('examples/node-sdk: export a département to CSV', () => {
  let api: RunningProcess;
  let dir: string;
  before(async () => {
    api = await startLocalApi();
    dir = mkdtempSync(join(tmpdir(), 'dora-node-sdk-'));
  });
  after(async () => {
    await api?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pages through every service of Loire-Atlantique and writes one CSV row per service', async () => {
    const expected = (await (await fetch(`${api.url}/api/v1/services?code_departement=44&size=1`)).json()) as { total: number };
    assert.ok(expected.total > 500, `the demo dataset should have hundreds of services in 44, got ${expected.total}`);
    const out = join(dir, 'services-44.csv');
    // A small page size forces many pages.
    const { code, stderr } = await runExport(['--departement', '44', '--out', out, '--api-url', api.url, '--page-size', '250']);
    assert.equal(code, 0, stderr);
    assert.match(stderr, new RegExp(`${expected.total} services of Loire-Atlantique \\(44\\) written`));

    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    assert.deepEqual(header?.slice(0, 4), ['id', 'source', 'nom', 'structure_id']);
    assert.equal(rows.length, expected.total);
    const column = (name: string) => header!.indexOf(name);
    for (const row of rows) assert.equal(row.length, header!.length, `row ${row[0]} has ${row.length} fields`);
    const ids = rows.map((row) => row[column('id')]);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique across pages');
    for (const row of rows) {
      const codeInsee = row[column('code_insee')];
      if (codeInsee) assert.match(codeInsee, /^44/, `service ${row[0]} is in ${codeInsee}`);
      assert.ok(row[column('nom')], `service ${row[0]} has a name`);
    }
    // Multi-valued fields are joined, and labels come from the SDK's vocabularies.
    const withThemes = rows.find((row) => row[column('thematiques')]?.includes('|'));
    assert.ok(withThemes, 'some services have several thématiques');
    assert.equal(withThemes[column('thematiques')]!.split('|').length, withThemes[column('thematiques_libelles')]!.split('|').length);
  });

  it('stops at --max', async () => {
    const out = join(dir, 'first-30.csv');
    const { code, stderr } = await runExport(['--departement', '08', '--out', out, '--api-url', api.url, '--page-size', '7', '--max', '30']);
    assert.equal(code, 0, stderr);
    assert.equal(parseCsv(readFileSync(out, 'utf8')).length, 31);
  });

  it('explains bad arguments and an unreachable API instead of crashing', async () => {
    const unknown = await runExport(['--departement', '44x', '--out', join(dir, 'x.csv')]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown or missing --departement "44x"/);

    const down = await runExport(['--departement', '44', '--out', join(dir, 'y.csv'), '--api-url', `http://127.0.0.1:${await freePort()}`]);
    assert.equal(down.code, 1);
    assert.match(down.stderr, /Export failed after 0 services: /);
  });
});
