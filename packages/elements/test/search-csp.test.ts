/**
 * The built standalone bundle's `<dora-search>` in a frame under the strict policy integrators use:
 * `default-src 'self'; connect-src <api>; style-src 'self'; require-trusted-types-for 'script'`,
 * against the real local API. It must search, list, open a sheet and come back without a single
 * violation (no eval, no inline style or script, no HTML string reaching a DOM sink).
 * Needs `npm run build` first (`npm test` builds before the browser tests).
 */
import { expect, waitUntil } from '@open-wc/testing';

const BUNDLE = '/packages/elements/dist/standalone/dora-elements.js';
const PROBE = '/packages/elements/test/fixtures/search-csp-probe.ts';

type FrameWindow = Window & { __violations?: string[] };

describe('<dora-search> under a strict CSP with Trusted Types (standalone bundle)', function () {
  this.timeout(30000);
  let frame: HTMLIFrameElement;
  let api = '';

  before(async () => {
    const built = await fetch(BUNDLE, { method: 'HEAD' });
    if (!built.ok) throw new Error(`${BUNDLE} is missing: run \`npm run build -w @dora/elements\` first`);
    const answer = (await (await fetch('/__local-api-url')).json()) as { url?: string; error?: string };
    if (!answer.url) throw new Error(`the local API did not start: ${answer.error}`);
    api = answer.url;
  });

  afterEach(() => frame?.remove());

  it('searches, lists, opens a sheet and goes back with no violation', async () => {
    const policy = `default-src 'self'; connect-src ${api}; style-src 'self'; require-trusted-types-for 'script'`;
    frame = document.createElement('iframe');
    frame.style.width = '900px';
    frame.style.height = '700px';
    frame.srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${policy}">
      <script type="module" src="${PROBE}"></script>
      <script type="module" src="${BUNDLE}"></script></head>
      <body><dora-search api-url="${api}" geo-url="${api}" code-commune="44109" sync-url></dora-search></body></html>`;
    document.body.append(frame);
    await waitUntil(() => frame.contentDocument?.querySelector('dora-search')?.shadowRoot, 'the element did not upgrade', { timeout: 15000 });
    const win = frame.contentWindow as FrameWindow;
    const search = frame.contentDocument!.querySelector('dora-search')!;
    const root = search.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('.list dora-service-card').length === 10, 'no results', { timeout: 15000 });
    const counted = () => root.querySelector('[part="status"]')!.textContent!.includes('12 services près de Nantes');
    await waitUntil(counted, 'no count', { timeout: 5000 }).catch(() => {
      throw new Error(`no count: "${root.querySelector('[part="status"]')!.textContent}"; violations: ${JSON.stringify(win.__violations)}`);
    });

    const card = root.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('.list dora-service-card')!;
    await card.updateComplete;
    (card.shadowRoot!.querySelector('[part~="link"]') as HTMLElement).click();
    await waitUntil(() => root.querySelector('dora-service-card[variant="full"]')?.shadowRoot?.querySelector('[part~="mobilise-button"]'), 'no sheet', { timeout: 15000 });
    (root.querySelector('[part="back-button"]') as HTMLElement).click();
    await waitUntil(() => !root.querySelector('dora-service-card[variant="full"]'), 'sheet not closed');

    // The filters panel renders the picker and the vocabularies.
    root.querySelector('details')!.open = true;
    await waitUntil(() => root.querySelector('dora-thematique-picker')?.shadowRoot?.querySelectorAll('input').length === 16);

    expect(win.__violations, 'the probe ran').to.be.an('array');
    expect(win.__violations).to.deep.equal([]);
  });
});
