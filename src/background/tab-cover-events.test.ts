import { createTabCoverEvents } from './tab-cover-events';

function setup(changes = true, fails = false) {
  const seen: unknown[][] = [];
  const reconciled: boolean[] = [];
  const answer = (call: unknown[]): Promise<boolean> => {
    seen.push(call);
    return fails ? Promise.reject(new Error('tabs.query failed')) : Promise.resolve(changes);
  };
  const events = createTabCoverEvents(
    {
      navigating: (tabId, url) => answer(['navigating', tabId, url]),
      committed: (tabId, url) => answer(['committed', tabId, url]),
      failed: (tabId) => answer(['failed', tabId]),
      removed: (tabId) => answer(['removed', tabId]),
    },
    (changed) => changed.then((yes) => (reconciled.push(yes), yes)),
  );
  return { events, seen, reconciled };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the tab cover events (Firefox)', () => {
  it('follows the top-level document of each tab, and passes each change on', async () => {
    const t = setup();
    t.events.beforeNavigate({ tabId: 4, frameId: 0, url: 'https://app.ci.example/' });
    t.events.committed({ tabId: 4, frameId: 0, url: 'https://app.ci.example/a' });
    t.events.errorOccurred({ tabId: 4, frameId: 0 });
    t.events.removed(4);
    await flush();
    expect(t.seen).toEqual([
      ['navigating', 4, 'https://app.ci.example/'],
      ['committed', 4, 'https://app.ci.example/a'],
      ['failed', 4],
      ['removed', 4],
    ]);
    expect(t.reconciled).toEqual([true, true, true, true]);
  });

  it('a frame inside the page does not move its tab', async () => {
    const t = setup();
    t.events.beforeNavigate({ tabId: 4, frameId: 3, url: 'https://ads.example/' });
    t.events.committed({ tabId: 4, frameId: 3, url: 'https://ads.example/' });
    t.events.errorOccurred({ tabId: 4, frameId: 3 });
    await flush();
    expect(t.seen).toEqual([]);
  });

  it('a main-frame request waits for the rules and is never changed or cancelled, even when following fails', async () => {
    const ok = setup();
    expect(await ok.events.beforeRequest({ tabId: 7, url: 'https://app.ci.example/' })).toEqual({});
    expect(ok.reconciled).toEqual([true]);
    const failing = setup(true, true);
    expect(await failing.events.beforeRequest({ tabId: 7, url: 'https://app.ci.example/' })).toEqual({});
  });
});
