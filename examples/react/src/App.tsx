import { useState } from 'react';
import type { DoraMobiliseDetail } from '@dora/elements';

const COMMUNES = [
  { code: '44109', nom: 'Nantes' },
  { code: '08105', nom: 'Charleville-Mézières' },
  { code: '97411', nom: 'Saint-Denis (La Réunion)' },
];

interface Orientation {
  id: string;
  service: string;
  mode: DoraMobiliseDetail['mode'];
}

export function App({ apiUrl }: { apiUrl: string }) {
  const [commune, setCommune] = useState(COMMUNES[0]!.code);
  const [orientations, setOrientations] = useState<Orientation[]>([]);

  // The app takes over "Mobiliser": it records an orientation instead of the widget's default.
  const onMobilise = (event: CustomEvent<DoraMobiliseDetail>) => {
    event.preventDefault();
    const { service, mode } = event.detail;
    setOrientations((previous) => [{ id: `${service.id}-${previous.length}`, service: service.nom, mode }, ...previous]);
  };

  return (
    <main>
      <h1>Orienter une personne</h1>
      <label>
        Commune{' '}
        <select value={commune} onChange={(event) => setCommune(event.target.value)}>
          {COMMUNES.map(({ code, nom }) => (
            <option key={code} value={code}>
              {nom}
            </option>
          ))}
        </select>
      </label>
      <section aria-labelledby="orientations-title">
        <h2 id="orientations-title">Orientations ({orientations.length})</h2>
        <ul>
          {orientations.map((orientation) => (
            <li key={orientation.id}>
              Orientation vers {orientation.service} ({orientation.mode === 'link' ? 'lien de mobilisation' : 'contact direct'})
            </li>
          ))}
        </ul>
      </section>
      {/* `key` gives a fresh widget, and so a fresh search, when the commune changes. */}
      <dora-search
        key={commune}
        api-url={apiUrl}
        geo-url={apiUrl}
        code-commune={commune}
        categories={['mobilite']}
        heading-level={2}
        strings={{ 'form.submit': 'Chercher' }}
        ondora-mobilise={onMobilise}
      />
    </main>
  );
}
