import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../src/service-card/dora-service-card.js';
import type { DoraServiceCardElement } from '../src/service-card/dora-service-card.component.js';
import { HOSTILE_TEXT, PWNED, hostileService } from './fixtures/services.js';
import { $$, rendered, text } from './helpers/card.js';
import { API_URL, resetMockApi, serviceHandlers, startMockApi, stopMockApi, useHandlers } from './helpers/msw.js';

const pwned = () => (window as unknown as Record<string, unknown>)[PWNED];

/** Every element a payload could have created, and every link, in the card's shadow DOM. */
function assertInert(el: DoraServiceCardElement): void {
  const root = el.shadowRoot!;
  expect(root.querySelectorAll('img, script, svg, iframe, object, embed, div[onclick], b'), 'elements from data').to.have.length(0);
  for (const node of root.querySelectorAll('*')) {
    for (const attribute of node.getAttributeNames()) expect(attribute.startsWith('on'), `${attribute} on <${node.localName}>`).to.equal(false);
  }
  for (const link of $$(el, 'a')) {
    expect(new URL((link as HTMLAnchorElement).href).protocol, link.outerHTML).to.be.oneOf(['http:', 'https:', 'mailto:', 'tel:']);
  }
}

describe('<dora-service-card> with hostile data', () => {
  before(startMockApi);
  afterEach(resetMockApi);
  after(stopMockApi);
  beforeEach(() => {
    delete (window as unknown as Record<string, unknown>)[PWNED];
  });

  for (const variant of ['full', 'compact'] as const) {
    it(`renders every text field as plain text and runs no script (${variant})`, async () => {
      const el = await fixture<DoraServiceCardElement>(html`<dora-service-card variant=${variant} .service=${hostileService}></dora-service-card>`);
      await rendered(el);
      // Give any injected handler (onerror, onload) a chance to run.
      await nextFrame();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(pwned()).to.equal(undefined);
      assertInert(el);
      // The markup is visible, as text.
      expect(text(el.shadowRoot)).to.contain(HOSTILE_TEXT.slice(0, 30));
      expect(text(el.shadowRoot)).to.contain('<script>');
    });
  }

  it('refuses a javascript: service-url or report-url from the page (the card stays a button)', async () => {
    const el = await fixture<DoraServiceCardElement>(
      html`<dora-service-card variant="compact" .service=${hostileService} service-url="javascript:alert(1)//{id}"></dora-service-card>`,
    );
    await rendered(el);
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect(el.shadowRoot!.querySelector('button[part~="link"]')).to.exist;
    const full = await fixture<DoraServiceCardElement>(
      html`<dora-service-card .service=${hostileService} report-url="javascript:alert(1)//{id}"></dora-service-card>`,
    );
    await rendered(full);
    // Without a usable report-url nor a valid e-mail, there is nothing to report to.
    expect(full.shadowRoot!.querySelector('[data-action="report"]')).to.equal(null);
    expect(pwned()).to.equal(undefined);
  });

  it('builds no javascript: link, and reveals hostile contacts as text', async () => {
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card .service=${hostileService}></dora-service-card>`);
    await rendered(el);
    // The lien de mobilisation is a javascript: URL: "Mobiliser" falls back to revealing contacts.
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.mobilise-button')!;
    expect(button.tagName).to.equal('BUTTON');
    button.click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(text(el.shadowRoot!.querySelector('#contacts'))).to.contain('onerror');
    expect(el.shadowRoot!.querySelector('#contacts a')).to.equal(null);
    expect(pwned()).to.equal(undefined);
    assertInert(el);
  });

  it('prints hostile data as text too', async () => {
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card .service=${hostileService}></dora-service-card>`);
    await rendered(el);
    let printed: Document | null = null;
    const observer = new MutationObserver(() => {
      const frame = el.shadowRoot!.querySelector('iframe');
      if (frame?.contentWindow) frame.contentWindow.print = () => void (printed = frame.contentDocument);
    });
    observer.observe(el.shadowRoot!, { childList: true });
    await el.print();
    observer.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const doc = printed as unknown as Document;
    expect(doc.querySelectorAll('img, script, svg, iframe')).to.have.length(0);
    expect(pwned()).to.equal(undefined);
  });

  it('stays inert when the hostile record comes from the API', async () => {
    useHandlers(serviceHandlers([hostileService]));
    const el = await fixture<DoraServiceCardElement>(html`<dora-service-card service-id=${hostileService.id} api-url=${API_URL}></dora-service-card>`);
    await rendered(el);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pwned()).to.equal(undefined);
    assertInert(el);
  });
});
