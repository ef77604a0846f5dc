// The integration pattern: the case-management software listens to the widget. When the adviser
// presses "Mobiliser", it cancels the widget's default behaviour (opening the mobilisation link or
// revealing the contacts) and records an orientation in the beneficiary's file instead.
const search = document.getElementById('search');
const list = document.getElementById('orientations');
const empty = document.getElementById('empty');
const status = document.getElementById('status');
const STORAGE_KEY = 'case-management-example:orientations';
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

search.addEventListener('dora-mobilise', (event) => {
  event.preventDefault();
  const { service, mode } = event.detail;
  const orientation = {
    serviceId: service.id,
    service: service.nom,
    structure: service.structure?.nom ?? '',
    mode: mode === 'link' ? 'lien de mobilisation' : 'contact direct (téléphone, courriel)',
    date: new Date().toISOString(),
  };
  // Real software would POST this to its own server; the example keeps it in this tab.
  const orientations = [orientation, ...load()];
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(orientations));
  render(orientations);
  status.textContent = `Orientation vers ${orientation.service} enregistrée.`;
});

function load() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored) ? stored : [];
  } catch {
    return [];
  }
}

// API text is data: it goes into textContent, never into innerHTML.
function render(orientations) {
  list.replaceChildren(
    ...orientations.map((o) => {
      const item = document.createElement('li');
      const title = document.createElement('strong');
      title.textContent = `Orientation vers ${o.service}`;
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = [`le ${dateFormat.format(new Date(o.date))}`, o.structure && `structure : ${o.structure}`, `mode : ${o.mode}`]
        .filter(Boolean)
        .join(' · ');
      item.append(title, meta);
      return item;
    }),
  );
  empty.hidden = orientations.length > 0;
}

render(load());
