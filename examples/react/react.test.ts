// The React 19 example: type-check, production build, and the built app in Chromium against the
// REAL local API: properties and attributes reach the element, and React hears `dora-mobilise`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collectErrors, screenshot } from '../../e2e/helpers/browser.js';
import { repositoryRoot } from '../../e2e/helpers/local-api.js';
import { useBuiltApp } from '../../e2e/helpers/built-app.js';

const example = join(repositoryRoot, 'examples/react');

describe('examples/react', () => {
  it('type-checks (JSX types of the elements and their events)', () => {
    const result = spawnSync(process.execPath, [join(repositoryRoot, 'node_modules/typescript/bin/tsc'), '-p', join(example, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('builds for production', async () => {
    const { build } = await import('vite');
    await build({ root: example, configFile: join(example, 'vite.config.ts'), logLevel: 'error' });
    const code = readdirSync(join(example, 'dist/assets'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(example, 'dist/assets', file), 'utf8'))
      .join('\n');
    assert.match(code, /dora-search/);
    assert.match(code, /react/i);
  });

  describe('the built app in a browser', () => {
    const app = useBuiltApp(example);

    it('searches, re-searches when React changes the commune, and records a mobilisation in React state', async () => {
      const context = await app.browser.newContext();
      const page = await context.newPage();
      const errors = collectErrors(page);
      const popups: string[] = [];
      context.on('page', (popup) => popups.push(popup.url()));
      await page.goto(`${app.site.url}/`);
      const cards = page.locator('dora-search dora-service-card[variant="compact"]');
      await cards.first().waitFor({ timeout: 20_000 });
      // The `strings` prop reached the element as a property.
      assert.equal((await page.locator('dora-search button[type="submit"]').textContent())?.trim(), 'Chercher');
      await page.locator('dora-search [role="heading"]', { hasText: /près de Nantes/ }).waitFor();

      await page.selectOption('select', '08105');
      await page.locator('dora-search [role="heading"]', { hasText: /près de Charleville-Mézières/ }).waitFor({ timeout: 20_000 });

      await cards.first().click();
      const sheet = page.locator('dora-search dora-service-card[variant="full"]');
      await sheet.waitFor({ timeout: 15_000 });
      await sheet.locator('button', { hasText: /^\s*Mobiliser/ }).first().click();
      await page.locator('li', { hasText: /^Orientation vers / }).waitFor();
      // React's re-render (new state) did not reset the widget: the sheet is still open.
      assert.equal(await sheet.isVisible(), true);
      assert.match((await page.locator('h2#orientations-title').textContent()) ?? '', /Orientations \(1\)/);
      assert.deepEqual(popups, [], 'preventDefault() stopped the default (no new tab)');
      await screenshot(page, 'example-react');
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
});
