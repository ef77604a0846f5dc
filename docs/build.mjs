#!/usr/bin/env node
// `npm run docs`: builds the documentation site into docs/site/ (git-ignored):
//  - the guides (docs/*.md) rendered to HTML;
//  - the elements reference, generated from packages/elements/custom-elements.json;
//  - the SDK reference (typedoc, from `npm run docs -w @dora/sdk`), copied to docs/site/sdk/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { renderManifestFile } from './tools/elements-reference.mjs';

const docs = dirname(fileURLToPath(import.meta.url));
const root = join(docs, '..');
const site = join(docs, 'site');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(label, args, cwd = root) {
  console.log(`[docs] ${label}`);
  const result = spawnSync(npm, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${label} failed (exit code ${result.status})`);
}

rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });

// 1. Elements reference, from the manifest the elements build generates.
const manifest = join(root, 'packages/elements/custom-elements.json');
if (!existsSync(manifest)) run('Building @dora/elements (custom-elements.json)…', ['run', 'build', '-w', '@dora/elements']);
if (!existsSync(manifest)) throw new Error('packages/elements/custom-elements.json is still missing after the build');
writeFileSync(join(site, 'elements.md'), renderManifestFile(manifest));

// 2. SDK reference (typedoc, warnings are errors there).
run('Generating the SDK reference (typedoc)…', ['run', 'docs', '-w', '@dora/sdk']);
cpSync(join(root, 'packages/sdk/docs'), join(site, 'sdk'), { recursive: true });

// 3. Guides and the generated reference, to HTML.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
const slug = (text) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
// Headings get ids (for in-page links); links to .md pages point at their .html.
markdown.core.ruler.push('dora_docs', (state) => {
  state.tokens.forEach((token, index) => {
    if (token.type === 'heading_open') token.attrSet('id', slug(state.tokens[index + 1]?.content ?? ''));
    for (const child of token.children ?? []) {
      if (child.type !== 'link_open') continue;
      const href = child.attrGet('href') ?? '';
      if (href.startsWith('../')) {
        // Out of docs/ (packages' READMEs, examples): the repository's files, one level further up from docs/site/.
        child.attrSet('href', `../${href}`);
      } else if (/^[\w./-]+\.md(#.*)?$/.test(href)) {
        const target = href.replace(/\.md(#|$)/, '.html$1');
        child.attrSet('href', target === 'README.html' ? 'index.html' : target);
      }
    }
  });
});

const pages = [
  ['index.html', join(docs, 'README.md'), 'Documentation'],
  ...readdirSync(docs)
    .filter((file) => file.endsWith('.md') && file !== 'README.md' && file !== 'elements.md') // elements.md: replaced by the generated reference
    .sort()
    .map((file) => [file.replace(/\.md$/, '.html'), join(docs, file)]),
  ['elements.html', join(site, 'elements.md')],
];
const titleOf = (text, fallback) => text.match(/^#\s+(.+)$/m)?.[1]?.replace(/`/g, '') ?? fallback;
const navFor = (current) =>
  pages
    .map(([file, source, title]) => {
      const label = markdown.utils.escapeHtml(title ?? titleOf(readFileSync(source, 'utf8'), file));
      return `<li><a href="${file}"${file === current ? ' aria-current="page"' : ''}>${label}</a></li>`;
    })
    .concat('<li><a href="sdk/index.html">SDK reference (typedoc)</a></li>')
    .join('');
const css = `body{font:16px/1.6 system-ui,sans-serif;color:#1f2937;margin:0;display:flex;gap:2rem}
nav{flex:0 0 16rem;padding:1rem;background:#f5f6f8;min-height:100vh}nav ul{list-style:none;padding:0}
main{flex:1;max-width:52rem;padding:1rem 2rem 4rem}a{color:#1d4ed8}code{background:#f1f3f5;padding:0 .2em;border-radius:3px}
pre{background:#f1f3f5;padding:1rem;overflow:auto}pre code{background:none}table{border-collapse:collapse;display:block;overflow:auto}
th,td{border:1px solid #c9ced6;padding:.3rem .5rem;vertical-align:top;text-align:left}:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
nav a[aria-current=page]{font-weight:700;color:#1f2937}@media (max-width:50rem){body{display:block}nav{min-height:0}}`;
writeFileSync(join(site, 'docs.css'), css);
for (const [file, source] of pages) {
  const text = readFileSync(source, 'utf8');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${markdown.utils.escapeHtml(titleOf(text, basename(file)))} · DORA widget and SDK</title><link rel="stylesheet" href="docs.css"></head>
<body><nav aria-label="Documentation"><p><strong>DORA widget and SDK</strong></p><ul>${navFor(file)}</ul></nav>
<main>${markdown.render(text)}</main></body></html>\n`;
  writeFileSync(join(site, file), html);
}
console.log(`[docs] ${pages.length} pages and the SDK reference written to ${site}/ (open index.html)`);
