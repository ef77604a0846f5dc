import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { parseInline, parseMarkdown, renderMarkdown } from '../src/markdown/markdown.js';
import { fillUrlTemplate, mailtoUrl, safeUrl, telUrl } from '../src/internal/safe-url.js';
import { HOSTILE_TEXT, HOSTILE_URL, PWNED, hostileService } from './fixtures/services.js';

/** Renders Markdown into a fresh container and returns it. */
async function rendered(source: string, options = {}): Promise<HTMLElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  render(renderMarkdown(source, options), host);
  return host;
}

describe('Markdown renderer', () => {
  beforeEach(() => {
    delete (window as unknown as Record<string, unknown>)[PWNED];
  });

  it('renders paragraphs, line breaks, emphasis and lists', async () => {
    const el = await rendered('Un **accompagnement** *personnalisé* et __fort__.\nLigne suivante.\n\n- un\n- deux\n\n1. premier\n2. second');
    const paragraphs = el.querySelectorAll('p');
    expect(paragraphs).to.have.length(1);
    expect(el.querySelector('strong')!.textContent).to.equal('accompagnement');
    expect(el.querySelector('em')!.textContent).to.equal('personnalisé');
    expect(el.querySelectorAll('strong')[1]!.textContent).to.equal('fort');
    expect(paragraphs[0]!.querySelector('br')).to.exist;
    expect([...el.querySelectorAll('ul li')].map((li) => li.textContent)).to.deep.equal(['un', 'deux']);
    expect([...el.querySelectorAll('ol li')].map((li) => li.textContent)).to.deep.equal(['premier', 'second']);
  });

  it('demotes headings below the configured level', async () => {
    const el = await rendered('# Titre\n\n## Sous-titre\n\n###### Profond', { headingLevel: 4 });
    expect(el.querySelector('h4')!.textContent).to.equal('Titre');
    expect(el.querySelector('h5')!.textContent).to.equal('Sous-titre');
    expect(el.querySelector('h6')!.textContent).to.equal('Profond');
    expect(el.querySelector('h1, h2, h3')).to.equal(null);
  });

  it('links only http(s), mailto and tel URLs, opening web links in a new window with a hint', async () => {
    const el = await rendered(
      '[site](https://exemple.fr/a?b=1) [écrire](mailto:contact@exemple.fr) [appeler](tel:+33240000000) ' +
        '[piège](javascript:alert(1)) [data](data:text/html,x) [relatif](/chemin) https://nu.exemple.fr/page.',
      { newWindowHint: '(nouvelle fenêtre)' },
    );
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://exemple.fr/a?b=1',
      'mailto:contact@exemple.fr',
      'tel:+33240000000',
      'https://nu.exemple.fr/page',
    ]);
    expect(links[0]!.target).to.equal('_blank');
    expect(links[0]!.rel).to.contain('noopener');
    expect(links[0]!.textContent).to.contain('(nouvelle fenêtre)');
    expect(links[1]!.hasAttribute('target')).to.equal(false);
    expect(el.textContent).to.contain('piège');
    expect(el.textContent).to.contain('relatif');
    // The trailing full stop is not part of the bare URL.
    expect(el.textContent).to.match(/page\s*(\(nouvelle fenêtre\))?\.$/);
  });

  it('shows raw HTML as text and never creates elements from it', async () => {
    const el = await rendered(hostileService.description);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.querySelector('img, script, svg, iframe, div')).to.equal(null);
    expect(el.textContent).to.contain('<img src=x onerror=');
    expect(el.textContent).to.contain('<script>');
    expect(el.querySelector('a')).to.equal(null);
    expect((window as unknown as Record<string, unknown>)[PWNED]).to.equal(undefined);
  });

  it('keeps snake_case words and lone asterisks as text', () => {
    expect(parseInline('code_commune et 2 * 3 = 6')).to.deep.equal([{ kind: 'text', text: 'code_commune et 2 * 3 = 6' }]);
  });

  it('never throws on unbalanced or odd input', () => {
    for (const source of ['**', '[', '[a](', '`', '> ', '```\ncode', '1. ', '- ', '![x](', '\\', '#', '*a **b* c**']) {
      expect(() => parseMarkdown(source)).not.to.throw();
    }
  });

  it('renders fenced code and quotes as text', async () => {
    const el = await rendered('```\n<b>code</b>\n```\n\n> citation *importante*');
    expect(el.querySelector('pre code')!.textContent).to.equal('<b>code</b>');
    expect(el.querySelector('b')).to.equal(null);
    expect(el.querySelector('blockquote em')!.textContent).to.equal('importante');
  });
});

describe('URL safety helpers', () => {
  it('accepts only absolute http(s), mailto and tel URLs', () => {
    expect(safeUrl('https://exemple.fr')).to.equal('https://exemple.fr/');
    expect(safeUrl(' mailto:a@b.fr ')).to.equal('mailto:a@b.fr');
    expect(safeUrl(HOSTILE_URL)).to.equal(null);
    expect(safeUrl('JaVaScRiPt:alert(1)')).to.equal(null);
    expect(safeUrl('data:text/html,x')).to.equal(null);
    expect(safeUrl('/relative')).to.equal(null);
    expect(safeUrl(null)).to.equal(null);
  });

  it('builds tel: and mailto: links only from plausible values', () => {
    expect(telUrl('+33 2 40 12 34 56')).to.equal('tel:+33240123456');
    expect(telUrl('3949')).to.equal('tel:3949');
    expect(telUrl(HOSTILE_TEXT)).to.equal(null);
    expect(mailtoUrl('contact@exemple.fr')).to.equal('mailto:contact@exemple.fr');
    expect(mailtoUrl('a@b.fr"><img src=x>')).to.equal(null);
  });

  it('fills URL templates with encoded values and refuses unsafe results', () => {
    expect(fillUrlTemplate('https://dora.example/services/di--{id}', { id: 'dora--a b' })).to.equal(
      'https://dora.example/services/di--dora--a%20b',
    );
    expect(fillUrlTemplate('javascript:{id}', { id: 'x' })).to.equal(null);
    expect(fillUrlTemplate('/fiche/{id}', { id: 'x' })).to.equal(new URL('/fiche/x', document.baseURI).href);
  });
});
