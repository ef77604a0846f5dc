import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import {
  createPlaceProvider,
  describeZone,
  describeZoneSync,
  GEO_API_URL,
  HttpError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
  zoneParts,
  zonePartsSync,
} from '../src/index.js';

const GEO = 'https://geo.example.test';

// geo.api.gouv.fr answers (shapes as of 2026; values from COG 2026 and BAN centres).
const NANTES = {
  nom: 'Nantes',
  code: '44109',
  codesPostaux: ['44000', '44100', '44200', '44300'],
  codeDepartement: '44',
  codeEpci: '244400404',
  centre: { type: 'Point', coordinates: [-1.5534, 47.2382] },
  population: 323204,
};
const REZE = {
  nom: 'Rezé',
  code: '44143',
  codesPostaux: ['44400'],
  codeDepartement: '44',
  codeEpci: '244400404',
  centre: { type: 'Point', coordinates: [-1.5579, 47.1764] },
  population: 43142,
};
const NANTES_METROPOLE = { nom: 'Nantes Métropole', code: '244400404' };

/** Every request the mocked API saw, as URL objects. */
const seen: URL[] = [];

const server = setupServer(
  http.get(`${GEO}/communes`, ({ request }) => {
    const url = new URL(request.url);
    seen.push(url);
    const all = [NANTES, REZE];
    const code = url.searchParams.get('code');
    const postcode = url.searchParams.get('codePostal');
    const nom = url.searchParams.get('nom');
    if (code) return HttpResponse.json(all.filter((c) => c.code === code));
    if (postcode) return HttpResponse.json(all.filter((c) => c.codesPostaux.includes(postcode)));
    if (nom) return HttpResponse.json(all.filter((c) => c.nom.toLowerCase().startsWith(nom.toLowerCase())));
    if (url.searchParams.has('lat')) return HttpResponse.json([NANTES]);
    return HttpResponse.json([]);
  }),
  http.get(`${GEO}/epcis/:code`, ({ params, request }) => {
    seen.push(new URL(request.url));
    return params.code === NANTES_METROPOLE.code
      ? HttpResponse.json(NANTES_METROPOLE)
      : HttpResponse.json({ code: 404, message: 'EPCI non trouvé' }, { status: 404 });
  }),
);

before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
after(() => server.close());

describe('createPlaceProvider', () => {
  it('searches communes by name with the geo.api.gouv.fr parameters', async () => {
    const places = createPlaceProvider({ baseUrl: `${GEO}/` });
    const found = await places.searchCommunes('  nan ', { limit: 5 });
    assert.deepEqual(found, [
      {
        code: '44109',
        nom: 'Nantes',
        codesPostaux: ['44000', '44100', '44200', '44300'],
        codeDepartement: '44',
        codeEpci: '244400404',
        centre: { lat: 47.2382, lon: -1.5534 },
        population: 323204,
      },
    ]);
    const url = seen[0] as URL;
    assert.equal(url.pathname, '/communes');
    assert.equal(url.searchParams.get('nom'), 'nan');
    assert.equal(url.searchParams.get('boost'), 'population');
    assert.equal(url.searchParams.get('limit'), '5');
    assert.equal(url.searchParams.get('fields'), 'code,nom,codesPostaux,codeDepartement,codeEpci,centre,population');
    assert.equal(url.searchParams.get('type'), 'commune-actuelle,arrondissement-municipal');
  });

  it('searches by postcode when the text is 5 digits', async () => {
    const places = createPlaceProvider({ baseUrl: GEO });
    const found = await places.searchCommunes('44 400');
    assert.deepEqual(found.map((c) => c.nom), ['Rezé']);
    assert.equal(seen[0]?.searchParams.get('codePostal'), '44400');
    assert.equal(seen[0]?.searchParams.has('nom'), false);
    assert.equal(seen[0]?.searchParams.get('limit'), '10');
  });

  it('does not call the API for blank text', async () => {
    const places = createPlaceProvider({ baseUrl: GEO });
    assert.deepEqual(await places.searchCommunes('   '), []);
    assert.equal(seen.length, 0);
  });

  it('finds the commune at a point, and communes and EPCI by code', async () => {
    const places = createPlaceProvider({ baseUrl: GEO });
    assert.equal((await places.communeAt(47.22, -1.55))?.code, '44109');
    assert.equal(seen[0]?.searchParams.get('lat'), '47.22');
    assert.equal(seen[0]?.searchParams.get('lon'), '-1.55');
    assert.equal(await places.communeAt(Number.NaN, 0), null);
    assert.equal((await places.getCommune('44143'))?.nom, 'Rezé');
    assert.equal(await places.getCommune('99999'), null);
    assert.equal(await places.getCommune('not a code'), null);
    assert.deepEqual(await places.getEpci('244400404'), { code: '244400404', nom: 'Nantes Métropole' });
    assert.equal(await places.getEpci('200000000'), null, '404 reads as unknown');
  });

  it('skips malformed entries and keeps the valid ones', async () => {
    server.use(
      http.get(`${GEO}/communes`, () =>
        HttpResponse.json([
          { nom: 'Sans code' },
          null,
          'Nantes',
          { ...NANTES, centre: { type: 'Point', coordinates: ['x', 1] } },
          { code: '44143', nom: 'Rezé', centre: null, codesPostaux: null },
        ]),
      ),
    );
    const found = await createPlaceProvider({ baseUrl: GEO }).searchCommunes('n');
    assert.deepEqual(found, [{ code: '44143', nom: 'Rezé', codesPostaux: [], codeDepartement: null, codeEpci: null, centre: null, population: null }]);
  });

  it('rejects with the client’s errors on HTTP errors, non-JSON bodies, wrong shapes and network failures', async () => {
    const places = createPlaceProvider({ baseUrl: GEO, cacheSize: 0, retries: 0 });
    server.use(http.get(`${GEO}/communes`, () => HttpResponse.json({ code: 400, message: 'Bad' }, { status: 400 })));
    await assert.rejects(places.searchCommunes('Nantes'), (error: unknown) => {
      assert.ok(error instanceof HttpError, String(error));
      assert.equal(error.status, 400);
      assert.deepEqual(error.body, { code: 400, message: 'Bad' });
      assert.match(error.url, /^https:\/\/geo\.example\.test\/communes\?nom=Nantes/);
      return true;
    });
    server.use(http.get(`${GEO}/communes`, () => new HttpResponse('<html>oops</html>', { headers: { 'content-type': 'text/html' } })));
    await assert.rejects(places.searchCommunes('Nantes'), ResponseValidationError);
    server.use(http.get(`${GEO}/communes`, () => HttpResponse.json({ not: 'a list' })));
    await assert.rejects(places.searchCommunes('Nantes'), ResponseValidationError);
    server.use(http.get(`${GEO}/epcis/:code`, () => HttpResponse.json({ code: 244400404 })));
    await assert.rejects(places.getEpci('244400404'), (error: unknown) => {
      assert.ok(error instanceof ResponseValidationError, String(error));
      assert.deepEqual(error.issues, ['code: expected string, received number', 'nom: required string is missing']);
      return true;
    });
    server.use(http.get(`${GEO}/communes`, () => HttpResponse.error()));
    await assert.rejects(places.searchCommunes('Nantes'), NetworkError);
  });

  it('retries a failed request once by default', async () => {
    let calls = 0;
    server.use(
      http.get(`${GEO}/communes`, () => {
        calls++;
        return calls === 1 ? HttpResponse.json({}, { status: 503 }) : HttpResponse.json([NANTES]);
      }),
    );
    assert.equal((await createPlaceProvider({ baseUrl: GEO }).getCommune('44109'))?.nom, 'Nantes');
    assert.equal(calls, 2);
  });

  it('times out a request that never answers', async () => {
    server.use(
      http.get(`${GEO}/communes`, async () => {
        await delay('infinite');
        return HttpResponse.json([]);
      }),
    );
    await assert.rejects(createPlaceProvider({ baseUrl: GEO, timeout: 50, retries: 0 }).searchCommunes('Nantes'), TimeoutError);
  });

  it('rejects with AbortError when aborted, before or during the request', async () => {
    const places = createPlaceProvider({ baseUrl: GEO });
    await assert.rejects(places.searchCommunes('Nantes', { signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(seen.length, 0);
    server.use(
      http.get(`${GEO}/communes`, async () => {
        await delay('infinite');
        return HttpResponse.json([]);
      }),
    );
    const controller = new AbortController();
    const pending = places.getCommune('44109', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, { name: 'AbortError' });
  });

  it('rejects with AbortError even through a fetch that ignores the signal', async () => {
    const controller = new AbortController();
    const deafFetch: typeof fetch = async () => {
      controller.abort();
      return Response.json([NANTES]);
    };
    const places = createPlaceProvider({ baseUrl: GEO, fetch: deafFetch });
    await assert.rejects(places.searchCommunes('Nantes', { signal: controller.signal }), { name: 'AbortError' });
  });

  it('answers repeated lookups from its cache, but not failures', async () => {
    const places = createPlaceProvider({ baseUrl: GEO, cacheSize: 2 });
    await places.getCommune('44109');
    await places.getCommune('44109');
    assert.equal(seen.length, 1);
    await places.getCommune('44143');
    await places.getEpci('244400404'); // evicts 44109, the least recently used
    await places.getCommune('44109');
    assert.equal(seen.length, 4);

    let calls = 0;
    server.use(
      http.get(`${GEO}/epcis/:code`, () => {
        calls++;
        return calls === 1 ? HttpResponse.json({}, { status: 503 }) : HttpResponse.json(NANTES_METROPOLE);
      }),
    );
    const fresh = createPlaceProvider({ baseUrl: GEO, retries: 0 });
    await assert.rejects(fresh.getEpci('244400404'), { status: 503 });
    assert.equal((await fresh.getEpci('244400404'))?.nom, 'Nantes Métropole');
  });

  it('defaults to geo.api.gouv.fr and to the global fetch at call time', async () => {
    assert.equal(GEO_API_URL, 'https://geo.api.gouv.fr');
    server.use(http.get('https://geo.api.gouv.fr/communes', () => HttpResponse.json([NANTES])));
    assert.equal((await createPlaceProvider().searchCommunes('Nantes'))[0]?.code, '44109');
  });
});

describe('describeZone', () => {
  it('says "France entière" for no restriction, france or 99100', async () => {
    for (const zone of [null, undefined, [], ['france'], ['France'], ['99100'], ['44', 'france']]) {
      assert.equal(describeZoneSync(zone), 'France entière', JSON.stringify(zone));
      assert.equal(await describeZone(zone), 'France entière');
    }
    assert.equal(describeZoneSync(null, 'en'), 'All of France');
  });

  it('names communes, EPCI and départements through the place provider', async () => {
    const places = createPlaceProvider({ baseUrl: GEO });
    const zone = ['44', '44109', '244400404'];
    assert.equal(await describeZone(zone, { places }), 'Nantes, Nantes Métropole, Loire-Atlantique (44)');
    assert.deepEqual(await zoneParts(zone, { places }), [
      { kind: 'commune', code: '44109', label: 'Nantes', resolved: true },
      { kind: 'epci', code: '244400404', label: 'Nantes Métropole', resolved: true },
      { kind: 'departement', code: '44', label: 'Loire-Atlantique (44)', resolved: true },
    ]);
  });

  it('falls back to the code when a lookup fails or finds nothing, and never rejects', async () => {
    server.use(http.get(`${GEO}/epcis/:code`, () => HttpResponse.error()));
    const places = createPlaceProvider({ baseUrl: GEO });
    assert.equal(
      await describeZone(['44109', '99999', '244400404', '974', '2A', '00', 'n’importe quoi'], { places }),
      'Nantes, commune 99999, EPCI 244400404, La Réunion (974), Corse-du-Sud (2A), 00, n’importe quoi',
    );
    assert.equal(await describeZone(['44143', '244400404'], { places, lang: 'en' }), 'Rezé, EPCI 244400404');
  });

  it('works offline with codes and département names (sync form)', () => {
    assert.equal(describeZoneSync(['44109', '85', '44']), 'commune 44109, Vendée (85), Loire-Atlantique (44)');
    assert.equal(describeZoneSync(['44109'], 'en'), 'municipality 44109');
    assert.deepEqual(zonePartsSync(['44', '44', ' 44 ', 12 as unknown as string]), [
      { kind: 'departement', code: '44', label: 'Loire-Atlantique (44)', resolved: true },
    ]);
    assert.deepEqual(zonePartsSync(['99134']), [{ kind: 'country', code: '99134', label: 'pays 99134', resolved: false }]);
  });

  it('looks each code up once, with a bounded number of requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    server.use(
      http.get(`${GEO}/communes`, async ({ request }) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await delay(5);
        inFlight--;
        const code = new URL(request.url).searchParams.get('code') ?? '';
        return HttpResponse.json([{ code, nom: `Commune ${code}` }]);
      }),
    );
    const codes = Array.from({ length: 30 }, (_, i) => String(44001 + i));
    const text = await describeZone([...codes, ...codes], { places: createPlaceProvider({ baseUrl: GEO }) });
    assert.equal(text.split(', ').length, 30);
    assert.ok(text.startsWith('Commune 44001, Commune 44002'));
    assert.ok(peak <= 6, `peak ${peak}`);
  });

  it('names at most `max` items, counts the rest, and looks up only what it names', async () => {
    const codes = ['44109', '44143', '44020', '44035', '244400404'];
    const places = createPlaceProvider({ baseUrl: GEO });
    assert.equal(await describeZone(codes, { places, max: 2 }), 'Nantes, Rezé et 3 autres');
    assert.equal(seen.length, 2);
    assert.equal(await describeZone(codes, { places, max: 4, lang: 'en' }), 'Nantes, Rezé, municipality 44020, municipality 44035 and 1 more');
    assert.equal(describeZoneSync(['44', '85', '49'], 'fr', { max: 2 }), 'Loire-Atlantique (44), Vendée (85) et 1 autre');
    assert.equal(describeZoneSync(['44', '85'], 'fr', { max: 0 }), 'Loire-Atlantique (44), Vendée (85)', 'a meaningless max is ignored');
    assert.equal(describeZoneSync(null, 'fr', { max: 1 }), 'France entière');
  });

  it('rejects with AbortError when aborted', async () => {
    const places = createPlaceProvider({ baseUrl: GEO });
    await assert.rejects(describeZone(['44109'], { places, signal: AbortSignal.abort() }), { name: 'AbortError' });
    server.use(
      http.get(`${GEO}/communes`, async () => {
        await delay('infinite');
        return HttpResponse.json([]);
      }),
    );
    const controller = new AbortController();
    const pending = describeZone(['44109', '44143'], { places, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, { name: 'AbortError' });
  });
});
