/**
 * Opening hours (`horaires_accueil`): meant to be OSM `opening_hours`, but not validated upstream, so
 * real data mixes OSM strings and free text.
 *
 * Why a hand-written parser: the `opening_hours` npm package (3.15.0, with i18next and suncalc)
 * bundles to 779 kB minified / 115 kB gzip (esbuild, measured 2026-11-22), six times the SDK's whole
 * 20 kB budget, and even lazily loaded it would cost every service page a 115 kB download. The
 * weekly subset below (weekdays, ranges, time spans, `off`, `PH`, comments, spans past midnight)
 * covers what the data holds, weighs 3.6 kB gzip with its time-zone and public-holiday helpers
 * (7.6 kB minified, same measurement), and turns anything else into a "raw" result that shows the
 * original text: never a wrong table, never an exception.
 * @module
 */
import type { Lang } from '../vocabularies/index.js';
import { isPublicHoliday } from './public-holidays.js';
import { addDays, localDateTime, timeZoneOf, weekdayOf } from './time-zone.js';

/** A day of the week, in OSM notation. */
export type Weekday = 'Mo' | 'Tu' | 'We' | 'Th' | 'Fr' | 'Sa' | 'Su';

/** The days of the week, Monday first (ISO and OSM order). */
export const WEEKDAYS: readonly Weekday[] = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/**
 * An opening interval in local time, `HH:MM` (24 h). `to` is at most `24:00`; when it is not after
 * `from` the interval runs past midnight into the next day (`22:00`–`02:00`).
 */
export interface TimeInterval {
  from: string;
  to: string;
  /** The comment of the rule the interval comes from (`"sur rendez-vous"`), without quotes. */
  comment?: string;
}

/** Hours that could be read as a weekly table. */
export interface WeeklyOpeningHours {
  kind: 'weekly';
  /** The original text. */
  source: string;
  /** Opening intervals of each weekday, sorted; an empty list means closed (or see `notes`). */
  days: Record<Weekday, TimeInterval[]>;
  /** Days described only by a comment (`Mo-Fr "sur rendez-vous"`): open or not is unknown. */
  notes: Partial<Record<Weekday, string>>;
  /** Hours on public holidays (`PH off` gives `[]`), or `null` when the text says nothing about them. */
  publicHolidays: TimeInterval[] | null;
  /** `true` for `24/7` and equivalents, when no rule closes on public holidays. */
  alwaysOpen: boolean;
  /** Comments of rules that select no day (`Mo-Fr 09:00-12:00; "sur rendez-vous"`): about the whole schedule. */
  note: string | null;
  /** Every distinct comment of the text. */
  comments: string[];
}

/** Hours that are not in the supported syntax: show `source` as it is. */
export interface RawOpeningHours {
  kind: 'raw';
  /** The original text, trimmed. */
  source: string;
}

/** The result of {@link parseOpeningHours}. */
export type OpeningHours = WeeklyOpeningHours | RawOpeningHours;

// Longer than any real schedule (OSM caps tag values at 255 characters): skip parsing garbage.
const MAX_LENGTH = 500;

type Token =
  | { type: 'day'; day: number }
  | { type: 'ph' | 'off' | 'open' | 'always' | 'range' | 'list' | 'filler' | 'colon' | 'rules' }
  | { type: 'time'; minutes: number }
  | { type: 'comment'; text: string };

/** Words, accents stripped and lower-cased: OSM and English day names, French names and abbreviations. */
const WORDS: Record<string, Token> = /* @__PURE__ */ wordTable();

function wordTable(): Record<string, Token> {
  const table: Record<string, Token> = {};
  [
    'mo mon monday lu lun lundi',
    'tu tue tues tuesday ma mardi',
    'we wed wednesday me mer mercredi',
    'th thu thur thurs thursday je jeu jeudi',
    'fr fri friday ve ven vendredi',
    'sa sat saturday sam samedi',
    'su sun sunday di dim dimanche',
  ].forEach((words, day) => words.split(' ').forEach((word) => (table[word] = { type: 'day', day })));
  // No `mar` for mardi: it is OSM's month March, and a wrong table is worse than the raw text.
  for (const [type, words] of [
    ['ph', 'ph'],
    ['off', 'off closed ferme'],
    ['open', 'open ouvert'],
    ['range', 'to au a'],
    ['list', 'et and'],
    ['filler', 'du de le les from'],
  ] as const) {
    for (const word of words.split(' ')) table[word] = { type };
  }
  return table;
}

class Unsupported extends Error {}

const TOKEN =
  /\s+|"([^"]*)"|“([^”]*)”|(24\/7)|(\d{1,2})(?::(\d{2})|\s?[hH](\d{2})?)(?![\p{L}\d])|(\|\|)|([;,:/&-])|(\p{L}+)\.?/uy;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match || TOKEN.lastIndex === start) throw new Unsupported();
    const [whole, quoted, curly, always, hours, minutes, hMinutes, fallback, punctuation, word] = match;
    if (quoted !== undefined || curly !== undefined) {
      tokens.push({ type: 'comment', text: (quoted ?? curly ?? '').trim() });
    } else if (always) {
      tokens.push({ type: 'always' });
    } else if (hours !== undefined) {
      const h = Number(hours);
      const m = Number(minutes ?? hMinutes ?? 0);
      // Up to 48:00: OSM writes spans past midnight either `22:00-02:00` or `22:00-26:00`.
      if (h > 48 || m > 59 || (h === 48 && m > 0)) throw new Unsupported();
      tokens.push({ type: 'time', minutes: h * 60 + m });
    } else if (fallback) {
      throw new Unsupported(); // `||` fallback rules: beyond the subset
    } else if (punctuation) {
      // `/` and `&` join lists in French free text: `9h-12h / 14h-17h`.
      tokens.push({ type: punctuation === ';' ? 'rules' : punctuation === ':' ? 'colon' : punctuation === '-' ? 'range' : 'list' });
    } else if (word) {
      const known = WORDS[word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()];
      if (!known) throw new Unsupported();
      if (known.type !== 'filler') tokens.push(known);
    } else if (!/^\s+$/.test(whole)) {
      throw new Unsupported();
    }
  }
  return tokens;
}

/** Internal form of a parsed rule: the days it selects and what it says about them. */
interface Rule {
  days: number[];
  publicHolidays: boolean;
  /** `null`: comment only (state unknown). */
  intervals: { from: number; to: number }[] | null;
  comment: string | undefined;
  additive: boolean;
}

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

function parseRules(tokens: Token[]): Rule[] {
  const rules: Rule[] = [];
  let i = 0;
  const peek = (offset = 0): Token | undefined => tokens[i + offset];
  const is = (type: Token['type'], offset = 0): boolean => peek(offset)?.type === type;

  let additive = false;
  while (i < tokens.length) {
    if (is('rules')) {
      i++;
      additive = false;
      continue;
    }
    // Day selector: `Mo-Fr,Su`, `PH`, `Fr-Mo` (wraps), `lundi au vendredi`, `lundi et mardi`.
    const days: number[] = [];
    let publicHolidays = false;
    let selected = false;
    while (is('day') || is('ph')) {
      selected = true;
      const first = peek() as Token;
      i++;
      if (first.type === 'ph') {
        publicHolidays = true;
      } else if (first.type === 'day') {
        if (is('range') && is('day', 1)) {
          const last = (peek(1) as { day: number }).day;
          i += 2;
          for (let day = first.day; ; day = (day + 1) % 7) {
            days.push(day);
            if (day === last) break;
          }
        } else {
          days.push(first.day);
        }
      }
      if (is('list') && (is('day', 1) || is('ph', 1))) i++;
      else break;
    }
    if (is('colon') && selected) i++;

    let intervals: Rule['intervals'] = null;
    if (is('always') && !selected) {
      i++;
      intervals = [{ from: 0, to: 1440 }];
    } else if (is('off')) {
      i++;
      intervals = [];
    } else if (is('open')) {
      i++;
      intervals = [{ from: 0, to: 1440 }];
    } else if (is('time')) {
      intervals = [];
      for (;;) {
        const from = peek();
        const to = peek(2);
        if (from?.type !== 'time' || !is('range', 1) || to?.type !== 'time') throw new Unsupported();
        let end = to.minutes;
        if (end > 1440) end -= 1440; // `22:00-26:00` is `22:00-02:00`
        if (from.minutes >= 1440 || (to.minutes > 1440 && end > from.minutes)) throw new Unsupported(); // over 24 h
        intervals.push({ from: from.minutes, to: end });
        i += 3;
        if (is('list') && is('time', 1)) i++;
        else break;
      }
    }
    let comment: string | undefined;
    if (is('comment')) {
      comment = (peek() as { text: string }).text || undefined;
      i++;
    }
    // A rule must say something: a bare `Mo-Fr` or a stray token is not a schedule.
    if (intervals === null && comment === undefined) throw new Unsupported();
    // No selector means every day, except for a lone comment, which is kept as a note on the whole
    // schedule rather than wiping out the days (OSM would make every day "unknown").
    rules.push({ days: selected ? days : intervals === null ? [] : ALL_DAYS, publicHolidays, intervals, comment, additive });

    if (i >= tokens.length) break;
    if (is('rules')) continue;
    // `Mo-Fr 08:00-12:00, Sa 09:00-12:00`: an additional rule, which adds rather than overrides.
    if (is('list') && (is('day', 1) || is('ph', 1))) {
      i++;
      additive = true;
      continue;
    }
    throw new Unsupported();
  }
  return rules;
}

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function toInterval(span: { from: number; to: number }, comment: string | undefined): TimeInterval {
  const interval: TimeInterval = { from: hhmm(span.from), to: hhmm(span.to) };
  if (comment) interval.comment = comment;
  return interval;
}

const byStart = (a: TimeInterval, b: TimeInterval): number => a.from.localeCompare(b.from);

/**
 * Reads `horaires_accueil` as a weekly table, following OSM `opening_hours` semantics for the common
 * subset: `24/7`; weekday lists and ranges (`Mo,We,Fr`, `Mo-Fr`, wrapping `Fr-Mo`); several spans
 * (`08:30-12:00,13:30-17:00`); `off` / `closed`; `PH off` or `PH 10:00-12:00`; a quoted comment per
 * rule; spans past midnight (`22:00-02:00`); later `;` rules override earlier ones for their days,
 * `,` rules add to them. Case and spacing are free, and simple French (`du lundi au vendredi de 9h
 * à 17h`) is understood. Anything else (months, weeks, dates, `||`, free text) gives
 * `{ kind: 'raw', source }`. Blank or missing input gives `null`. Never throws.
 *
 * @example parseOpeningHours('Mo-Fr 08:30-12:00,13:30-17:00; PH off')
 */
export function parseOpeningHours(text: string | null | undefined): OpeningHours | null {
  if (typeof text !== 'string') return null;
  const source = text.trim();
  if (!source) return null;
  const raw: RawOpeningHours = { kind: 'raw', source };
  if (source.length > MAX_LENGTH) return raw;
  try {
    // Dashes of every kind read as ranges; line breaks separate rules.
    const rules = parseRules(tokenize(source.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\r\n]+/g, ';')));
    if (!rules.some((rule) => rule.days.length > 0)) return raw; // `PH off` alone says nothing of the week
    const days = Object.fromEntries(WEEKDAYS.map((day) => [day, [] as TimeInterval[]])) as Record<Weekday, TimeInterval[]>;
    const notes: Partial<Record<Weekday, string>> = {};
    let publicHolidays: TimeInterval[] | null = null;
    const comments = new Set<string>();
    const general: string[] = [];
    for (const rule of rules) {
      if (rule.comment) comments.add(rule.comment);
      if (rule.comment && rule.days.length === 0 && !rule.publicHolidays) general.push(rule.comment);
      const intervals = rule.intervals?.map((span) => toInterval(span, rule.comment)) ?? [];
      for (const index of rule.days) {
        const day = WEEKDAYS[index] as Weekday;
        // `off` closes even in an additional rule; a normal rule replaces what earlier rules said.
        const replace = !rule.additive || rule.intervals?.length === 0;
        if (replace) {
          days[day] = [];
          delete notes[day];
        }
        days[day].push(...intervals);
        days[day].sort(byStart);
        if (rule.intervals === null && rule.comment) notes[day] = notes[day] ? `${notes[day]}; ${rule.comment}` : rule.comment;
      }
      // A comment alone says nothing sure about holidays: keep them as the weekdays are.
      if (rule.publicHolidays && rule.intervals !== null) {
        const add = rule.additive && rule.intervals.length > 0;
        publicHolidays = [...(add ? (publicHolidays ?? []) : []), ...intervals].sort(byStart);
      }
    }
    const allDay = (list: TimeInterval[]) => list.some((interval) => interval.from === '00:00' && interval.to === '24:00');
    const alwaysOpen = WEEKDAYS.every((day) => allDay(days[day])) && (publicHolidays === null || allDay(publicHolidays));
    const note = general.length ? general.join('; ') : null;
    return { kind: 'weekly', source, days, notes, publicHolidays, alwaysOpen, note, comments: [...comments] };
  } catch {
    // The parser signals anything outside the subset with `Unsupported`; any other slip must not
    // hide the hours either: the original text is still worth showing.
    return raw;
  }
}

/** A moment of the week, in the service's local time. */
export interface WeekMoment {
  day: Weekday;
  /** `HH:MM` */
  time: string;
  /** Days from today (0 = today, 1 = tomorrow…). */
  inDays: number;
}

/** Whether a service is open at a given instant, in its local time. */
export interface OpeningState {
  open: boolean;
  /** When open: when it closes next. Absent when it never closes within the coming week (`24/7`). */
  closesAt?: WeekMoment;
  /** When closed: when it opens next, within the coming week. */
  opensAt?: WeekMoment;
  /** The comment of the current (when open) or next interval, e.g. "sur rendez-vous". */
  comment?: string;
  /** `true` when today is a public holiday and the hours have a `PH` rule. */
  publicHoliday?: boolean;
}

/** Options of {@link openingState}. */
export interface OpeningStateOptions {
  /** The instant (default: now). */
  at?: Date;
  /** The service's IANA time zone; default: from `codeInsee`, else `Europe/Paris`. */
  timeZone?: string;
  /** The service's `code_insee`: its time zone and its local public holidays (Alsace-Moselle, overseas). */
  codeInsee?: string | null;
}

const toMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Whether the service is open at `at`, evaluated in the service's own local time (pass its
 * `timeZone`, or its `codeInsee` and the zone is derived: a Réunion service is read in
 * `Indian/Reunion`), with the next closing or opening moment. Public holidays follow the `PH` rule
 * (French calendar, see {@link isPublicHoliday}).
 *
 * Returns `null` when the hours cannot tell: missing or raw text, or a day described only by a
 * comment. Never throws.
 */
export function openingState(hours: OpeningHours | null | undefined, options: OpeningStateOptions = {}): OpeningState | null {
  if (hours?.kind !== 'weekly') return null;
  const at = options.at ?? new Date();
  if (Number.isNaN(at.getTime())) return null;
  const now = localDateTime(at, options.timeZone ?? timeZoneOf(options.codeInsee));

  // The intervals from yesterday (spans past midnight) to a week ahead, in minutes from today 00:00.
  type Span = { start: number; end: number; comment: string | undefined };
  const spans: Span[] = [];
  let holidayToday = false;
  let unknownToday = false;
  for (let offset = -1; offset <= 7; offset++) {
    const date = addDays(now.year, now.month, now.day, offset);
    const weekday = WEEKDAYS[weekdayOf(date.year, date.month, date.day)] as Weekday;
    const holiday = hours.publicHolidays !== null && isPublicHoliday(date.year, date.month, date.day, options.codeInsee);
    if (offset === 0) {
      holidayToday = holiday;
      unknownToday = !holiday && hours.notes[weekday] !== undefined;
    }
    for (const interval of (holiday ? hours.publicHolidays : hours.days[weekday]) ?? []) {
      const from = toMinutes(interval.from);
      let to = toMinutes(interval.to);
      if (to <= from) to += 1440;
      spans.push({ start: offset * 1440 + from, end: offset * 1440 + to, comment: interval.comment });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  // Merge touching spans, so that `Mo-Su 00:00-24:00` is one long opening, not a close at midnight.
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }

  const moment = (minutes: number): WeekMoment => {
    const inDays = Math.floor(minutes / 1440);
    const date = addDays(now.year, now.month, now.day, inDays);
    return { day: WEEKDAYS[weekdayOf(date.year, date.month, date.day)] as Weekday, time: hhmm(minutes - inDays * 1440), inDays };
  };
  const state: OpeningState = { open: false };
  if (holidayToday) state.publicHoliday = true;
  const current = merged.find((span) => span.start <= now.minutes && now.minutes < span.end);
  if (current) {
    state.open = true;
    if (current.end < 8 * 1440) state.closesAt = moment(current.end);
    if (current.comment) state.comment = current.comment;
    return state;
  }
  if (unknownToday) return null;
  const next = merged.find((span) => span.start > now.minutes);
  if (next) {
    state.opensAt = moment(next.start);
    if (next.comment) state.comment = next.comment;
  }
  return state;
}

/** A printable row of {@link formatWeek}. */
export interface WeekRow {
  /** The weekday, `PH` for the public-holidays row, `note` for the schedule's general note. */
  day: Weekday | 'PH' | 'note';
  /** "Lundi", "Jours fériés", "Monday"… */
  label: string;
  /** "08:30–12:00, 13:30–17:00", "Fermé", "Ouvert 24 h/24"… */
  hours: string;
  /** `true` when closed all day. */
  closed: boolean;
  /** "Lundi: 08:30–12:00, 13:30–17:00" */
  text: string;
}

const WEEK_WORDS = {
  fr: {
    days: ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'],
    holidays: 'Jours fériés',
    note: 'Remarque',
    closed: 'Fermé',
    allDay: 'Ouvert 24 h/24',
  },
  en: {
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    holidays: 'Public holidays',
    note: 'Note',
    closed: 'Closed',
    allDay: 'Open 24 hours',
  },
} as const;

function describeDay(intervals: TimeInterval[], note: string | undefined, words: (typeof WEEK_WORDS)[Lang]): string {
  if (intervals.length === 0) return note ?? words.closed;
  const comments = new Set(intervals.map((interval) => interval.comment));
  const shared = comments.size === 1 ? intervals[0]?.comment : undefined;
  const spans = intervals.map((interval) => {
    const text = interval.from === '00:00' && interval.to === '24:00' ? words.allDay : `${interval.from}–${interval.to}`;
    return !shared && interval.comment ? `${text} (${interval.comment})` : text;
  });
  return spans.join(', ') + (shared ? ` (${shared})` : '') + (note ? ` (${note})` : '');
}

/**
 * The week as printable rows, Monday first, plus a public-holidays row when the hours have a `PH`
 * rule and a last row for a general note: "Lundi: 08:30–12:00, 13:30–17:00", "Samedi: Fermé",
 * "Remarque: sur rendez-vous". Raw or missing hours give `[]`: show their `source` text instead.
 */
export function formatWeek(hours: OpeningHours | null | undefined, lang: Lang = 'fr'): WeekRow[] {
  if (hours?.kind !== 'weekly') return [];
  const words = WEEK_WORDS[lang === 'en' ? 'en' : 'fr'];
  const rows: WeekRow[] = WEEKDAYS.map((day, index) => {
    const text = describeDay(hours.days[day], hours.notes[day], words);
    const label = words.days[index] as string;
    return { day, label, hours: text, closed: hours.days[day].length === 0 && !hours.notes[day], text: `${label}: ${text}` };
  });
  if (hours.publicHolidays) {
    const text = describeDay(hours.publicHolidays, undefined, words);
    rows.push({ day: 'PH', label: words.holidays, hours: text, closed: hours.publicHolidays.length === 0, text: `${words.holidays}: ${text}` });
  }
  if (hours.note) rows.push({ day: 'note', label: words.note, hours: hours.note, closed: false, text: `${words.note}: ${hours.note}` });
  return rows;
}

const STATE_WORDS = {
  fr: {
    closed: 'Fermé',
    holiday: 'Fermé (jour férié)',
    allDay: 'Ouvert 24 h/24',
    until: (when: string) => `Ouvert jusqu’à ${when}`,
    opens: (closed: string, when: string) => `${closed} · ouvre ${when}`,
    at: (time: string) => `à ${time}`,
    tomorrow: 'demain',
    day: (index: number) => (WEEK_WORDS.fr.days[index] as string).toLowerCase(),
  },
  en: {
    closed: 'Closed',
    holiday: 'Closed (public holiday)',
    allDay: 'Open 24 hours',
    until: (when: string) => `Open until ${when}`,
    opens: (closed: string, when: string) => `${closed} · opens ${when}`,
    at: (time: string) => `at ${time}`,
    tomorrow: 'tomorrow',
    day: (index: number) => WEEK_WORDS.en.days[index] as string,
  },
} as const;

/**
 * An {@link OpeningState} in words, for a badge or a screen reader: "Ouvert jusqu’à 17:00",
 * "Fermé · ouvre demain à 08:30", "Fermé (jour férié) · ouvre jeudi à 09:00", "Open 24 hours",
 * "Closed · opens Monday at 08:30". `null` (the hours cannot tell) gives `null`.
 */
export function describeOpeningState(state: OpeningState | null | undefined, lang: Lang = 'fr'): string | null {
  if (!state) return null;
  const words = STATE_WORDS[lang === 'en' ? 'en' : 'fr'];
  const when = (moment: WeekMoment, withAt: boolean): string => {
    const time = withAt ? words.at(moment.time) : moment.time;
    if (moment.inDays === 0) return time;
    const day = moment.inDays === 1 ? words.tomorrow : words.day(WEEKDAYS.indexOf(moment.day));
    return `${day} ${time}`;
  };
  if (state.open) return state.closesAt ? words.until(when(state.closesAt, false)) : words.allDay;
  const closed = state.publicHoliday ? words.holiday : words.closed;
  return state.opensAt ? words.opens(closed, when(state.opensAt, true)) : closed;
}
