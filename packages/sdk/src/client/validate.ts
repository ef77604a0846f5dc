/**
 * Response validation: strict page envelope, items checked one by one, unknown vocabulary values
 * reported as warnings.
 * @module
 */
import type * as z from 'zod/mini';
import { pageEnvelopeSchema, parseTolerant } from '../schemas.js';
import type { InvalidItem, Page, VocabularyWarning } from '../types.js';
import { isKnownValue, type LabelledVocabulary } from '../vocabularies/index.js';
import { ResponseValidationError } from './errors.js';

/** Where the vocabulary fields of an item are (paths from the item), for the warnings pass. */
export type ItemShape = 'service' | 'detailedService' | 'structure' | 'searchResult';

const SERVICE_FIELDS: readonly (readonly [string, LabelledVocabulary])[] = [
  ['type', 'types-services'],
  ['thematiques', 'thematiques'],
  ['frais', 'frais'],
  ['publics', 'publics'],
  ['modes_accueil', 'modes-accueil'],
  ['modes_mobilisation', 'modes-mobilisation'],
  ['mobilisable_par', 'personnes-mobilisatrices'],
];
const STRUCTURE_FIELDS: readonly (readonly [string, LabelledVocabulary])[] = [['reseaux_porteurs', 'reseaux-porteurs']];

type Record_ = Record<string, unknown>;

/** Options of {@link parsePage}. */
export interface PageValidation {
  strict: boolean;
  onInvalidItem: ((item: InvalidItem, raw: unknown) => void) | undefined;
}

/**
 * Validates a page body: the envelope must match, each item is validated on its own. Invalid
 * items are dropped and reported (or, when strict, make the whole call throw).
 */
export function parsePage<T>(
  body: unknown,
  itemSchema: z.ZodMiniType<T>,
  shape: ItemShape,
  url: string,
  { strict, onInvalidItem }: PageValidation,
): Page<T> {
  const envelope = pageEnvelopeSchema.safeParse(body, { reportInput: true });
  if (!envelope.success) {
    const issues = formatIssues(envelope.error.issues);
    throw new ResponseValidationError(`The API response to GET ${url} is not a valid page: ${issues.join('; ')}`, issues);
  }
  const { items: rawItems, total, page, size, pages } = envelope.data;
  const items: T[] = [];
  const invalidItems: InvalidItem[] = [];
  const warnings: VocabularyWarning[] = [];
  for (let index = 0; index < rawItems.length; index++) {
    const raw = rawItems[index];
    const result = parseTolerant(itemSchema, raw);
    if (result.success) {
      items.push(result.data);
      collectWarnings(result.data as Record_, shape, index, warnings);
    } else {
      const invalid: InvalidItem = { index, id: readId(raw), issues: formatIssues(result.error.issues) };
      invalidItems.push(invalid);
      if (!strict) onInvalidItem?.(invalid, raw);
    }
  }
  if (strict && invalidItems.length) {
    const first = invalidItems[0] as InvalidItem;
    throw new ResponseValidationError(
      `${invalidItems.length} of ${rawItems.length} items in the response to GET ${url} are invalid; ` +
        `first, item ${first.index}${first.id ? ` (${first.id})` : ''}: ${first.issues.join('; ')}`,
      invalidItems.flatMap((item) => item.issues.map((issue) => `items.${item.index}.${issue}`)),
      invalidItems,
    );
  }
  return { items, total, page, size, pages, invalidItems, warnings };
}

/** Validates a single object (or list) response as a whole; throws {@link ResponseValidationError} when invalid. */
export function parseWhole<T>(body: unknown, schema: z.ZodMiniType<T>, url: string): T {
  const result = parseTolerant(schema, body);
  if (result.success) return result.data;
  const issues = formatIssues(result.error.issues);
  throw new ResponseValidationError(
    `The API response to GET ${url} does not match the contract: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? '; …' : ''}`,
    issues,
  );
}

/** The id of a raw item, when it has a readable one (search results carry it in `service`). */
function readId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, service } = raw as Record_;
  if (typeof id === 'string') return id;
  if (typeof service === 'object' && service !== null) {
    const nested = (service as Record_).id;
    if (typeof nested === 'string') return nested;
  }
  return null;
}

function collectWarnings(item: Record_, shape: ItemShape, index: number, warnings: VocabularyWarning[]): void {
  switch (shape) {
    case 'structure':
      checkFields(item, STRUCTURE_FIELDS, '', index, item.id as string, warnings);
      return;
    case 'service':
      checkFields(item, SERVICE_FIELDS, '', index, item.id as string, warnings);
      return;
    case 'detailedService':
      checkService(item, '', index, warnings);
      return;
    case 'searchResult':
      checkService(item.service as Record_, 'service.', index, warnings);
  }
}

function checkService(service: Record_, prefix: string, index: number, warnings: VocabularyWarning[]): void {
  const id = service.id as string;
  checkFields(service, SERVICE_FIELDS, prefix, index, id, warnings);
  checkFields(service.structure as Record_, STRUCTURE_FIELDS, `${prefix}structure.`, index, id, warnings);
}

function checkFields(
  record: Record_,
  fields: readonly (readonly [string, LabelledVocabulary])[],
  prefix: string,
  index: number,
  id: string,
  warnings: VocabularyWarning[],
): void {
  for (const [field, vocabulary] of fields) {
    const value = record[field];
    if (value == null) continue;
    if (typeof value === 'string') {
      if (!isKnownValue(vocabulary, value)) warnings.push({ index, id, field: prefix + field, value });
    } else {
      for (const entry of value as string[]) {
        if (!isKnownValue(vocabulary, entry)) warnings.push({ index, id, field: prefix + field, value: entry });
      }
    }
  }
}

/**
 * Formats zod issues as `path: message` lines, with plain English messages (zod/mini ships no
 * locale); `root` names the path of an issue about the value itself. Parse with
 * `{ reportInput: true }`: without the input, a wrong type reads as a missing key.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], root = '(item)'): string[] {
  return issues.map((issue) => `${issue.path.length ? issue.path.join('.') : root}: ${describeIssue(issue)}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined && issue.path.length
        ? `required ${issue.expected === 'nonoptional' ? 'key' : issue.expected} is missing`
        : `expected ${issue.expected}, received ${kindOf(issue.input)}`;
    case 'too_big':
      return `must be ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)} (received ${String(issue.input)})`;
    case 'too_small':
      return `must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)} (received ${String(issue.input)})`;
    case 'invalid_format':
      return `${issue.message && issue.message !== 'Invalid input' ? issue.message : `expected ${issue.format}`} (received ${JSON.stringify(issue.input)})`;
    default:
      return issue.message;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}
