import { applySettings, showApiBanner } from './settings.js';

showApiBanner();
const search = document.querySelector('dora-search');
if (search) applySettings(search);
// Registered after the attributes are set, so the first search already goes to the right API.
await import('@dora/elements');
