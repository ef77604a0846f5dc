/**
 * How fresh a record is, from its `date_maj`, worded as DORA does ("Actualisé il y a 3 mois").
 * @module
 */
import type { Lang } from '../vocabularies/index.js';
import { DEFAULT_TIME_ZONE, localDateTime } from './time-zone.js';

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

const WORDS = {
  fr: { prefix: 'actualisé ', unknown: 'date de mise à jour inconnue', locale: 'fr-FR' },
  en: { prefix: 'updated ', unknown: 'update date unknown', locale: 'en-GB' },
} as const;

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

// One formatter per locale: building one per call costs more than formatting (a list of cards
// calls this once per card).
const relativeFormats = /* @__PURE__ */ new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

/**
 * The freshness of a record from its `date_maj`: whole months elapsed, a French or English label
 * built with `Intl.RelativeTimeFormat`, and whether it is outdated (6 months, DORA's rule).
 * A missing or invalid date gives `known: false` and a "date inconnue" label, never an exception.
 * A date in the future (clock skew) reads as today.
 *
 * @example freshness('2026-08-20', { now: new Date('2026-11-22') }).label // "actualisé il y a 3 mois"
 */
export function freshness(date_maj: string | null | undefined, options: FreshnessOptions = {}): Freshness {
  const words = WORDS[options.lang === 'en' ? 'en' : 'fr'];
  const updated = parseCalendarDate(date_maj);
  const now = options.now ?? new Date();
  if (!updated || Number.isNaN(now.getTime())) {
    return { known: false, months: null, days: null, relative: words.unknown, label: words.unknown, outdated: false };
  }
  const today = localDateTime(now, options.timeZone ?? DEFAULT_TIME_ZONE);
  const days = Math.max(
    0,
    Math.round((Date.UTC(today.year, today.month - 1, today.day) - Date.UTC(updated.year, updated.month - 1, updated.day)) / 86_400_000),
  );
  const months = Math.max(0, wholeMonths(updated, today));
  const format = relativeFormat(words.locale);
  const relative =
    months >= 12
      ? format.format(-Math.floor(months / 12), 'year')
      : months >= 1
        ? format.format(-months, 'month')
        : format.format(-days, 'day');
  return { known: true, months, days, relative, label: words.prefix + relative, outdated: months >= MONTHS_BEFORE_OUTDATED };
}
