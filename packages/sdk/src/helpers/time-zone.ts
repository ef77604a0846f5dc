/**
 * Local time of a service: its IANA time zone from its INSEE code, and the local calendar date and
 * time at an instant, computed with `Intl` only (no date library: the browser ships the tz data).
 * @module
 */

/** The time zone used when nothing better is known: mainland France and Corsica. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Overseas INSEE prefixes (3 characters) whose time zone differs from Paris. */
const OVERSEAS_TIME_ZONES: Readonly<Record<string, string>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
  '977': 'America/St_Barthelemy',
  '978': 'America/Marigot',
  '986': 'Pacific/Wallis',
  '987': 'Pacific/Tahiti',
  '988': 'Pacific/Noumea',
};

/**
 * The IANA time zone of a commune, from its INSEE code (or a département code such as `974`).
 * Mainland France, Corsica (`2A…`, `2B…`) and anything unknown read as `Europe/Paris`.
 *
 * @example timeZoneOf('97411') // "Indian/Reunion"
 * @example timeZoneOf('44109') // "Europe/Paris"
 */
export function timeZoneOf(codeInsee: string | null | undefined): string {
  if (typeof codeInsee !== 'string') return DEFAULT_TIME_ZONE;
  return OVERSEAS_TIME_ZONES[codeInsee.trim().slice(0, 3)] ?? DEFAULT_TIME_ZONE;
}

/** A calendar date and wall-clock time in some time zone. */
export interface LocalDateTime {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  /** 0 = Monday … 6 = Sunday (ISO order, as in opening hours). */
  weekday: number;
  /** Minutes since local midnight, 0..1439. */
  minutes: number;
}

const formatters = /* @__PURE__ */ new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** ISO weekday (0 = Monday) of a calendar date, computed in UTC so that no host zone leaks in. */
export function weekdayOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/**
 * The local date and time at `at` in `timeZone`. An unknown zone falls back to `Europe/Paris`
 * rather than throwing: hours are better shown a little off than not at all.
 */
export function localDateTime(at: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDateTime {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = formatterFor(timeZone);
  } catch {
    formatter = formatterFor(DEFAULT_TIME_ZONE);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  // Some engines print midnight as 24 even with h23.
  const hour = (parts.hour ?? 0) % 24;
  return { year, month, day, weekday: weekdayOf(year, month, day), minutes: hour * 60 + (parts.minute ?? 0) };
}

/** The part of `Temporal` that {@link localDate} uses (not in TypeScript's ES2023 library). */
interface TemporalInstants {
  Instant: { fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(timeZone: string): { year: number; month: number; day: number } } };
}

/**
 * The calendar date at `at` in `timeZone` (an unknown zone reads as `Europe/Paris`). Through
 * `Temporal` where the engine has it: in Chromium its zone data comes without the ICU data that
 * the first `Intl.DateTimeFormat` of a page loads (20 to 50 ms).
 */
export function localDate(at: Date, timeZone: string = DEFAULT_TIME_ZONE): { year: number; month: number; day: number } {
  const temporal = (globalThis as { Temporal?: TemporalInstants }).Temporal;
  if (temporal) {
    try {
      const { year, month, day } = temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
      return { year, month, day };
    } catch {
      // An unknown zone: localDateTime falls back to Paris.
    }
  }
  const { year, month, day } = localDateTime(at, timeZone);
  return { year, month, day };
}

/** The calendar date `offset` days after `year-month-day` (UTC arithmetic: no DST surprises). */
export function addDays(year: number, month: number, day: number, offset: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(year, month - 1, day + offset));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
