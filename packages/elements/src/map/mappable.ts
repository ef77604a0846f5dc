/**
 * Which results have a place on the map. Kept apart from the map code (and free of Leaflet) so that
 * the search can count them without loading the map chunk.
 */
import type { DetailedService, ServiceSearchResult } from '@dora/sdk';

/** A WGS84 point. */
export interface MapPoint {
  lat: number;
  lon: number;
}

/** The coordinates of a service, or `null` when they are missing or out of range. */
export function pointOf(service: Pick<DetailedService, 'latitude' | 'longitude'>): MapPoint | null {
  const { latitude: lat, longitude: lon } = service;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null; // (0, 0): a placeholder, not Africa
  return { lat, lon };
}

/**
 * A result goes on the results map when the service receives people on site (`en-presentiel`) and
 * has valid coordinates. Remote-only services and services without a precise address stay in the list.
 */
export function isMappable(result: ServiceSearchResult): boolean {
  return (result.service.modes_accueil ?? []).includes('en-presentiel') && pointOf(result.service) !== null;
}
