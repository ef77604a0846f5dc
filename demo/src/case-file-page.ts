import integrationSource from './case-file-integration.ts?raw';
import { recordOrientationsFrom, type Orientation } from './case-file-integration.js';
import { applySettings, showApiBanner } from './settings.js';

showApiBanner();
const search = document.querySelector<HTMLElement>('#search')!;
applySettings(search);
await import('@dora/elements');

document.querySelector('#integration-code')!.textContent = integrationSource;

// The demo keeps the file in sessionStorage; real software would save it on its server.
const STORAGE_KEY = 'dora-demo:orientations';
const list = document.querySelector<HTMLOListElement>('#orientations')!;
const empty = document.querySelector<HTMLElement>('#no-orientation')!;
const status = document.querySelector<HTMLElement>('#orientation-status')!;
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

function load(): Orientation[] {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as Orientation[]) : [];
  } catch {
    return [];
  }
}

function render(orientations: Orientation[]): void {
  list.replaceChildren(
    ...orientations.map((orientation) => {
      const item = document.createElement('li');
      const title = document.createElement('strong');
      title.textContent = `Orientation vers ${orientation.service}`;
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = [
        `le ${dateFormat.format(new Date(orientation.date))}`,
        orientation.structure && `structure : ${orientation.structure}`,
        `mode : ${orientation.mode}`,
      ]
        .filter(Boolean)
        .join(' · ');
      item.append(title, meta);
      return item;
    }),
  );
  empty.hidden = orientations.length > 0;
}

render(load());
recordOrientationsFrom(search, (orientation) => {
  const orientations = [orientation, ...load()];
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(orientations));
  render(orientations);
  status.textContent = `Orientation vers ${orientation.service} enregistrée dans le dossier.`;
});
document.querySelector('#clear-orientations')!.addEventListener('click', () => {
  sessionStorage.removeItem(STORAGE_KEY);
  render([]);
  status.textContent = 'Historique vidé.';
});
