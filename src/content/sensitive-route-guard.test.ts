import type { FreshLoadReply, SensitivePageFilter } from '../strict-mode/sensitive-route';
import { startSensitiveRouteGuard } from './sensitive-route-guard';

type Listener = (event: Event) => void;

/** Listeners by event type, called by the test as the browser would call them. */
class FakeTarget {
  readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener(): void {}
  dispatchEvent(): boolean {
    return true;
  }
  fire(type: string, event: Partial<Event> & Record<string, unknown> = {}): Event {
    const full = {
      isTrusted: true,
      cancelable: true,
      defaultPrevented: false,
      preventDefault() {
        (this as { defaultPrevented: boolean }).defaultPrevented = true;
      },
      ...event,
    } as unknown as Event;
    for (const listener of this.listeners.get(type) ?? []) listener(full);
    return full;
  }
}

const PAGES: SensitivePageFilter[] = [{ urlFilter: '||app.ci.example/settings/tokens', enforced: true }];
const ORDINARY = 'https://app.ci.example/pipelines';
const TOKENS = 'https://app.ci.example/settings/tokens';

function setup(
  start = ORDINARY,
  reply: FreshLoadReply | undefined = { loaded: true },
  pages: SensitivePageFilter[] = PAGES,
) {
  const navigation = new FakeTarget();
  const window = Object.assign(new FakeTarget(), { navigation });
  const location = { href: start };
  const requests: string[] = [];
  let onChange: () => void = () => undefined;
  const guard = startSensitiveRouteGuard({
    window: window,
    location,
    observeChanges: (callback) => {
      onChange = callback;
    },
    pages: () => pages,
    requestFreshLoad: async (url) => {
      requests.push(url);
      return reply;
    },
  });
  const navigate = (url: string, extra: Record<string, unknown> = {}) =>
    navigation.fire('navigate', {
      navigationType: 'push',
      destination: { url, sameDocument: true },
      ...extra,
    }) as Event & { defaultPrevented: boolean };
  return { guard, window, navigation, location, requests, navigate, mutate: () => onChange() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startSensitiveRouteGuard', () => {
  it('cancels an in-app route to a sensitive page before the address changes, and asks for it as a new document', () => {
    const t = setup();
    const event = t.navigate(`${TOKENS}?tab=new`);
    expect(event.defaultPrevented).toBe(true);
    expect(t.requests).toEqual([`${TOKENS}?tab=new`]);
    expect(t.guard.state()).toBe('loading');
  });

  it('leaves ordinary routes, new documents and leaving a sensitive page alone', () => {
    const t = setup();
    expect(t.navigate('https://app.ci.example/pipelines/42').defaultPrevented).toBe(false);
    // A cross-document navigation gets the header from the rules.
    expect(t.navigate(TOKENS, { destination: { url: TOKENS, sameDocument: false } }).defaultPrevented).toBe(false);
    expect(t.requests).toEqual([]);
    const onToken = setup(TOKENS);
    expect(onToken.navigate(ORDINARY).defaultPrevented).toBe(false);
    expect(onToken.requests).toEqual([]);
  });

  it('ignores forged events: only the real address counts, and a forged navigate is not acted on', () => {
    const t = setup();
    expect(t.navigate(TOKENS, { isTrusted: false }).defaultPrevented).toBe(false);
    // Forged commit signals only make the guard look at the address, which has not changed.
    t.window.fire('popstate', { isTrusted: false });
    t.navigation.fire('currententrychange', { isTrusted: false });
    t.mutate();
    expect(t.requests).toEqual([]);
  });

  it('catches at once after what it could not cancel: a traversal, an intercepted navigation, anything that bypasses the event', () => {
    const traverse = setup();
    expect(traverse.navigate(TOKENS, { navigationType: 'traverse', cancelable: false }).defaultPrevented).toBe(false);
    traverse.location.href = TOKENS;
    traverse.window.fire('popstate');
    expect(traverse.requests).toEqual([TOKENS]);

    const intercepted = setup();
    intercepted.location.href = `${TOKENS}#section`;
    intercepted.navigation.fire('currententrychange');
    expect(intercepted.requests).toEqual([`${TOKENS}#section`]);

    const bypassed = setup();
    bypassed.location.href = TOKENS;
    bypassed.mutate();
    expect(bypassed.requests).toEqual([TOKENS]);
  });

  it('asks once per document, and stops for good when the background refuses', async () => {
    const t = setup(ORDINARY, { loaded: false, reason: 'too many fresh loads of this tab' });
    t.navigate(TOKENS);
    t.navigate(`${TOKENS}/2`);
    expect(t.requests).toEqual([TOKENS]);
    await settle();
    expect(t.guard.state()).toBe('stopped');
    t.location.href = `${TOKENS}/3`;
    t.mutate();
    expect(t.navigate(`${TOKENS}/4`).defaultPrevented).toBe(false);
    expect(t.requests).toEqual([TOKENS]);
  });

  it('never asks to load again the address the document was loaded at, so it cannot loop', () => {
    // A token page loaded without the policy (no host access): routing away and back asks for nothing.
    const t = setup(TOKENS);
    t.location.href = ORDINARY;
    t.mutate();
    t.location.href = `${TOKENS}#again`;
    t.mutate();
    expect(t.navigate(TOKENS).defaultPrevented).toBe(false);
    expect(t.requests).toEqual([]);
  });

  it('does nothing for report-only pages, and acts once the page list says a page is sensitive', () => {
    const pages: SensitivePageFilter[] = [{ urlFilter: '||app.ci.example/settings/tokens', enforced: false }];
    const t = setup(ORDINARY, { loaded: true }, pages);
    t.location.href = TOKENS;
    t.mutate();
    expect(t.requests).toEqual([]);
    pages[0] = { urlFilter: '||app.ci.example/settings/tokens', enforced: true };
    t.guard.check();
    expect(t.requests).toEqual([TOKENS]);
  });
});
