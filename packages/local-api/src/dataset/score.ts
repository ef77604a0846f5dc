/**
 * data·inclusion's service quality score (`score_qualite`), as the pipeline computes it with
 * data-inclusion-schema `v1/score_qualite.py`: the mean of the applicable criteria, each scored 0..1
 * (rounded to 2 decimals), the mean itself rounded to 2 decimals.
 *
 * The criteria follow the project's reference (shared/reference/data-inclusion-api.md §2.5). One
 * known divergence: a published copy of `score_qualite.py` ramps `description_bien_definie` linearly
 * from 200 to 400 characters, whereas the reference documents bands (200–1999 = 1, 50–199 or
 * 2000–10000 = 0.5, below 50 = 0); the bands are implemented here. `date_maj_recente` uses the
 * pipeline's durations (pendulum: 6 months = 180 days, 2 years = 730 days).
 * @module
 */
import type { Service } from '@dora/sdk';

/** The fields of a service the score reads: a record without `score_qualite` yet is fine. */
export type ScorableService = Pick<
  Service,
  | 'source'
  | 'adresse'
  | 'modes_accueil'
  | 'modes_mobilisation'
  | 'mobilisable_par'
  | 'publics'
  | 'thematiques'
  | 'courriel'
  | 'lien_mobilisation'
  | 'telephone'
  | 'date_maj'
  | 'frais'
  | 'frais_precisions'
  | 'description'
>;

/** The reference date the age of `date_maj` is measured against. */
export interface ScoreOptions {
  /** A `Date`, or a `YYYY-MM-DD` day (read as UTC midnight). Pass a fixed date for reproducible output. */
  now: Date | string;
}

/** The name of each criterion, as in the upstream implementation. */
export type CritereQualite =
  | 'adresse_bien_definie'
  | 'modes_mobilisation_bien_definis'
  | 'au_moins_un_public'
  | 'au_moins_une_thematique'
  | 'au_moins_un_moyen_de_contact'
  | 'courriel_bien_defini'
  | 'date_maj_recente'
  | 'frais_bien_definis'
  | 'description_bien_definie'
  | 'telephone_bien_defini';

/** Sources whose `date_maj` is not scored (their dates are not meaningful upstream). */
const SOURCES_WITHOUT_DATE_CRITERION = new Set(['agefiph', 'france-travail']);

const DAY_MS = 86_400_000;
// pendulum's duration(months=6) and duration(years=2) compare as 180 and 730 days.
const SIX_MONTHS_DAYS = 180;
const TWO_YEARS_DAYS = 730;

const isSet = (value: readonly unknown[] | string | null | undefined): boolean =>
  value !== null && value !== undefined && value.length > 0;

function toUtcMs(date: Date | string): number {
  if (date instanceof Date) return date.getTime();
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/**
 * Rounds to 2 decimals like Python's `round(x, 2)`: to the nearest, exact halves to even (so that
 * scores match the pipeline's, e.g. 0.125 → 0.12).
 */
export function roundScore(value: number): number {
  const scaled = value * 100;
  // Fast path: far from a half, plain rounding gives the same result as Python.
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-9) return Math.round(scaled) / 100;
  const exact = value.toFixed(20);
  if (/\.\d\d50*$/.test(exact)) {
    const down = Number(exact.slice(0, exact.indexOf('.') + 3));
    const lastDigit = Number(exact[exact.indexOf('.') + 2]);
    return lastDigit % 2 === 0 ? down : Number((down + 0.01).toFixed(2));
  }
  return Number(value.toFixed(2));
}

/**
 * Scores each criterion of `service`: a number in 0..1, or `null` when the criterion does not apply.
 * Useful to explain a score; {@link computeScoreQualite} is their mean.
 */
export function scoreCriteria(service: ScorableService, options: ScoreOptions): Record<CritereQualite, number | null> {
  const modesAccueil = service.modes_accueil ?? [];
  const modesMobilisation = service.modes_mobilisation ?? [];
  return {
    adresse_bien_definie:
      modesAccueil.includes('en-presentiel') || modesMobilisation.includes('se-presenter')
        ? isSet(service.adresse) ? 1 : 0
        : null,
    modes_mobilisation_bien_definis:
      (service.modes_mobilisation != null ? 0.5 : 0) + (service.mobilisable_par != null ? 0.5 : 0),
    au_moins_un_public: isSet(service.publics) ? 1 : 0,
    au_moins_une_thematique: isSet(service.thematiques) ? 1 : 0,
    au_moins_un_moyen_de_contact:
      isSet(service.courriel) || isSet(service.lien_mobilisation) || isSet(service.telephone) ? 1 : 0,
    courriel_bien_defini: modesMobilisation.includes('envoyer-un-courriel') ? (isSet(service.courriel) ? 1 : 0) : null,
    date_maj_recente: dateMajRecente(service, options),
    frais_bien_definis: fraisBienDefinis(service),
    description_bien_definie: descriptionBienDefinie(service.description),
    telephone_bien_defini: modesMobilisation.includes('telephoner') ? (isSet(service.telephone) ? 1 : 0) : null,
  };
}

function dateMajRecente(service: ScorableService, { now }: ScoreOptions): number | null {
  if (SOURCES_WITHOUT_DATE_CRITERION.has(service.source)) return null;
  const updated = toUtcMs(service.date_maj ?? '');
  const reference = toUtcMs(now);
  if (Number.isNaN(updated) || Number.isNaN(reference)) return 0;
  const ageDays = (reference - updated) / DAY_MS;
  if (ageDays <= SIX_MONTHS_DAYS) return 1;
  if (ageDays >= TWO_YEARS_DAYS) return 0;
  return (TWO_YEARS_DAYS - ageDays) / (TWO_YEARS_DAYS - SIX_MONTHS_DAYS);
}

function fraisBienDefinis(service: ScorableService): number {
  if (service.frais === 'gratuit') return 1;
  if (service.frais === 'payant') return isSet(service.frais_precisions) ? 1 : 0.5;
  return 0;
}

function descriptionBienDefinie(description: string | null | undefined): number {
  const length = description?.length ?? 0;
  if (length >= 200 && length < 2000) return 1;
  if ((length >= 50 && length < 200) || (length >= 2000 && length <= 10_000)) return 0.5;
  return 0;
}

/**
 * The `score_qualite` of a service: the mean of its applicable criteria, rounded to 2 decimals.
 *
 * @example computeScoreQualite(service, { now: '2026-11-01' }) // 0.83
 */
export function computeScoreQualite(service: ScorableService, options: ScoreOptions): number {
  const applicable = Object.values(scoreCriteria(service, options))
    .filter((value): value is number => value !== null)
    .map(roundScore);
  const sum = applicable.reduce((total, value) => total + value, 0);
  return roundScore(sum / applicable.length);
}
