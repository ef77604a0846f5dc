import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FRAIS, PUBLICS, RESEAUX_PORTEURS, THEMATIQUES } from '@dora/sdk';
import {
  FRAIS_V0_TO_V1,
  PROFILS_V0_TO_PUBLICS_V1,
  THEMATIQUES_V0_TO_V1,
  TYPOLOGIE_V0_TO_RESEAU_PORTEUR,
  fraisV1,
  publicsV1,
  reseauPorteurV1,
  thematiquesV1,
} from '../src/dataset/v0-to-v1.js';

// The v0 vocabularies are read from the shared reference (tests may read it; product code never does).
const v0Values = (name: string): string[] =>
  (JSON.parse(readFileSync(new URL(`../../../../shared/data/data-inclusion/schema-v0/enums/${name}.json`, import.meta.url), 'utf8')) as { value: string }[]).map(
    (entry) => entry.value,
  );

const sorted = (values: Iterable<string>) => [...values].sort();

describe('v0 → v1 mapping tables', () => {
  it('cover every v0 thématique, and only v0 thématiques', () => {
    assert.deepEqual(sorted(Object.keys(THEMATIQUES_V0_TO_V1)), sorted(v0Values('thematiques')));
  });

  it('target only valid v1 sub-thématiques', () => {
    const valid = new Set<string>(THEMATIQUES.map((t) => t.value));
    for (const [v0, targets] of Object.entries(THEMATIQUES_V0_TO_V1)) {
      for (const target of targets) assert.ok(valid.has(target), `${v0} → ${target}`);
    }
  });

  it('map every v0 value that already is a v1 sub-thématique to itself', () => {
    for (const { value } of THEMATIQUES) {
      if (value in THEMATIQUES_V0_TO_V1) assert.ok(THEMATIQUES_V0_TO_V1[value]?.includes(value), value);
    }
  });

  it('cover every v0 profil and target valid v1 publics', () => {
    assert.deepEqual(sorted(Object.keys(PROFILS_V0_TO_PUBLICS_V1)), sorted(v0Values('profils')));
    const valid = new Set<string>(PUBLICS.map((p) => p.value));
    for (const [v0, targets] of Object.entries(PROFILS_V0_TO_PUBLICS_V1)) {
      for (const target of targets) assert.ok(valid.has(target), `${v0} → ${target}`);
    }
  });

  it('cover every v0 frais and target valid v1 frais', () => {
    assert.deepEqual(sorted(Object.keys(FRAIS_V0_TO_V1)), sorted(v0Values('frais')));
    const valid = new Set<string>(FRAIS.map((f) => f.value));
    for (const { frais } of Object.values(FRAIS_V0_TO_V1)) assert.ok(valid.has(frais), frais);
  });

  it('map only v0 typologies, to valid v1 réseaux porteurs', () => {
    const typologies = new Set(v0Values('typologies-de-structures'));
    const valid = new Set<string>(RESEAUX_PORTEURS.map((r) => r.value));
    for (const [code, reseau] of Object.entries(TYPOLOGIE_V0_TO_RESEAU_PORTEUR)) {
      assert.ok(typologies.has(code), `unknown v0 typologie ${code}`);
      assert.ok(valid.has(reseau), `${code} → ${reseau}`);
    }
  });
});

describe('v0 → v1 record helpers', () => {
  it('thematiquesV1 expands parents, deduplicates, drops unmapped and unknown values', () => {
    assert.deepEqual(thematiquesV1(['se-former', 'se-former--trouver-sa-formation']), [
      'se-former--monter-son-dossier-de-formation',
      'se-former--trouver-sa-formation',
    ]);
    assert.deepEqual(thematiquesV1(['handicap', 'pas-une-thematique']), null);
    assert.deepEqual(thematiquesV1(null), null);
  });

  it('publicsV1 keeps tous-publics alone and adds the disability public on handicap thématiques', () => {
    assert.deepEqual(publicsV1(['jeunes', 'tous-publics']), ['tous-publics']);
    assert.deepEqual(publicsV1(['jeunes-16-26', 'jeunes', 'seniors-65']), ['jeunes', 'seniors']);
    assert.deepEqual(publicsV1(['adultes']), null);
    assert.deepEqual(publicsV1(['salaries'], ['handicap--adaptation-au-poste-de-travail']), [
      'actifs',
      'personnes-en-situation-de-handicap',
    ]);
  });

  it('fraisV1: payant wins, the v0 nuance goes to frais_precisions', () => {
    assert.deepEqual(fraisV1(['gratuit']), { frais: 'gratuit', frais_precisions: null });
    assert.deepEqual(fraisV1(['gratuit', 'payant']), { frais: 'payant', frais_precisions: null });
    assert.deepEqual(fraisV1(['gratuit-sous-conditions']), { frais: 'gratuit', frais_precisions: 'Gratuit sous conditions.' });
    assert.deepEqual(fraisV1(['adhesion']), { frais: 'payant', frais_precisions: 'Adhésion à la structure demandée.' });
    assert.deepEqual(fraisV1([]), { frais: null, frais_precisions: null });
  });

  it('reseauPorteurV1 maps known codes and returns null otherwise', () => {
    assert.equal(reseauPorteurV1('ML'), 'mission-locale');
    assert.equal(reseauPorteurV1('RFS'), 'france-service');
    assert.equal(reseauPorteurV1('ASSO'), null);
    assert.equal(reseauPorteurV1(null), null);
  });
});
