import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distanceKm, formatDistance, freshness, MONTHS_BEFORE_OUTDATED } from '../src/index.js';
import { formatNumber } from '../src/helpers/numbers.js';
import { localDate } from '../src/helpers/time-zone.js';

// Noon in Paris on 2026-11-22.
const now = new Date('2026-11-22T11:00:00Z');

describe('freshness', () => {
  it('says "today" for a record updated today', () => {
    assert.deepEqual(freshness('2026-11-22', { now }), {
      known: true,
      months: 0,
      days: 0,
      relative: 'aujourd’hui',
      label: 'actualisé aujourd’hui',
      outdated: false,
    });
    assert.equal(freshness('2026-11-22', { now, lang: 'en' }).label, 'updated today');
  });

  it('counts days, then months, then years', () => {
    assert.equal(freshness('2026-11-21', { now }).label, 'actualisé hier');
    assert.equal(freshness('2026-11-02', { now }).label, 'actualisé il y a 20 jours');
    assert.equal(freshness('2026-08-20', { now }).label, 'actualisé il y a 3 mois');
    assert.equal(freshness('2026-08-20', { now, lang: 'en' }).label, 'updated 3 months ago');
    assert.equal(freshness('2025-11-22', { now }).label, 'actualisé l’année dernière');
    assert.equal(freshness('2024-10-01', { now }).label, 'actualisé il y a 2 ans');
    assert.equal(freshness('2024-10-01', { now, lang: 'en' }).relative, '2 years ago');
  });

  it('turns outdated after exactly 6 whole months (DORA’s rule)', () => {
    assert.equal(MONTHS_BEFORE_OUTDATED, 6);
    const justBefore = freshness('2026-05-23', { now });
    assert.equal(justBefore.months, 5);
    assert.equal(justBefore.outdated, false);
    const exactly = freshness('2026-05-22', { now });
    assert.equal(exactly.months, 6);
    assert.equal(exactly.outdated, true);
    assert.equal(exactly.label, 'actualisé il y a 6 mois');
  });

  it('counts months at the end of short months like a calendar does', () => {
    // 31 August + 6 months = 28 February (no 31st): outdated from that day on.
    assert.equal(freshness('2026-08-31', { now: new Date('2027-02-28T12:00:00Z') }).months, 6);
    assert.equal(freshness('2026-08-31', { now: new Date('2027-02-27T12:00:00Z') }).months, 5);
  });

  it('takes "today" in the given time zone', () => {
    // 23:30 UTC on the 22nd is already 00:30 on the 23rd in Paris (UTC+1 in November).
    const late = new Date('2026-11-22T23:30:00Z');
    assert.equal(freshness('2026-11-22', { now: late }).days, 1);
    assert.equal(freshness('2026-11-22', { now: late, timeZone: 'UTC' }).days, 0);
  });

  it('reads a future date (clock skew) as today, and ISO date-times by their date', () => {
    assert.equal(freshness('2026-12-25', { now }).label, 'actualisé aujourd’hui');
    assert.equal(freshness('2026-08-20T08:00:00+02:00', { now }).months, 3);
  });

  it('gives a clear "unknown" result for missing or invalid dates, never an exception', () => {
    for (const value of [null, undefined, '', 'hier', '2026-02-30', '2026-13-01', '22/11/2026', 42 as unknown as string]) {
      const result = freshness(value, { now });
      assert.equal(result.known, false, String(value));
      assert.equal(result.months, null);
      assert.equal(result.outdated, false);
      assert.equal(result.label, 'date de mise à jour inconnue');
    }
    assert.equal(freshness('nope', { lang: 'en' }).label, 'update date unknown');
    assert.equal(freshness('2026-11-22', { now: new Date('nope') }).known, false);
  });
});

describe('formatDistance', () => {
  const nbsp = '\u00a0';
  it('words distances as DORA does', () => {
    assert.equal(formatDistance(0), `à moins d’1${nbsp}km`);
    assert.equal(formatDistance(0.95), `à moins d’1${nbsp}km`);
    assert.equal(formatDistance(1), `à 1${nbsp}km`);
    assert.equal(formatDistance(3), `à 3${nbsp}km`);
    assert.equal(formatDistance(3.44), `à 3,4${nbsp}km`);
    assert.equal(formatDistance(9.96), `à 10${nbsp}km`);
    assert.equal(formatDistance(12.4), `à 12${nbsp}km`);
    assert.equal(formatDistance(48.6), `à 49${nbsp}km`);
  });

  it('speaks English', () => {
    assert.equal(formatDistance(0, 'en'), `less than 1${nbsp}km away`);
    assert.equal(formatDistance(3.44, 'en'), `3.4${nbsp}km away`);
    assert.equal(formatDistance(1234, 'en'), `1,234${nbsp}km away`);
  });

  it('gives null when there is no distance to show', () => {
    assert.equal(formatDistance(null), null);
    assert.equal(formatDistance(undefined), null);
    assert.equal(formatDistance(Number.NaN), null);
    assert.equal(formatDistance(-1), null);
    assert.equal(formatDistance(Number.POSITIVE_INFINITY), null);
  });
});

describe('distanceKm', () => {
  it('measures great-circle distances', () => {
    const nantes = { lat: 47.2184, lon: -1.5536 };
    const angers = { lat: 47.4784, lon: -0.5632 };
    const paris = { lat: 48.8566, lon: 2.3522 };
    assert.ok(Math.abs(distanceKm(nantes, angers) - 80.1) < 1, `Nantes → Angers ${distanceKm(nantes, angers)}`);
    assert.ok(Math.abs(distanceKm(nantes, paris) - 342) < 3, `Nantes → Paris ${distanceKm(nantes, paris)}`);
    assert.equal(distanceKm(nantes, nantes), 0);
    assert.equal(distanceKm(nantes, angers), distanceKm(angers, nantes));
    // Saint-Denis → Saint-Pierre (La Réunion), southern hemisphere: about 51 km as the crow flies.
    assert.ok(Math.abs(distanceKm({ lat: -20.8821, lon: 55.4507 }, { lat: -21.3393, lon: 55.4781 }) - 50.9) < 1);
  });

  it('gives NaN for missing or impossible coordinates', () => {
    assert.ok(Number.isNaN(distanceKm({ lat: Number.NaN, lon: 0 }, { lat: 0, lon: 0 })));
    assert.ok(Number.isNaN(distanceKm({ lat: 91, lon: 0 }, { lat: 0, lon: 0 })));
    assert.ok(Number.isNaN(distanceKm(null as unknown as { lat: number; lon: number }, { lat: 0, lon: 0 })));
    assert.equal(formatDistance(distanceKm({ lat: 200, lon: 0 }, { lat: 0, lon: 0 })), null);
  });
});

// The helpers write numbers and relative dates themselves (the first Intl formatter of a page is
// slow in browsers): their output must stay what Intl gives.
describe('written as Intl writes it', () => {
  const locales = [['fr', 'fr-FR'], ['en', 'en-GB']] as const;

  it('formatNumber equals Intl.NumberFormat', () => {
    const values = [0, -0, 1, 7, 12, 999, 1000, 1234, 9999, 12_345, 123_456, 1_000_000, 9_876_543_210, -1, -1234, -1_000_000, Number.MAX_SAFE_INTEGER];
    for (const [lang, locale] of locales) {
      const intl = new Intl.NumberFormat(locale);
      for (const value of [...values, 2.5, -0.75, 1234.5678, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
        assert.equal(formatNumber(value, lang), intl.format(value), `${lang} ${value}`);
      }
    }
  });

  it('formatDistance equals its former Intl.NumberFormat wording', () => {
    for (const [lang, locale] of locales) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      for (let km = 1; km < 2000; km += 0.37) {
        const number = intl.format(km < 10 ? Math.round(km * 10) / 10 : Math.round(km));
        const expected = lang === 'en' ? `${number}\u00a0km away` : `à ${number}\u00a0km`;
        assert.equal(formatDistance(km, lang), expected, `${lang} ${km}`);
      }
    }
  });

  it('freshness equals Intl.RelativeTimeFormat with numeric: "auto"', () => {
    for (const [lang, locale] of locales) {
      const intl = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      for (let days = 0; days < 800; days++) {
        const date = new Date(Date.UTC(2026, 10, 22 - days)).toISOString().slice(0, 10);
        const result = freshness(date, { now, lang });
        const expected =
          result.months! >= 12
            ? intl.format(-Math.floor(result.months! / 12), 'year')
            : result.months! >= 1
              ? intl.format(-result.months!, 'month')
              : intl.format(-result.days!, 'day');
        assert.equal(result.relative, expected, `${lang} ${date}`);
      }
      assert.equal(freshness('0999-01-01', { now, lang }).relative, intl.format(-1027, 'year'));
    }
  });

  it('takes the local date from Temporal when the engine has it, else from Intl.DateTimeFormat', () => {
    const late = new Date('2026-11-22T23:30:00Z');
    assert.deepEqual(localDate(late), { year: 2026, month: 11, day: 23 });
    assert.deepEqual(localDate(late, 'UTC'), { year: 2026, month: 11, day: 22 });
    assert.deepEqual(localDate(late, 'Not/AZone'), { year: 2026, month: 11, day: 23 }, 'unknown zone: Paris');
    const global = globalThis as { Temporal?: unknown };
    const own = global.Temporal;
    const asked: string[] = [];
    global.Temporal = {
      Instant: {
        fromEpochMilliseconds: (ms: number) => ({
          toZonedDateTimeISO(timeZone: string) {
            asked.push(`${ms} ${timeZone}`);
            if (timeZone !== 'Europe/Paris') throw new RangeError(`unknown zone ${timeZone}`);
            return { year: 2001, month: 2, day: 3 };
          },
        }),
      },
    };
    try {
      assert.deepEqual(localDate(late), { year: 2001, month: 2, day: 3 });
      assert.deepEqual(localDate(late, 'Not/AZone'), { year: 2026, month: 11, day: 23 });
      assert.deepEqual(asked, [`${late.getTime()} Europe/Paris`, `${late.getTime()} Not/AZone`]);
    } finally {
      if (own === undefined) delete global.Temporal;
      else global.Temporal = own;
    }
  });
});
