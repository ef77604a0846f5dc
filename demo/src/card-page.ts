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

const client = new DataInclusionClient({ baseUrl: settings.apiUrl, ...(settings.token ? { token: settings.token } : {}) });
const selectedVariant = () => (new FormData(form).get('variant') === 'compact' ? 'compact' : 'full');

/** The id of a service near a commune that is physically there (coordinates and a commune), found with the SDK. */
async function serviceNear(codeCommune: string, name: string): Promise<string | null> {
  status.textContent = `Recherche d’un service près de ${name}…`;
  try {
    const page = await client.searchServices({ code_commune: codeCommune, modes_accueil: ['en-presentiel'], size: 20 });
    const located = page.items.find(({ service }) => service.code_insee === codeCommune) ?? page.items[0];
    status.textContent = located ? '' : `Aucun service trouvé près de ${name} : saisissez un identifiant.`;
    return located?.service.id ?? null;
  } catch (error) {
    status.textContent = `Impossible de joindre l’API (${(error as Error).message}). Saisissez un identifiant ou vérifiez la source de données.`;
    return null;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('#examples button')) {
  button.addEventListener('click', async () => {
    const id = await serviceNear(button.dataset.commune!, button.textContent!.replace(/^un service à /, '').replace(/ \(.*\)$/, ''));
    if (!id) return;
    idInput.value = id;
    show(id, selectedVariant());
  });
}

// The page opens on the service given in the URL, else on a service in Nantes.
const params = new URLSearchParams(location.search);
const variant = params.get('variant') === 'compact' ? 'compact' : 'full';
form.querySelector<HTMLInputElement>(`input[name="variant"][value="${variant}"]`)!.checked = true;
const id = params.get('id') ?? (await serviceNear('44109', 'Nantes'));
if (id) {
  idInput.value = id;
  show(id, variant);
}
