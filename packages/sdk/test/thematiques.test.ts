// The thématique tree against the reference vocabularies in ../shared.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  THEMATIQUE_TREE,
  categoryOf,
  expandThematiques,
  isCategorie,
  subThematiquesOf,
} from '../src/index.js';

const enums = new URL('../../../../shared/data/data-inclusion/schema-v1/enums/', import.meta.url);
const values = (file: string): string[] =>
  JSON.parse(readFileSync(new URL(file, enums), 'utf8')).map((e: { value: string }) => e.value);
const categories = values('thematiques-categories.json');
const thematiques = values('thematiques.json');

describe('THEMATIQUE_TREE', () => {
  it('has the 16 categories, and every one of the 69 sub-thématiques exactly once under its own prefix', () => {
    assert.deepEqual(Object.keys(THEMATIQUE_TREE).sort(), [...categories].sort());
    const listed = Object.values(THEMATIQUE_TREE).flat();
    assert.deepEqual([...listed].sort(), [...thematiques].sort());
    for (const [category, subs] of Object.entries(THEMATIQUE_TREE)) {
      assert.ok(subs.length > 0, category);
      for (const sub of subs) assert.ok(sub.startsWith(`${category}--`), sub);
    }
  });
});

describe('subThematiquesOf / categoryOf / isCategorie', () => {
  it('gives the sub-thématiques of a category, and none for anything else', () => {
    assert.ok(subThematiquesOf('famille').includes('famille--garde-denfants'));
    assert.deepEqual(subThematiquesOf('famille--garde-denfants'), []);
    assert.deepEqual(subThematiquesOf('inconnue'), []);
    assert.deepEqual(subThematiquesOf('toString'), []);
  });

  it('gives the category of a sub-thématique or of a category, undefined when unknown', () => {
    assert.equal(categoryOf('famille--garde-denfants'), 'famille');
    assert.equal(categoryOf('mobilite'), 'mobilite');
    assert.equal(categoryOf('inconnue--truc'), undefined);
    assert.equal(categoryOf(''), undefined);
    assert.equal(categoryOf('constructor'), undefined);
  });

  it('tells categories from sub-thématiques', () => {
    for (const category of categories) assert.ok(isCategorie(category), category);
    for (const thematique of thematiques) assert.ok(!isCategorie(thematique), thematique);
    assert.ok(!isCategorie('__proto__'));
  });
});

describe('expandThematiques', () => {
  it('expands several categories, in the order given', () => {
    assert.deepEqual(expandThematiques(['sante', 'mobilite']), [...THEMATIQUE_TREE.sante, ...THEMATIQUE_TREE.mobilite]);
  });

  it('deduplicates a category mixed with its sub-thématiques, keeping first-seen order', () => {
    const expanded = expandThematiques(['famille--garde-denfants', 'famille', 'famille', 'sante--acces-aux-soins', 'sante']);
    assert.equal(expanded[0], 'famille--garde-denfants');
    assert.deepEqual(new Set(expanded), new Set([...THEMATIQUE_TREE.famille, ...THEMATIQUE_TREE.sante]));
    assert.equal(expanded.length, THEMATIQUE_TREE.famille.length + THEMATIQUE_TREE.sante.length);
  });

  it('keeps unknown values and accepts any iterable', () => {
    assert.deepEqual(expandThematiques(new Set(['nouvelle-thematique'])), ['nouvelle-thematique']);
    assert.deepEqual(expandThematiques([]), []);
  });
});
