/**
 * French public holidays (jours fériés), for `PH` rules of opening hours.
 * @module
 */

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, a.k.a. Meeus/Jones/Butcher). */
function easter(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** National holidays on fixed dates, as `MM-DD`. */
const FIXED = /* @__PURE__ */ new Set(['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25']);

/** Days after Easter Sunday: Easter Monday, Ascension, Whit Monday. */
const EASTER_OFFSETS = [1, 39, 50];

/** Abolition of slavery, by overseas INSEE prefix (loi 83-550 and local decrees). */
const ABOLITION: Readonly<Record<string, string>> = {
  '971': '05-27',
  '972': '05-22',
  '973': '06-10',
  '974': '12-20',
  '976': '04-27',
  '977': '10-09',
  '978': '05-28',
};

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Whether a calendar date is a public holiday in France: the 11 national ones, plus Good Friday and
 * St Stephen's Day in Alsace-Moselle (57, 67, 68) and the abolition day in the overseas départements
 * and collectivités that have one, when `codeInsee` tells where. Other overseas calendars (Polynesia,
 * New Caledonia, Wallis-et-Futuna, Saint-Pierre-et-Miquelon's local days) are not covered.
 */
export function isPublicHoliday(year: number, month: number, day: number, codeInsee?: string | null): boolean {
  const monthDay = `${pad(month)}-${pad(day)}`;
  if (FIXED.has(monthDay)) return true;
  const prefix = typeof codeInsee === 'string' ? codeInsee.trim() : '';
  if (ABOLITION[prefix.slice(0, 3)] === monthDay) return true;
  const sunday = easter(year);
  const dayOfYear = (m: number, d: number) => Date.UTC(year, m - 1, d) / 86_400_000;
  const offset = dayOfYear(month, day) - dayOfYear(sunday.month, sunday.day);
  if (EASTER_OFFSETS.includes(offset)) return true;
  if (/^(57|67|68)/.test(prefix) && (offset === -2 || monthDay === '12-26')) return true;
  return false;
}
