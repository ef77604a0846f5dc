import { defineConfig } from 'vite';

// No React plugin needed for a build: Vite's own transform compiles JSX (fast refresh would need @vitejs/plugin-react).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: { host: '127.0.0.1' },
  build: { outDir: 'dist', emptyOutDir: true },
});
