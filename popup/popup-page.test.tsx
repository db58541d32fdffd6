/**
 * @jest-environment jsdom
 */
/**
 * The popup as a person meets it, in jsdom with Testing Library: the real store, controller and components, with the
 * browser and the background replaced by fakes that answer the way the background does.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { AuditEntry, AuditStatus, TabAudit } from '../src/audit/audit-types';
import { NO_POLICY } from '../src/policy/managed-policy';
import type { SettingsChange } from '../src/settings/settings-change';
import type { TabView, TabViewVendor } from '../src/ui/tab-view';
import { DEFAULT_SETTINGS } from '../src/settings/user-settings';
import { createPageStore } from '../src/ui/page-store';
import { createPopupController, type PopupDeps } from './popup-controller';
import { startRenderer } from './popup-renderer';
import { INITIAL_STATE } from './popup-state';
import { displayAudit, firstScreenOf } from '../src/audit/audit-display';
import { firstScreenRequestSchema } from '../src/audit/audit-first-screen';
import { storedFirstScreenOf } from '../src/audit/stored-first-screen';
import { payloadParser } from '../src/messaging';

const TAB = 7;
const URL_HERE = 'https://app.ci.example/pipelines';

function entry(
  over: Partial<AuditEntry> & {
    url: string;
    status: AuditStatus;
    vendorId: string | null;
    vendorName: string;
    category?: string | null;
  },
): AuditEntry {
  const url = new URL(over.url);
  return {
    key: `${over.url}|${over.status}`,
    url: over.url,
    urlTruncated: false,
    host: url.hostname,
    path: url.pathname,
    type: over.type ?? 'script',
    vendor: {
      id: over.vendorId,
      name: over.vendorName,
      category: (over.category ?? (over.vendorId === null ? null : 'analytics')) as never,
      source: over.vendorId === null ? null : 'curated',
    },
    status: over.status,
    reason: over.reason ?? (over.status === 'blocked' ? 'Blocked by default: analytics.' : 'No rule covers this host.'),
    outcomes: over.outcomes ?? { loaded: 1 },
    integrity: over.integrity ?? 'absent',
    count: over.count ?? 1,
    firstSeen: 1_000,
    lastSeen: 1_000,
    inFrame: over.inFrame ?? false,
  };
}

const audit = (entries: AuditEntry[]): TabAudit => ({
  v: 1,
  tabId: TAB,
  page: { url: URL_HERE, host: 'app.ci.example', timeOrigin: 1, dashboardId: 'ci', dashboardName: 'CI' },
  entries,
  unlisted: 0,
  bytes: 0,
  stored: {},
  updatedAt: entries.length,
});

interface Fake {
  readonly sent: { type: string; payload: unknown }[];
  readonly deps: PopupDeps;
  vendors: Map<string, TabViewVendor>;
  pauseAllowed: boolean;
  pushAudit(value: unknown): void;
  reloaded: number[];
}

function fakeBrowser(
  stored: unknown,
  options: {
    vendors?: TabViewVendor[];
    pauseAllowed?: boolean;
    pauseRefusal?: string;
    /** The popup's read of the whole audit answers only once this settles. */
    readAfter?: Promise<void>;
    /** What the background holds for the tab: the stored audit unless told (another tab's, or refused). */
    held?: TabAudit | 'refuse';
    /** The background's reply to `audit/first-screen`, as sent, instead of its handler's. */
    firstScreenReply?: unknown;
    /** What storage.session holds under the tab's first-screen key (none unless told). */
    storedFirstScreen?: unknown;
    /** The popup's read of that key answers only once this settles. */
    storedAfter?: Promise<void>;
  } = {},
): Fake {
  // The background's answer (audit-first-screen-handler.ts), from the audit it holds for the asked tab.
  const held = (tabId: number): TabAudit | undefined =>
    options.held === undefined ? (tabId === TAB && isAudit(stored) ? stored : undefined) : (options.held as TabAudit);
  const sent: { type: string; payload: unknown }[] = [];
  const auditListeners: ((value: unknown) => void)[] = [];
  const fake: Fake = {
    sent,
    vendors: new Map((options.vendors ?? []).map((v) => [v.id, v])),
    pauseAllowed: options.pauseAllowed ?? true,
    reloaded: [],
    pushAudit: (value) => auditListeners.forEach((l) => l(value)),
    deps: {
      async send(message) {
        if (message.type === 'audit/first-screen') {
          sent.push(message);
          if (options.held === 'refuse') return { ok: false, error: 'not in this test' };
          if (options.firstScreenReply === 'never') return new Promise(() => undefined);
          if (options.firstScreenReply !== undefined) return { ok: true, value: options.firstScreenReply };
          const parsed = payloadParser('audit/first-screen', firstScreenRequestSchema)(message.payload);
          if (!parsed.ok) return parsed;
          const audit = held(parsed.value.tabId);
          return { ok: true, value: audit ? firstScreenOf(displayAudit(audit), parsed.value.items) : null };
        }
        return answer(message);
      },
      tabId: () => Promise.resolve(TAB),
      tabUrl: () => Promise.resolve(URL_HERE),
      readAudit: async () => {
        await options.readAfter;
        return stored;
      },
      readFirstScreen: async () => {
        await options.storedAfter;
        return options.storedFirstScreen;
      },
      onAuditChanged: (_tabId, listener) => void auditListeners.push(listener),
      onSettingsChanged: () => undefined,
      askPage: () => Promise.resolve({ timeOrigin: 1, strictMode: 'none' }),
      hostAccess: () => Promise.resolve(true),
      requestAccess: () => Promise.resolve(true),
      reloadTab: (tabId) => {
        fake.reloaded.push(tabId);
        return Promise.resolve();
      },
      closePopup: () => undefined,
      download: () => undefined,
      now: () => 2_000,
      updateIntervalMs: 0,
      confirmMs: 60_000,
      firstItems: 60,
      firstScreenWaitMs: 5_000,
      readDropped: () => Promise.resolve({}),
      onLogChanged: () => undefined,
    },
  };
  function answer(message: { type: string; payload: unknown }): unknown {
    sent.push(message);
    const ok = (value: unknown) => ({ ok: true, value });
    switch (message.type) {
      case 'popup/tab-view': {
        const payload = message.payload as { vendorIds: string[]; find?: string };
        const found =
          payload.find === undefined
            ? undefined
            : fake.vendors.has(payload.find)
              ? { ok: true, vendorId: payload.find }
              : { ok: false, error: `No vendor called "${payload.find}".` };
        const ids = new Set([...payload.vendorIds, ...(found?.ok ? [payload.find as string] : [])]);
        const view: TabView = {
          dashboard: { id: 'ci', name: 'CI' },
          vendors: [...ids].map((id) => fake.vendors.get(id)).filter((v): v is TabViewVendor => v !== undefined),
          ...(found === undefined ? {} : { found: found as TabView['found'] }),
          suggestions: [...fake.vendors.values()].map((v) => `${v.name} (${v.id})`),
          strictMode: null,
          strictModeOrigin: 'https://app.ci.example/*',
          reportOnly: false,
          pauseRefusal: options.pauseRefusal ?? null,
          categoryLabels: { analytics: 'Analytics', realtime: 'Realtime' },
        };
        return ok(view);
      }
      case 'settings/change': {
        const change = message.payload as SettingsChange & { vendorId: string; action: 'allow' | 'block' | null };
        const vendor = fake.vendors.get(change.vendorId);
        if (vendor) {
          const state = vendor.state === 'block' ? 'allow' : 'block';
          fake.vendors.set(vendor.id, {
            ...vendor,
            state,
            change: { ...change, action: state === 'block' ? 'allow' : 'block' } as SettingsChange,
          });
        }
        return ok({ applied: true, settings: DEFAULT_SETTINGS, notes: [] });
      }
      case 'settings/get':
        return ok({ settings: DEFAULT_SETTINGS, problems: [] });
      case 'policy/get':
        return ok({ policy: NO_POLICY, warnings: [], source: 'none', managed: false });
      case 'tab-pause/get':
        return ok({ tabId: TAB, paused: false, allowed: fake.pauseAllowed });
      case 'tab-pause/set':
        return ok({ tabId: TAB, paused: (message.payload as { paused: boolean }).paused, allowed: true });
      default:
        return { ok: false, error: 'not in this test' };
    }
  }
  return fake;
}

function openPopup(fake: Fake, firstRows = 60): { root: HTMLElement; stop: () => void } {
  document.body.innerHTML = '<div id="popup"></div>';
  const root = document.getElementById('popup')!;
  const store = createPageStore(INITIAL_STATE);
  const actions = createPopupController(store, fake.deps);
  const stop = startRenderer({
    root,
    store,
    actions,
    send: fake.deps.send,
    now: () => 2_000,
    defer: (task) => setTimeout(task, 0),
    clock: () => performance.now(),
    firstRows,
    sliceMs: 8,
    mountFleetStatus: () => undefined,
  });
  void actions.start();
  return { root, stop };
}

const isAudit = (value: unknown): value is TabAudit =>
  typeof value === 'object' && value !== null && 'entries' in value;

const tracker: TabViewVendor = {
  id: 'tracker',
  name: 'Tracker',
  state: 'block',
  ruleHere: false,
  change: { kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'tracker', action: 'allow' },
};
const live: TabViewVendor = {
  id: 'live',
  name: 'Live',
  state: 'allow',
  ruleHere: false,
  change: { kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'live', action: 'block' },
};

const rowsOf = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('#audit li.entry')].map((li) => ({
    vendor: li.dataset.vendor,
    status: li.dataset.status,
    url: li.dataset.url,
  }));
const groupsOf = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('#audit li.group')].map((li) => li.dataset.vendorGroup);
/** Waits until `rows` rows are built and the list says it caught up. */
const waitUntilBuilt = (root: HTMLElement, rows: number, timeout = 5_000) =>
  waitFor(
    () => {
      expect(root.querySelectorAll('#audit li.entry')).toHaveLength(rows);
      expect(root.querySelector('#audit')?.getAttribute('aria-busy')).toBe('false');
    },
    { timeout },
  );

const PAGE = [
  entry({
    url: 'https://live.example/socket.js',
    status: 'allowed-essential',
    vendorId: 'live',
    vendorName: 'Live',
    category: 'realtime',
    integrity: 'present',
    reason: 'Allowed: dashboards need it.',
  }),
  entry({ url: 'https://tracker.example/t.js', status: 'blocked', vendorId: 'tracker', vendorName: 'Tracker' }),
  entry({
    url: 'https://tracker.example/pixel.gif',
    status: 'blocked',
    vendorId: 'tracker',
    vendorName: 'Tracker',
    type: 'image',
    count: 3,
  }),
  entry({
    url: 'https://cdn.unknown.example/lib.js',
    status: 'allowed-unknown',
    vendorId: null,
    vendorName: 'unknown.example',
  }),
];

describe('popup', () => {
  it('opens on the summary, then one list of vendors, blocked first, each row keeping the test contract', async () => {
    const { root, stop } = openPopup(fakeBrowser(audit(PAGE), { vendors: [tracker, live] }));
    await waitUntilBuilt(root, 4);
    await screen.findByText('CI');
    expect(root.querySelector('#summary')?.textContent).toBe('4 blocked, 1 allowed, 1 unknown');
    expect(screen.getByRole('list', { name: 'Requests by category' }).textContent).toContain('Analytics');
    expect(groupsOf(root)).toEqual(['tracker', 'unknown', 'live']);
    expect(rowsOf(root)).toEqual(
      expect.arrayContaining([
        { vendor: 'tracker', status: 'blocked', url: 'https://tracker.example/t.js' },
        { vendor: 'unknown', status: 'allowed-unknown', url: 'https://cdn.unknown.example/lib.js' },
        { vendor: 'live', status: 'allowed-essential', url: 'https://live.example/socket.js' },
      ]),
    );
    // Folded until asked: the group's button unfolds its requests, for the keyboard too.
    const toggle = within(root.querySelector<HTMLElement>('li[data-vendor-group="tracker"]')!).getAllByRole(
      'button',
    )[0]!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'));
    expect(root.querySelector('#' + toggle.getAttribute('aria-controls'))?.hasAttribute('hidden')).toBe(false);
    // An allowed script without SRI is flagged; the unknown vendor has no quick action.
    expect(
      root.querySelector('li.entry[data-url="https://cdn.unknown.example/lib.js"] [data-flag="no-sri"]'),
    ).not.toBeNull();
    expect(root.querySelector('li[data-vendor-group="unknown"] [data-qa="vendor-toggle"]')).toBeNull();
    stop();
  });

  it('allows a vendor here from its row, then offers to block it again and to reload', async () => {
    const fake = fakeBrowser(audit(PAGE), { vendors: [tracker, live] });
    const { root, stop } = openPopup(fake);
    const allow = await screen.findByRole('button', { name: 'Allow here: Tracker on CI' });
    fireEvent.click(allow);
    await screen.findByRole('button', { name: 'Block here: Tracker on CI' });
    expect(fake.sent.find((m) => m.type === 'settings/change')?.payload).toEqual(tracker.change);
    expect(root.querySelector('li[data-vendor-group="tracker"]')?.getAttribute('data-state')).toBe('allow');
    expect(root.querySelector('[data-qa="status"]')?.textContent).toBe(
      'Tracker allowed on CI. Reload the page to apply.',
    );
    const reload = root.querySelector<HTMLButtonElement>('[data-qa="reload"]')!;
    expect(reload.hidden).toBe(false);
    fireEvent.click(reload);
    await waitFor(() => expect(fake.reloaded).toEqual([TAB]));
    stop();
  });

  it('names another vendor the page did not load, with its action; an unknown name gets a message', async () => {
    const other: TabViewVendor = {
      ...tracker,
      id: 'intercom',
      name: 'Intercom',
      change: { kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'intercom', action: 'allow' },
    };
    const { root, stop } = openPopup(fakeBrowser(audit(PAGE), { vendors: [tracker, live, other] }));
    const input = await screen.findByLabelText('Another vendor');
    fireEvent.input(input, { target: { value: 'nobody' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No vendor called "nobody".');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(input, { target: { value: 'intercom' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByRole('button', { name: 'Allow here: Intercom on CI' });
    expect(root.querySelector('li[data-vendor-group="intercom"]')?.textContent).toContain('Not seen on this page.');
    stop();
  });

  it('shows what the organisation decides as locked: no click on a managed vendor, and no pause', async () => {
    const managed: TabViewVendor = { ...tracker, change: null };
    const { root, stop } = openPopup(
      fakeBrowser(audit(PAGE), {
        vendors: [managed, live],
        pauseAllowed: false,
        pauseRefusal: 'the policy locks the settings (lockUserRules) and does not allow pausing (allowTabPause).',
      }),
    );
    const button = await screen.findByRole('button', { name: 'Allow here: Tracker on CI' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(root.querySelector('li[data-vendor-group="tracker"] .group-reason')?.textContent).toContain(
      'Managed by your organisation',
    );
    await waitFor(() => expect(root.querySelector<HTMLButtonElement>('[data-qa="pause"]')?.disabled).toBe(true));
    expect(root.querySelector('[data-qa="pause-note"]')?.textContent).toBe(
      'Managed by your organisation: the policy locks the settings (lockUserRules) and does not allow pausing (allowTabPause).',
    );
    stop();
  });

  it('pauses on this tab from the header', async () => {
    const { root, stop } = openPopup(fakeBrowser(audit(PAGE), { vendors: [tracker] }));
    const pause = await screen.findByRole('button', { name: 'Pause on this tab' });
    await waitFor(() => expect((pause as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(pause);
    await waitFor(() => expect(root.querySelector('[data-qa="pause"]')?.getAttribute('aria-pressed')).toBe('true'));
    expect(root.querySelector('[data-qa="status"]')?.textContent).toBe('Paused on this tab. Reload the page to apply.');
    stop();
  });

  it('shows hostile URLs as text: no markup from a URL becomes an element, and the full URL reads back', async () => {
    const hostile =
      'https://cdn.unknown.example/noop.js?q="><img src=x onerror="top.dgPwned=1"><script>top.dgPwned=2</script>';
    const { root, stop } = openPopup(
      fakeBrowser(
        audit([
          entry({ url: hostile, status: 'allowed-unknown', vendorId: null, vendorName: '<b>unknown</b>.example' }),
        ]),
      ),
    );
    await waitUntilBuilt(root, 1);
    expect(root.querySelectorAll('#audit img, #audit script, #audit b')).toHaveLength(0);
    expect(root.querySelector('li.group')?.textContent).toContain('<b>unknown</b>.example');
    const row = root.querySelector<HTMLElement>('li.entry')!;
    expect(row.dataset.url).toBe(hostile);
    const details = row.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(row.querySelector('code.url')?.textContent).toBe(hostile));
    expect((window as unknown as { dgPwned?: unknown }).dgPwned).toBeUndefined();
    stop();
  });

  // 1,000 rows: jsdom builds elements far slower than a browser (`npm run bench` times 5,000 in Chromium).
  it('builds a long list a slice at a time: a first slice at once, then every row', async () => {
    const many = Array.from({ length: 1_000 }, (_, i) =>
      entry({
        url: `https://v${i % 20}.example/r${i}.js`,
        status: i % 2 ? 'blocked' : 'allowed-unknown',
        vendorId: i % 2 ? `v${i % 20}` : null,
        vendorName: `v${i % 20}.example`,
      }),
    );
    const { root, stop } = openPopup(fakeBrowser(audit(many)), 60);
    await waitFor(() => expect(root.querySelectorAll('#audit li.entry').length).toBeGreaterThan(0));
    expect(root.querySelectorAll('#audit li.entry').length).toBeLessThanOrEqual(60);
    expect(root.querySelector('#audit')?.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(root.querySelector('#audit')?.getAttribute('aria-busy')).toBe('false'), {
      timeout: 20_000,
    });
    expect(root.querySelectorAll('#audit li.entry')).toHaveLength(1_000);
    expect(root.querySelector('#audit')?.getAttribute('data-rendered')).toBe('1000');
    stop();
  }, 30_000);

  it('says in the footer what the log dropped, and reads it again when the log changes', async () => {
    const fake = fakeBrowser(audit(PAGE));
    let dropped: Record<string, number> = {};
    let logChanged: () => void = () => undefined;
    const { root, stop } = openPopup({
      ...fake,
      deps: {
        ...fake.deps,
        readDropped: () => Promise.resolve(dropped),
        onLogChanged: (listener) => void (logChanged = listener),
      },
    });
    await waitUntilBuilt(root, 4);
    const line = root.querySelector<HTMLElement>('#log-dropped')!;
    expect(line.hidden).toBe(true);
    dropped = { 'https://app.ci.example tab 7': 40, 'https://other.example tab 9': 2 };
    logChanged();
    await waitFor(() => expect(line.hidden).toBe(false));
    expect(line.textContent).toBe(
      '42 records dropped to keep the log within its limit: 40 from https://app.ci.example tab 7, 2 from https://other.example tab 9.',
    );
    stop();
  });

  it('follows the audit live and filters by text and status', async () => {
    const fake = fakeBrowser(audit(PAGE.slice(0, 2)), { vendors: [tracker, live] });
    const { root, stop } = openPopup(fake);
    await waitUntilBuilt(root, 2);
    fake.pushAudit(audit(PAGE));
    await waitFor(() => expect(rowsOf(root)).toHaveLength(4));
    expect(root.querySelector('#summary')?.textContent).toBe('4 blocked, 1 allowed, 1 unknown');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'blocked' } });
    await waitFor(() =>
      expect(
        [...root.querySelectorAll<HTMLElement>('#audit li.entry:not([hidden])')].map((li) => li.dataset.vendor),
      ).toEqual(['tracker', 'tracker']),
    );
    expect(root.querySelector<HTMLElement>('li[data-vendor-group="live"]')?.hidden).toBe(true);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    fireEvent.input(screen.getByLabelText('Filter by vendor, host or URL'), { target: { value: 'socket' } });
    await waitFor(() =>
      expect(
        [...root.querySelectorAll<HTMLElement>('#audit li.entry:not([hidden])')].map((li) => li.dataset.url),
      ).toEqual(['https://live.example/socket.js']),
    );
    fake.pushAudit(undefined);
    await waitFor(() => expect(rowsOf(root)).toHaveLength(0));
    stop();
  });
});

describe('popup first screen', () => {
  /** A gate the popup's read of the whole audit waits on. */
  function gate(): { opened: Promise<void>; open: () => void } {
    let open = (): void => undefined;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  }
  /** 100 rows of 80 vendors, every fourth blocked: more vendor groups than the first draw holds. */
  const WIDE = Array.from({ length: 100 }, (_, i) =>
    entry({
      url: `https://v${i % 80}.example/r${i}.js`,
      status: (i % 80) % 4 === 3 ? 'blocked' : 'allowed-unknown',
      vendorId: (i % 80) % 4 === 3 ? `v${i % 80}` : null,
      vendorName: `v${i % 80}.example`,
    }),
  );

  it("draws the background's first screen before the whole audit is read, then every row", async () => {
    const read = gate();
    const fake = fakeBrowser(audit(WIDE), { readAfter: read.opened });
    const { root, stop } = openPopup(fake, 60);
    await waitFor(() => expect(root.querySelectorAll('#audit li.group')).toHaveLength(60));
    expect(fake.sent.find((m) => m.type === 'audit/first-screen')?.payload).toEqual({ tabId: TAB, items: 60 });
    // The whole audit's summary, its blocked vendors first, none of its rows yet: the list says it is not done.
    expect(root.querySelector('#summary')?.textContent).toBe('25 blocked, 0 allowed, 75 unknown');
    const heads = groupsOf(root);
    expect(heads.slice(0, 20).every((g) => g !== 'unknown')).toBe(true);
    expect(heads[20]).toBe('unknown');
    expect(root.querySelectorAll('#audit li.entry')).toHaveLength(0);
    expect(root.querySelector('#audit')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('#audit')?.getAttribute('data-rendered')).toBe('0');
    read.open();
    await waitUntilBuilt(root, 100);
    expect(root.querySelectorAll('#audit li.group')).toHaveLength(80);
    expect(groupsOf(root).slice(0, 60)).toEqual(heads);
    expect(root.querySelector('#audit')?.getAttribute('data-rendered')).toBe('100');
    stop();
  });

  it('draws a small audit whole from the first screen, quick actions included, before the read answers', async () => {
    const read = gate();
    const { root, stop } = openPopup(fakeBrowser(audit(PAGE), { vendors: [tracker, live], readAfter: read.opened }));
    await waitUntilBuilt(root, 4);
    expect(groupsOf(root)).toEqual(['tracker', 'unknown', 'live']);
    expect(root.querySelector('#summary')?.textContent).toBe('4 blocked, 1 allowed, 1 unknown');
    await screen.findByRole('button', { name: 'Allow here: Tracker on CI' });
    expect(root.querySelector('li[data-vendor-group="tracker"] .group-reason')?.textContent).toBe(
      'Blocked by default: analytics.',
    );
    read.open();
    stop();
  });

  it('reads the audit itself when the background cannot answer', async () => {
    const fake = fakeBrowser(audit(PAGE), { held: 'refuse' });
    const { root, stop } = openPopup(fake);
    await waitUntilBuilt(root, 4);
    expect(fake.sent.some((m) => m.type === 'audit/first-screen')).toBe(true);
    expect(groupsOf(root)).toEqual(['tracker', 'unknown', 'live']);
    stop();
  });

  it('does not wait for a background that does not answer: the audit is read after a while', async () => {
    const fake = fakeBrowser(audit(PAGE), { firstScreenReply: 'never' });
    const { root, stop } = openPopup({ ...fake, deps: { ...fake.deps, firstScreenWaitMs: 50 } });
    await waitUntilBuilt(root, 4);
    expect(groupsOf(root)).toEqual(['tracker', 'unknown', 'live']);
    stop();
  });

  it("does not draw an answer about another tab, nor one that fails the reply's check", async () => {
    for (const reply of [
      { ...displayAudit({ ...audit(PAGE), tabId: 99 }) },
      { ...displayAudit(audit(PAGE)), groups: [{ key: 'x', vendor: { id: null, name: 'x' }, entries: 'no' }] },
    ]) {
      const read = gate();
      const fake = fakeBrowser(audit(PAGE.slice(0, 1)), { firstScreenReply: reply, readAfter: read.opened });
      const { root, stop } = openPopup(fake);
      await waitFor(() => expect(fake.sent.some((m) => m.type === 'popup/tab-view')).toBe(true));
      expect(root.querySelectorAll('#audit li.group')).toHaveLength(0);
      read.open();
      await waitUntilBuilt(root, 1);
      expect(groupsOf(root)).toEqual(['live']);
      stop();
    }
  });

  it('keeps a live update that came before the read answered: the older read does not undo it', async () => {
    const read = gate();
    const fake = fakeBrowser(audit(PAGE.slice(0, 2)), { readAfter: read.opened });
    const { root, stop } = openPopup(fake);
    await waitUntilBuilt(root, 2);
    fake.pushAudit(audit(PAGE));
    await waitUntilBuilt(root, 4);
    read.open();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await waitUntilBuilt(root, 4);
    expect(root.querySelector('#summary')?.textContent).toBe('4 blocked, 1 allowed, 1 unknown');
    stop();
  });

  it('draws the first screen stored beside the audit when the background does not answer (its worker was stopped)', async () => {
    const read = gate();
    const fake = fakeBrowser(audit(WIDE), {
      firstScreenReply: 'never',
      storedFirstScreen: storedFirstScreenOf(audit(WIDE)),
      readAfter: read.opened,
    });
    // The read must not wait for the background's answer (which never comes) once the stored copy is drawn.
    const { root, stop } = openPopup({ ...fake, deps: { ...fake.deps, firstScreenWaitMs: 60_000 } });
    await waitFor(() => expect(root.querySelectorAll('#audit li.group')).toHaveLength(60));
    expect(root.querySelector('#summary')?.textContent).toBe('25 blocked, 0 allowed, 75 unknown');
    const heads = groupsOf(root);
    expect(heads.slice(0, 20).every((g) => g !== 'unknown')).toBe(true);
    expect(root.querySelectorAll('#audit li.entry')).toHaveLength(0);
    expect(root.querySelector('#audit')?.getAttribute('aria-busy')).toBe('true');
    read.open();
    await waitUntilBuilt(root, 100);
    expect(root.querySelectorAll('#audit li.group')).toHaveLength(80);
    expect(groupsOf(root).slice(0, 60)).toEqual(heads);
    stop();
  });

  it('does not draw a stored copy about another tab, nor one that fails the schema', async () => {
    const good = storedFirstScreenOf(audit(PAGE));
    for (const bad of [
      { ...good, tabId: 99 },
      { ...good, groups: [{ ...good.groups[0], vendor: { id: null, name: '<img src=x onerror=alert(1)>' }, x: 1 }] },
      { ...good, summary: { blocked: -4, allowed: 1, unknown: 1, wouldBeBlocked: 0 } },
      'audit',
    ]) {
      const read = gate();
      const fake = fakeBrowser(audit(PAGE.slice(0, 1)), {
        firstScreenReply: 'never',
        storedFirstScreen: bad,
        readAfter: read.opened,
      });
      const { root, stop } = openPopup({ ...fake, deps: { ...fake.deps, firstScreenWaitMs: 30 } });
      // Nothing drawn until the whole audit is read (after the wait for the background).
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(root.querySelectorAll('#audit li.group')).toHaveLength(0);
      expect(root.querySelector('img[src="x"]')).toBeNull();
      read.open();
      await waitUntilBuilt(root, 1);
      expect(groupsOf(root)).toEqual(['live']);
      expect(root.querySelector('#summary')?.textContent).toBe('0 blocked, 1 allowed, 0 unknown');
      stop();
    }
  });

  it("does not draw a stored copy older than the background's answer already drawn", async () => {
    const read = gate();
    const stored = gate();
    const fake = fakeBrowser(audit(WIDE), {
      storedFirstScreen: storedFirstScreenOf(audit(WIDE.slice(0, 8))),
      storedAfter: stored.opened,
      readAfter: read.opened,
    });
    const { root, stop } = openPopup(fake);
    await waitFor(() => expect(root.querySelectorAll('#audit li.group')).toHaveLength(60));
    stored.open();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(root.querySelectorAll('#audit li.group')).toHaveLength(60);
    expect(root.querySelector('#summary')?.textContent).toBe('25 blocked, 0 allowed, 75 unknown');
    read.open();
    await waitUntilBuilt(root, 100);
    stop();
  });
});
