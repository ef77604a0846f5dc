// The npm build of the elements: `lit` and `@dora/sdk` are shared with the rest of the app.
import '@dora/elements';
import { labelOf } from '@dora/sdk';

// Typed: `document.querySelector('dora-search')` is a DoraSearchElement, and the events' details are typed too.
const search = document.querySelector('dora-search');
const summary = document.querySelector<HTMLElement>('#summary');
if (!search || !summary) throw new Error('the page lost its <dora-search> or #summary');

// Any string of the widget can be replaced.
search.strings = { 'results.empty': 'Aucune aide à la mobilité ici pour le moment.' };

search.addEventListener('dora-results', (event) => {
  const { page, shown } = event.detail;
  const thematiques = new Set(shown.flatMap(({ service }) => service.thematiques ?? []));
  summary.textContent = `${page.total} services trouvés ; thématiques : ${[...thematiques]
    .slice(0, 3)
    .map((value) => labelOf('thematiques', value))
    .join(', ')}…`;
});

search.addEventListener('dora-mobilise', (event) => {
  console.info(`Mobilisation de « ${event.detail.service.nom} » (${event.detail.mode})`);
});
