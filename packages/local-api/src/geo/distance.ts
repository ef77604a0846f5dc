/**
 * Distances on the WGS84 ellipsoid, as PostGIS computes them on `geography` (ST_Distance/ST_DWithin
 * use the spheroid). Lambert's formula: closed form, within a few metres of Vincenty at the distances
 * that matter here (a 50 km radius), where a plain haversine can be off by 0.5 %.
 * @module
 */

const EQUATORIAL_RADIUS = 6_378_137;
const FLATTENING = 1 / 298.257223563;
const RAD = Math.PI / 180;

/** Geodesic distance in metres between two WGS84 points. */
export function geodesicDistance(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const beta1 = Math.atan((1 - FLATTENING) * Math.tan(lat1 * RAD));
  const beta2 = Math.atan((1 - FLATTENING) * Math.tan(lat2 * RAD));
  const sinHalfDBeta = Math.sin((beta2 - beta1) / 2);
  const sinHalfDLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const haversine = sinHalfDBeta * sinHalfDBeta + Math.cos(beta1) * Math.cos(beta2) * sinHalfDLon * sinHalfDLon;
  const sigma = 2 * Math.asin(Math.min(1, Math.sqrt(haversine)));
  if (sigma === 0) return 0;
  const p = (beta1 + beta2) / 2;
  const q = (beta2 - beta1) / 2;
  const sinP = Math.sin(p);
  const cosP = Math.cos(p);
  const sinQ = Math.sin(q);
  const cosQ = Math.cos(q);
  const cosHalfSigma = Math.cos(sigma / 2);
  const sinHalfSigma = Math.sin(sigma / 2);
  const x = ((sigma - Math.sin(sigma)) * sinP * sinP * cosQ * cosQ) / (cosHalfSigma * cosHalfSigma);
  const y = sinHalfSigma === 0 ? 0 : ((sigma + Math.sin(sigma)) * cosP * cosP * sinQ * sinQ) / (sinHalfSigma * sinHalfSigma);
  return EQUATORIAL_RADIUS * (sigma - (FLATTENING / 2) * (x + y));
}

const E2 = FLATTENING * (2 - FLATTENING);

/**
 * Distances from one origin, for many points: the local radii of curvature are computed once, and the
 * cosine of each mid-latitude comes from a first-order expansion around the origin's, so a nearby point
 * costs no trigonometry (within 0.5 m of Lambert's formula at 60 km). Far points use Lambert's formula.
 */
export class DistanceFrom {
  readonly #lat: number;
  readonly #lon: number;
  readonly #latRad: number;
  readonly #meridional: number;
  readonly #primeVertical: number;
  readonly #cos: number;
  readonly #sin: number;
  #boxRadius = Number.NaN;
  #box = { dLat: 0, dLon: 0 };

  constructor(lat: number, lon: number) {
    this.#lat = lat;
    this.#lon = lon;
    this.#latRad = lat * RAD;
    this.#sin = Math.sin(this.#latRad);
    this.#cos = Math.cos(this.#latRad);
    const w = 1 - E2 * this.#sin * this.#sin;
    this.#meridional = (EQUATORIAL_RADIUS * (1 - E2)) / (w * Math.sqrt(w));
    this.#primeVertical = EQUATORIAL_RADIUS / Math.sqrt(w);
  }

  /**
   * Metres from the origin to the point when it may lie within `radius` metres, else Infinity without
   * computing anything: the cheap test of a bounding box first, for points mostly far away.
   */
  metresWithin(lat: number, lon: number, radius: number): number {
    const box = this.box(radius);
    const dLat = lat - this.#lat;
    const dLon = lon - this.#lon;
    if (dLat > box.dLat || dLat < -box.dLat || dLon > box.dLon || dLon < -box.dLon) return Number.POSITIVE_INFINITY;
    return this.metres(lat, lon);
  }

  /** Half-sizes in degrees of a box that surely holds every point within `metres` of the origin. */
  box(metres: number): { dLat: number; dLon: number } {
    if (metres !== this.#boxRadius) {
      this.#box = degreesAround(this.#lat, metres);
      this.#boxRadius = metres;
    }
    return this.#box;
  }

  /** The origin's latitude. */
  get lat(): number {
    return this.#lat;
  }

  /** The origin's longitude. */
  get lon(): number {
    return this.#lon;
  }

  /** Metres from the origin to the point. */
  metres(lat: number, lon: number): number {
    const dLat = lat - this.#lat;
    const dLon = lon - this.#lon;
    if (dLat > 0.6 || dLat < -0.6 || dLon > 1.2 || dLon < -1.2) return geodesicDistance(this.#lat, this.#lon, lat, lon);
    const halfDLatRad = (dLat * RAD) / 2;
    // Radii and cosine at the mid-latitude, to first (radii) and second (cosine) order around the origin.
    const midCos = this.#cos * (1 - halfDLatRad * halfDLatRad / 2) - this.#sin * halfDLatRad;
    const radiusChange = 1 + 1.5 * E2 * 2 * this.#sin * this.#cos * halfDLatRad;
    const north = this.#meridional * radiusChange * dLat * RAD;
    const east = this.#primeVertical * (1 + 0.5 * E2 * 2 * this.#sin * this.#cos * halfDLatRad) * midCos * dLon * RAD;
    return Math.sqrt(north * north + east * east);
  }
}

/** Degrees of latitude and longitude that surely cover `metres` around `lat` (a bounding box half-size). */
function degreesAround(lat: number, metres: number): { dLat: number; dLon: number } {
  // 110.5 km per degree of latitude at least (110.574 at the equator), plus 1 % margin.
  const dLat = (metres / 110_500) * 1.01;
  const cos = Math.cos(Math.min(89, Math.abs(lat) + dLat) * RAD);
  return { dLat, dLon: Math.min(360, dLat / Math.max(cos, 0.01)) };
}
