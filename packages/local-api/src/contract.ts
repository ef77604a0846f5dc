/**
 * The API contract this server implements (`data/openapi-v1.json`, the data·inclusion v1 OpenAPI
 * document, committed with its provenance): served at `/api/openapi.json`, and the one source of the
 * key sets of the records it sends.
 * @module
 */
import { readFileSync } from 'node:fs';

const OPENAPI_PATH = new URL('../data/openapi-v1.json', import.meta.url);

/** The contract as text, read once. */
export const openapiText = readFileSync(OPENAPI_PATH, 'utf8');

const schemas = (JSON.parse(openapiText) as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } })
  .components.schemas;

/** The properties of a schema of the contract, in its order: every one of them is always sent. */
export function contractKeys(schema: 'Service' | 'BaseStructure'): readonly string[] {
  const properties = schemas[schema]?.properties;
  if (!properties) throw new Error(`the contract has no schema ${schema}`);
  return Object.keys(properties);
}
