import { observation } from '../../test/unit/audit-observations';
import { TRACKER } from '../../test/unit/audit-fixtures';
import type { ThirdPartyHistoryStore } from '../audit';
import { createNewPartiesRecorder } from './new-parties-recorder';

describe('the new-parties recorder', () => {
  it("records a report's audited parties and passes the new ones on with their vendors", async () => {
    const recorded: unknown[][] = [];
    const found: unknown[][] = [];
    const record: ThirdPartyHistoryStore['record'] = async (dashboard, page, parties, now) => {
      recorded.push([dashboard, page, parties.map(({ key, name, host }) => ({ key, name, host })), now]);
      return { found: [{ key: parties[0]?.key ?? '', name: 'x', host: 'cdn.tracker.example' }], unseen: 3 };
    };
    const recorder = createNewPartiesRecorder({
      history: { record },
      now: () => 42,
      onFound: (dashboardId, parties) => void found.push([dashboardId, parties]),
    });
    const unaudited = observation(2, { classification: { audited: false, why: 'first-party' } });
    const unseen = await recorder({
      dashboardId: 'ci',
      page: 'tab-4 top-1',
      observations: [observation(1), unaudited],
    });
    expect(unseen).toBe(3);
    expect(recorded).toEqual([
      ['ci', 'tab-4 top-1', [{ key: 'tracker', name: TRACKER.name, host: 'cdn.tracker.example' }], 42],
    ]);
    expect(found).toEqual([['ci', [{ host: 'cdn.tracker.example', vendor: TRACKER }]]]);
  });

  it('passes nothing on when nothing is new', async () => {
    let told = false;
    const recorder = createNewPartiesRecorder({
      history: { record: async () => ({ found: [], unseen: 0 }) },
      now: () => 42,
      onFound: () => void (told = true),
    });
    expect(await recorder({ dashboardId: 'ci', page: 'p', observations: [observation(1)] })).toBe(0);
    expect(told).toBe(false);
  });
});
