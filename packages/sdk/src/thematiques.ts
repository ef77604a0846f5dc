/**
 * The thématique tree: 16 categories, each with its sub-thématiques.
 *
 * Services only ever carry sub-thématiques (`famille--garde-denfants`); a category (`famille`) is a
 * filter value that stands for all of its sub-thématiques. A sub-thématique's category is the part
 * of its value before `--` (the rule the data·inclusion schema uses), so the tree is derived from
 * the vocabularies rather than kept as a second list.
 * @module
 */
import { CATEGORIES, THEMATIQUES } from './vocabularies/index.js';
import type { Categorie, Open, Thematique } from './vocabularies/index.js';

const SEPARATOR = '--';

/** Each category with its sub-thématiques, in the vocabulary order. */
export const THEMATIQUE_TREE: Readonly<Record<Categorie, readonly Thematique[]>> = /* @__PURE__ */ (() => {
  const tree = Object.fromEntries(CATEGORIES.map((c) => [c.value, [] as Thematique[]])) as Record<
    Categorie,
    Thematique[]
  >;
  for (const { value } of THEMATIQUES) tree[value.slice(0, value.indexOf(SEPARATOR)) as Categorie]?.push(value);
  return tree;
})();

/** Whether `value` is one of the 16 thématique categories. */
export function isCategorie(value: string): value is Categorie {
  return Object.hasOwn(THEMATIQUE_TREE, value);
}

/**
 * The sub-thématiques of a category, or an empty list when `categorie` is not a known category.
 * @example subThematiquesOf('mobilite') // ['mobilite--acceder-a-un-vehicule', …]
 */
export function subThematiquesOf(categorie: Open<Categorie>): readonly Thematique[] {
  return isCategorie(categorie) ? THEMATIQUE_TREE[categorie] : [];
}

/**
 * The category of a sub-thématique (`famille--garde-denfants` → `famille`), the category itself
 * when given a category, or `undefined` when the value belongs to no known category.
 */
export function categoryOf(thematique: Open<Thematique | Categorie>): Categorie | undefined {
  const separator = thematique.indexOf(SEPARATOR);
  const head = separator === -1 ? thematique : thematique.slice(0, separator);
  return isCategorie(head) ? head : undefined;
}

/**
 * Replaces every category by its sub-thématiques and removes duplicates, keeping first-seen order.
 * Other values (sub-thématiques, unknown values) are kept as they are: the API decides about them.
 *
 * The client applies this before sending a `thematiques` filter, because the API mishandles several
 * categories, or a category mixed with sub-thématiques, in one request.
 * @example expandThematiques(['famille', 'famille--garde-denfants']) // all of famille's, once each
 */
export function expandThematiques(values: Iterable<Open<Thematique | Categorie>>): Open<Thematique>[] {
  const expanded = new Set<string>();
  for (const value of values) {
    if (isCategorie(value)) for (const sub of THEMATIQUE_TREE[value]) expanded.add(sub);
    else expanded.add(value);
  }
  return [...expanded];
}
