/**
 * Helpers for showing services: eligibility zones, freshness, distances, opening hours and their
 * local time, and a place provider for the geo.api.gouv.fr `/communes` API shape.
 * No DOM, no top-level side effects: each helper tree-shakes on its own.
 * @module
 */
export { describeZone, describeZoneSync, zoneParts, zonePartsSync } from './zone.js';
export type { DescribeZoneOptions, ZoneKind, ZonePart } from './zone.js';
export { freshness, MONTHS_BEFORE_OUTDATED } from './freshness.js';
export type { Freshness, FreshnessOptions } from './freshness.js';
export { distanceKm, formatDistance } from './distance.js';
export { formatNumber, LOCALES } from './numbers.js';
export type { LatLon } from './distance.js';
export { describeOpeningState, formatWeek, openingState, parseOpeningHours, WEEKDAYS } from './opening-hours.js';
export type {
  OpeningHours,
  OpeningState,
  OpeningStateOptions,
  RawOpeningHours,
  TimeInterval,
  WeekMoment,
  WeekRow,
  Weekday,
  WeeklyOpeningHours,
} from './opening-hours.js';
export { isPublicHoliday } from './public-holidays.js';
export { DEFAULT_TIME_ZONE, localDateTime, timeZoneOf } from './time-zone.js';
export type { LocalDateTime } from './time-zone.js';
export { createPlaceProvider, GEO_API_URL } from './places.js';
export type { Commune, Epci, PlaceProvider, PlaceProviderOptions, PlaceRequestOptions, SearchCommunesOptions } from './places.js';
