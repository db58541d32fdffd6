import { createReportSenders } from './report-senders';

const top = (tabId: number, url = 'https://app.ci.example/pipelines') => ({
  id: 'dashguard',
  url,
  tab: { id: tabId, url },
  frameId: 0,
});
const closing = (url = 'https://app.ci.example/pipelines') => ({ id: 'dashguard', url });

describe('createReportSenders', () => {
  it('gives the sender as the browser gave it when it has a tab', () => {
    const senders = createReportSenders();
    expect(senders.resolve('a', top(4))).toEqual(top(4));
  });

  it("gives a sender without a tab the tab, frame and tab page of the instance's earlier reports, with its own address", () => {
    const senders = createReportSenders();
    senders.resolve('frame', {
      id: 'dashguard',
      url: 'about:blank',
      tab: { id: 4, url: 'https://app.ci.example/' },
      frameId: 7,
    });
    expect(senders.resolve('frame', { id: 'dashguard', url: 'https://app.ci.example/x' })).toBeUndefined();
    senders.resolve('a', top(4));
    expect(senders.resolve('a', closing('https://app.ci.example/settings'))).toEqual({
      ...top(4),
      url: 'https://app.ci.example/settings',
    });
  });

  it('refuses an unknown instance, another origin, a tab without a usable id', () => {
    const senders = createReportSenders();
    expect(senders.resolve('a', closing())).toBeUndefined();
    senders.resolve('a', top(4));
    expect(senders.resolve('a', closing('https://evil.example/pipelines'))).toBeUndefined();
    expect(senders.resolve('a', { id: 'dashguard' })).toBeUndefined();
    expect(senders.resolve('b', { ...top(4), tab: { id: -1 } })).toBeUndefined();
    expect(senders.resolve('b', { ...top(4), tab: {} })).toBeUndefined();
    // A tab without an id does not make the browser's "no tab" case: nothing remembered is used for it.
    expect(senders.resolve('a', { ...closing(), tab: {} })).toBeUndefined();
  });

  it('remembers the most recent instances only, a report moving its instance to the front', () => {
    const senders = createReportSenders(2);
    senders.resolve('a', top(1));
    senders.resolve('b', top(2));
    senders.resolve('a', top(1));
    senders.resolve('c', top(3));
    expect(senders.resolve('b', closing())).toBeUndefined();
    expect(senders.resolve('a', closing())?.tab.id).toBe(1);
    expect(senders.resolve('c', closing())?.tab.id).toBe(3);
  });
});
