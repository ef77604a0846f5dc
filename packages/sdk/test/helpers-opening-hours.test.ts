import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeOpeningState,
  formatWeek,
  isPublicHoliday,
  openingState,
  parseOpeningHours,
  timeZoneOf,
  type OpeningHours,
  type TimeInterval,
  type WeeklyOpeningHours,
} from '../src/index.js';

function weekly(text: string): WeeklyOpeningHours {
  const hours = parseOpeningHours(text);
  assert.equal(hours?.kind, 'weekly', `expected "${text}" to parse as a weekly table`);
  return hours as WeeklyOpeningHours;
}

/** The week as `Mo=08:30-12:00,13:30-17:00 Tu=…` for compact assertions. */
function compact(hours: WeeklyOpeningHours): string {
  return Object.entries(hours.days)
    .map(([day, list]) => `${day}=${list.map((i) => `${i.from}-${i.to}`).join(',') || 'off'}`)
    .join(' ');
}

// 2026-11-23 is a Monday.
const at = (iso: string) => new Date(iso);

describe('parseOpeningHours: real-world OSM strings', () => {
  it('reads weekday ranges with a lunch break and PH off', () => {
    const hours = weekly('Mo-Fr 08:30-12:00,13:30-17:00; PH off');
    assert.equal(
      compact(hours),
      'Mo=08:30-12:00,13:30-17:00 Tu=08:30-12:00,13:30-17:00 We=08:30-12:00,13:30-17:00 Th=08:30-12:00,13:30-17:00 Fr=08:30-12:00,13:30-17:00 Sa=off Su=off',
    );
    assert.deepEqual(hours.publicHolidays, []);
    assert.equal(hours.alwaysOpen, false);
    assert.equal(hours.source, 'Mo-Fr 08:30-12:00,13:30-17:00; PH off');
  });

  it('reads the other common shapes', () => {
    assert.equal(compact(weekly('Mo-Fr 09:00-12:30,14:00-17:00')).split(' ')[4], 'Fr=09:00-12:30,14:00-17:00');
    assert.equal(compact(weekly('Tu,Th 14:00-17:00')), 'Mo=off Tu=14:00-17:00 We=off Th=14:00-17:00 Fr=off Sa=off Su=off');
    assert.equal(compact(weekly('Mo,We,Fr 09:00-12:00')), 'Mo=09:00-12:00 Tu=off We=09:00-12:00 Th=off Fr=09:00-12:00 Sa=off Su=off');
    assert.equal(compact(weekly('Mo-Sa 08:00-20:00')).split(' ')[5], 'Sa=08:00-20:00');
    assert.equal(
      compact(weekly('Mo-Th 09:00-17:00; Fr 09:00-12:00')),
      'Mo=09:00-17:00 Tu=09:00-17:00 We=09:00-17:00 Th=09:00-17:00 Fr=09:00-12:00 Sa=off Su=off',
    );
    assert.equal(compact(weekly('Mo-Su 10:00-18:00')), 'Mo=10:00-18:00 Tu=10:00-18:00 We=10:00-18:00 Th=10:00-18:00 Fr=10:00-18:00 Sa=10:00-18:00 Su=10:00-18:00');
  });

  it('reads 24/7 as always open', () => {
    const hours = weekly('24/7');
    assert.equal(hours.alwaysOpen, true);
    assert.deepEqual(hours.days.We, [{ from: '00:00', to: '24:00' }]);
  });

  it('wraps weekday ranges over the weekend', () => {
    assert.equal(compact(weekly('Fr-Mo 10:00-12:00')), 'Mo=10:00-12:00 Tu=off We=off Th=off Fr=10:00-12:00 Sa=10:00-12:00 Su=10:00-12:00');
  });

  it('keeps spans past midnight on the day they start, in both OSM notations', () => {
    assert.deepEqual(weekly('Fr 22:00-02:00').days.Fr, [{ from: '22:00', to: '02:00' }]);
    assert.deepEqual(weekly('Fr 22:00-26:00').days.Fr, [{ from: '22:00', to: '02:00' }]);
    assert.equal(parseOpeningHours('Fr 10:00-35:00')?.kind, 'raw', 'a span over 24 h is not trusted');
  });

  it('tolerates lowercase, extra spaces and typographic dashes', () => {
    assert.equal(compact(weekly('  mo-fr   08:00 - 12:00 ;  sa   off ')), compact(weekly('Mo-Fr 08:00-12:00; Sa off')));
    assert.equal(compact(weekly('Mo–Fr 08:00–12:00')), compact(weekly('Mo-Fr 08:00-12:00')));
  });

  it('lets later rules override earlier ones, and `,` rules add', () => {
    assert.equal(compact(weekly('Mo-Sa 09:00-18:00; Sa off')).split(' ')[5], 'Sa=off');
    assert.equal(compact(weekly('Mo-Fr 08:00-18:00; We 08:00-12:00')).split(' ')[2], 'We=08:00-12:00');
    assert.equal(compact(weekly('Mo-Fr 08:00-12:00, Sa 09:00-11:00')).split(' ').slice(4).join(' '), 'Fr=08:00-12:00 Sa=09:00-11:00 Su=off');
    assert.equal(compact(weekly('Mo 08:00-12:00, Mo 14:00-16:00')).split(' ')[0], 'Mo=08:00-12:00,14:00-16:00');
  });

  it('captures comments on the rule they belong to', () => {
    const hours = weekly('Tu 14:00-18:00 "sur rendez-vous"');
    assert.deepEqual(hours.days.Tu, [{ from: '14:00', to: '18:00', comment: 'sur rendez-vous' }]);
    assert.deepEqual(hours.comments, ['sur rendez-vous']);
    const onlyComment = weekly('Mo-Fr "sur rendez-vous"');
    assert.deepEqual(onlyComment.days.Mo, []);
    assert.equal(onlyComment.notes.Mo, 'sur rendez-vous');
    assert.equal(onlyComment.notes.Sa, undefined);
    assert.equal(onlyComment.note, null);
  });

  it('keeps a comment that selects no day as a note on the whole schedule', () => {
    const hours = weekly('Mo-Fr 09:00-12:00; "sur rendez-vous l’après-midi"');
    assert.equal(compact(hours).split(' ')[0], 'Mo=09:00-12:00');
    assert.equal(hours.note, 'sur rendez-vous l’après-midi');
    assert.deepEqual(formatWeek(hours).at(-1), {
      day: 'note',
      label: 'Remarque',
      hours: 'sur rendez-vous l’après-midi',
      closed: false,
      text: 'Remarque: sur rendez-vous l’après-midi',
    });
    assert.equal(formatWeek(hours, 'en').at(-1)?.text, 'Note: sur rendez-vous l’après-midi');
    assert.equal(openingState(hours, { at: at('2026-11-23T09:00:00Z') })?.open, true);
    // A lone comment says nothing of the week.
    assert.deepEqual(parseOpeningHours('"sur rendez-vous"'), { kind: 'raw', source: '"sur rendez-vous"' });
  });

  it('reads PH with its own hours', () => {
    assert.deepEqual(weekly('Mo-Fr 09:00-17:00; PH 10:00-12:00').publicHolidays, [{ from: '10:00', to: '12:00' }]);
    assert.deepEqual(weekly('Mo-Sa 09:00-17:00; Su,PH off').publicHolidays, []);
    assert.equal(weekly('Mo-Fr 09:00-17:00').publicHolidays, null);
  });

  it('understands simple French, or leaves it raw', () => {
    assert.equal(compact(weekly('Lundi au vendredi 9h-12h')), compact(weekly('Mo-Fr 09:00-12:00')));
    assert.equal(compact(weekly('du lundi au vendredi de 9h à 17h')), compact(weekly('Mo-Fr 09:00-17:00')));
    assert.equal(
      compact(weekly('Lundi et jeudi : 9h30-12h et 14h-16h30')),
      'Mo=09:30-12:00,14:00-16:30 Tu=off We=off Th=09:30-12:00,14:00-16:30 Fr=off Sa=off Su=off',
    );
    assert.equal(compact(weekly('Lun-Ven 9 h-12 h / 14 h-17 h')), compact(weekly('Mo-Fr 09:00-12:00,14:00-17:00')));
    assert.equal(compact(weekly('Lundi & mercredi 9h-12h')), compact(weekly('Mo,We 09:00-12:00')));
    assert.equal(parseOpeningHours('Mar 10:00-12:00')?.kind, 'raw', '"Mar" is March in OSM: not read as mardi');
    assert.equal(parseOpeningHours('Du lundi au vendredi sauf jours fériés')?.kind, 'raw');
  });
});

describe('parseOpeningHours: anything else falls back to the original text', () => {
  const raw = [
    'Sur rendez-vous',
    'Tous les jours sauf le dimanche',
    'Jan-Mar Mo-Fr 10:00-12:00',
    'Mo-Fr 08:00-12:00 || "sur rendez-vous"',
    'Mo[1] 09:00-12:00',
    'Mo-Fr 9-12',
    'Mo-Fr 08:00-',
    'Mo-Fr',
    'PH off',
    'Mo-Fr 25:00-26:00',
    'Mo-Fr 08:61-12:00',
    '😀 ouvert 😀',
    '<script>alert(1)</script>',
  ];
  for (const text of raw) {
    it(`keeps ${JSON.stringify(text)} raw`, () => {
      assert.deepEqual(parseOpeningHours(text), { kind: 'raw', source: text.trim() });
    });
  }

  it('gives null for missing or blank hours', () => {
    assert.equal(parseOpeningHours(''), null);
    assert.equal(parseOpeningHours('   \n '), null);
    assert.equal(parseOpeningHours(null), null);
    assert.equal(parseOpeningHours(undefined), null);
    assert.equal(parseOpeningHours(42 as unknown as string), null);
  });

  it('does not choke on 10 KB of garbage', () => {
    const garbage = 'Mo-Fr 08:00-12:00; '.repeat(600) + '\u0000\uffff'.repeat(10);
    assert.equal(parseOpeningHours(garbage)?.kind, 'raw');
  });

  it('never throws on random input (fuzz)', () => {
    // Deterministic PRNG (mulberry32) so that a failure can be replayed.
    let seed = 20261122;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = ['Mo', 'Tu', 'Fr', 'Su', 'PH', 'off', '24/7', '-', ',', ';', ' ', ':', '"', '08:30', '24:00', '26:00', '9h', 'lundi', 'au', '||', '[1]', '😀', 'é', '\n', '00:00', '12'];
    for (let round = 0; round < 5000; round++) {
      let text = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) {
        text += random() < 0.8 ? pieces[Math.floor(random() * pieces.length)] : String.fromCharCode(Math.floor(random() * 0x2fff));
      }
      let hours: OpeningHours | null = null;
      assert.doesNotThrow(() => (hours = parseOpeningHours(text)), `parse threw on ${JSON.stringify(text)}`);
      assert.doesNotThrow(() => openingState(hours, { at: at('2026-11-23T10:00:00Z') }), `state threw on ${JSON.stringify(text)}`);
      assert.doesNotThrow(() => formatWeek(hours), `format threw on ${JSON.stringify(text)}`);
      if (hours) {
        const parsed = hours as OpeningHours;
        if (parsed.kind === 'weekly') {
          for (const list of Object.values(parsed.days)) {
            for (const interval of list) assert.match(`${interval.from}-${interval.to}`, /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/);
          }
        }
      }
    }
  });
});

describe('openingState: in the service’s local time', () => {
  it('reads a Réunion service (UTC+4) in Indian/Reunion', () => {
    assert.equal(timeZoneOf('97411'), 'Indian/Reunion');
    const hours = parseOpeningHours('Mo-Fr 08:00-12:00');
    // 05:00 UTC is 09:00 in Saint-Denis: open until noon.
    assert.deepEqual(openingState(hours, { at: at('2026-11-23T05:00:00Z'), codeInsee: '97411' }), {
      open: true,
      closesAt: { day: 'Mo', time: '12:00', inDays: 0 },
    });
    // 09:00 UTC is 13:00 there: closed until tomorrow 08:00 (while Paris, UTC+1, would still be open).
    assert.deepEqual(openingState(hours, { at: at('2026-11-23T09:00:00Z'), codeInsee: '97411' }), {
      open: false,
      opensAt: { day: 'Tu', time: '08:00', inDays: 1 },
    });
    assert.equal(openingState(hours, { at: at('2026-11-23T09:00:00Z'), codeInsee: '44109' })?.open, true);
    assert.equal(openingState(hours, { at: at('2026-11-23T09:00:00Z'), timeZone: 'Indian/Reunion' })?.open, false);
  });

  it('maps every overseas INSEE prefix to its zone', () => {
    const expected: Record<string, string> = {
      '97101': 'America/Guadeloupe',
      '97209': 'America/Martinique',
      '97302': 'America/Cayenne',
      '97502': 'America/Miquelon',
      '97611': 'Indian/Mayotte',
      '97701': 'America/St_Barthelemy',
      '97801': 'America/Marigot',
      '98611': 'Pacific/Wallis',
      '98735': 'Pacific/Tahiti',
      '98818': 'Pacific/Noumea',
      '2A004': 'Europe/Paris',
      '75056': 'Europe/Paris',
    };
    for (const [code, zone] of Object.entries(expected)) assert.equal(timeZoneOf(code), zone, code);
    assert.equal(timeZoneOf(null), 'Europe/Paris');
    assert.equal(timeZoneOf(''), 'Europe/Paris');
  });

  it('gives the next opening across the weekend', () => {
    const hours = parseOpeningHours('Mo-Fr 08:30-12:00,13:30-17:00; PH off');
    // Friday 2026-11-27 18:00 in Paris (17:00 UTC).
    assert.deepEqual(openingState(hours, { at: at('2026-11-27T17:00:00Z') }), { open: false, opensAt: { day: 'Mo', time: '08:30', inDays: 3 } });
    // Lunch break.
    assert.deepEqual(openingState(hours, { at: at('2026-11-24T11:30:00Z') }), { open: false, opensAt: { day: 'Tu', time: '13:30', inDays: 0 } });
    // Closing is exclusive, opening inclusive.
    assert.equal(openingState(hours, { at: at('2026-11-24T11:00:00Z') })?.open, false);
    assert.equal(openingState(hours, { at: at('2026-11-24T07:30:00Z') })?.open, true);
  });

  it('closes on public holidays when the hours say PH off', () => {
    const hours = parseOpeningHours('Mo-Fr 09:00-17:00; PH off');
    // Wednesday 2026-11-11 (Armistice) at 10:00 Paris.
    assert.deepEqual(openingState(hours, { at: at('2026-11-11T09:00:00Z') }), {
      open: false,
      publicHoliday: true,
      opensAt: { day: 'Th', time: '09:00', inDays: 1 },
    });
    // Without a PH rule, holidays follow the weekday.
    assert.equal(openingState(parseOpeningHours('Mo-Fr 09:00-17:00'), { at: at('2026-11-11T09:00:00Z') })?.open, true);
    // Easter Monday 2027 is 29 March; Good Friday counts in Alsace-Moselle only.
    assert.equal(isPublicHoliday(2027, 3, 29), true);
    assert.equal(isPublicHoliday(2027, 3, 26), false);
    assert.equal(isPublicHoliday(2027, 3, 26, '67482'), true);
    assert.equal(isPublicHoliday(2026, 12, 20, '97411'), true);
    assert.equal(isPublicHoliday(2026, 5, 14), true, 'Ascension 2026');
  });

  it('follows spans past midnight into the next day', () => {
    const hours = parseOpeningHours('Fr 22:00-02:00');
    // Saturday 01:00 Paris = Friday 00:00 UTC.
    assert.deepEqual(openingState(hours, { at: at('2026-11-28T00:00:00Z') }), { open: true, closesAt: { day: 'Sa', time: '02:00', inDays: 0 } });
    assert.deepEqual(openingState(hours, { at: at('2026-11-27T21:30:00Z') }), { open: true, closesAt: { day: 'Sa', time: '02:00', inDays: 1 } });
  });

  it('never closes a 24/7 place', () => {
    assert.deepEqual(openingState(parseOpeningHours('24/7'), { at: at('2026-11-23T03:00:00Z') }), { open: true });
    assert.deepEqual(openingState(parseOpeningHours('Mo-Su 00:00-24:00'), { at: at('2026-11-23T03:00:00Z') }), { open: true });
  });

  it('carries the comment of the current or next interval', () => {
    const hours = parseOpeningHours('Tu 14:00-18:00 "sur rendez-vous"');
    assert.deepEqual(openingState(hours, { at: at('2026-11-24T14:00:00Z') }), {
      open: true,
      closesAt: { day: 'Tu', time: '18:00', inDays: 0 },
      comment: 'sur rendez-vous',
    });
  });

  it('cannot tell for raw text, comment-only days, or an invalid instant', () => {
    assert.equal(openingState(parseOpeningHours('Sur rendez-vous')), null);
    assert.equal(openingState(null), null);
    assert.equal(openingState(parseOpeningHours('Mo-Fr "sur rendez-vous"'), { at: at('2026-11-23T10:00:00Z') }), null);
    assert.equal(openingState(parseOpeningHours('Mo-Fr 09:00-17:00'), { at: new Date('nope') }), null);
  });

  it('is closed with no next opening when nothing opens', () => {
    assert.deepEqual(openingState(parseOpeningHours('Mo-Su off'), { at: at('2026-11-23T10:00:00Z') }), { open: false });
  });

  it('survives an unknown time zone', () => {
    assert.equal(openingState(parseOpeningHours('Mo-Fr 09:00-17:00'), { at: at('2026-11-23T10:00:00Z'), timeZone: 'Mars/Olympus' })?.open, true);
  });
});

describe('formatWeek', () => {
  it('prints French rows with closed days', () => {
    const rows = formatWeek(parseOpeningHours('Mo-Fr 08:30-12:00,13:30-17:00; PH off'));
    assert.deepEqual(
      rows.map((row) => row.text),
      [
        'Lundi: 08:30–12:00, 13:30–17:00',
        'Mardi: 08:30–12:00, 13:30–17:00',
        'Mercredi: 08:30–12:00, 13:30–17:00',
        'Jeudi: 08:30–12:00, 13:30–17:00',
        'Vendredi: 08:30–12:00, 13:30–17:00',
        'Samedi: Fermé',
        'Dimanche: Fermé',
        'Jours fériés: Fermé',
      ],
    );
    assert.deepEqual(rows[5], { day: 'Sa', label: 'Samedi', hours: 'Fermé', closed: true, text: 'Samedi: Fermé' });
  });

  it('prints English rows, comments and round-the-clock days', () => {
    assert.equal(formatWeek(parseOpeningHours('Tu 14:00-18:00 "sur rendez-vous"'), 'en')[1]?.text, 'Tuesday: 14:00–18:00 (sur rendez-vous)');
    assert.equal(formatWeek(parseOpeningHours('24/7'), 'en')[6]?.text, 'Sunday: Open 24 hours');
    assert.equal(formatWeek(parseOpeningHours('24/7'))[0]?.hours, 'Ouvert 24 h/24');
    const note = formatWeek(parseOpeningHours('Mo-Fr "sur rendez-vous"'))[0];
    assert.equal(note?.text, 'Lundi: sur rendez-vous');
    assert.equal(note?.closed, false);
  });

  it('gives no rows for raw or missing hours', () => {
    assert.deepEqual(formatWeek(parseOpeningHours('Sur rendez-vous')), []);
    assert.deepEqual(formatWeek(null), []);
  });
});

describe('openingState agrees with the weekly table (property test)', () => {
  it('is open exactly when an interval of today, or a span from yesterday, covers the instant', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const days = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
    const time = () => `${String(Math.floor(random() * 24)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`;
    const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    let checked = 0;
    for (let round = 0; round < 400; round++) {
      const rules = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const selector = random() < 0.5 ? `${pick(days)}-${pick(days)}` : `${pick(days)},${pick(days)}`;
        const action = random() < 0.15 ? 'off' : Array.from({ length: 1 + Math.floor(random() * 2) }, () => `${time()}-${time()}`).join(',');
        return `${selector} ${action}`;
      });
      const hours = parseOpeningHours(rules.join('; '));
      assert.equal(hours?.kind, 'weekly', rules.join('; '));
      if (hours?.kind !== 'weekly') continue;
      for (let sample = 0; sample < 10; sample++) {
        const instant = new Date(Date.UTC(2026, 10, 23) + Math.floor(random() * 7 * 1440) * 60_000);
        const weekday = (instant.getUTCDay() + 6) % 7;
        const minutes = instant.getUTCHours() * 60 + instant.getUTCMinutes();
        const today: TimeInterval[] = hours.days[days[weekday] as (typeof days)[number]];
        const yesterday: TimeInterval[] = hours.days[days[(weekday + 6) % 7] as (typeof days)[number]];
        const expected: boolean =
          today.some((i) => toMinutes(i.from) <= minutes && (toMinutes(i.to) <= toMinutes(i.from) || minutes < toMinutes(i.to))) ||
          yesterday.some((i) => toMinutes(i.to) <= toMinutes(i.from) && minutes < toMinutes(i.to));
        const state = openingState(hours, { at: instant, timeZone: 'UTC' });
        assert.equal(state?.open, expected, `${hours.source} at ${instant.toISOString()}`);
        if (state?.open === false && state.opensAt) assert.equal(openingState(hours, { at: new Date(instant.getTime() + ((state.opensAt.inDays * 1440 + toMinutes(state.opensAt.time) - minutes) * 60_000)), timeZone: 'UTC' })?.open, true);
        checked++;
      }
    }
    assert.equal(checked, 4000);
  });
});

describe('describeOpeningState', () => {
  const hours = parseOpeningHours('Mo-Fr 08:30-12:00,13:30-17:00; PH off');
  const state = (iso: string) => openingState(hours, { at: at(iso) });

  it('words the state in French', () => {
    assert.equal(describeOpeningState(state('2026-11-24T09:00:00Z')), 'Ouvert jusqu’à 12:00');
    assert.equal(describeOpeningState(state('2026-11-24T11:30:00Z')), 'Fermé · ouvre à 13:30');
    assert.equal(describeOpeningState(state('2026-11-24T17:00:00Z')), 'Fermé · ouvre demain à 08:30');
    assert.equal(describeOpeningState(state('2026-11-27T17:00:00Z')), 'Fermé · ouvre lundi à 08:30');
    // Armistice day, a Wednesday.
    assert.equal(describeOpeningState(state('2026-11-11T09:00:00Z')), 'Fermé (jour férié) · ouvre demain à 08:30');
    assert.equal(describeOpeningState(openingState(parseOpeningHours('24/7'))), 'Ouvert 24 h/24');
    assert.equal(describeOpeningState(openingState(parseOpeningHours('Fr 22:00-02:00'), { at: at('2026-11-27T21:30:00Z') })), 'Ouvert jusqu’à demain 02:00');
    assert.equal(describeOpeningState(openingState(parseOpeningHours('Mo-Su off'))), 'Fermé');
  });

  it('words the state in English', () => {
    assert.equal(describeOpeningState(state('2026-11-24T09:00:00Z'), 'en'), 'Open until 12:00');
    assert.equal(describeOpeningState(state('2026-11-24T17:00:00Z'), 'en'), 'Closed · opens tomorrow at 08:30');
    assert.equal(describeOpeningState(state('2026-11-27T17:00:00Z'), 'en'), 'Closed · opens Monday at 08:30');
  });

  it('gives null when the hours cannot tell', () => {
    assert.equal(describeOpeningState(openingState(parseOpeningHours('Sur rendez-vous'))), null);
  });
});
