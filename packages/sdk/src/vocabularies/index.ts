/**
 * The data·inclusion schema v1 vocabularies, as typed constants with their labels.
 * @module
 */
import {
  CATEGORIES,
  FRAIS,
  MODES_ACCUEIL,
  MODES_MOBILISATION,
  PERSONNES_MOBILISATRICES,
  PUBLICS,
  RESEAUX_PORTEURS,
  SOURCES,
  THEMATIQUES,
  TYPES_SERVICES,
} from './data.generated.js';
import type { DEPARTEMENTS, REGIONS } from '../geography.generated.js';
import {
  CATEGORIES_EN,
  FRAIS_EN,
  MODES_ACCUEIL_EN,
  MODES_MOBILISATION_EN,
  PERSONNES_MOBILISATRICES_EN,
  PUBLICS_EN,
  TYPES_SERVICES_EN,
} from './labels-en.js';

export {
  CATEGORIES,
  FRAIS,
  MODES_ACCUEIL,
  MODES_MOBILISATION,
  PERSONNES_MOBILISATRICES,
  PUBLICS,
  RESEAUX_PORTEURS,
  SOURCES,
  THEMATIQUES,
  TYPES_SERVICES,
};

/** One value of a vocabulary, as the `/api/v1/doc/*` endpoints return it. */
export interface VocabularyEntry<V extends string = string> extends LabelledValue<V> {
  /** The French description, or `null`. */
  readonly description: string | null;
}

/**
 * One value of a vocabulary constant: its value and French label. Descriptions are kept apart
 * ({@link descriptionOf}) so that bundles which only need labels stay small.
 */
export interface LabelledValue<V extends string = string> {
  /** The machine value, as stored on services and sent as a filter. */
  readonly value: V;
  /** The French label. */
  readonly label: string;
}

/** A sub-thématique (`categorie--slug`), as stored on services: 69 values. */
export type Thematique = (typeof THEMATIQUES)[number]['value'];
/** A thématique category (16 values): accepted as a filter value, never stored on services. */
export type Categorie = (typeof CATEGORIES)[number]['value'];
/** The people a service is meant for. */
export type Public = (typeof PUBLICS)[number]['value'];
/** Whether a service costs something. */
export type Frais = (typeof FRAIS)[number]['value'];
/** In person and/or remote. */
export type ModeAccueil = (typeof MODES_ACCUEIL)[number]['value'];
/** The kind of service (v1 `type`). */
export type TypeService = (typeof TYPES_SERVICES)[number]['value'];
/** How a service is mobilised. */
export type ModeMobilisation = (typeof MODES_MOBILISATION)[number]['value'];
/** Who may mobilise a service. */
export type PersonneMobilisatrice = (typeof PERSONNES_MOBILISATRICES)[number]['value'];
/** The network a structure belongs to (v1 `reseaux_porteurs`). */
export type ReseauPorteur = (typeof RESEAUX_PORTEURS)[number]['value'];
/** A source slug known to `/api/v1/sources`. */
export type SourceSlug = (typeof SOURCES)[number]['slug'];
/** A département code (`44`, `2A`, `974`…). */
export type CodeDepartement = (typeof DEPARTEMENTS)[number]['code'];
/** A région code (`52`, `04`…). */
export type CodeRegion = (typeof REGIONS)[number]['code'];

/**
 * A known value of a vocabulary, or any other string: the API adds values over time, and the SDK
 * keeps such records rather than drop them. Autocompletion still offers the known values.
 */
export type Open<V extends string> = V | (string & {});

/** A thématique filter value: a sub-thématique or a whole category. */
export type ThematiqueFilter = Thematique | Categorie;

/** Names of the eight `/api/v1/doc/{name}` vocabularies. */
export const VOCABULARY_NAMES = [
  'frais',
  'modes-accueil',
  'modes-mobilisation',
  'personnes-mobilisatrices',
  'publics',
  'reseaux-porteurs',
  'thematiques',
  'types-services',
] as const;

/** The name of one `/api/v1/doc/{name}` vocabulary. */
export type VocabularyName = (typeof VOCABULARY_NAMES)[number];

/** Every vocabulary the SDK knows, by the name used in labels lookups. */
export const VOCABULARIES = {
  thematiques: THEMATIQUES,
  categories: CATEGORIES,
  publics: PUBLICS,
  frais: FRAIS,
  'modes-accueil': MODES_ACCUEIL,
  'types-services': TYPES_SERVICES,
  'modes-mobilisation': MODES_MOBILISATION,
  'personnes-mobilisatrices': PERSONNES_MOBILISATRICES,
  'reseaux-porteurs': RESEAUX_PORTEURS,
} as const;

/** A vocabulary the SDK can label: the eight `/doc` lists plus the thématique categories. */
export type LabelledVocabulary = keyof typeof VOCABULARIES;

/** Languages the SDK ships labels for. */
export type Lang = 'fr' | 'en';

const ENGLISH: Partial<Record<LabelledVocabulary, Record<string, string>>> = {
  categories: CATEGORIES_EN,
  publics: PUBLICS_EN,
  frais: FRAIS_EN,
  'modes-accueil': MODES_ACCUEIL_EN,
  'types-services': TYPES_SERVICES_EN,
  'modes-mobilisation': MODES_MOBILISATION_EN,
  'personnes-mobilisatrices': PERSONNES_MOBILISATRICES_EN,
};

const FRENCH = Object.fromEntries(
  Object.entries(VOCABULARIES).map(([name, entries]) => [
    name,
    new Map<string, string>(entries.map((e: LabelledValue) => [e.value, e.label])),
  ]),
) as Record<LabelledVocabulary, Map<string, string>>;

/** Whether `value` is a known value of `vocabulary`. */
export function isKnownValue(vocabulary: LabelledVocabulary, value: string): boolean {
  return FRENCH[vocabulary].has(value);
}

/**
 * The label of a vocabulary value in `lang` (French by default). English falls back to French where
 * the SDK has no English label (thématiques, réseaux porteurs); an unknown value is returned as is.
 *
 * @example labelOf('publics', 'tous-publics') // "Tous publics"
 * @example labelOf('frais', 'payant', 'en') // "Paid"
 */
export function labelOf(vocabulary: LabelledVocabulary, value: string, lang: Lang = 'fr'): string {
  if (lang === 'en') {
    const english = ENGLISH[vocabulary]?.[value];
    if (english) return english;
  }
  return FRENCH[vocabulary].get(value) ?? value;
}

/** The label of a source slug (its `nom`), or the slug itself when unknown. */
export function sourceLabel(slug: string): string {
  return SOURCES.find((s) => s.slug === slug)?.nom ?? slug;
}
