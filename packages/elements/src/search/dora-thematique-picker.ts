import { defineElement } from '../internal/define.js';
import { DoraThematiquePickerElement } from './dora-thematique-picker.component.js';

defineElement('dora-thematique-picker', DoraThematiquePickerElement);
export { DoraThematiquePickerElement };
