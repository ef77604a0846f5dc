/**
 * `@dora/local-api`: a local data·inclusion API v1 over an open-data snapshot, with a
 * geo.api.gouv.fr-compatible commune API. Start it with the `dora-local-api` bin, or from a program
 * with {@link createServer}.
 * @packageDocumentation
 */
export { createServer, DEMO_DATA_DIR, ApiError, redactUrl, type LocalApiServer, type ServerOptions } from './server.js';
export { loadDataset, DatasetError, type Dataset, type LoadReport, type LoadCount, type LoadOptions } from './dataset/load.js';
export { loadGeography, type Geography, type Commune, type Epci, type Departement, type Region, type LatLon } from './geo/index.js';
export { geodesicDistance } from './geo/distance.js';
export { AccessControl, hostMatches, type WidgetToken } from './auth.js';
export { computeScoreQualite } from './dataset/score.js';
export { SEARCH_RADIUS_METRES } from './store.js';
