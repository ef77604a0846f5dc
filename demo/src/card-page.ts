import { DataInclusionClient } from '@dora/sdk';
import { loadSettings, showApiBanner } from './settings.js';

showApiBanner();
const settings = loadSettings();
await import('@dora/elements');

const form = document.querySelector<HTMLFormElement>('#card-form')!;
const idInput = document.querySelector<HTMLInputElement>('#service-id')!;
const host = document.querySelector<HTMLElement>('#card-host')!;
const status = document.querySelector<HTMLElement>('#card-status')!;
const snippet = document.querySelector<HTMLElement>('#card-snippet')!;

const attributes = (id: string, variant: string): [string, string][] => [
  ['service-id', id],
  ['variant', variant],
  ['api-url', settings.apiUrl],
  ['geo-url', settings.geoUrl],
  ['heading-level', '2'],
];

function show(id: string, variant: string): void {
  const card = document.createElement('dora-service-card');
  for (const [name, value] of attributes(id, variant)) card.setAttribute(name, value);
  if (settings.token) card.setAttribute('token', settings.token);
  host.replaceChildren(card);
  const shown = attributes(id, variant)
    .map(([name, value]) => `${name}="${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
    .join('\n    ');
  snippet.textContent = `<dora-service-card\n    ${shown}>\n</dora-service-card>`;
  const url = new URL(location.href);
  url.searchParams.set('id', id);
  url.searchParams.set('variant', variant);
  history.replaceState(null, '', url);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const id = idInput.value.trim();
  const variant = new FormData(form).get('variant') === 'compact' ? 'compact' : 'full';
  if (!id) {
    status.textContent = 'Indiquez l’identifiant d’un service, par exemple celui d’un résultat de recherche.';
    idInput.focus();
    return;
  }
  status.textContent = '';
  show(id, variant);
});

// The page opens on the service given in the URL, else on the first service near Nantes, found with the SDK.
const params = new URLSearchParams(location.search);
const variant = params.get('variant') === 'compact' ? 'compact' : 'full';
form.querySelector<HTMLInputElement>(`input[name="variant"][value="${variant}"]`)!.checked = true;
let id = params.get('id');
if (!id) {
  status.textContent = 'Recherche d’un service près de Nantes…';
  try {
    const client = new DataInclusionClient({ baseUrl: settings.apiUrl, ...(settings.token ? { token: settings.token } : {}) });
    const page = await client.searchServices({ code_commune: '44109', thematiques: ['mobilite'], size: 1 });
    id = page.items[0]?.service.id ?? null;
    status.textContent = id ? '' : 'Aucun service trouvé près de Nantes : saisissez un identifiant.';
  } catch (error) {
    status.textContent = `Impossible de joindre l’API (${(error as Error).message}). Saisissez un identifiant ou vérifiez la source de données.`;
  }
}
if (id) {
  idInput.value = id;
  show(id, variant);
}
