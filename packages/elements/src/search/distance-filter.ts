import type { ServiceSearchResult } from '@dora/sdk';
import type { ItemVerdict } from '../controllers/search-controller.js';

/** The API's fixed search radius, in km. */
export const API_RADIUS_KM = 50;

/**
 * The client-side filter for `rayon` and `include-remote-services`, or `undefined` when it would
 * keep everything. Only meaningful around a commune: without one the API gives no distance.
 *
 * - A service with a distance within `rayon` is kept.
 * - With remote services included, services available remotely (`a-distance`, or no distance at
 *   all: remote or far hybrid) are kept whatever their distance.
 * - Without them, the API's order (distance ascending, `null` last) means the first service
 *   beyond the radius or without distance ends the list: `drop-rest` stops paging.
 */
export function distanceFilter(rayon: number, includeRemote: boolean): ((result: ServiceSearchResult) => ItemVerdict) | undefined {
  if (rayon >= API_RADIUS_KM && includeRemote) return undefined;
  return ({ distance, service }) => {
    if (distance !== null && distance <= rayon) return 'keep';
    if (includeRemote) return distance === null || (service.modes_accueil ?? []).includes('a-distance') ? 'keep' : 'drop';
    return 'drop-rest';
  };
}
