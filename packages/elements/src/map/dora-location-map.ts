import { defineElement } from '../internal/define.js';
import { DoraLocationMap } from './dora-location-map.component.js';

export { DoraLocationMap } from './dora-location-map.component.js';

defineElement('dora-location-map', DoraLocationMap);

declare global {
  interface HTMLElementTagNameMap {
    'dora-location-map': DoraLocationMap;
  }
}
