/**
 * The place combobox (WAI-ARIA APG combobox with list autocomplete) inside `<dora-search>`, by
 * keyboard, against a mocked geo.api.gouv.fr; and "Autour de moi" with a stubbed geolocation.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/search/dora-search.js';
import type { DoraSearchElement } from '../src/search/dora-search.component.js';
import { API_URL, GEO_URL, resetMockApi, startMockApi, stopMockApi, useHandlers } from './helpers/msw.js';
import { geoApi, geoRequests, nearResults, pagedSearch, searchRequests } from './fixtures/search.js';

async function setup(attributes = '') {
  const el = await fixture<DoraSearchElement>(html`<dora-search api-url=${API_URL} geo-url=${GEO_URL} lang=${attributes}></dora-search>`);
  const combobox = el.shadowRoot!.querySelector('dora-place-combobox')!;
  await combobox.updateComplete;
  const root = combobox.shadowRoot!;
  const input = root.querySelector('input')!;
  return { el, combobox, root, input };
}

const optionTexts = (root: ShadowRoot) => [...root.querySelectorAll('[role="option"]')].map((o) => o.textContent!.replace(/\s+/g, ' ').trim());

describe('place combobox', () => {
  before(startMockApi);
  afterEach(() => {
    resetMockApi();
    geoRequests.length = 0;
    searchRequests.length = 0;
  });
  after(stopMockApi);

  it('has the APG combobox semantics, and the listbox in the same shadow root', async () => {
    useHandlers(geoApi());
    const { root, input } = await setup();
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    const listbox = root.getElementById(input.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    const label = root.querySelector(`label[for="${input.id}"]`)!;
    expect(label.textContent).to.equal('Commune ou code postal');
    expect(input.labels![0]).to.equal(label);
  });

  it('suggests communes, moves aria-activedescendant with ↓ ↑, writes "Nantes (44000)" on Enter', async () => {
    useHandlers(geoApi());
    const { root, input, combobox } = await setup();
    input.focus();
    await sendKeys({ type: 'Nan' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'listbox did not open');
    expect(optionTexts(root)).to.deep.equal(['Nantes (44000)', 'Nancy (54000)', 'Nanterre (92000)']);
    const status = root.querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('3 communes proposées, utilisez les flèches pour choisir.');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    await expect(combobox).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
    expect(root.getElementById('option-0')!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-1');
    expect(root.getElementById('option-0')!.getAttribute('aria-selected')).to.equal('false');
    expect(root.getElementById('option-1')!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
    // Focus stays in the field throughout (APG: DOM focus on the combobox).
    expect(root.activeElement === input, 'focus in the field').to.equal(true);
    await expect(combobox).to.be.accessible();

    const change = oneEvent(combobox, 'dora-place-change');
    await sendKeys({ press: 'Enter' });
    expect((await change).detail.place.code).to.equal('44109');
    expect(input.value).to.equal('Nantes (44000)');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(searchRequests).to.have.length(0); // choosing is not searching
  });

  it('keeps what the user types after choosing a commune (and forgets the commune)', async () => {
    useHandlers(geoApi());
    const { input, combobox } = await setup();
    input.focus();
    await sendKeys({ type: 'Nan' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(input.value).to.equal('Nantes (44000)');
    const cleared = oneEvent(combobox, 'dora-place-change');
    await sendKeys({ press: 'Backspace' });
    expect((await cleared).detail.place).to.equal(null);
    await combobox.updateComplete;
    expect(input.value).to.equal('Nantes (44000');
    await sendKeys({ type: 'x' });
    await combobox.updateComplete;
    expect(input.value).to.equal('Nantes (44000x');
  });

  it('follows the search’s theme and colour scheme', async () => {
    useHandlers(geoApi());
    const el = await fixture<DoraSearchElement>(html`<dora-search api-url=${API_URL} geo-url=${GEO_URL} theme="dsfr" color-scheme="dark"></dora-search>`);
    const combobox = el.shadowRoot!.querySelector('dora-place-combobox')!;
    expect(combobox.getAttribute('color-scheme')).to.equal('dark');
    expect(combobox.getAttribute('theme')).to.equal('dsfr');
    await combobox.updateComplete;
    const label = combobox.shadowRoot!.querySelector('label')!;
    expect(getComputedStyle(label).color).to.equal('rgb(238, 238, 238)');
    await expect(el).to.be.accessible();
  });

  it('Escape closes the list, a second Escape clears the field', async () => {
    useHandlers(geoApi());
    const { input } = await setup();
    input.focus();
    await sendKeys({ type: 'Nan' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(input.value).to.equal('Nan');
    await sendKeys({ press: 'Escape' });
    expect(input.value).to.equal('');
  });

  it('finds a commune by postcode and labels it with that postcode', async () => {
    useHandlers(geoApi());
    const { root, input } = await setup();
    input.focus();
    await sendKeys({ type: '443' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(geoRequests, 'no lookup before the fifth digit').to.have.length(0);
    expect(root.querySelector('#message')).to.equal(null);
    await sendKeys({ type: '00' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true');
    expect(optionTexts(root)).to.deep.equal(['Nantes (44300)']);
    expect(geoRequests.at(-1)!.searchParams.get('codePostal')).to.equal('44300');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(input.value).to.equal('Nantes (44300)');
  });

  it('debounces keystrokes and aborts a lookup when the next keystroke comes', async () => {
    useHandlers(geoApi({ wait: (url) => (url.searchParams.get('nom') === 'Na' ? 800 : undefined) }));
    const { root, input } = await setup();
    input.focus();
    await sendKeys({ type: 'Na' });
    await waitUntil(() => geoRequests.some((u) => u.searchParams.get('nom') === 'Na'), 'no lookup for "Na"');
    await sendKeys({ type: 'nc' });
    // A split burst may first list the answer for "Nan" (three communes): wait for the final list.
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true' && optionTexts(root).length === 1, 'no list for "Nanc"');
    expect(optionTexts(root)).to.deep.equal(['Nancy (54000)']);
    // Keys typed together are debounced into one lookup for the whole text (a very slow machine may
    // split the burst, never more than once per key).
    const lookups = geoRequests.map((u) => u.searchParams.get('nom'));
    expect(lookups[0]).to.equal('Na');
    expect(lookups.at(-1)).to.equal('Nanc');
    expect(lookups.length).to.be.at.most(3);
    // The slow "Na" answer never replaces the newer one.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(optionTexts(root)).to.deep.equal(['Nancy (54000)']);
  });

  it('says when no commune matches, and when the place API fails', async () => {
    useHandlers(geoApi());
    const { root, input } = await setup();
    input.focus();
    await sendKeys({ type: 'Zzz' });
    await waitUntil(() => root.querySelector('#message'));
    expect(root.querySelector('#message')!.textContent).to.equal('Aucune commune ne correspond à « Zzz ».');
    expect(input.getAttribute('aria-describedby')).to.contain('message');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    resetMockApi();
    useHandlers(http.get(`${GEO_URL}/communes`, () => HttpResponse.json({ message: 'boom' }, { status: 500 })));
    await sendKeys({ type: 'a' });
    await waitUntil(() => root.querySelector('[role="alert"]'));
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('Impossible de charger la liste des communes');
  });

  it('asks for a commune when "Rechercher" is pressed with an empty field', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(1)));
    const { el, root, input } = await setup();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await waitUntil(() => root.querySelector('[role="alert"]'));
    expect(root.querySelector('[role="alert"]')!.textContent).to.equal('Saisissez une commune ou un code postal, puis choisissez-la dans la liste.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(root.activeElement === input, 'focus moved to the field').to.equal(true);
    expect(searchRequests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('refuses to search on text that is not a chosen commune', async () => {
    useHandlers(geoApi(), pagedSearch(nearResults(1)));
    const { el, root, input } = await setup();
    input.focus();
    await sendKeys({ type: 'Nan' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true');
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => root.querySelector('[role="alert"]'));
    expect(root.querySelector('[role="alert"]')!.textContent).to.equal('Choisissez une commune dans la liste proposée.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(searchRequests).to.have.length(0);
  });

  it('speaks English with lang="en"', async () => {
    useHandlers(geoApi());
    const { root, input } = await setup('en');
    expect(root.querySelector('label')!.textContent).to.equal('Town or postcode');
    input.focus();
    await sendKeys({ type: 'Nantes' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true');
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('1 town suggested, use the arrow keys to choose it.');
  });
});

describe('"Autour de moi"', () => {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')!;
  const stubGeolocation = (geolocation: Partial<Geolocation> | undefined) =>
    Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });

  before(startMockApi);
  afterEach(() => {
    resetMockApi();
    searchRequests.length = 0;
    delete (navigator as unknown as Record<string, unknown>).geolocation;
    Object.defineProperty(Navigator.prototype, 'geolocation', original);
  });
  after(stopMockApi);

  const aroundButton = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('[part="around-button"]')!;

  it('finds the commune at the position and searches from that point', async () => {
    stubGeolocation({
      getCurrentPosition: (success: PositionCallback) =>
        success({ coords: { latitude: 47.2184, longitude: -1.5536, accuracy: 20 } as GeolocationCoordinates, timestamp: Date.now() } as GeolocationPosition),
    });
    useHandlers(geoApi(), pagedSearch(nearResults(2)));
    const { el, root, input } = await setup();
    aroundButton(root).click();
    await waitUntil(() => searchRequests.length === 1, 'no search');
    const query = searchRequests[0]!.searchParams;
    expect(query.get('code_commune')).to.equal('44109');
    expect(Number(query.get('lat'))).to.be.closeTo(47.2184, 1e-6);
    expect(Number(query.get('lon'))).to.be.closeTo(-1.5536, 1e-6);
    await el.updateComplete;
    expect(input.value).to.equal('Nantes (44000)');
    expect(root.querySelector('#message')!.textContent).to.equal('Commune trouvée : Nantes (44000).');
  });

  const failures: [string, Partial<Geolocation> | undefined, string][] = [
    ['refusal', { getCurrentPosition: (_s: PositionCallback, error?: PositionErrorCallback | null) => error!({ code: 1, message: 'denied' } as GeolocationPositionError) }, 'Vous avez refusé la géolocalisation'],
    ['unavailable position', { getCurrentPosition: (_s: PositionCallback, error?: PositionErrorCallback | null) => error!({ code: 2, message: '' } as GeolocationPositionError) }, 'Votre position est indisponible'],
    ['timeout', { getCurrentPosition: (_s: PositionCallback, error?: PositionErrorCallback | null) => error!({ code: 3, message: '' } as GeolocationPositionError) }, 'trop de temps'],
    ['no geolocation API', undefined, 'ne permet pas la géolocalisation'],
  ];
  for (const [name, geolocation, message] of failures) {
    it(`explains a ${name}`, async () => {
      stubGeolocation(geolocation);
      useHandlers(geoApi());
      const { root, combobox } = await setup();
      aroundButton(root).click();
      await waitUntil(() => root.querySelector('[role="alert"]'));
      expect(root.querySelector('[role="alert"]')!.textContent).to.contain(message);
      expect(searchRequests).to.have.length(0);
      await expect(combobox).to.be.accessible();
    });
  }

  it('explains when no commune is found at the position', async () => {
    stubGeolocation({
      getCurrentPosition: (success: PositionCallback) =>
        success({ coords: { latitude: 10, longitude: 10, accuracy: 20 } as GeolocationCoordinates, timestamp: Date.now() } as GeolocationPosition),
    });
    useHandlers(geoApi());
    const { root } = await setup();
    aroundButton(root).click();
    await waitUntil(() => root.querySelector('[role="alert"]'));
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('Aucune commune trouvée à votre position');
  });
});
