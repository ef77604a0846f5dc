/**
 * How fresh a record is, from its `date_maj`, worded as DORA does ("Actualisé il y a 3 mois").
 * @module
 */
import type { Lang } from '../vocabularies/index.js';
import { formatNumber } from './numbers.js';
import { DEFAULT_TIME_ZONE, localDate } from './time-zone.js';

/** DORA's rule (`MONTHS_BEFORE_OUTDATED`): a record not updated for 6 whole months is outdated. */
export const MONTHS_BEFORE_OUTDATED = 6;

/** Options of {@link freshness}. */
export interface FreshnessOptions {
  /** The current instant (default: now). */
  now?: Date;
  /** Language of the labels (default `fr`). */
  lang?: Lang;
  /** Zone in which "today" is taken (default `Europe/Paris`). */
  timeZone?: string;
}

/** The freshness of a record. */
export interface Freshness {
  /** `false` when `date_maj` is missing or not a real calendar date. */
  known: boolean;
  /** Whole calendar months since the update (0 in the first month), `null` when unknown. */
  months: number | null;
  /** Whole days since the update, `null` when unknown. */
  days: number | null;
  /** Relative wording alone: "il y a 3 mois", "aujourd’hui", "3 months ago". */
  relative: string;
  /** Full label: "actualisé il y a 3 mois", "actualisé aujourd’hui", "updated 2 years ago", "date de mise à jour inconnue". */
  label: string;
  /** `true` once {@link MONTHS_BEFORE_OUTDATED} whole months have passed; `false` when unknown. */
  outdated: boolean;
}

type Unit = 'day' | 'month' | 'year';

interface Words {
  prefix: string;
  unknown: string;
  /** Past amounts with a name of their own (`day2`: two days ago). */
  named: Partial<Record<`${Unit}${number}`, string>>;
  /** Singular and plural of each unit. */
  units: Record<Unit, readonly [string, string]>;
  ago(amount: string): string;
}

// The wording of `Intl.RelativeTimeFormat(locale, { numeric: 'auto' })` for past amounts, written
// out: the first Intl formatter of a page costs 20 to 50 ms in Chromium (ICU loads its locale
// data), and every result card shows its freshness. Tests compare both.
const WORDS: Readonly<Record<Lang, Words>> = {
  fr: {
    prefix: 'actualisé ',
    unknown: 'date de mise à jour inconnue',
    named: { day0: 'aujourd’hui', day1: 'hier', day2: 'avant-hier', month1: 'le mois dernier', year1: 'l’année dernière' },
    units: { day: ['jour', 'jours'], month: ['mois', 'mois'], year: ['an', 'ans'] },
    ago: (amount) => `il y a ${amount}`,
  },
  en: {
    prefix: 'updated ',
    unknown: 'update date unknown',
    named: { day0: 'today', day1: 'yesterday', month1: 'last month', year1: 'last year' },
    units: { day: ['day', 'days'], month: ['month', 'months'], year: ['year', 'years'] },
    ago: (amount) => `${amount} ago`,
  },
};

/** `amount` units ago, worded as `Intl.RelativeTimeFormat` does with `numeric: 'auto'`. */
function pastAmount(amount: number, unit: Unit, lang: Lang): string {
  const words = WORDS[lang];
  const named = words.named[`${unit}${amount}`];
  if (named) return named;
  const [one, other] = words.units[unit];
  return words.ago(`${formatNumber(amount, lang)} ${amount === 1 ? one : other}`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** A `YYYY-MM-DD` (or ISO date-time) string as a real calendar date, or `null`. */
function parseCalendarDate(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  // Rejects 2024-02-30 and the like, which Date would silently roll over.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whole calendar months from `from` to `to`: 2026-05-22 → 2026-11-22 is 6, → 2026-11-21 is 5.
 * A day missing in the target month counts as its last day (01-31 + 1 month = 02-28).
 */
function wholeMonths(from: { year: number; month: number; day: number }, to: { year: number; month: number; day: number }): number {
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < Math.min(from.day, daysInMonth(to.year, to.month))) months -= 1;
  return months;
}

/**
 * The freshness of a record from its `date_maj`: whole months elapsed, a French or English label
 * worded as `Intl.RelativeTimeFormat` does, and whether it is outdated (6 months, DORA's rule).
 * A missing or invalid date gives `known: false` and a "date inconnue" label, never an exception.
 * A date in the future (clock skew) reads as today.
 *
 * @example freshness('2026-08-20', { now: new Date('2026-11-22') }).label // "actualisé il y a 3 mois"
 */
export function freshness(date_maj: string | null | undefined, options: FreshnessOptions = {}): Freshness {
  const lang = options.lang === 'en' ? 'en' : 'fr';
  const words = WORDS[lang];
  const updated = parseCalendarDate(date_maj);
  const now = options.now ?? new Date();
  if (!updated || Number.isNaN(now.getTime())) {
    return { known: false, months: null, days: null, relative: words.unknown, label: words.unknown, outdated: false };
  }
  const today = localDate(now, options.timeZone ?? DEFAULT_TIME_ZONE);
  const days = Math.max(
    0,
    Math.round((Date.UTC(today.year, today.month - 1, today.day) - Date.UTC(updated.year, updated.month - 1, updated.day)) / 86_400_000),
  );
  const months = Math.max(0, wholeMonths(updated, today));
  const relative =
    months >= 12 ? pastAmount(Math.floor(months / 12), 'year', lang) : months >= 1 ? pastAmount(months, 'month', lang) : pastAmount(days, 'day', lang);
  return { known: true, months, days, relative, label: words.prefix + relative, outdated: months >= MONTHS_BEFORE_OUTDATED };
}
