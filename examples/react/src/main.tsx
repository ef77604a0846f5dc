import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers the elements BEFORE React renders, so that React sees their properties (e.g. `strings`).
import '@dora/elements';
import { App } from './App';

const root = document.getElementById('root')!;
createRoot(root).render(
  <StrictMode>
    <App apiUrl={root.dataset.apiUrl ?? 'http://127.0.0.1:8787'} />
  </StrictMode>,
);
