/**
 * The network side of the SDK (API client with zod and its schemas, place provider), loaded by a
 * dynamic import on first use: the form renders before it arrives.
 */
import type { PlaceProvider } from '@dora/sdk';
import { loadOnce } from '../internal/lazy.js';

type Backend = typeof import('./search-backend.js');
let loaded: Backend | undefined;
/** The SDK's client and place provider, loaded on first use (see search-backend.ts). */
export const loadBackend: () => Promise<Backend> = loadOnce(() => import('./search-backend.js').then((backend) => (loaded = backend)));

/** Whether the back-end has loaded: a request made now would leave at once. */
export function backendLoaded(): boolean {
  return loaded !== undefined;
}

/**
 * Starts loading the back-end when a `<dora-search>` is already in the page: it will search as soon
 * as it connects (with `code-commune` or URL state), and its first results are read by the client.
 * Called when the search element's module is evaluated. Errors are left to the search itself (it
 * loads again and reports).
 */
export function prefetchBackendForPage(): void {
  if (typeof document !== 'undefined' && document.querySelector('dora-search')) loadBackend().catch(() => undefined);
}

/** The place lookups, forwarding to the lazily loaded place provider of `geoUrl`. */
function lazyPlaces(geoUrl: string): PlaceProvider {
  // Created once per place API, so its cache is shared by every search on the page.
  const provider = loadOnce(async () => (await loadBackend()).placeProvider(geoUrl));
  return {
    searchCommunes: async (text, options) => (await provider()).searchCommunes(text, options),
    communeAt: async (lat, lon, options) => (await provider()).communeAt(lat, lon, options),
    getCommune: async (code, options) => (await provider()).getCommune(code, options),
    getEpci: async (code, options) => (await provider()).getEpci(code, options),
  };
}
const lazyPlaceProviders = new Map<string, PlaceProvider>();

/** One lazy place provider per place API (its cache is shared by every search on the page). */
export function lazyPlaceProvider(geoUrl: string): PlaceProvider {
  let provider = lazyPlaceProviders.get(geoUrl);
  if (!provider) lazyPlaceProviders.set(geoUrl, (provider = lazyPlaces(geoUrl)));
  return provider;
}

