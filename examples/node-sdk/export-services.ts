// Exports every service of a département to a CSV file, paging through the data·inclusion API v1
// with the SDK's `paginate`.
//
//   node --import tsx examples/node-sdk/export-services.ts --departement 44 --out services-44.csv
//
// Options: --api-url (default: the local API, http://127.0.0.1:8787), --token (or DI_TOKEN),
// --page-size (default 1000), --max (stop after N services), --delimiter (default ",").
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import {
  DataInclusionClient,
  DataInclusionError,
  DEPARTEMENTS,
  labelOf,
  type InvalidItem,
  type Service,
} from '@dora/sdk';

const { values: options } = parseArgs({
  options: {
    departement: { type: 'string' },
    out: { type: 'string' },
    'api-url': { type: 'string', default: process.env.DI_API_URL ?? 'http://127.0.0.1:8787' },
    token: { type: 'string', default: process.env.DI_TOKEN },
    'page-size': { type: 'string', default: '1000' },
    max: { type: 'string' },
    delimiter: { type: 'string', default: ',' },
  },
});

function usage(message: string): never {
  console.error(`${message}\nUsage: export-services --departement 44 --out services-44.csv [--api-url URL] [--token T] [--max N]`);
  process.exit(2);
}

const departement = DEPARTEMENTS.find((d) => d.code === options.departement?.toUpperCase());
if (!departement) usage(`Unknown or missing --departement "${options.departement ?? ''}" (e.g. 44, 2A, 974).`);
if (!options.out) usage('Missing --out <file.csv>.');
const pageSize = Number(options['page-size']);
if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) usage('--page-size must be an integer from 1 to 10000.');
const maxItems = options.max === undefined ? Infinity : Number(options.max);
if (!(maxItems > 0)) usage('--max must be a positive number.');
const delimiter = options.delimiter;
if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) usage('--delimiter must be one character other than a quote or a line break.');

const invalid: InvalidItem[] = [];
const client = new DataInclusionClient({
  baseUrl: options['api-url'],
  ...(options.token ? { token: options.token } : {}),
  // Invalid records are skipped by the SDK; we count them and say so at the end.
  onInvalidItem: (item) => invalid.push(item),
});

/** The CSV columns: a header and how to read each value from a service. */
const COLUMNS: [string, (service: Service) => unknown][] = [
  ['id', (s) => s.id],
  ['source', (s) => s.source],
  ['nom', (s) => s.nom],
  ['structure_id', (s) => s.structure_id],
  ['thematiques', (s) => s.thematiques],
  ['thematiques_libelles', (s) => s.thematiques?.map((t) => labelOf('thematiques', t))],
  ['publics', (s) => s.publics],
  ['frais', (s) => s.frais],
  ['modes_accueil', (s) => s.modes_accueil],
  ['adresse', (s) => s.adresse],
  ['code_postal', (s) => s.code_postal],
  ['commune', (s) => s.commune],
  ['code_insee', (s) => s.code_insee],
  ['latitude', (s) => s.latitude],
  ['longitude', (s) => s.longitude],
  ['telephone', (s) => s.telephone],
  ['courriel', (s) => s.courriel],
  ['lien_mobilisation', (s) => s.lien_mobilisation],
  ['date_maj', (s) => s.date_maj],
  ['score_qualite', (s) => s.score_qualite],
];

/**
 * One RFC 4180 field: quoted when it holds the delimiter, a quote or a line break; lists joined
 * with "|". Ten lines do not justify a CSV dependency.
 */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('|') : String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

const output = createWriteStream(options.out);
const write = async (line: string) => {
  if (!output.write(line + '\r\n')) await once(output, 'drain');
};

let count = 0;
try {
  await write(COLUMNS.map(([name]) => name).join(delimiter));
  const services = client.paginate(
    client.listServices,
    { code_departement: departement.code, size: pageSize },
    { maxItems, signal: controller.signal },
  );
  for await (const service of services) {
    await write(COLUMNS.map(([, read]) => csvField(read(service))).join(delimiter));
    if (++count % pageSize === 0) process.stderr.write(`\r${count} services…`);
  }
  output.end();
  await once(output, 'finish');
  console.error(`\r${count} services of ${departement.nom} (${departement.code}) written to ${options.out}.`);
  if (invalid.length > 0) {
    console.error(`${invalid.length} invalid record(s) skipped, e.g. ${invalid[0]?.id ?? `#${invalid[0]?.index}`}: ${invalid[0]?.issues.join('; ')}`);
  }
} catch (error) {
  output.destroy();
  if (controller.signal.aborted) {
    console.error(`\nInterrupted after ${count} services; ${options.out} is incomplete.`);
    process.exit(130);
  }
  console.error(`\nExport failed after ${count} services: ${error instanceof DataInclusionError ? error.message : String(error)}`);
  process.exit(1);
}
