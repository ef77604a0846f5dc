/**
 * Counts, distances and freshness are written without `Intl` on the way to the first results (its
 * first formatter costs 20 to 50 ms in a page): in this browser, they must read exactly as `Intl`
 * writes them.
 */
import { expect } from '@open-wc/testing';
import { formatDistance, formatNumber, freshness } from '@dora/sdk';

const LANGS = [
  ['fr', 'fr-FR'],
  ['en', 'en-GB'],
] as const;

describe('numbers and dates written as Intl writes them in this browser', () => {
  it('counts', () => {
    for (const [lang, locale] of LANGS) {
      const intl = new Intl.NumberFormat(locale);
      for (const value of [0, 1, 12, 999, 1000, 1234, 12_345, 1_234_567, -1234]) expect(formatNumber(value, lang)).to.equal(intl.format(value));
    }
  });

  it('distances', () => {
    for (const [lang, locale] of LANGS) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      for (let km = 1; km < 1500; km += 0.73) {
        const number = intl.format(km < 10 ? Math.round(km * 10) / 10 : Math.round(km));
        expect(formatDistance(km, lang)).to.equal(lang === 'en' ? `${number}\u00a0km away` : `à ${number}\u00a0km`);
      }
    }
  });

  it('freshness, with today taken in Paris', () => {
    const now = new Date('2026-11-22T23:30:00Z'); // already the 23rd in Paris
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
    expect(freshness(today, { now }).days).to.equal(0);
    for (const [lang, locale] of LANGS) {
      const intl = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      for (let days = 0; days < 800; days += 3) {
        const date = new Date(Date.UTC(2026, 10, 23 - days)).toISOString().slice(0, 10);
        const { months, days: elapsed, relative } = freshness(date, { now, lang });
        const expected =
          months! >= 12 ? intl.format(-Math.floor(months! / 12), 'year') : months! >= 1 ? intl.format(-months!, 'month') : intl.format(-elapsed!, 'day');
        expect(relative, `${lang} ${date}`).to.equal(expected);
      }
    }
  });
});
