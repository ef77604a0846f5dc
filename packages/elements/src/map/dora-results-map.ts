import { defineElement } from '../internal/define.js';
import { DoraResultsMap } from './dora-results-map.component.js';

export { DoraResultsMap, DEFAULT_TILES_URL, type DoraMapSelectDetail } from './dora-results-map.component.js';
export type { DoraResultsMapStrings } from './dora-results-map.strings.js';

defineElement('dora-results-map', DoraResultsMap);

declare global {
  interface HTMLElementTagNameMap {
    'dora-results-map': DoraResultsMap;
  }
}
