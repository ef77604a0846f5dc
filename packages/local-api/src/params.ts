/**
 * Query validation with zod, reusing the SDK's vocabularies, and the translation of zod issues into
 * FastAPI's 422 body `{"detail": [{type, loc, msg, input, ctx?}]}` (pydantic v2 error types and messages).
 * Like FastAPI, a repeated key is a list for list parameters; for a single-valued parameter the last
 * value wins; unknown parameters are ignored.
 * @module
 */
import {
  CATEGORIES,
  DEPARTEMENTS,
  FRAIS,
  MODES_ACCUEIL,
  PUBLICS,
  REGIONS,
  RESEAUX_PORTEURS,
  THEMATIQUES,
  TYPES_SERVICES,
  type ValidationIssue,
} from '@dora/sdk';
import * as z from 'zod';

/** What kind of value a parameter holds: decides how zod's issues read in FastAPI's words. */
type Kind = 'int' | 'float' | 'bool' | 'code' | 'enum' | 'text';

interface Param<S extends z.ZodType = z.ZodType> {
  kind: Kind;
  list: boolean;
  schema: S;
}
const param = <S extends z.ZodType>(kind: Kind, list: boolean, schema: S): Param<S> => ({ kind, list, schema });

const values = (vocabulary: readonly { value: string }[]) => vocabulary.map((v) => v.value) as [string, ...string[]];

const INT = /^\s*[+-]?\d+\s*$/;
const FLOAT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const TRUE = ['1', 'on', 't', 'true', 'y', 'yes'];
const FALSE = ['0', 'off', 'f', 'false', 'n', 'no'];
/** `^\w{5}$` as Python reads it (Unicode word characters). */
const CODE_COMMUNE = /^[\p{L}\p{N}\p{Mn}\p{Pc}]{5}$/u;
const CODE_COMMUNE_PATTERN = '^\\w{5}$';

const int = (min: number, max?: number) => {
  let number = z.number().min(min);
  if (max !== undefined) number = number.max(max);
  return param('int', false, z.string().regex(INT).transform(Number).pipe(number));
};
const float = () => param('float', false, z.string().regex(FLOAT).transform(Number).pipe(z.number()));
const bool = () =>
  param(
    'bool',
    false,
    z
      .string()
      .transform((s) => s.trim().toLowerCase())
      .pipe(z.enum([...TRUE, ...FALSE] as [string, ...string[]]))
      .transform((s) => TRUE.includes(s)),
  );
const code = () =>
  param(
    'code',
    false,
    z
      .string()
      .refine((s) => [...s].length >= 5, { params: { fastapi: 'string_too_short' }, abort: true })
      .refine((s) => [...s].length <= 5, { params: { fastapi: 'string_too_long' }, abort: true })
      .refine((s) => CODE_COMMUNE.test(s), { params: { fastapi: 'string_pattern_mismatch' } }),
  );
const oneOf = (allowed: [string, ...string[]]) => param('enum', false, z.enum(allowed));
const listOf = (allowed: [string, ...string[]]) => param('enum', true, z.array(z.enum(allowed)));
const text = () => param('text', false, z.string());
const texts = () => param('text', true, z.array(z.string()));

const paging = { page: int(1), size: int(1, 10_000) };
const place = {
  code_region: oneOf(REGIONS.map((r) => r.code) as [string, ...string[]]),
  slug_region: oneOf(REGIONS.map((r) => r.slug) as [string, ...string[]]),
  code_departement: oneOf(DEPARTEMENTS.map((d) => d.code) as [string, ...string[]]),
  slug_departement: oneOf(DEPARTEMENTS.map((d) => d.slug) as [string, ...string[]]),
};
const serviceFilters = {
  sources: texts(),
  thematiques: listOf([...values(THEMATIQUES), ...values(CATEGORIES)]),
  frais: listOf(values(FRAIS)),
  publics: listOf(values(PUBLICS)),
  modes_accueil: listOf(values(MODES_ACCUEIL)),
  types: listOf(values(TYPES_SERVICES)),
  score_qualite_minimum: float(),
};

/** The parameters of each endpoint, as in the contract. */
export const ENDPOINT_PARAMS = {
  structures: {
    ...paging,
    sources: texts(),
    reseaux_porteurs: listOf(values(RESEAUX_PORTEURS)),
    ...place,
    code_commune: code(),
    exclure_doublons: bool(),
  },
  services: { ...paging, ...serviceFilters, ...place, code_commune: code(), recherche_public: text() },
  searchServices: {
    ...paging,
    ...serviceFilters,
    code_commune: code(),
    lat: float(),
    lon: float(),
    recherche_public: text(),
    exclure_doublons: bool(),
  },
  search: {
    ...paging,
    ...serviceFilters,
    ...place,
    q: text(),
    code_commune: code(),
    lat: float(),
    lon: float(),
    distance: int(1),
  },
} satisfies Record<string, Record<string, Param>>;

type Params = Record<string, Param>;
/** The validated values of an endpoint's parameters (absent ones are `undefined`). */
export type ParsedQuery<P extends Params> = {
  [K in keyof P]?: P[K] extends Param<infer S> ? z.output<S> : never;
};

/** A failed validation: FastAPI's `detail` list. */
export class QueryValidationError extends Error {
  override name = 'QueryValidationError';
  constructor(readonly detail: ValidationIssue[]) {
    super('Invalid query parameters');
  }
}

type RawQuery = Record<string, string | string[] | undefined>;

/** One object schema per endpoint, built once: zod compiles an object's parser on first use. */
const objectSchemas = new WeakMap<Params, z.ZodType>();
function objectSchemaOf(params: Params): z.ZodType {
  let schema = objectSchemas.get(params);
  if (!schema) {
    schema = z.object(Object.fromEntries(Object.entries(params).map(([name, p]) => [name, p.schema.optional()])));
    objectSchemas.set(params, schema);
  }
  return schema;
}

/** Validates `raw` (Fastify's parsed query string) against `params`; throws {@link QueryValidationError}. */
export function parseQuery<P extends Params>(params: P, raw: RawQuery): ParsedQuery<P> {
  const input: Record<string, string | string[]> = {};
  for (const [name, param] of Object.entries(params)) {
    const value = raw[name];
    if (value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0) continue;
    input[name] = param.list ? list : list[list.length - 1]!;
  }
  const result = objectSchemaOf(params).safeParse(input);
  if (result.success) return result.data as ParsedQuery<P>;
  throw new QueryValidationError(result.error.issues.map((issue) => toFastApi(issue, params, input)));
}

function toFastApi(issue: z.core.$ZodIssue, params: Params, input: Record<string, string | string[]>): ValidationIssue {
  const [name, index] = issue.path as [string, number | undefined];
  const kind = params[name]?.kind ?? 'text';
  const raw = input[name];
  const value = Array.isArray(raw) && typeof index === 'number' ? raw[index] : raw;
  const loc: (string | number)[] = ['query', ...(issue.path as (string | number)[])];
  const make = (type: string, msg: string, ctx?: Record<string, unknown>): ValidationIssue =>
    ctx ? { type, loc, msg, input: value, ctx } : { type, loc, msg, input: value };

  if (issue.code === 'custom') {
    const type = (issue.params as { fastapi?: string } | undefined)?.fastapi;
    if (type === 'string_too_short') return make(type, 'String should have at least 5 characters', { min_length: 5 });
    if (type === 'string_too_long') return make(type, 'String should have at most 5 characters', { max_length: 5 });
    return make('string_pattern_mismatch', `String should match pattern '${CODE_COMMUNE_PATTERN}'`, {
      pattern: CODE_COMMUNE_PATTERN,
    });
  }
  if (issue.code === 'invalid_format' && kind === 'int') {
    return make('int_parsing', 'Input should be a valid integer, unable to parse string as an integer');
  }
  if (issue.code === 'invalid_format' && kind === 'float') {
    return make('float_parsing', 'Input should be a valid number, unable to parse string as a number');
  }
  if (issue.code === 'invalid_type' && (kind === 'float' || kind === 'int')) {
    return make('finite_number', 'Input should be a finite number');
  }
  if (issue.code === 'too_small') {
    const ge = Number(issue.minimum);
    return make('greater_than_equal', `Input should be greater than or equal to ${ge}`, { ge });
  }
  if (issue.code === 'too_big') {
    const le = Number(issue.maximum);
    return make('less_than_equal', `Input should be less than or equal to ${le}`, { le });
  }
  if (issue.code === 'invalid_value' && kind === 'bool') {
    return make('bool_parsing', 'Input should be a valid boolean, unable to interpret input');
  }
  if (issue.code === 'invalid_value') {
    const expected = enumerate(issue.values.map((v) => `'${String(v)}'`));
    return make('enum', `Input should be ${expected}`, { expected });
  }
  return make('value_error', issue.message);
}

/** pydantic's "'a', 'b' or 'c'". */
function enumerate(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Resolves `code_region`/`slug_region` and `code_departement`/`slug_departement` to codes. */
export function placeCodes(query: {
  code_region?: string | undefined;
  slug_region?: string | undefined;
  code_departement?: string | undefined;
  slug_departement?: string | undefined;
}): { code_region?: string; code_departement?: string } {
  const out: { code_region?: string; code_departement?: string } = {};
  const region = query.code_region ?? REGIONS.find((r) => r.slug === query.slug_region)?.code;
  const departement = query.code_departement ?? DEPARTEMENTS.find((d) => d.slug === query.slug_departement)?.code;
  if (region !== undefined) out.code_region = region;
  if (departement !== undefined) out.code_departement = departement;
  return out;
}
