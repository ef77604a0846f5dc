import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeScoreQualite, roundScore, scoreCriteria, type ScorableService } from '../src/dataset/score.js';

const NOW = { now: '2026-11-01' };
const LONG_DESCRIPTION = 'Accompagnement individuel vers l’emploi. '.repeat(8); // about 330 characters

/** A service that meets every criterion, so that each test changes one thing. */
function complete(overrides: Partial<ScorableService> = {}): ScorableService {
  return {
    source: 'dora',
    adresse: '2 rue de la Paix',
    modes_accueil: ['en-presentiel'],
    modes_mobilisation: ['telephoner', 'envoyer-un-courriel', 'se-presenter'],
    mobilisable_par: ['professionnels'],
    publics: ['jeunes'],
    thematiques: ['mobilite--preparer-un-permis'],
    courriel: 'contact@example.org',
    lien_mobilisation: null,
    telephone: '+33199000000',
    date_maj: '2026-10-01',
    frais: 'gratuit',
    frais_precisions: null,
    description: LONG_DESCRIPTION,
    ...overrides,
  };
}

describe('computeScoreQualite', () => {
  it('scores a complete, recent service 1', () => {
    assert.equal(computeScoreQualite(complete(), NOW), 1);
    assert.ok(Object.values(scoreCriteria(complete(), NOW)).every((value) => value === 1));
  });

  it('adresse_bien_definie applies to in-person services and to "se présenter" only', () => {
    assert.equal(scoreCriteria(complete({ adresse: null }), NOW).adresse_bien_definie, 0);
    assert.equal(
      scoreCriteria(complete({ adresse: null, modes_accueil: ['a-distance'], modes_mobilisation: ['se-presenter'] }), NOW)
        .adresse_bien_definie,
      0,
    );
    const remote = complete({ adresse: null, modes_accueil: ['a-distance'], modes_mobilisation: ['telephoner'] });
    assert.equal(scoreCriteria(remote, NOW).adresse_bien_definie, null);
    // Not applicable: it does not drag the mean down.
    assert.equal(computeScoreQualite(remote, NOW), 1);
    assert.equal(scoreCriteria(complete({ modes_accueil: null, modes_mobilisation: null }), NOW).adresse_bien_definie, null);
  });

  it('modes_mobilisation_bien_definis is 0, 0.5 or 1 with modes_mobilisation / mobilisable_par', () => {
    const score = (s: ScorableService) => scoreCriteria(s, NOW).modes_mobilisation_bien_definis;
    assert.equal(score(complete({ modes_mobilisation: null, mobilisable_par: null })), 0);
    assert.equal(score(complete({ modes_mobilisation: null })), 0.5);
    assert.equal(score(complete({ mobilisable_par: null })), 0.5);
    assert.equal(score(complete()), 1);
  });

  it('au_moins_un_public and au_moins_une_thematique need a non-empty list', () => {
    assert.equal(scoreCriteria(complete({ publics: null }), NOW).au_moins_un_public, 0);
    assert.equal(scoreCriteria(complete({ publics: [] }), NOW).au_moins_un_public, 0);
    assert.equal(scoreCriteria(complete({ publics: ['tous-publics'] }), NOW).au_moins_un_public, 1);
    assert.equal(scoreCriteria(complete({ thematiques: null }), NOW).au_moins_une_thematique, 0);
    assert.equal(scoreCriteria(complete({ thematiques: [] }), NOW).au_moins_une_thematique, 0);
  });

  it('au_moins_un_moyen_de_contact accepts an e-mail, a mobilisation link or a phone', () => {
    const none = { courriel: null, lien_mobilisation: null, telephone: null };
    const score = (s: ScorableService) => scoreCriteria(s, NOW).au_moins_un_moyen_de_contact;
    assert.equal(score(complete(none)), 0);
    assert.equal(score(complete({ ...none, telephone: '3949' })), 1);
    assert.equal(score(complete({ ...none, courriel: 'a@example.org' })), 1);
    assert.equal(score(complete({ ...none, lien_mobilisation: 'https://example.org/rdv' })), 1);
  });

  it('courriel_bien_defini and telephone_bien_defini apply only to the matching mode', () => {
    assert.equal(scoreCriteria(complete({ courriel: null }), NOW).courriel_bien_defini, 0);
    assert.equal(scoreCriteria(complete({ telephone: null }), NOW).telephone_bien_defini, 0);
    const byLink = complete({ modes_mobilisation: ['utiliser-lien-mobilisation'], courriel: null, telephone: null });
    assert.equal(scoreCriteria(byLink, NOW).courriel_bien_defini, null);
    assert.equal(scoreCriteria(byLink, NOW).telephone_bien_defini, null);
  });

  it('date_maj_recente is 1 under 6 months, linear down to 0 at 2 years, ignored for agefiph and france-travail', () => {
    const score = (date_maj: string, source = 'dora') => scoreCriteria(complete({ date_maj, source }), NOW).date_maj_recente;
    assert.equal(score('2026-11-01'), 1);
    assert.equal(score('2026-05-05'), 1); // 180 days
    assert.equal(score('2024-11-01'), 0); // 730 days
    assert.equal(score('2019-01-01'), 0);
    const middle = score('2025-08-03'); // 455 days: half-way between 180 and 730
    assert.ok(middle !== null && Math.abs(middle - 0.5) < 1e-9, `got ${middle}`);
    assert.equal(score('2019-01-01', 'france-travail'), null);
    assert.equal(score('2019-01-01', 'agefiph'), null);
    assert.equal(scoreCriteria(complete({ date_maj: '2025-08-03' }), { now: new Date('2026-11-01T00:00:00Z') }).date_maj_recente, 0.5);
  });

  it('frais_bien_definis: gratuit 1, payant with précisions 1, payant alone 0.5, null 0', () => {
    const score = (s: Partial<ScorableService>) => scoreCriteria(complete(s), NOW).frais_bien_definis;
    assert.equal(score({ frais: 'gratuit' }), 1);
    assert.equal(score({ frais: 'payant', frais_precisions: '5 € par mois' }), 1);
    assert.equal(score({ frais: 'payant', frais_precisions: null }), 0.5);
    assert.equal(score({ frais: null }), 0);
  });

  it('description_bien_definie follows the length bands', () => {
    const score = (length: number) => scoreCriteria(complete({ description: 'x'.repeat(length) }), NOW).description_bien_definie;
    assert.equal(score(49), 0);
    assert.equal(score(50), 0.5);
    assert.equal(score(199), 0.5);
    assert.equal(score(200), 1);
    assert.equal(score(1999), 1);
    assert.equal(score(2000), 0.5);
    assert.equal(score(10_000), 0.5);
  });

  it('is the mean of the applicable criteria, rounded to 2 decimals', () => {
    // 10 criteria apply; description 0.5 and frais 0 → 8.5 / 10.
    assert.equal(computeScoreQualite(complete({ description: 'x'.repeat(60), frais: null }), NOW), 0.85);
    // Remote, by link: 7 criteria apply (no address, e-mail or phone criterion); public missing → 6 / 7.
    const remote = complete({
      modes_accueil: ['a-distance'],
      modes_mobilisation: ['utiliser-lien-mobilisation'],
      lien_mobilisation: 'https://example.org/inscription',
      publics: null,
    });
    assert.equal(computeScoreQualite(remote, NOW), 0.86);
    // A bare record: only the date criterion and nothing else.
    const bare = complete({
      adresse: null, modes_accueil: null, modes_mobilisation: null, mobilisable_par: null, publics: null,
      thematiques: null, courriel: null, telephone: null, frais: null, description: 'Un service',
    });
    assert.equal(computeScoreQualite(bare, NOW), 0.14); // 1 / 7
  });

  it('rounds exact halves to even like the pipeline (Python round)', () => {
    assert.equal(roundScore(0.125), 0.12);
    assert.equal(roundScore(0.375), 0.38);
    assert.equal(roundScore(0.145), 0.14); // 0.145 is stored just below the half
    assert.equal(roundScore(2 / 3), 0.67);
  });
});
