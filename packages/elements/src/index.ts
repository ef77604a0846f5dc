/**
 * `@dora/elements`: `<dora-search>` and `<dora-service-card>`, web components for the French insertion
 * offer (data·inclusion API v1). Importing this module registers the elements (once, even if loaded twice).
 * @packageDocumentation
 */
// First: zod must be told not to probe eval before the SDK builds its schemas (strict CSP).
import './internal/strict-csp.js';
export { DoraServiceCardElement } from './service-card/dora-service-card.js';
export {
  DEFAULT_SERVICE_URL,
  type CardService,
  type DoraMobiliseDetail,
  type DoraPrintDetail,
  type DoraReportDetail,
  type DoraServiceOpenDetail,
  type DoraShareDetail,
} from './service-card/dora-service-card.component.js';
export type { ServiceCardStrings } from './service-card/dora-service-card.strings.js';
export type { ClientSettings } from './internal/client.js';
export type { Lang, StringTable } from './i18n/localize-controller.js';
export { DoraSearchElement } from './search/dora-search.js';
export type {
  DoraSearchAllStrings,
  DoraErrorEventDetail,
  DoraInvalidItemsEventDetail,
  DoraNoResultEventDetail,
  DoraResultsEventDetail,
  DoraSearchEventDetail,
} from './search/dora-search.component.js';
export type { DoraSearchStrings } from './search/dora-search.strings.js';
export type { Place } from './search/search-state.js';
// The map (types only: the map code itself is a lazily loaded chunk).
export type { DoraViewChangeDetail, ResultsView } from './map/map-view-controller.js';
export type { MapViewStrings } from './map/map-view.strings.js';
export type { DoraMapSelectDetail } from './map/dora-results-map.component.js';
export type { DoraResultsMapStrings } from './map/dora-results-map.strings.js';
