/**
 * zod/mini schemas of the API responses, one per OpenAPI response type.
 *
 * Tolerance, on purpose:
 * - unknown extra keys are tolerated: the schemas' output leaves them out, while
 *   {@link parseTolerant} (what the client uses) returns the record with them, e.g. the `extra`
 *   object of `/services?extra=true`;
 * - a missing nullable key reads as `null` (the API sends every key; older proxies may not);
 * - vocabulary fields are checked as strings here: an unknown value is a warning, not a failure
 *   (the client reports it in `Page.warnings`), because the API adds values over time;
 * - e-mail and URL formats are not checked: upstream validates them, the elements only ever turn
 *   http(s)/mailto/tel values into links, and one malformed link must not hide a whole service.
 *
 * Speed: each schema has two forms built from the same fields. The exact form (nullable fields
 * required, unknown keys not copied) runs on zod's JIT fast path; the exported, tolerant form
 * first fills missing nullable keys. {@link parseTolerant} tries the exact form and fills keys only
 * when it fails, so a complete record (the normal case) costs one fast pass and no copy.
 * @module
 */
import * as z from 'zod/mini';
import { $ZodObjectJIT } from 'zod/v4/core';
import type {
  BaseStructure,
  DetailedService,
  DetailedStructure,
  Page,
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

const nullable = z.nullable;
/**
 * A `z.object` on zod's JIT fast path. zod/mini's own `object` never compiles (to stay small); the
 * core `$ZodObjectJIT` generates one checking function per shape, which makes validation of large
 * pages about twice as fast. Where `new Function` is refused (strict CSP), zod falls back to the
 * interpreted parser by itself.
 */
const object = <Shape extends z.core.$ZodShape>(shape: Shape): z.core.$ZodObject<Shape, z.core.$strip> =>
  new $ZodObjectJIT({ type: 'object', shape }) as z.core.$ZodObject<Shape, z.core.$strip>;
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

// The exact forms: every key required (nullable ones may be null), unknown keys not copied.
const exactBaseStructure = object({ ...structureFields, adresse_certifiee: z.boolean() });
const exactSourceId = object({ source: z.string(), id: z.string() });
const exactStructure = object({
  ...structureFields,
  adresse_certifiee: z.boolean(),
  score_qualite: score(),
  doublons: z.array(exactSourceId),
});
const exactService = object(serviceFields);
const exactDetailedService = object({ ...serviceFields, structure: exactBaseStructure });
const exactStructureDuplicate = object({ ...structureFields, adresse_certifiee: z.optional(z.boolean()) });
const exactDetailedStructure = object({
  ...structureFields,
  adresse_certifiee: z.boolean(),
  score_qualite: score(),
  services: z.array(exactService),
  doublons: z.array(exactStructureDuplicate),
});
const exactServiceSearchResult = object({ service: exactDetailedService, distance: nullable(z.int()) });
const exactSearchResult = object({
  service: exactDetailedService,
  distance: nullable(z.int()),
  score_recherche: nullable(z.number()),
});
const exactSource = object({ slug: z.string(), nom: z.string(), description: text() });
const exactFrameworkValue = object({ value: z.string(), label: z.string(), description: text() });

type AnySchema = z.core.$ZodType;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `value` with every missing nullable key of `schema` (nested objects and arrays included) set to
 * `null`. Copy-on-write: unchanged parts, and `value` itself when nothing is missing, are returned
 * as they are; the input is never mutated.
 */
function fillMissingNulls(schema: AnySchema, value: unknown): unknown {
  const def = schema._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; innerType?: AnySchema };
  if (def.type === 'nullable') return value === null ? value : fillMissingNulls(def.innerType as AnySchema, value);
  if (def.type === 'array' && Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const filled = fillMissingNulls(def.element as AnySchema, item);
      if (filled !== item) (copy ??= [...value])[index] = filled;
    });
    return copy ?? value;
  }
  if (def.type !== 'object' || !isRecord(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(def.shape as Record<string, AnySchema>)) {
    const current = value[key];
    const filled =
      current === undefined ? (child._zod.def.type === 'nullable' ? null : undefined) : fillMissingNulls(child, current);
    if (filled !== current) (copy ??= { ...value })[key] = filled;
  }
  return copy ?? value;
}

const EXACT = new WeakMap<AnySchema, AnySchema>();

/** The exported, tolerant form of an exact schema: missing nullable keys are read as `null`. */
function tolerant<T>(exact: z.core.$ZodType<T>): z.ZodMiniType<T> {
  const schema = z.pipe(
    z.transform((value: unknown) => fillMissingNulls(exact, value)),
    exact,
  ) as unknown as z.ZodMiniType<T>;
  EXACT.set(schema, exact);
  return schema;
}

/** A valid result of {@link parseTolerant}. */
export interface TolerantSuccess<T> {
  /** Always `true`. */
  success: true;
  /** The record: the input itself when complete, a copy with missing nullable keys set to `null` otherwise. */
  data: T;
}

/** An invalid result of {@link parseTolerant}. */
export interface TolerantFailure {
  /** Always `false`. */
  success: false;
  /** What is wrong (issues include their `input`). */
  error: z.core.$ZodError;
}

/** The result of {@link parseTolerant}. */
export type TolerantResult<T> = TolerantSuccess<T> | TolerantFailure;

/**
 * Validates a record the way the client does, and fast: a complete, valid record is returned AS IS
 * (same object, unknown keys kept, nothing copied); a record missing nullable keys is returned as a
 * copy with those keys set to `null`; an invalid one gives the zod error (with `input` in issues).
 *
 * Works with the schemas of this module; any other zod schema is simply `safeParse`d.
 */
export function parseTolerant<T>(schema: z.ZodMiniType<T>, value: unknown): TolerantResult<T> {
  const exact = EXACT.get(schema);
  if (!exact) return schema.safeParse(value, { reportInput: true });
  const context = { reportInput: true };
  let result = z.safeParse(exact, value, context);
  if (result.success) return { success: true, data: value as T };
  const filled = fillMissingNulls(exact, value);
  if (filled === value) return result as TolerantResult<T>;
  result = z.safeParse(exact, filled, context);
  return result.success ? { success: true, data: filled as T } : (result as TolerantResult<T>);
}

/** `BaseStructure`: a structure embedded in a service. */
export const baseStructureSchema: z.ZodMiniType<BaseStructure> = tolerant(exactBaseStructure);

/** `SourceIdDict`. */
export const sourceIdSchema: z.ZodMiniType<SourceId> = tolerant(exactSourceId);

/** `ListedStructure`. */
export const structureSchema: z.ZodMiniType<Structure> = tolerant(exactStructure);

/** `Service`. */
export const serviceSchema: z.ZodMiniType<Service> = tolerant(exactService);

/** `DetailedService`: a service with its structure. */
export const detailedServiceSchema: z.ZodMiniType<DetailedService> = tolerant(exactDetailedService);

/** `Structure` as a full duplicate in `DetailedStructure.doublons`. */
export const structureDuplicateSchema: z.ZodMiniType<StructureDuplicate> = tolerant(exactStructureDuplicate);

/** `DetailedStructure`: a structure with its services. */
export const detailedStructureSchema: z.ZodMiniType<DetailedStructure> = tolerant(exactDetailedStructure);

/** `ServiceSearchResult`. */
export const serviceSearchResultSchema: z.ZodMiniType<ServiceSearchResult> = tolerant(exactServiceSearchResult);

/** `SearchResult` (beta full text). */
export const searchResultSchema: z.ZodMiniType<SearchResult> = tolerant(exactSearchResult);

/** `Source`. */
export const sourceSchema: z.ZodMiniType<Source> = tolerant(exactSource);

/** `FrameworkValue`: one entry of a `/doc/*` vocabulary. */
export const frameworkValueSchema: z.ZodMiniType<VocabularyEntry> = tolerant(exactFrameworkValue);

/**
 * The page envelope, strict on its numbers; items are validated one by one afterwards so that one bad
 * item does not cost the whole page.
 */
export const pageEnvelopeSchema: z.ZodMiniType<Omit<Page<unknown>, 'invalidItems' | 'warnings'>> = z.looseObject({
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
export const errorBodySchema: z.ZodMiniType<{
  /** FastAPI's list of issues, or a plain message. */
  detail: string | ValidationIssue[];
}> = z.looseObject({
  detail: z.union([z.string(), z.array(validationIssueSchema)]),
});
