import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/service-card/dora-service-card.js';
import type { DoraServiceCardElement } from '../src/service-card/dora-service-card.component.js';
import {
  completeService,
  outdatedService,
  paidService,
  remoteService,
  sparseService,
  unknownValuesService,
} from './fixtures/services.js';
import { $, $$, action, blockNavigation, collect, rendered, stubWindowOpen, text } from './helpers/card.js';

const card = async (template: unknown): Promise<DoraServiceCardElement> => {
  const el = await fixture<DoraServiceCardElement>(template as never);
  await rendered(el);
  return el;
};

describe('<dora-service-card variant="compact">', () => {
  it('shows structure, name, distance, address, three thématiques, publics, frais and freshness', async () => {
    const el = await card(html`<dora-service-card variant="compact" .service=${completeService} distance="3.4"></dora-service-card>`);
    expect(text($(el, '.structure'))).to.equal('Association Mobil’Emploi 44');
    expect(text($(el, 'h3'))).to.equal('Permis de conduire solidaire');
    expect(text($(el, '.where'))).to.equal('À 3,4 km · 12 rue de Strasbourg, Bâtiment B, 2e étage, 44000 Nantes · Également à distance');
    const tags = $$(el, '.tags li').map(text);
    expect(tags).to.have.length(4);
    expect(tags[3]).to.equal('+ 1 autre');
    expect(tags[0]).to.equal('Préparer un permis');
    expect(text($(el, '.publics'))).to.contain('Demandeurs d’emploi');
    expect(text($(el, '.meta'))).to.contain('Gratuit');
    expect(text($(el, '.meta'))).to.match(/Actualisé il y a 20 jours/);
    await expect(el).to.be.accessible();
  });

  it('says "À distance" for a remote-only service and "Tous publics" for tous-publics', async () => {
    const el = await card(html`<dora-service-card variant="compact" .service=${remoteService}></dora-service-card>`);
    expect(text($(el, '.where'))).to.equal('À distance');
    expect(text($(el, '.publics'))).to.contain('Tous publics');
  });

  it('shows "Non renseigné" for sparse data and stays accessible', async () => {
    const el = await card(html`<dora-service-card variant="compact" .service=${sparseService}></dora-service-card>`);
    expect(text($(el, '.publics'))).to.contain('Non renseigné');
    expect(text($(el, '.meta'))).to.contain('Non renseigné');
    expect(el.shadowRoot!.querySelector('.tags')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is one button named after the service when no service-url is set, and fires dora-service-open', async () => {
    const el = await card(html`<dora-service-card variant="compact" .service=${completeService}></dora-service-card>`);
    const controls = $$(el, 'a, button, input, select, textarea, [tabindex]');
    expect(controls).to.have.length(1);
    expect(controls[0]!.tagName).to.equal('BUTTON');
    expect(text(controls[0])).to.equal(completeService.nom);
    const events = collect(document, 'dora-service-open');
    controls[0]!.click();
    expect(events).to.have.length(1);
    expect(events[0]!.detail.service).to.equal(completeService);
    expect(events[0]!.detail.url).to.equal(null);
    expect(events[0]!.cancelable && events[0]!.bubbles && events[0]!.composed).to.equal(true);
  });

  it('is a real link to the service-url template, and a host can take over with preventDefault()', async () => {
    const el = await card(html`<dora-service-card
      variant="compact"
      .service=${completeService}
      service-url="https://dora.example/services/di--{id}"
    ></dora-service-card>`);
    const link = $(el, 'a') as HTMLAnchorElement;
    expect(link.href).to.equal('https://dora.example/services/di--dora--permis-solidaire-nantes');
    expect(text(link)).to.equal(completeService.nom);
    const navigation = blockNavigation();
    try {
      // Without a listener taking over, the link is followed.
      link.click();
      expect(navigation.clicks.at(-1)!.defaultPrevented).to.equal(false);
      // A host calling preventDefault() keeps the page where it is.
      const events = collect(el, 'dora-service-open', (event) => event.preventDefault());
      link.click();
      expect(events).to.have.length(1);
      expect(events[0]!.detail.url).to.equal(link.href);
      expect(navigation.clicks.at(-1)!.defaultPrevented).to.equal(true);
      // Ctrl-click (new tab) is the browser's, not the widget's.
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
      expect(events).to.have.length(1);
      expect(navigation.clicks.at(-1)!.defaultPrevented).to.equal(false);
    } finally {
      navigation.restore();
    }
  });

  it('covers the whole card with its single target', async () => {
    const el = await card(html`<dora-service-card variant="compact" .service=${completeService}></dora-service-card>`);
    const box = $(el, 'article').getBoundingClientRect();
    const hit = el.shadowRoot!.elementFromPoint(box.left + box.width - 4, box.top + box.height - 4);
    expect(hit?.tagName).to.equal('BUTTON');
  });
});

describe('<dora-service-card variant="full">', () => {
  it('renders the whole service sheet with headings in order', async () => {
    const el = await card(html`<dora-service-card .service=${completeService} distance="3"></dora-service-card>`);
    expect(text($(el, 'h2'))).to.equal(completeService.nom);
    expect($$(el, 'h3').map(text)).to.deep.equal(['Présentation', 'Informations clés', 'Mobiliser ce service']);
    // Markdown headings are demoted under the section heading.
    expect(text($(el, '.markdown h4'))).to.equal('Déroulement');
    expect($$(el, '.markdown li')).to.have.length(3);
    expect(text($(el, '.markdown strong'))).to.equal('personnalisé');
    const body = text(el.shadowRoot);
    for (const expected of [
      'Association Mobil’Emploi 44',
      'Accompagnement',
      'Sur place',
      'Demandeurs d’emploi, Jeunes',
      'Personnes inscrites dans un parcours',
      'Reste à charge de 50 €',
      '12 rue de Strasbourg, Bâtiment B, 2e étage',
      '44000 Nantes',
      'À 3 km',
      'Loire-Atlantique (44)',
      '6 h par semaine pendant 12 semaines',
      'Source : DORA, via data·inclusion',
    ]) {
      expect(body).to.contain(expected);
    }
    expect($$(el, '.fact dd ul li').map(text).slice(0, 2)).to.deep.equal(['Avoir 17 ans révolus.', 'Être orienté par un professionnel de l’insertion.']);
    // How to mobilise it, for professionals and for the person.
    const mobilise = Object.fromEntries($$(el, '.mobilise .fact').map((fact) => [text(fact.querySelector('dt')), text(fact.querySelector('dd'))]));
    expect(Object.keys(mobilise)).to.deep.equal(['Modes de mobilisation', 'Qui peut le mobiliser', 'Précisions']);
    expect($$(el, '.mobilise .fact:first-child li').map(text)).to.deep.equal([
      'Utiliser le lien de mobilisation',
      'Téléphoner',
      'Envoyer un courriel',
      'Se présenter',
    ]);
    expect(mobilise['Qui peut le mobiliser']).to.equal('Les professionnels et les personnes accompagnées');
    // Phone numbers read the French way, dialled in full.
    expect(text($(el, '.contact-phone'))).to.equal('02 40 12 34 56');
    expect($(el, '.contact-phone').getAttribute('href')).to.equal('tel:+33240123456');
    expect(mobilise['Précisions']).to.equal(completeService.mobilisation_precisions);
    await expect(el).to.be.accessible();
  });

  it('links the address to OpenStreetMap in a new window, with a hint', async () => {
    const el = await card(html`<dora-service-card .service=${completeService}></dora-service-card>`);
    const map = $(el, '.map-link') as HTMLAnchorElement;
    expect(map.href).to.equal('https://www.openstreetmap.org/?mlat=47.2173&mlon=-1.5534#map=17/47.2173/-1.5534');
    expect(map.target).to.equal('_blank');
    expect(map.rel).to.contain('noopener');
    expect(text(map)).to.contain('nouvelle fenêtre');
  });

  it('shows opening hours as a table with a caption and the open/closed state', async () => {
    const el = await card(html`<dora-service-card .service=${completeService}></dora-service-card>`);
    const table = $(el, 'table') as HTMLTableElement;
    expect(text(table.caption)).to.equal('Horaires d’accueil par jour de la semaine');
    expect($$(el, 'tbody th').map(text)).to.deep.equal(['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']);
    expect(text($(el, 'tbody tr:first-child td'))).to.equal('09:00–12:00, 14:00–17:30');
    expect(text($(el, 'tbody tr:last-child td'))).to.equal('Fermé');
    expect(text($(el, '.open-state .badge'))).to.match(/^(ouvert maintenant|fermé)$/);
  });

  it('shows unparseable hours as given, and unknown vocabulary values as they are', async () => {
    const el = await card(html`<dora-service-card .service=${unknownValuesService}></dora-service-card>`);
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    expect(text($(el, '.raw-hours'))).to.equal('le mardi matin, sauf vacances scolaires');
    const body = text(el.shadowRoot);
    for (const raw of ['permanence-mobile', 'voyageurs-du-temps', 'sur-devis', 'en-itinerance', 'envoyer-un-pigeon', 'mobilite--teleportation']) {
      expect(body).to.contain(raw);
    }
    expect(body).to.contain('Source : source-inconnue, via data·inclusion');
    await expect(el).to.be.accessible();
  });

  it('highlights "Payant" with its précisions', async () => {
    const el = await card(html`<dora-service-card .service=${paidService}></dora-service-card>`);
    const badges = $$(el, '.badge--warning');
    expect(badges.map(text)).to.include('Payant');
    expect(text(el.shadowRoot)).to.contain('15 € de l’heure de main-d’œuvre');
  });

  it('warns when the sheet is more than six months old', async () => {
    const el = await card(html`<dora-service-card .service=${outdatedService}></dora-service-card>`);
    expect(text($(el, '[part="outdated"]'))).to.contain('plus de six mois');
    expect(text($(el, '.freshness'))).to.contain('Actualisé il y a 2 ans');
    expect(text($(el, '.freshness'))).to.contain('1 mars 2024');
    await expect(el).to.be.accessible();
  });

  it('handles sparse data with "Non renseigné" and no empty sections', async () => {
    const el = await card(html`<dora-service-card .service=${sparseService}></dora-service-card>`);
    const body = text(el.shadowRoot);
    const facts = Object.fromEntries($$(el, '.fact').map((fact) => [text(fact.querySelector('dt')), text(fact.querySelector('dd'))]));
    expect(facts['Public concerné']).to.equal('Non renseigné');
    expect(facts['Frais à charge']).to.equal('Non renseigné');
    expect(facts['Modalités d’accueil']).to.equal('Non renseigné');
    expect(body).to.contain('Pas de restriction géographique');
    expect(el.shadowRoot!.querySelector('.markdown, table, address, .map-link')).to.equal(null);
    // "Mobiliser" reveals that no contact is known.
    ($(el, '.mobilise-button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(text($(el, '#contacts'))).to.contain('Aucune coordonnée');
    expect(el.shadowRoot!.querySelector('[data-action="report"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('uses heading-level for the title and the levels below', async () => {
    const el = await card(html`<dora-service-card .service=${completeService} heading-level="4"></dora-service-card>`);
    expect(text($(el, 'h4'))).to.equal(completeService.nom);
    expect($$(el, 'h5').map(text)).to.include('Informations clés');
    expect(text($(el, '.markdown h6'))).to.equal('Déroulement');
    expect(el.shadowRoot!.querySelector('h1, h2, h3')).to.equal(null);
  });

  it('speaks English with lang="en" and takes host overrides through `strings`', async () => {
    const el = await card(html`<dora-service-card lang="en" .service=${paidService}></dora-service-card>`);
    expect($$(el, 'h3').map(text)).to.deep.equal(['Description', 'Key information', 'Use this service']);
    expect(text($(el, '.mobilise-button'))).to.equal('Refer');
    expect(text(el.shadowRoot)).to.contain('Paid');
    el.strings = { mobilise: 'Orienter', share: 'Envoyer' };
    await el.updateComplete;
    expect(text($(el, '.mobilise-button'))).to.equal('Orienter');
    expect(text(action(el, 'share'))).to.equal('Envoyer');
    el.lang = 'fr';
    await el.updateComplete;
    expect(text(action(el, 'copy'))).to.equal('Copier le lien');
  });

  it('follows the page language when it has no lang of its own, and a switch of it', async () => {
    const wrapper = await fixture(html`<div lang="en"><dora-service-card variant="compact" .service=${sparseService}></dora-service-card></div>`);
    const el = wrapper.querySelector('dora-service-card')!;
    await rendered(el);
    expect(text($(el, '.publics'))).to.contain('Not provided');
    wrapper.setAttribute('lang', 'fr');
    await waitUntil(() => text($(el, '.publics')).includes('Non renseigné'), 'the card did not follow the language switch');
  });

  it('inherits the language across shadow roots (a card inside another element)', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const inner = host.attachShadow({ mode: 'open' });
    const el = document.createElement('dora-service-card');
    el.variant = 'compact';
    el.service = sparseService;
    inner.append(el);
    await rendered(el);
    expect(text($(el, '.publics'))).to.contain('Not provided');
  });
});

describe('<dora-service-card> with bad input from the host', () => {
  let warn: typeof console.warn;
  const warnings: unknown[][] = [];
  beforeEach(() => {
    warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('says it cannot show something that is not a service, and never throws', async () => {
    for (const bad of [{}, { nom: 42 }, 'texte', 42, [], { ...completeService, thematiques: 'mobilite' }, { ...completeService, id: null }]) {
      for (const variant of ['full', 'compact']) {
        const el = await fixture<DoraServiceCardElement>(html`<dora-service-card variant=${variant} .service=${bad as never}></dora-service-card>`);
        const alert = $(el, '[role="alert"]');
        expect(text(alert), JSON.stringify(bad)).to.equal('Ce service ne peut pas être affiché : ses données sont invalides.');
        expect(alert.querySelector('button')).to.equal(null);
      }
    }
    expect(warnings.length).to.be.greaterThan(0);
  });

  it('shows a service missing nullable keys, and drops an invalid structure', async () => {
    const { horaires_accueil: _hours, frais: _frais, ...missing } = completeService;
    const el = await card(html`<dora-service-card variant="compact" .service=${{ ...missing, structure: { nom: 5 } }}></dora-service-card>`);
    expect(text($(el, 'h3'))).to.equal(completeService.nom);
    expect(el.shadowRoot!.querySelector('.structure')).to.equal(null);
    expect(text($(el, '.meta'))).to.contain('Non renseigné');
  });
});

describe('<dora-service-card> layout', () => {
  const sized = async (width: number, variant: string) => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><dora-service-card variant=${variant} .service=${completeService} distance="2"></dora-service-card></div>`);
    wrapper.style.width = `${width}px`;
    const el = wrapper.querySelector('dora-service-card')!;
    await rendered(el);
    return el;
  };

  it('fits 320 px without horizontal scrolling, in both variants', async () => {
    for (const variant of ['full', 'compact']) {
      const el = await sized(320, variant);
      const article = $(el, 'article');
      expect(article.scrollWidth, variant).to.be.at.most(article.clientWidth + 1);
      expect(el.getBoundingClientRect().width).to.equal(320);
    }
  });

  it('puts the mobilisation box beside the sheet when the element is wide (container query)', async () => {
    const narrow = await sized(480, 'full');
    expect(getComputedStyle($(narrow, '.layout')).gridTemplateColumns.split(' ')).to.have.length(1);
    const wide = await sized(1000, 'full');
    expect(getComputedStyle($(wide, '.layout')).gridTemplateColumns.split(' ')).to.have.length(2);
  });

  it('shows a list item without its structure (a plain Service)', async () => {
    const { structure: _structure, ...plain } = completeService;
    const el = await card(html`<dora-service-card variant="compact" .service=${plain}></dora-service-card>`);
    expect(el.shadowRoot!.querySelector('.structure')).to.equal(null);
    expect(text($(el, 'h3'))).to.equal(completeService.nom);
  });
});

describe('<dora-service-card> actions', () => {
  let open: ReturnType<typeof stubWindowOpen>;
  beforeEach(() => {
    open = stubWindowOpen();
  });
  afterEach(() => open.restore());

  it('"Mobiliser" reveals phone and e-mail and moves focus there; the keyboard reaches both', async () => {
    const el = await card(html`<dora-service-card .service=${paidService}></dora-service-card>`);
    const button = $(el, '.mobilise-button') as HTMLButtonElement;
    expect($(el, '#contacts').hidden).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    // Tab from the top of the page until "Mobiliser" has focus.
    (document.activeElement as HTMLElement | null)?.blur();
    let presses = 0;
    while (el.shadowRoot!.activeElement !== button && presses++ < 40) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button);
    const events = collect(el, 'dora-mobilise');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('contact-phone'), 'focus did not move to the phone');
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.include({ mode: 'contacts', url: null });
    expect(events[0]!.detail.service).to.equal(paidService);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(($(el, '.contact-phone') as HTMLAnchorElement).getAttribute('href')).to.equal('tel:0240654321');
    expect(text($(el, '.contact-phone'))).to.equal('02 40 65 43 21');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('href')).to.equal('mailto:garage@solidaire-reze.example.org');
    await expect(el).to.be.accessible();
  });

  it('"Mobiliser" does nothing by itself when the host takes over', async () => {
    const el = await card(html`<dora-service-card .service=${paidService}></dora-service-card>`);
    collect(el, 'dora-mobilise', (event) => event.preventDefault());
    ($(el, '.mobilise-button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '#contacts').hidden).to.equal(true);
  });

  it('"Mobiliser" opens the lien de mobilisation in a new tab, unless the host takes over', async () => {
    const el = await card(html`<dora-service-card .service=${completeService}></dora-service-card>`);
    const link = $(el, '.mobilise-button') as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    expect(link.href).to.equal('https://mobil-emploi44.example.org/inscription');
    expect(link.target).to.equal('_blank');
    expect(text(link)).to.equal('Mobiliser (nouvelle fenêtre)');
    // With a link, the other contacts are shown at once.
    expect($(el, '#contacts').hidden).to.equal(false);
    const navigation = blockNavigation();
    try {
      const events = collect(el, 'dora-mobilise');
      link.click();
      expect(events[0]!.detail).to.include({ mode: 'link', url: link.href });
      expect(navigation.clicks.at(-1)!.defaultPrevented).to.equal(false);
      collect(el, 'dora-mobilise', (event) => event.preventDefault());
      link.click();
      expect(navigation.clicks.at(-1)!.defaultPrevented).to.equal(true);
    } finally {
      navigation.restore();
    }
  });

  it('"Partager" writes a readable e-mail when the Web Share API is missing', async () => {
    const el = await card(html`<dora-service-card .service=${paidService} service-url="https://annuaire.example/fiche/{id}"></dora-service-card>`);
    expect('share' in navigator).to.equal(false);
    const events = collect(el, 'dora-share');
    action(el, 'share').click();
    expect(events).to.have.length(1);
    expect(events[0]!.detail.method).to.equal('email');
    expect(events[0]!.detail.url).to.equal('https://annuaire.example/fiche/mes-aides--garage-solidaire-reze');
    expect(open.calls).to.have.length(1);
    const mailto = String(open.calls[0]![0]);
    expect(mailto.startsWith('mailto:?subject=')).to.equal(true);
    const body = decodeURIComponent(mailto.split('&body=')[1]!);
    expect(body).to.contain('Service : Garage solidaire : réparation de véhicules');
    expect(body).to.contain('Structure : Association Mobil’Emploi 44');
    expect(body).to.contain('Adresse : 3 boulevard du Général de Gaulle, 44400 Rezé');
    expect(body).to.contain('Téléphone : 02 40 65 43 21');
    expect(body).to.contain('Fiche : https://annuaire.example/fiche/mes-aides--garage-solidaire-reze');
  });

  it('"Partager" uses the Web Share API where there is one, and nothing when the host takes over', async () => {
    const shared: ShareData[] = [];
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
    try {
      const el = await card(html`<dora-service-card .service=${completeService}></dora-service-card>`);
      const events = collect(el, 'dora-share');
      action(el, 'share').click();
      await waitUntil(() => shared.length === 1);
      expect(events[0]!.detail.method).to.equal('web-share');
      expect(shared[0]!.url).to.equal('https://dora.inclusion.gouv.fr/services/di--dora--permis-solidaire-nantes');
      expect(shared[0]!.text).to.contain('Permis de conduire solidaire');
      collect(el, 'dora-share', (event) => event.preventDefault());
      action(el, 'share').click();
      await el.updateComplete;
      expect(shared).to.have.length(1);
      expect(open.calls).to.have.length(0);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).share;
    }
  });

  it('"Copier le lien" copies the link and says so politely', async () => {
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (value: string) => void copied.push(value) } });
    try {
      const el = await card(html`<dora-service-card .service=${completeService}></dora-service-card>`);
      action(el, 'copy').click();
      await waitUntil(() => text($(el, '[role="status"]')) === 'Lien copié');
      expect(copied).to.deep.equal(['https://dora.inclusion.gouv.fr/services/di--dora--permis-solidaire-nantes']);
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('denied')) } });
      action(el, 'copy').click();
      await waitUntil(() => text($(el, '[role="status"]')).startsWith('Le lien n’a pas pu être copié'));
      expect(text($(el, '[role="status"]'))).to.contain('https://dora.inclusion.gouv.fr/services/di--dora--permis-solidaire-nantes');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (clipboard && !('clipboard' in navigator)) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('"Imprimer" prints a clean copy of the sheet alone, with the contacts and without buttons', async () => {
    const el = await card(html`<dora-service-card .service=${paidService}></dora-service-card>`);
    let printed: Document | null = null;
    const observer = new MutationObserver(() => {
      const frame = el.shadowRoot!.querySelector('iframe');
      if (frame?.contentWindow && !printed) {
        const doc = frame.contentDocument!;
        frame.contentWindow.print = () => void (printed = doc);
      }
    });
    observer.observe(el.shadowRoot!, { childList: true });
    const events = collect(el, 'dora-print');
    try {
      action(el, 'print').click();
      await waitUntil(() => printed, 'print() was not called');
    } finally {
      observer.disconnect();
    }
    expect(events).to.have.length(1);
    const doc = printed as unknown as Document;
    expect(text(doc.querySelector('h2'))).to.equal(paidService.nom);
    expect(doc.querySelectorAll('button')).to.have.length(0);
    expect(text(doc.querySelector('#contacts'))).to.contain('02 40 65 43 21');
    expect((doc.querySelector('#contacts') as HTMLElement).hidden).to.equal(false);
    expect(doc.adoptedStyleSheets).to.have.length(1);
    expect(doc.documentElement.lang).to.equal('fr');
  });

  it('"Imprimer" prints nothing when the host takes over', async () => {
    const el = await card(html`<dora-service-card .service=${paidService}></dora-service-card>`);
    collect(el, 'dora-print', (event) => event.preventDefault());
    await el.print();
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
  });

  it('"Signaler une erreur" opens report-url with the id, unless the host takes over', async () => {
    const el = await card(html`<dora-service-card .service=${completeService} report-url="https://signal.example/form?service={id}"></dora-service-card>`);
    const events = collect(el, 'dora-report');
    action(el, 'report').click();
    expect(events[0]!.detail.url).to.equal('https://signal.example/form?service=dora--permis-solidaire-nantes');
    expect(events[0]!.detail.service).to.equal(completeService);
    expect(open.calls[0]).to.deep.equal(['https://signal.example/form?service=dora--permis-solidaire-nantes', '_blank', 'noopener,noreferrer']);
    collect(el, 'dora-report', (event) => event.preventDefault());
    action(el, 'report').click();
    expect(open.calls).to.have.length(1);
  });

  it('"Signaler une erreur" writes to the service by e-mail without report-url', async () => {
    const el = await card(html`<dora-service-card .service=${paidService}></dora-service-card>`);
    action(el, 'report').click();
    const mailto = String(open.calls[0]![0]);
    expect(mailto.startsWith('mailto:garage@solidaire-reze.example.org?subject=')).to.equal(true);
    expect(decodeURIComponent(mailto)).to.contain('Signalement d’une erreur sur la fiche « Garage solidaire');
  });
});

describe('<dora-service-card> themes', () => {
  it('follows prefers-color-scheme with color-scheme="auto" only', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const auto = await card(html`<dora-service-card .service=${sparseService} color-scheme="auto"></dora-service-card>`);
      const light = await card(html`<dora-service-card .service=${sparseService}></dora-service-card>`);
      expect(getComputedStyle($(auto, 'article')).backgroundColor).to.equal('rgb(22, 24, 29)');
      expect(getComputedStyle($(light, 'article')).backgroundColor).to.equal('rgb(255, 255, 255)');
      await expect(auto).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('reads --dora-* properties set by the host page on an ancestor', async () => {
    const wrapper = await fixture(html`<div class="themed"><dora-service-card .service=${paidService}></dora-service-card></div>`);
    (wrapper as HTMLElement).style.setProperty('--dora-color-primary', 'rgb(10, 20, 30)');
    const el = wrapper.querySelector('dora-service-card')!;
    await rendered(el);
    expect(getComputedStyle($(el, '.mobilise-button')).backgroundColor).to.equal('rgb(10, 20, 30)');
  });

  it('has a dsfr theme and a dark scheme that stay accessible', async () => {
    for (const [theme, scheme] of [
      ['dsfr', 'light'],
      ['', 'dark'],
      ['dsfr', 'dark'],
    ]) {
      const el = await card(html`<dora-service-card .service=${completeService} theme=${theme} color-scheme=${scheme}></dora-service-card>`);
      const primary = getComputedStyle($(el, '.mobilise-button')).backgroundColor;
      if (theme === 'dsfr' && scheme === 'light') expect(primary).to.equal('rgb(0, 0, 145)');
      if (scheme === 'dark') expect(getComputedStyle($(el, 'article')).backgroundColor).not.to.equal('rgb(255, 255, 255)');
      await expect(el).to.be.accessible();
    }
  });
});
