/**
 * The lazy loader of `<dora-results-map>`: the map element, Leaflet, Leaflet's CSS and the clustering
 * library form a separate chunk that this dynamic import is the only way into. Nothing is fetched until
 * a map is first shown; later calls share the same promise.
 */
import { loadOnce } from '../internal/lazy.js';
import { allowLeafletProbe } from './trusted-types.js';

/**
 * Loads and registers `<dora-results-map>` (once). Rejects when the chunk cannot be fetched (offline,
 * blocked by a proxy); the next call tries again.
 */
export const loadResultsMap: () => Promise<void> = loadOnce(() => {
  try {
    allowLeafletProbe();
  } catch {
    // The page's CSP forbids a `default` policy: the import below fails and says why.
  }
  return import('./dora-results-map.js').then(() => undefined);
});

/** Whether `<dora-results-map>` is already registered (its chunk loaded). */
export function isResultsMapLoaded(): boolean {
  return typeof customElements !== 'undefined' && customElements.get('dora-results-map') !== undefined;
}
