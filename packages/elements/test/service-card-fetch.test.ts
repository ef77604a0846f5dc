import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/service-card/dora-service-card.js';
import type { DoraServiceCardElement } from '../src/service-card/dora-service-card.component.js';
import { completeService, remoteService } from './fixtures/services.js';
import { $, rendered, text } from './helpers/card.js';
import {
  API_URL,
  GEO_URL,
  errorHandlers,
  geoHandlers,
  networkErrorHandlers,
  pendingHandlers,
  requests,
  resetMockApi,
  serviceHandlers,
  startMockApi,
  stopMockApi,
  useHandlers,
} from './helpers/msw.js';

const alertOf = async (el: DoraServiceCardElement): Promise<HTMLElement> => {
  await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no alert shown', { timeout: 5000 });
  return $(el, '[role="alert"]');
};

describe('<dora-service-card service-id> (fetched through the SDK)', () => {
  before(startMockApi);
  afterEach(resetMockApi);
  after(stopMockApi);

  it('shows an accessible skeleton while loading', async () => {
    useHandlers(pendingHandlers('/services/:id'));
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card service-id="dora--lent" api-url=${API_URL}></dora-service-card>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="true"]'));
    expect(text($(el, '[role="status"]'))).to.equal('Chargement du service…');
    expect(el.shadowRoot!.querySelectorAll('.skeleton').length).to.be.greaterThan(2);
    await expect(el).to.be.accessible();
  });

  it('shows the compact skeleton and the compact 404 message accessibly too', async () => {
    useHandlers(pendingHandlers('/services/:id'));
    const loading = await fixture<DoraServiceCardElement>(
      html`<dora-service-card variant="compact" service-id="dora--lent" api-url=${API_URL}></dora-service-card>`,
    );
    await waitUntil(() => loading.shadowRoot!.querySelector('[aria-busy="true"]'));
    await expect(loading).to.be.accessible();
    useHandlers(serviceHandlers([]));
    const gone = await fixture<DoraServiceCardElement>(
      html`<dora-service-card variant="compact" service-id="dora--disparu" api-url=${API_URL}></dora-service-card>`,
    );
    expect(text(await alertOf(gone))).to.contain('n’existe plus');
    await expect(gone).to.be.accessible();
  });

  it('fetches the service by id with the token, and renders the sheet', async () => {
    useHandlers(serviceHandlers([completeService]));
    const el = await fixture<DoraServiceCardElement>(
      html`<dora-service-card service-id=${completeService.id} api-url=${API_URL} token="jeton-secret"></dora-service-card>`,
    );
    await rendered(el);
    expect(text($(el, 'h2'))).to.equal(completeService.nom);
    const request = requests.at(-1)!;
    expect(request.url.pathname.endsWith(`/services/${completeService.id}`)).to.equal(true);
    expect(request.authorization).to.equal('Bearer jeton-secret');
    await expect(el).to.be.accessible();
  });

  it('renders a fetched compact card', async () => {
    useHandlers(serviceHandlers([remoteService]));
    const el = await fixture<DoraServiceCardElement>(
      html`<dora-service-card variant="compact" service-id=${remoteService.id} api-url=${API_URL}></dora-service-card>`,
    );
    await rendered(el);
    expect(text($(el, 'h3'))).to.equal(remoteService.nom);
    expect(text($(el, '.where'))).to.equal('À distance');
  });

  it('says that a service that no longer exists is gone (404), without a retry button', async () => {
    useHandlers(serviceHandlers([]));
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card service-id="dora--disparu" api-url=${API_URL}></dora-service-card>`);
    const alert = await alertOf(el);
    expect(text(alert)).to.equal('Ce service n’existe plus ou a été retiré de data·inclusion.');
    expect(alert.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('explains a server error and retries on demand', async () => {
    useHandlers(errorHandlers('/services/:id', 503, { detail: 'Service Unavailable' }));
    const el = await fixture<DoraServiceCardElement>(
      html`<dora-service-card service-id=${completeService.id} api-url=${API_URL}></dora-service-card>`,
    );
    const alert = await alertOf(el);
    expect(text(alert)).to.contain('Le service n’a pas pu être chargé.');
    expect(text(alert)).to.contain('ne répond pas');
    await expect(el).to.be.accessible();
    useHandlers(serviceHandlers([completeService]));
    (alert.querySelector('button') as HTMLButtonElement).click();
    await rendered(el);
    expect(text($(el, 'h2'))).to.equal(completeService.nom);
  });

  it('explains a network failure', async () => {
    useHandlers(networkErrorHandlers('/services/:id'));
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card service-id="dora--x" api-url=${API_URL}></dora-service-card>`);
    const alert = await alertOf(el);
    expect(text(alert)).to.contain('Vérifiez votre connexion');
    expect(alert.querySelector('button')).to.exist;
  });

  it('explains a refused token', async () => {
    useHandlers(errorHandlers('/services/:id', 401, { detail: 'Unauthorized' }));
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card service-id="dora--x" api-url=${API_URL} token="faux"></dora-service-card>`);
    expect(text(await alertOf(el))).to.contain('jeton manquant ou invalide');
  });

  it('says what is missing when api-url is not set', async () => {
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card service-id="dora--x"></dora-service-card>`);
    expect(text(await alertOf(el))).to.contain('api-url');
  });

  it('in English too', async () => {
    useHandlers(serviceHandlers([]));
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card lang="en" service-id="dora--x" api-url=${API_URL}></dora-service-card>`);
    expect(text(await alertOf(el))).to.equal('This service no longer exists or was removed from data·inclusion.');
  });

  it('names the eligibility zone at once, then precisely through geo-url', async () => {
    const service = { ...completeService, zone_eligibilite: ['244400404'] };
    useHandlers(geoHandlers({ epcis: [{ code: '244400404', nom: 'Nantes Métropole' }] }));
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card .service=${service} geo-url=${GEO_URL}></dora-service-card>`);
    await rendered(el);
    await waitUntil(() => text(el.shadowRoot).includes('Nantes Métropole'), 'the EPCI name was not looked up', { timeout: 5000 });
    expect(requests.some((r) => r.url.href.startsWith(`${GEO_URL}/epcis/244400404`))).to.equal(true);
  });

  it('keeps the immediate zone wording when the place API fails', async () => {
    const service = { ...completeService, zone_eligibilite: ['249999999'] };
    // An unknown EPCI (404: no retry) keeps the code-based wording, and the sheet stays as it is.
    useHandlers(errorHandlers('/epcis/:code', 404, { code: 404, message: 'Not Found' }));
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card .service=${service} geo-url=${GEO_URL}></dora-service-card>`);
    await rendered(el);
    await waitUntil(() => requests.some((r) => r.url.href.startsWith(`${GEO_URL}/epcis/`)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(text(el.shadowRoot)).to.contain('EPCI 249999999');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });
});
