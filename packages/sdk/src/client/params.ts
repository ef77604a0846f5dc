/**
 * Query parameters of each endpoint, with the API's own names and the vocabulary unions.
 * @module
 */
import type {
  CodeDepartement,
  CodeRegion,
  Frais,
  ModeAccueil,
  Open,
  Public,
  ReseauPorteur,
  SourceSlug,
  ThematiqueFilter,
  TypeService,
} from '../vocabularies/index.js';
import type { DEPARTEMENTS, REGIONS } from '../geography.generated.js';
import { expandThematiques } from '../thematiques.js';

/** A département slug (`loire-atlantique`, `nord`…). */
export type SlugDepartement = (typeof DEPARTEMENTS)[number]['slug'];
/** A région slug (`pays-de-la-loire`, `ile-de-france`…). */
export type SlugRegion = (typeof REGIONS)[number]['slug'];

/** Paging: `page` from 1; `size` 1..10000 (the API's default is 5000). */
export interface PageParams {
  /** Page number, from 1. */
  page?: number;
  /** Items per page, 1..10000. */
  size?: number;
}

/** Filters on services shared by `/services`, `/search/services` and `/search`. */
export interface ServiceFilters {
  /** Only these sources (`/sources` slugs). */
  sources?: Open<SourceSlug>[];
  /** Sub-thématiques and/or categories; categories are expanded client-side into their sub-thématiques. */
  thematiques?: Open<ThematiqueFilter>[];
  /** Free and/or paid. */
  frais?: Open<Frais>[];
  /** Publics; services for `tous-publics` always match. */
  publics?: Open<Public>[];
  /** In person and/or remote. */
  modes_accueil?: Open<ModeAccueil>[];
  /** Kinds of service. */
  types?: Open<TypeService>[];
  /** Minimum quality score, 0..1. */
  score_qualite_minimum?: number;
}

/** Administrative area filters (on the service's or structure's own address). */
export interface AreaFilters {
  /** Région code (`52`). */
  code_region?: Open<CodeRegion>;
  /** Région slug (`pays-de-la-loire`). */
  slug_region?: Open<SlugRegion>;
  /** Département code (`44`, `2A`, `974`). */
  code_departement?: Open<CodeDepartement>;
  /** Département slug (`loire-atlantique`). */
  slug_departement?: Open<SlugDepartement>;
  /** INSEE code of a commune (5 characters), exact match. */
  code_commune?: string;
}

/** Parameters of {@link DataInclusionClient.searchServices} (`/search/services`). */
export interface SearchServicesParams extends PageParams, ServiceFilters {
  /** INSEE code of the commune searched around: eligibility, 50 km radius, distance sort. Unknown → 422. */
  code_commune?: string;
  /** Latitude of the distance origin; only used with `code_commune`, and only with `lon`. */
  lat?: number;
  /** Longitude of the distance origin; only used with `code_commune`, and only with `lat`. */
  lon?: number;
  /** Free-text search over publics. */
  recherche_public?: string;
  /** [BETA] Keep only the best structure among duplicates. */
  exclure_doublons?: boolean;
}

/** Parameters of {@link DataInclusionClient.listServices} (`/services`). */
export interface ListServicesParams extends PageParams, ServiceFilters, AreaFilters {
  /** Free-text search over publics. */
  recherche_public?: string;
}

/** Parameters of {@link DataInclusionClient.listStructures} (`/structures`). */
export interface ListStructuresParams extends PageParams, AreaFilters {
  /** Only these sources. */
  sources?: Open<SourceSlug>[];
  /** Only structures of these networks. */
  reseaux_porteurs?: Open<ReseauPorteur>[];
  /** [BETA] Keep only the best structure among duplicates. */
  exclure_doublons?: boolean;
}

/** Parameters of {@link DataInclusionClient.search} (beta full-text `/search`). */
export interface SearchParams extends PageParams, ServiceFilters, AreaFilters {
  /** Words to search; leaving it out returns everything, an empty string matches nothing. */
  q?: string;
  /** Latitude of a point to search around (with `lon`). */
  lat?: number;
  /** Longitude of a point to search around (with `lat`). */
  lon?: number;
  /** Radius around `lat`/`lon`, in km (≥ 1; the API's default is 50). */
  distance?: number;
}

/** Any parameter value the query builder accepts. */
type ParamValue = string | number | boolean | readonly (string | number)[] | null | undefined;

/**
 * Builds the query string: arrays as repeated keys (`thematiques=a&thematiques=b`), `undefined`,
 * `null` and empty arrays left out, thématique categories expanded into sub-thématiques.
 */
export function toQuery(params: object): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params) as [string, ParamValue][]) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const values = key === 'thematiques' ? expandThematiques(value as string[]) : value;
      for (const item of values) query.append(key, String(item));
    } else {
      query.append(key, String(value));
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
