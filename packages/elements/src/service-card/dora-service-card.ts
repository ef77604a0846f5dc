import { defineElement } from '../internal/define.js';
import { DoraServiceCardElement } from './dora-service-card.component.js';

defineElement('dora-service-card', DoraServiceCardElement);

export { DoraServiceCardElement };

declare global {
  interface HTMLElementTagNameMap {
    'dora-service-card': DoraServiceCardElement;
  }
}
