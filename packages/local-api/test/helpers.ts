/**
 * Test helpers: hand-built schema-v1 records, a dataset written to a temp dir, and a real server on
 * 127.0.0.1 with an ephemeral port.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Service, Structure } from '@dora/sdk';
import { createServer, type LocalApiServer, type ServerOptions } from '../src/index.js';

/** The date tests pin computed scores to. */
export const NOW = '2026-11-01';

type Rec = Record<string, unknown>;

/** A valid structure with every key; `overrides` win. */
export function structure(id: string, overrides: Partial<Structure> & Rec = {}): Rec {
  return {
    accessibilite_lieu: null,
    adresse: '1 rue de la Paix',
    adresse_certifiee: false,
    code_insee: '44109',
    code_postal: '44000',
    commune: 'Nantes',
    complement_adresse: null,
    courriel: null,
    date_maj: '2026-10-01',
    description: 'Une structure de test.',
    doublons: [],
    horaires_accueil: null,
    id,
    latitude: 47.218,
    lien_source: null,
    longitude: -1.554,
    nom: `Structure ${id}`,
    reseaux_porteurs: null,
    score_qualite: 0.5,
    siret: null,
    site_web: null,
    source: id.split('--')[0] ?? 'dora',
    telephone: null,
    ...overrides,
  };
}

/** A valid service with every key (in person in Nantes by default); `overrides` win. */
export function service(id: string, overrides: Partial<Service> & Rec = {}): Rec {
  return {
    adresse: '1 rue de la Paix',
    adresse_certifiee: false,
    code_insee: '44109',
    code_postal: '44000',
    commune: 'Nantes',
    complement_adresse: null,
    conditions_acces: null,
    contact_nom_prenom: null,
    courriel: 'contact@example.org',
    date_maj: '2026-10-01',
    description: 'Un service de test pour vérifier les règles de recherche de data·inclusion.',
    frais: 'gratuit',
    frais_precisions: null,
    horaires_accueil: null,
    id,
    latitude: 47.218,
    lien_mobilisation: null,
    lien_source: null,
    longitude: -1.554,
    mobilisable_par: ['usagers'],
    mobilisation_precisions: null,
    modes_accueil: ['en-presentiel'],
    modes_mobilisation: ['se-presenter'],
    nom: `Service ${id}`,
    nombre_semaines: null,
    publics: ['tous-publics'],
    publics_precisions: null,
    score_qualite: 0.8,
    source: id.split('--')[0] ?? 'dora',
    structure_id: 'dora--s1',
    telephone: null,
    thematiques: ['famille--garde-denfants'],
    type: 'accompagnement',
    volume_horaire_hebdomadaire: null,
    zone_eligibilite: null,
    ...overrides,
  };
}

/** Writes a dataset folder in a new temp dir and returns its path. */
export function writeDataset(
  data: { structures: unknown[]; services: unknown[] },
  format: 'json' | 'json-lines' | 'ndjson' = 'json',
): string {
  const dir = mkdtempSync(join(tmpdir(), 'dora-local-api-test-'));
  for (const kind of ['structures', 'services'] as const) {
    const lines = data[kind].map((r) => JSON.stringify(r));
    const body =
      format === 'json' ? JSON.stringify(data[kind]) : format === 'json-lines' ? `[\n${lines.join(',\n')}\n]\n` : lines.join('\n');
    writeFileSync(join(dir, `${kind}.${format === 'ndjson' ? 'ndjson' : 'json'}`), body);
  }
  return dir;
}

/** A started server plus a `get` helper; `stop()` closes it and removes the dataset dir. */
export interface TestServer {
  server: LocalApiServer;
  url: string;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

export async function startServer(
  data: { structures: unknown[]; services: unknown[] },
  options: Omit<ServerOptions, 'dataDir'> = {},
  format: 'json' | 'json-lines' | 'ndjson' = 'json-lines',
): Promise<TestServer> {
  const dir = writeDataset(data, format);
  const server = await createServer({ now: NOW, ...options, dataDir: dir });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    server,
    url,
    async get(path, headers = {}) {
      const response = await fetch(`${url}${path}`, { headers });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: the raw text is the body
      }
      return { status: response.status, body, headers: response.headers };
    },
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
