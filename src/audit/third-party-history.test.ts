import {
  EMPTY_HISTORY,
  markSeen,
  NEW_WINDOW_MS,
  readHistory,
  recordParties,
  thirdPartyHistorySchema,
  unseenParties,
} from './third-party-history';
import { conforms } from '../schema';

const AMPLITUDE = { key: 'amplitude', name: 'Amplitude', host: 'cdn.amplitude.com' };
const HOTJAR = { key: 'hotjar', name: 'Hotjar', host: 'static.hotjar.com' };
const UNKNOWN = { key: 'unknown:example.net', name: 'example.net', host: 'cdn.example.net' };
const DAY = 24 * 60 * 60_000;

describe('third-party history', () => {
  test('the first page of a dashboard is its baseline: nothing on it is new, even when it reports again', () => {
    let { history, found } = recordParties(EMPTY_HISTORY, 'circleci', 'tab1:100', [AMPLITUDE], 0);
    expect(found).toEqual([]);
    ({ history, found } = recordParties(history, 'circleci', 'tab1:100', [HOTJAR], 1_000));
    expect(found).toEqual([]);
    expect(unseenParties(history, 'circleci')).toEqual([]);
  });

  test('a party the dashboard has not loaded is new once, until seen; each dashboard has its own history', () => {
    let { history } = recordParties(EMPTY_HISTORY, 'circleci', 'tab1:100', [AMPLITUDE], 0);
    let found;
    ({ history, found } = recordParties(history, 'circleci', 'tab1:200', [AMPLITUDE, UNKNOWN, UNKNOWN], 1_000));
    expect(found).toEqual([UNKNOWN]);
    ({ history, found } = recordParties(history, 'circleci', 'tab2:300', [UNKNOWN], 2_000));
    expect(found).toEqual([]);
    expect(unseenParties(history, 'circleci')).toEqual(['unknown:example.net']);
    history = markSeen(history, 'circleci');
    expect(unseenParties(history, 'circleci')).toEqual([]);
    ({ history, found } = recordParties(history, 'circleci', 'tab2:400', [UNKNOWN], 3_000));
    expect(found).toEqual([]);
    // Another dashboard: its own baseline.
    expect(recordParties(history, 'gitlab', 'tab3:1', [UNKNOWN], 4_000).found).toEqual([]);
  });

  test('a party not loaded for more than 30 days is new again', () => {
    const { history: start } = recordParties(EMPTY_HISTORY, 'circleci', 'p0', [AMPLITUDE, HOTJAR], 0);
    const { history, found } = recordParties(start, 'circleci', 'p1', [HOTJAR], 29 * DAY);
    expect(found).toEqual([]);
    expect(recordParties(history, 'circleci', 'p2', [AMPLITUDE, HOTJAR], 31 * DAY).found).toEqual([AMPLITUDE]);
    expect(NEW_WINDOW_MS).toBe(30 * DAY);
  });

  test('a report with nothing new and nothing to refresh changes nothing (no write)', () => {
    const { history } = recordParties(EMPTY_HISTORY, 'circleci', 'p0', [AMPLITUDE], 0);
    expect(recordParties(history, 'circleci', 'p1', [AMPLITUDE], 60_000).history).toBe(history);
    expect(markSeen(history, 'circleci')).toBe(history);
  });

  test('an unreadable stored value is an empty history', () => {
    expect(readHistory(undefined)).toEqual(EMPTY_HISTORY);
    expect(readHistory({ v: 7 })).toEqual(EMPTY_HISTORY);
    expect(readHistory({ v: 1, dashboards: [] })).toEqual(EMPTY_HISTORY);
  });

  test("a dashboard's history that does not conform to the schema is left out, the others kept", () => {
    const { history } = recordParties(EMPTY_HISTORY, 'circleci', 'p0', [AMPLITUDE], 0);
    const stored = JSON.parse(JSON.stringify(history)) as { dashboards: Record<string, unknown> };
    const bad = [
      { baselinePage: 'p0' },
      { baselinePage: 'p0', parties: { amplitude: { name: 'Amplitude' } } },
      { baselinePage: 'p0', parties: { amplitude: { name: 'Amplitude', lastSeen: '0' } } },
      'circleci',
    ];
    for (const [index, dashboard] of bad.entries()) stored.dashboards[`bad-${index}`] = dashboard;
    expect(readHistory(stored)).toEqual(history);
    expect(conforms(readHistory(stored), thirdPartyHistorySchema)).toBe(true);
    // A page of a dashboard whose history was left out is its new baseline: nothing on it is new.
    expect(recordParties(readHistory(stored), 'bad-0', 'p1', [HOTJAR], 1).found).toEqual([]);
  });
});
