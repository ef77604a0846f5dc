/**
 * Dataset loading: invalid records skipped and counted, .ndjson, computed scores, duplicate clusters.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Service } from '@dora/sdk';
import { computeScoreQualite, DatasetError, loadDataset } from '../src/index.js';
import { NOW, service, structure, writeDataset } from './helpers.js';

describe('loadDataset', () => {
  it('skips invalid records with a count and the first reasons, and keeps the rest', () => {
    const dir = writeDataset({
      structures: [structure('dora--s1'), { id: 'dora--no-name', source: 'dora' }, 'not a record', structure('dora--s1')],
      services: [
        service('dora--ok'),
        service('dora--bad-date', { date_maj: 'yesterday' }),
        service('dora--orphan', { structure_id: 'dora--missing' }),
        service('dora--bad-score', { score_qualite: 3 }),
        null,
        service('dora--ok'),
      ],
    });
    try {
      const { report, services, structures } = loadDataset(dir, { now: NOW });
      assert.deepEqual([report.structures.read, report.structures.valid, report.structures.invalid], [4, 1, 3]);
      assert.deepEqual([report.services.read, report.services.valid, report.services.invalid], [6, 1, 5]);
      assert.deepEqual(services.map((s) => s.id), ['dora--ok']);
      assert.deepEqual(structures.map((s) => s.id), ['dora--s1']);
      const reasons = report.services.reasons.join('\n');
      assert.match(reasons, /dora--bad-date .*date_maj/);
      assert.match(reasons, /dora--orphan .*unknown structure_id/);
      assert.match(reasons, /duplicate id/);
      assert.match(report.structures.reasons.join('\n'), /#2: not an object/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reads .ndjson, where a malformed line is one skipped record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dora-ndjson-'));
    try {
      writeFileSync(join(dir, 'structures.ndjson'), `${JSON.stringify(structure('dora--s1'))}\n\n`);
      writeFileSync(join(dir, 'services.ndjson'), `${JSON.stringify(service('dora--a'))}\n{oops\n${JSON.stringify(service('dora--b'))}\n`);
      const { report, services } = loadDataset(dir, { now: NOW });
      assert.deepEqual(services.map((s) => s.id), ['dora--a', 'dora--b']);
      assert.equal(report.services.invalid, 1);
      assert.match(report.services.reasons[0]!, /line #2 \(not JSON\)/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reads a one-record-per-line JSON array line by line (a bad line is one skipped record), and any other layout whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dora-lines-'));
    try {
      writeFileSync(join(dir, 'structures.json'), JSON.stringify([structure('dora--s1')], null, 2));
      const lines = [service('dora--a'), service('dora--b')].map((r) => JSON.stringify(r));
      writeFileSync(join(dir, 'services.json'), `[\n${lines[0]},\n{"id": "dora--broken", oops},\n${lines[1]}\n]\n`);
      const { report, services, structures } = loadDataset(dir, { now: NOW });
      assert.deepEqual(services.map((s) => s.id), ['dora--a', 'dora--b']);
      assert.deepEqual([report.services.read, report.services.invalid], [3, 1]);
      assert.equal(structures.length, 1, 'the pretty-printed file is parsed whole');
      const dataset = loadDataset(dir, { now: NOW });
      // Each service is served from its own source line, byte for byte.
      dataset.services.forEach((row, i) => assert.equal(row.json.toString('utf8'), lines[i]));
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('accepts a saved API page ({items: [...]}) as a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dora-page-'));
    try {
      writeFileSync(join(dir, 'structures.json'), JSON.stringify({ items: [structure('dora--s1')], total: 1, page: 1, size: 1, pages: 1 }));
      writeFileSync(join(dir, 'services.json'), JSON.stringify({ items: [service('dora--a')] }));
      assert.equal(loadDataset(dir).services.length, 1);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('throws a DatasetError for a missing file or a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dora-broken-'));
    try {
      assert.throws(() => loadDataset(dir), DatasetError);
      writeFileSync(join(dir, 'structures.json'), '[');
      writeFileSync(join(dir, 'services.json'), '[]');
      assert.throws(() => loadDataset(dir), (e: Error) => e instanceof DatasetError && /not valid JSON/.test(e.message));
      writeFileSync(join(dir, 'structures.json'), '{"a":1}');
      assert.throws(() => loadDataset(dir), DatasetError);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('computes a missing score_qualite with the documented criteria; a structure gets the mean of its services', () => {
    const lacking = service('dora--a', { score_qualite: undefined });
    delete lacking['score_qualite'];
    const other = service('dora--b', { score_qualite: 0.4 });
    const emptyStructure = structure('dora--empty');
    delete emptyStructure['score_qualite'];
    const lackingStructure = structure('dora--s1');
    delete lackingStructure['score_qualite'];
    const dir = writeDataset({ structures: [lackingStructure, emptyStructure], services: [lacking, other] });
    try {
      const { services, structures, report } = loadDataset(dir, { now: NOW });
      const expected = computeScoreQualite(lacking as unknown as Service, { now: NOW });
      assert.equal(services[0]!.score_qualite, expected);
      assert.ok(expected > 0 && expected <= 1);
      const s1 = structures.find((s) => s.id === 'dora--s1')!;
      assert.equal(s1.score_qualite, Math.round(((expected + 0.4) / 2) * 100) / 100);
      assert.equal(structures.find((s) => s.id === 'dora--empty')!.score_qualite, 0);
      assert.deepEqual(report.computedScores, { services: 1, structures: 2 });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('keeps records without code_insee or coordinates', () => {
    const dir = writeDataset({
      structures: [structure('dora--s1', { code_insee: null, latitude: null, longitude: null })],
      services: [service('dora--a', { code_insee: null, latitude: null, longitude: null, modes_accueil: ['a-distance'] })],
    });
    try {
      const { services, structures } = loadDataset(dir);
      assert.equal(services.length, 1);
      assert.equal(structures.length, 1);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('builds duplicate clusters from _cluster_id and from doublons links (transitively)', () => {
    const dir = writeDataset({
      structures: [
        structure('a--1', { doublons: [{ source: 'b', id: 'b--2' }] }),
        structure('b--2', { doublons: [{ source: 'c', id: 'c--3' }] }),
        structure('c--3'),
        structure('d--4', { _cluster_id: 'x' }),
        structure('e--5', { _cluster_id: 'x' }),
        structure('f--6', { doublons: [{ source: 'zz', id: 'zz--unknown' }] }),
      ],
      services: [],
    });
    try {
      const { structures, clusterKeys, report } = loadDataset(dir);
      const doublons = (id: string) => structures.find((s) => s.id === id)!.doublons.map((d) => d.id);
      assert.deepEqual(doublons('a--1'), ['b--2', 'c--3']);
      assert.deepEqual(doublons('c--3'), ['a--1', 'b--2']);
      assert.deepEqual(doublons('d--4'), ['e--5']);
      assert.deepEqual(doublons('f--6'), []);
      assert.equal(report.duplicateClusters, 2);
      assert.equal(clusterKeys[3], 'x');
      assert.equal(clusterKeys[0], clusterKeys[2]);
      // _cluster_id never leaks into responses
      assert.ok(structures.every((s) => !('_cluster_id' in s)));
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
