/**
 * The lazy loader of `<dora-results-map>`: the map element, Leaflet, Leaflet's CSS and the clustering
 * library form a separate chunk that this dynamic import is the only way into. Nothing is fetched until
 * a map is first shown; later calls share the same promise.
 */
import { allowLeafletProbe } from './trusted-types.js';

let loading: Promise<void> | undefined;

/**
 * Loads and registers `<dora-results-map>` (once). Rejects when the chunk cannot be fetched (offline,
 * blocked by a proxy); the next call tries again.
 */
export function loadResultsMap(): Promise<void> {
  if (!loading) {
    try {
      allowLeafletProbe();
    } catch {
      // The page's CSP forbids a `default` policy: the import below fails and says why.
    }
  }
  loading ??= import('./dora-results-map.js').then(
    () => undefined,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether `<dora-results-map>` is already registered (its chunk loaded). */
export function isResultsMapLoaded(): boolean {
  return typeof customElements !== 'undefined' && customElements.get('dora-results-map') !== undefined;
}
