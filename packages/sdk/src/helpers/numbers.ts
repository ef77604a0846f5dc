/**
 * Numbers in French and English, as `Intl.NumberFormat` writes them.
 * @module
 */
import type { Lang } from '../vocabularies/index.js';

const GROUP_SEPARATOR: Readonly<Record<Lang, string>> = { fr: '\u202f', en: ',' };

/** The `Intl` locale of each language. */
export const LOCALES: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * A number as `new Intl.NumberFormat('fr-FR' | 'en-GB').format(value)` writes it: `1 234` in French
 * (a narrow no-break space between thousands), `1,234` in English.
 *
 * Whole numbers are written out here, without `Intl`: in Chromium the first `Intl` number, date or
 * relative-time formatter of a page costs 20 to 50 ms (ICU loads its locale data), and counts and
 * distances are on the way to a page's first results. Other numbers go to `Intl.NumberFormat`.
 *
 * @example formatNumber(1234) // "1 234"
 * @example formatNumber(1234, 'en') // "1,234"
 */
export function formatNumber(value: number, lang: Lang = 'fr'): string {
  if (!Number.isSafeInteger(value)) return new Intl.NumberFormat(LOCALES[lang === 'en' ? 'en' : 'fr']).format(value);
  const digits = String(Math.abs(value));
  const separator = GROUP_SEPARATOR[lang === 'en' ? 'en' : 'fr'];
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += separator + digits.slice(at, at + 3);
  return value < 0 || Object.is(value, -0) ? `-${grouped}` : grouped;
}
