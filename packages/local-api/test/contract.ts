/**
 * Response checks: every body validates against the SDK's zod schemas, and carries exactly the keys
 * of the contract's schema (every key present, `null` when empty; nothing extra).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  detailedServiceSchema,
  detailedStructureSchema,
  errorBodySchema,
  pageEnvelopeSchema,
  searchResultSchema,
  serviceSchema,
  serviceSearchResultSchema,
  structureSchema,
} from '@dora/sdk';

const contract = JSON.parse(readFileSync(new URL('../data/openapi-v1.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, { properties: Record<string, unknown> }> };
};
/** The property names of a contract schema, sorted. */
export const keysOf = (name: string): string[] => Object.keys(contract.components.schemas[name]!.properties).sort();

interface Schema {
  safeParse(value: unknown): { success: boolean; error?: unknown };
}

function parse(schema: Schema, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  assert.ok(result.success, `${what} does not validate: ${JSON.stringify(result.error)}`);
}

function exactKeys(value: unknown, schemaName: string, what: string): void {
  assert.ok(value && typeof value === 'object', `${what} is not an object`);
  assert.deepEqual(Object.keys(value).sort(), keysOf(schemaName), `${what}: keys differ from ${schemaName}`);
}

/** A `DetailedService` with its embedded `BaseStructure`. */
export function checkDetailedService(value: unknown, what = 'service'): void {
  parse(detailedServiceSchema, value, what);
  exactKeys(value, 'DetailedService', what);
  exactKeys((value as { structure: unknown }).structure, 'BaseStructure', `${what}.structure`);
}

export function checkService(value: unknown, what = 'service'): void {
  parse(serviceSchema, value, what);
  exactKeys(value, 'Service', what);
}

export function checkStructure(value: unknown, what = 'structure'): void {
  parse(structureSchema, value, what);
  exactKeys(value, 'ListedStructure', what);
}

export function checkDetailedStructure(value: unknown): void {
  parse(detailedStructureSchema, value, 'detailed structure');
  exactKeys(value, 'DetailedStructure', 'detailed structure');
  const body = value as { services: unknown[]; doublons: unknown[] };
  body.services.forEach((s, i) => checkService(s, `services[${i}]`));
  body.doublons.forEach((d, i) => exactKeys(d, 'Structure', `doublons[${i}]`));
}

const ITEM_CHECKS = {
  services: (item: unknown, i: number) => checkService(item, `items[${i}]`),
  structures: (item: unknown, i: number) => checkStructure(item, `items[${i}]`),
  searchServices: (item: unknown, i: number) => {
    parse(serviceSearchResultSchema, item, `items[${i}]`);
    exactKeys(item, 'ServiceSearchResult', `items[${i}]`);
    checkDetailedService((item as { service: unknown }).service, `items[${i}].service`);
  },
  search: (item: unknown, i: number) => {
    parse(searchResultSchema, item, `items[${i}]`);
    exactKeys(item, 'SearchResult', `items[${i}]`);
    checkDetailedService((item as { service: unknown }).service, `items[${i}].service`);
  },
};

/** A page of the given kind: envelope, `size` = number of items, and every item. */
export function checkPage(body: unknown, kind: keyof typeof ITEM_CHECKS): void {
  parse(pageEnvelopeSchema, body, 'page');
  const page = body as { items: unknown[]; size: number };
  assert.deepEqual(Object.keys(page).sort(), ['items', 'page', 'pages', 'size', 'total']);
  assert.equal(page.size, page.items.length, 'size is the number of items returned');
  page.items.forEach(ITEM_CHECKS[kind]);
}

/** An error body in the API's shape; a list `detail` is FastAPI's validation errors. */
export function checkError(body: unknown): void {
  parse(errorBodySchema, body, 'error body');
  assert.deepEqual(Object.keys(body as object), ['detail']);
  const detail = (body as { detail: unknown }).detail;
  if (Array.isArray(detail)) {
    assert.ok(detail.length > 0, 'a 422 list is never empty');
    for (const issue of detail as { loc: unknown[]; type: unknown; msg: unknown }[]) {
      assert.equal(issue.loc[0], 'query');
      assert.equal(typeof issue.type, 'string');
      assert.equal(typeof issue.msg, 'string');
      assert.ok('input' in issue, 'each issue carries its input');
    }
  }
}
