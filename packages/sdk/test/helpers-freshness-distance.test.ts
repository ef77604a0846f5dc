import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distanceKm, formatDistance, freshness, MONTHS_BEFORE_OUTDATED } from '../src/index.js';

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
