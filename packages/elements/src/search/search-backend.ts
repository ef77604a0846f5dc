/**
 * What `<dora-search>` needs from the network side of the SDK (the API client, with zod and its
 * schemas, and the place provider), loaded by a dynamic import: the form renders before these
 * arrive, and the standalone bundle's core stays small. One client per (api-url, token), shared
 * with the service cards. The place provider is kept per place API by lazy-backend.ts.
 */
import { createPlaceProvider, type PlaceProvider } from '@dora/sdk';

export { clientFor } from '../internal/client.js';

export function placeProvider(geoUrl: string): PlaceProvider {
  return createPlaceProvider({ baseUrl: geoUrl });
}
