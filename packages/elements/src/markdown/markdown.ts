/**
 * A small Markdown renderer for service descriptions, straight to Lit templates.
 *
 * Why hand-written: descriptions use a tiny subset (paragraphs, line breaks, emphasis, lists,
 * headings, links). Libraries that cover it (marked ≈ 12 KB gz, markdown-it ≈ 30 KB gz) produce
 * HTML strings, which would then need a sanitizer (DOMPurify ≈ 8 KB gz) and `unsafeHTML`, and
 * Trusted Types. Here the parser builds a tree of plain objects and Lit renders it: every piece of
 * source text ends up in a text node, so raw HTML is shown as text and can never be injected, and
 * links are built only for http(s), mailto and tel URLs. About 1.5 KB gz.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderHeading } from '../internal/heading.js';
import { safeUrl } from '../internal/safe-url.js';

/** An inline piece of text. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'code'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

/** A block of the document. */
export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'heading'; depth: number; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { kind: 'code'; text: string }
  | { kind: 'quote'; children: Block[] }
  | { kind: 'rule' };

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^ {0,3}([-*+•])[ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const CONTINUATION = /^[ \t]{2,}\S/;

/** Parses Markdown source into blocks. Never throws; anything it does not understand stays text. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  return parseBlocks(lines);
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!)) body.push(lines[i++]!);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', depth: heading[1]!.length, children: parseInline(heading[2]!) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) body.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push({ kind: 'quote', children: parseBlocks(body) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      const pattern = bullet ? BULLET : ORDERED;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const match = pattern.exec(current);
        if (match) items.push(match[2]!);
        else if (items.length && CONTINUATION.test(current)) items[items.length - 1] += '\n' + current.trim();
        else break;
        i++;
      }
      blocks.push({
        kind: 'list',
        ordered: !!ordered,
        start: ordered ? Number(ordered[1]) : 1,
        items: items.map((item) => parseInline(item)),
      });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const current = lines[i]!;
      if (!current.trim() || HEADING.test(current) || FENCE.test(current) || BULLET.test(current) || ORDERED.test(current) || QUOTE.test(current)) break;
      paragraph.push(current.trim());
      i++;
    }
    blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}

const BARE_URL = /^(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'")\]]/i;

/** Parses inline Markdown: emphasis, code, links, autolinks, hard line breaks. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const rest = source.slice(i);
    if (c === '\\' && i + 1 < source.length && /[\\`*_{}[\]()#+\-.!<>~|]/.test(source[i + 1]!)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') {
      flush();
      out.push({ kind: 'break' });
      i++;
      continue;
    }
    if (c === '`') {
      const end = source.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      const double = source[i + 1] === c;
      const marker = double ? c + c : c;
      const opensWord = c === '*' || i === 0 || !/[\p{L}\p{N}]/u.test(source[i - 1]!);
      const end = findClosing(source, i + marker.length, marker);
      if (opensWord && end > i + marker.length && !/\s/.test(source[i + marker.length]!)) {
        flush();
        out.push({ kind: double ? 'strong' : 'em', children: parseInline(source.slice(i + marker.length, end)) });
        i = end + marker.length;
        continue;
      }
    }
    if (c === '!' && source[i + 1] === '[') {
      // Images are never loaded from API text: their alternative text is shown instead.
      const image = matchLink(source, i + 1);
      if (image) {
        flush();
        out.push(...parseInline(image.label));
        i = image.end;
        continue;
      }
    }
    if (c === '[') {
      const link = matchLink(source, i);
      if (link) {
        flush();
        const children = parseInline(link.label);
        const href = safeUrl(link.href);
        if (href) out.push({ kind: 'link', href, children });
        else out.push(...children);
        i = link.end;
        continue;
      }
    }
    if (c === '<') {
      const auto = /^<((?:https?|mailto|tel):[^\s<>]+)>/i.exec(rest);
      const href = auto && safeUrl(auto[1]);
      if (auto && href) {
        flush();
        out.push({ kind: 'link', href, children: [{ kind: 'text', text: auto[1]! }] });
        i += auto[0].length;
        continue;
      }
    }
    if ((c === 'h' || c === 'H' || c === 'w' || c === 'W') && (i === 0 || /[\s(]/.test(source[i - 1]!))) {
      const bare = BARE_URL.exec(rest);
      const href = bare && safeUrl(/^www\./i.test(bare[0]) ? `https://${bare[0]}` : bare[0]);
      if (bare && href) {
        flush();
        out.push({ kind: 'link', href, children: [{ kind: 'text', text: bare[0] }] });
        i += bare[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

function findClosing(source: string, from: number, marker: string): number {
  let at = source.indexOf(marker, from);
  while (at !== -1) {
    const before = source[at - 1];
    const after = source[at + marker.length];
    const closesWord = marker[0] === '*' || after === undefined || !/[\p{L}\p{N}]/u.test(after);
    if (before !== undefined && !/\s/.test(before) && before !== '\\' && closesWord) {
      // `**` is not the closing of a single `*`.
      if (!(marker.length === 1 && after === marker)) return at;
      at = source.indexOf(marker, at + 2);
      continue;
    }
    at = source.indexOf(marker, at + 1);
  }
  return -1;
}

function matchLink(source: string, open: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let j = open; j < source.length; j++) {
    const ch = source[j];
    if (ch === '\\') j++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) {
      close = j;
      break;
    }
  }
  if (close === -1 || source[close + 1] !== '(') return null;
  let parens = 0;
  for (let j = close + 1; j < source.length; j++) {
    const ch = source[j];
    if (ch === '(') parens++;
    else if (ch === ')' && --parens === 0) {
      const target = source.slice(close + 2, j).trim();
      // `[text](url "title")`: the title is dropped.
      const href = /^<([^>]*)>/.exec(target)?.[1] ?? target.split(/\s+/)[0] ?? '';
      return { label: source.slice(open + 1, close), href, end: j + 1 };
    }
  }
  return null;
}

/** How to render: heading levels and the wording of the new-window hint. */
export interface MarkdownRenderOptions {
  /** The HTML level of a Markdown `#` heading (deeper ones follow, capped at 6). Default 3. */
  headingLevel?: number;
  /** Visually hidden text appended to links, which open in a new window. Default "(nouvelle fenêtre)". */
  newWindowHint?: string;
}

/** Renders Markdown source as Lit templates (see the module comment for the safety rules). */
export function renderMarkdown(source: string | null | undefined, options: MarkdownRenderOptions = {}): TemplateResult | typeof nothing {
  if (!source || !source.trim()) return nothing;
  const blocks = parseMarkdown(source);
  // Heading depths used by the text, shallowest first, become consecutive levels from `headingLevel`:
  // a description that starts at "##" or jumps from "#" to "###" keeps a valid outline.
  const depths = [...new Set(collectDepths(blocks))].sort((a, b) => a - b);
  return renderBlocks(blocks, {
    headingLevel: Math.min(6, Math.max(1, options.headingLevel ?? 3)),
    newWindowHint: options.newWindowHint ?? '(nouvelle fenêtre)',
    depths,
  });
}

function collectDepths(blocks: Block[]): number[] {
  return blocks.flatMap((b) => (b.kind === 'heading' ? [b.depth] : b.kind === 'quote' ? collectDepths(b.children) : []));
}

type RenderOptions = Required<MarkdownRenderOptions> & { depths: number[] };

function renderBlocks(blocks: Block[], options: RenderOptions): TemplateResult {
  return html`${blocks.map((block) => renderBlock(block, options))}`;
}

function renderBlock(block: Block, options: RenderOptions): TemplateResult {
  switch (block.kind) {
    case 'paragraph':
      return html`<p>${renderInlines(block.children, options)}</p>`;
    case 'heading':
      return renderHeading(Math.min(6, options.headingLevel + Math.max(0, options.depths.indexOf(block.depth))), renderInlines(block.children, options));
    case 'list':
      return block.ordered
        ? html`<ol start=${block.start}>${block.items.map((item) => html`<li>${renderInlines(item, options)}</li>`)}</ol>`
        : html`<ul>${block.items.map((item) => html`<li>${renderInlines(item, options)}</li>`)}</ul>`;
    case 'code':
      return html`<pre><code>${block.text}</code></pre>`;
    case 'quote':
      return html`<blockquote>${renderBlocks(block.children, options)}</blockquote>`;
    case 'rule':
      return html`<hr />`;
  }
}

function renderInlines(inlines: Inline[], options: RenderOptions): unknown[] {
  return inlines.map((inline) => {
    switch (inline.kind) {
      case 'text':
        return inline.text;
      case 'break':
        return html`<br />`;
      case 'code':
        return html`<code>${inline.text}</code>`;
      case 'strong':
        return html`<strong>${renderInlines(inline.children, options)}</strong>`;
      case 'em':
        return html`<em>${renderInlines(inline.children, options)}</em>`;
      case 'link': {
        const web = inline.href.startsWith('http');
        return web
          ? html`<a href=${inline.href} target="_blank" rel="noopener noreferrer"
              >${renderInlines(inline.children, options)}<span class="visually-hidden"> ${options.newWindowHint}</span></a
            >`
          : html`<a href=${inline.href}>${renderInlines(inline.children, options)}</a>`;
      }
    }
  });
}
