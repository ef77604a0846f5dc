/**
 * French text helpers for the full-text search and the commune lookup. Written by hand: a handful of
 * lines here, where a stemming library (snowball ports, natural…) would add hundreds of kB for a beta
 * endpoint whose upstream ranking we only approximate anyway.
 * @module
 */

/** Lower case, no diacritics, `œ`/`æ` expanded (punctuation is left to {@link words}). */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** The words of a text, normalised (see {@link normalize}); anything but a letter or digit separates words. */
export function words(text: string): string[] {
  return normalize(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/** French stop words (normalised), after PostgreSQL's `french` dictionary, shortened. */
const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces c d dans de des du elle en et eux il ils je j l la le les leur leurs lui ma mais me m meme mes moi ' +
    'mon ne n nos notre nous on ou par pas pour qu que qui s sa se ses son sur t ta te tes toi ton tu un une vos votre vous ' +
    'y est sont ete etre avoir ai as avons avez ont cette cet celle celui ceux plus tres sans sous chez entre vers'
  ).split(' '),
);

/**
 * A light French stemmer: strips plural and common derivational endings so that `logements` and
 * `logement`, `emplois`/`emploi`, `accompagnement`/`accompagner` meet. Not Snowball, but consistent,
 * which is what matching needs (documents and queries go through the same function).
 */
function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  for (const suffix of ['issements', 'issement', 'ements', 'ement', 'ations', 'ation', 'ateurs', 'ateur', 'atrices', 'atrice']) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 4 && /(aux)$/.test(w)) w = `${w.slice(0, -3)}al`;
  if (w.length > 3 && /[sx]$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['euse', 'eur', 'ive', 'if', 'ees', 'ee', 'es', 'er', 'ez', 'e']) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Search terms of a text: words minus stop words, stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}
