import { defineElement } from '../internal/define.js';
import { DoraSearchElement } from './dora-search.component.js';
import './dora-place-combobox.js';
import './dora-thematique-picker.js';
import '../service-card/dora-service-card.js';

defineElement('dora-search', DoraSearchElement);
export { DoraSearchElement };
