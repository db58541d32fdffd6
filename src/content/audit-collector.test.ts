/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://circleci.com/pipelines"}
 */
/** The collector in jsdom: what it reports of script elements, and the DOM changes it passes on to the route guard. */
import type { NewObservation } from './report-queue';
import { startAuditCollector, type AuditCollector } from './audit-collector';
import { pageScope } from './observation-filter';

const dashboards = [{ hosts: ['circleci.com'], ownDomains: ['circle-artifacts.com'] }];

let collector: AuditCollector | undefined;
afterEach(() => {
  collector?.disconnect();
  collector = undefined;
  document.head.replaceChildren();
  document.body.replaceChildren();
});

function start(): { emitted: NewObservation[]; collector: AuditCollector } {
  const emitted: NewObservation[] = [];
  collector = startAuditCollector({
    window,
    document,
    scope: pageScope('circleci.com', dashboards),
    now: () => 1_000,
    emit: (observation) => emitted.push(observation),
    outcomeTimeoutMs: 10_000,
  });
  return { emitted, collector };
}

/** MutationObserver callbacks run at the next microtask checkpoint. */
const mutationsDelivered = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function script(src: string): HTMLScriptElement {
  const element = document.createElement('script');
  element.setAttribute('src', src);
  return element;
}

describe('DOM changes passed on', () => {
  it('calls every callback once per batch of changes, after the collector has looked at the batch', async () => {
    const { collector: started, emitted } = start();
    const seen: string[] = [];
    // Settling everything from the callback shows whether the batch's script was already tracked.
    started.observeChanges(() => {
      started.settleAll();
      seen.push(`first: ${emitted.length} reported`);
    });
    started.observeChanges(() => seen.push('second'));
    document.body.append(document.createElement('div'), document.createElement('p'));
    await mutationsDelivered();
    expect(seen).toEqual(['first: 0 reported', 'second']);

    document.head.append(script('https://cdn.segment.com/analytics.js'), document.createElement('meta'));
    await mutationsDelivered();
    expect(seen).toEqual(['first: 0 reported', 'second', 'first: 1 reported', 'second']);
  });

  it('still calls back when a src is set later, or only removed nodes changed', async () => {
    const { collector: started } = start();
    let calls = 0;
    started.observeChanges(() => (calls += 1));
    const element = document.createElement('script');
    document.head.append(element);
    await mutationsDelivered();
    element.setAttribute('src', 'https://cdn.amplitude.com/a.js');
    await mutationsDelivered();
    element.remove();
    await mutationsDelivered();
    expect(calls).toBe(3);
  });

  it('stops calling back once disconnected', async () => {
    const { collector: started } = start();
    let calls = 0;
    started.observeChanges(() => (calls += 1));
    started.disconnect();
    document.body.append(document.createElement('div'));
    await mutationsDelivered();
    expect(calls).toBe(0);
  });
});

describe('script elements', () => {
  it('reports a third-party script that never settles as pending when the page goes away, and no first-party one', async () => {
    const { collector: started, emitted } = start();
    document.head.append(script('https://cdn.segment.com/analytics.js?x=1#frag'), script('/own.js'));
    document.head.append(script('https://app.circle-artifacts.com/a.js'));
    await mutationsDelivered();
    started.settleAll();
    expect(emitted).toEqual([
      {
        url: 'https://cdn.segment.com/analytics.js?x=1',
        urlTruncated: false,
        type: 'script',
        observed: 'pending',
        integrity: false,
        time: 1_000,
      },
    ]);
  });
});
