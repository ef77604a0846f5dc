/**
 * Descriptions of vocabulary values, apart from the labels so that bundles which only need labels
 * stay small: bundlers leave this module out unless {@link descriptionOf} is called.
 * @module
 */
import { DESCRIPTIONS } from './descriptions.generated.js';
import type { LabelledVocabulary } from './index.js';

const CONSTANT_NAMES: Record<LabelledVocabulary | 'sources', string> = {
  thematiques: 'THEMATIQUES',
  categories: 'CATEGORIES',
  publics: 'PUBLICS',
  frais: 'FRAIS',
  'modes-accueil': 'MODES_ACCUEIL',
  'types-services': 'TYPES_SERVICES',
  'modes-mobilisation': 'MODES_MOBILISATION',
  'personnes-mobilisatrices': 'PERSONNES_MOBILISATRICES',
  'reseaux-porteurs': 'RESEAUX_PORTEURS',
  sources: 'SOURCES',
};

/**
 * The French description of a vocabulary value or of a source slug, or `null` (unknown value, or
 * no description upstream). It lives in its own module: bundlers leave it out unless it is called.
 *
 * @example descriptionOf('frais', 'gratuit') // "L’accès au lieu et/ou à ses services est gratuit"
 */
export function descriptionOf(vocabulary: LabelledVocabulary | 'sources', value: string): string | null {
  return DESCRIPTIONS[CONSTANT_NAMES[vocabulary]]?.[value] ?? null;
}

