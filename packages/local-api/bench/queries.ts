/**
 * The benchmark's queries, shared by the HTTP benchmark (`search.ts`) and the in-process one
 * (`search-in-process.ts`): 400 searches over large communes (where the 50 km radius holds the most
 * services) and every category and sub-thématique, at the widget's page size.
 */
import { CATEGORIES, THEMATIQUES } from '@dora/sdk';

/** Large communes, and two Paris arrondissements. */
export const COMMUNES = [
  '75056', '75111', '75115', '13055', '69123', '31555', '06088', '44109', '34172', '67482', '33063', '59350', '35238',
  '51454', '76351', '42218', '83137', '38185', '49007', '97411',
];

export interface BenchQuery {
  code_commune: string;
  thematique: string;
}

export function benchQueries(): BenchQuery[] {
  const values = [...CATEGORIES.map((c) => c.value), ...THEMATIQUES.map((t) => t.value)];
  return Array.from({ length: 400 }, (_, i) => ({
    code_commune: COMMUNES[i % COMMUNES.length]!,
    thematique: values[(i * 7) % values.length]!,
  }));
}
