/**
 * zod/mini schemas of the API responses, one per OpenAPI response type.
 *
 * Tolerance, on purpose:
 * - unknown extra keys are kept (`looseObject`), e.g. the `extra` object of `/services?extra=true`;
 * - a missing nullable key reads as `null` (the API sends every key; older proxies may not);
 * - vocabulary fields are checked as strings here: an unknown value is a warning, not a failure
 *   (see `vocabularyWarnings`), because the API adds values over time;
 * - e-mail and URL formats are not checked: upstream validates them, the elements only ever turn
 *   http(s)/mailto/tel values into links, and one malformed link must not hide a whole service.
 * @module
 */
import * as z from 'zod/mini';
import type {
  BaseStructure,
  DetailedService,
  DetailedStructure,
  SearchResult,
  Service,
  ServiceSearchResult,
  Source,
  SourceId,
  Structure,
  StructureDuplicate,
  ValidationIssue,
} from './types.js';
import type { VocabularyEntry } from './vocabularies/index.js';

const nullable = <T extends z.core.SomeType>(schema: T) => z._default(z.nullable(schema), null);
const text = () => nullable(z.string());
const number = () => nullable(z.number());
const strings = () => nullable(z.array(z.string()));
const date = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}/, 'expected a YYYY-MM-DD date'));
const score = () => z.number().check(z.gte(0), z.lte(1));

const located = {
  commune: text(),
  code_postal: text(),
  code_insee: text(),
  adresse: text(),
  complement_adresse: text(),
  longitude: number(),
  latitude: number(),
  telephone: text(),
  courriel: text(),
};

const structureFields = {
  ...located,
  source: z.string(),
  id: z.string(),
  nom: z.string(),
  date_maj: date(),
  description: text(),
  lien_source: text(),
  siret: text(),
  site_web: text(),
  horaires_accueil: text(),
  accessibilite_lieu: text(),
  reseaux_porteurs: strings(),
};

/** `BaseStructure`: a structure embedded in a service. */
export const baseStructureSchema: z.ZodMiniType<BaseStructure> = z.looseObject({
  ...structureFields,
  adresse_certifiee: z.boolean(),
});

/** `SourceIdDict`. */
export const sourceIdSchema: z.ZodMiniType<SourceId> = z.looseObject({ source: z.string(), id: z.string() });

/** `ListedStructure`. */
export const structureSchema: z.ZodMiniType<Structure> = z.looseObject({
  ...structureFields,
  adresse_certifiee: z.boolean(),
  score_qualite: score(),
  doublons: z.array(sourceIdSchema),
});

const serviceFields = {
  ...located,
  source: z.string(),
  id: z.string(),
  structure_id: z.string(),
  nom: z.string(),
  description: z.string(),
  date_maj: date(),
  lien_source: text(),
  type: text(),
  thematiques: strings(),
  frais: text(),
  frais_precisions: text(),
  publics: strings(),
  publics_precisions: text(),
  conditions_acces: text(),
  contact_nom_prenom: text(),
  modes_accueil: strings(),
  zone_eligibilite: strings(),
  lien_mobilisation: text(),
  modes_mobilisation: strings(),
  mobilisable_par: strings(),
  mobilisation_precisions: text(),
  volume_horaire_hebdomadaire: nullable(z.number().check(z.gte(0))),
  nombre_semaines: nullable(z.int()),
  horaires_accueil: text(),
  adresse_certifiee: z.boolean(),
  score_qualite: score(),
};

/** `Service`. */
export const serviceSchema: z.ZodMiniType<Service> = z.looseObject(serviceFields);

/** `DetailedService`: a service with its structure. */
export const detailedServiceSchema: z.ZodMiniType<DetailedService> = z.looseObject({
  ...serviceFields,
  structure: baseStructureSchema,
});

/** `Structure` as a full duplicate in `DetailedStructure.doublons`. */
export const structureDuplicateSchema: z.ZodMiniType<StructureDuplicate> = z.looseObject({
  ...structureFields,
  adresse_certifiee: z.optional(z.boolean()),
});

/** `DetailedStructure`: a structure with its services. */
export const detailedStructureSchema: z.ZodMiniType<DetailedStructure> = z.looseObject({
  ...structureFields,
  adresse_certifiee: z.boolean(),
  score_qualite: score(),
  services: z.array(serviceSchema),
  doublons: z.array(structureDuplicateSchema),
});

/** `ServiceSearchResult`. */
export const serviceSearchResultSchema: z.ZodMiniType<ServiceSearchResult> = z.looseObject({
  service: detailedServiceSchema,
  distance: nullable(z.int()),
});

/** `SearchResult` (beta full text). */
export const searchResultSchema: z.ZodMiniType<SearchResult> = z.looseObject({
  service: detailedServiceSchema,
  distance: nullable(z.int()),
  score_recherche: nullable(z.number()),
});

/** `Source`. */
export const sourceSchema: z.ZodMiniType<Source> = z.looseObject({
  slug: z.string(),
  nom: z.string(),
  description: text(),
});

/** `FrameworkValue`: one entry of a `/doc/*` vocabulary. */
export const frameworkValueSchema: z.ZodMiniType<VocabularyEntry> = z.looseObject({
  value: z.string(),
  label: z.string(),
  description: text(),
});

/**
 * The page envelope, strict on its numbers; items are validated one by one afterwards so that one bad
 * item does not cost the whole page.
 */
export const pageEnvelopeSchema = z.looseObject({
  items: z.array(z.unknown()),
  total: z.int().check(z.gte(0)),
  page: z.int().check(z.gte(1)),
  size: z.int().check(z.gte(0)),
  pages: z.int().check(z.gte(0)),
});

/** FastAPI's `ValidationError`. */
export const validationIssueSchema: z.ZodMiniType<ValidationIssue> = z.looseObject({
  type: z.string(),
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  input: z.optional(z.unknown()),
  ctx: z.optional(z.record(z.string(), z.unknown())),
});

/** An error body: `{"detail": string | ValidationError[]}`. */
export const errorBodySchema = z.looseObject({
  detail: z.union([z.string(), z.array(validationIssueSchema)]),
});
