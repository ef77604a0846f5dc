// The documentation: every relative link of the README, the guides and the examples' READMEs
// resolves, and the elements reference generated from custom-elements.json documents each element.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain .mjs build tool without type declarations
import { publicElements, renderManifest } from '../docs/tools/elements-reference.mjs';
import { repositoryRoot } from './helpers/local-api.js';

const markdownFiles = [
  'README.md',
  'examples/README.md',
  ...readdirSync(join(repositoryRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
  ...readdirSync(join(repositoryRoot, 'examples')).map((d) => `examples/${d}/README.md`).filter((f) => existsSync(join(repositoryRoot, f))),
];

describe('documentation', () => {
  it('has no broken relative link', () => {
    const broken: string[] = [];
    for (const file of markdownFiles) {
      const text = readFileSync(join(repositoryRoot, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const path = join(repositoryRoot, dirname(file), target!.split('#')[0]!);
        if (!existsSync(path)) broken.push(`${file} → ${target}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('the README keeps the test command CI runs', () => {
    assert.match(readFileSync(join(repositoryRoot, 'README.md'), 'utf8'), /## Test\n\n```sh\nnpm test\n```/);
  });

  it('renders the elements reference from the manifest, for every public element', () => {
    const manifestPath = join(repositoryRoot, 'packages/elements/custom-elements.json');
    assert.ok(existsSync(manifestPath), 'custom-elements.json is built by the elements build');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const elements = publicElements(manifest) as { tagName: string; attributes?: { name: string }[] }[];
    const tags = elements.map((element) => element.tagName);
    assert.deepEqual(tags, ['dora-search', 'dora-service-card']);
    const markdown = renderManifest(manifest) as string;
    for (const element of elements) {
      assert.ok(markdown.includes(`## \`<${element.tagName}>\``));
      for (const attribute of element.attributes ?? []) assert.ok(markdown.includes(`| \`${attribute.name}\` |`), `${element.tagName} ${attribute.name}`);
    }
    assert.match(markdown, /### Events\n\n\| Event \| Detail type \| Description \|/);
  });

  it('`npm run docs` builds the site: guides, generated elements reference, SDK typedoc', () => {
    const result = spawnSync(process.execPath, ['docs/build.mjs'], { cwd: repositoryRoot, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const site = join(repositoryRoot, 'docs/site');
    for (const page of ['index.html', 'getting-started.html', 'elements.html', 'security.html', 'migrating-from-iframe-widget.html', 'sdk/index.html']) {
      assert.ok(existsSync(join(site, page)), page);
    }
    const elements = readFileSync(join(site, 'elements.html'), 'utf8');
    assert.match(elements, /<h2 id="dora-search"><code>&lt;dora-search&gt;<\/code><\/h2>/);
    assert.match(readFileSync(join(site, 'index.html'), 'utf8'), /href="getting-started.html"/);
    // Links out of docs/ point at the repository's files.
    assert.match(readFileSync(join(site, 'index.html'), 'utf8'), /href="\.\.\/\.\.\/packages\/sdk\/README\.md"/);
  });
});
