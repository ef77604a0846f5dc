// The Vite + TypeScript example: its type-check and its production build run, and the built app
// shows results from the REAL local API in Chromium.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collectErrors, screenshot } from '../../e2e/helpers/browser.js';
import { repositoryRoot } from '../../e2e/helpers/local-api.js';
import { useBuiltApp } from '../../e2e/helpers/built-app.js';

const example = join(repositoryRoot, 'examples/vite-typescript');

describe('examples/vite-typescript', () => {
  it('type-checks (typed elements and event details)', () => {
    const result = spawnSync(process.execPath, [join(repositoryRoot, 'node_modules/typescript/bin/tsc'), '-p', join(example, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('builds for production', async () => {
    const { build } = await import('vite');
    await build({ root: example, configFile: join(example, 'vite.config.ts'), logLevel: 'error' });
    const assets = readdirSync(join(example, 'dist/assets'));
    const scripts = assets.filter((file) => file.endsWith('.js'));
    assert.ok(scripts.length > 0, 'a JS bundle was written');
    const code = scripts.map((file) => readFileSync(join(example, 'dist/assets', file), 'utf8')).join('\n');
    assert.match(code, /dora-search/);
    assert.match(readFileSync(join(example, 'dist/index.html'), 'utf8'), /<script type="module" crossorigin src="\/assets\//);
  });

  describe('the built app in a browser', () => {
    const app = useBuiltApp(example);

    it('searches around Charleville-Mézières and reports the total through the typed event', async () => {
      const page = await app.browser.newPage();
      const errors = collectErrors(page);
      await page.goto(`${app.site.url}/`);
      await page.locator('dora-search dora-service-card[variant="compact"]').first().waitFor({ timeout: 20_000 });
      await page.locator('#summary', { hasText: /services trouvés/ }).waitFor();
      assert.match((await page.locator('#summary').textContent()) ?? '', /^\d+ services trouvés ; thématiques : .+/);
      await screenshot(page, 'example-vite-typescript');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
});
