/**
 * Distances: great-circle distance between two points, and its wording on a result card.
 * @module
 */
import type { Lang } from '../vocabularies/index.js';
import { formatNumber } from './numbers.js';

/** A WGS84 point. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** Mean Earth radius (IUGG), in km. */
const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/**
 * Great-circle distance in km between two WGS84 points (haversine formula). On the sphere the error
 * against the ellipsoid stays under 0.5 %, i.e. under 250 m at the 50 km search radius: well below
 * what "à 12 km" shows, so a geodesic library is not worth its weight here.
 * Returns `NaN` when a coordinate is missing or out of range.
 *
 * @example distanceKm({ lat: 47.218, lon: -1.554 }, { lat: 47.478, lon: -0.563 }) // ≈ 80.4 (Nantes → Angers)
 */
export function distanceKm(a: LatLon, b: LatLon): number {
  if (!isPoint(a) || !isPoint(b)) return Number.NaN;
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function isPoint(point: LatLon | null | undefined): point is LatLon {
  return (
    point != null &&
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lon) &&
    Math.abs(point.lat) <= 90 &&
    Math.abs(point.lon) <= 180
  );
}

/**
 * A distance as a result card shows it, as DORA does: under 1 km "à moins d’1 km", one decimal
 * under 10 km ("à 3,4 km", "à 3 km"), whole km above ("à 12 km"). English: "less than 1 km away",
 * "3.4 km away". `null`, `undefined`, `NaN` or a negative value give `null`: the caller shows
 * "À distance" (or nothing) itself. Numbers are written as `Intl.NumberFormat` does, without it
 * (see {@link formatNumber}).
 */
export function formatDistance(km: number | null | undefined, lang: Lang = 'fr'): string | null {
  if (typeof km !== 'number' || !Number.isFinite(km) || km < 0) return null;
  const english = lang === 'en';
  if (km < 1) return english ? 'less than 1\u00a0km away' : 'à moins d’1\u00a0km';
  let number: string;
  if (km < 10) {
    const tenths = Math.round(km * 10);
    number = formatNumber(Math.trunc(tenths / 10), lang) + (tenths % 10 ? `${english ? '.' : ','}${tenths % 10}` : '');
  } else {
    number = formatNumber(Math.round(km), lang);
  }
  // A no-break space of our own before "km" (ICU versions differ on which space the unit style uses).
  const text = `${number}\u00a0km`;
  return english ? `${text} away` : `à ${text}`;
}
