import { defineElement } from '../internal/define.js';
import { DoraPlaceComboboxElement } from './dora-place-combobox.component.js';

defineElement('dora-place-combobox', DoraPlaceComboboxElement);
export { DoraPlaceComboboxElement };
