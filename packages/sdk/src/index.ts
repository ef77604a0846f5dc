/**
 * `@dora/sdk`: a typed, tolerant client for the data·inclusion API v1, with its vocabularies and helpers.
 * @packageDocumentation
 */
export * from './vocabularies/index.js';
export * from './vocabularies/descriptions.js';
export * from './geography.generated.js';
export type * from './types.js';
export * from './schemas.js';
export * from './client/index.js';
export * from './helpers/index.js';
