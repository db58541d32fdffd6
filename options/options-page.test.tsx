/**
 * @jest-environment jsdom
 */
/**
 * The options page as a person meets it, in jsdom with Testing Library: the real store, controller and components,
 * with the background replaced by a fake that applies changes with the background's own code
 * (applySettingsChange, the real catalog) and the browser's permissions by a fake that grants what it is told to.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { h, render } from 'preact';
import { vendorCatalog } from '../src/catalog-data';
import type { RuntimeCatalog } from '../src/catalog/runtime-catalog';
import { NO_POLICY, type ManagedPolicy } from '../src/policy/managed-policy';
import type { PolicyStatus } from '../src/policy/policy-status';
import { applySettingsChange } from '../src/settings/apply-settings-change';
import type { SettingsChange } from '../src/settings/settings-change';
import type { SettingsClient } from '../src/settings/settings-client';
import { DEFAULT_SETTINGS, type UserSettings } from '../src/settings/user-settings';
import { createPageStore } from '../src/ui/page-store';
import { OptionsApp } from './components/options-app';
import { createOptionsController } from './options-controller';
import { INITIAL_OPTIONS_STATE } from './options-state';

/** A few categories of the real catalog, with their vendors: enough for every section, quick to draw in jsdom. */
function smallCatalog(): RuntimeCatalog {
  const categories = vendorCatalog.categories.filter((c) =>
    ['analytics', 'support-widget', 'session-replay', 'realtime'].includes(c.id),
  );
  const ids = new Set(categories.map((c) => c.id));
  return { ...vendorCatalog, categories, vendors: vendorCatalog.vendors.filter((v) => ids.has(v.category)) };
}

interface Page {
  readonly sent: SettingsChange[];
  readonly requested: string[][];
  readonly removed: string[][];
  readonly downloads: { fileName: string; text: string }[];
  stored(): UserSettings;
  container: HTMLElement;
}

async function openOptions(
  options: {
    settings?: UserSettings;
    policy?: Partial<ManagedPolicy>;
    warnings?: string[];
    catalog?: RuntimeCatalog;
    granted?: (origin: string) => boolean;
    grantOnRequest?: boolean;
  } = {},
): Promise<Page> {
  const catalog = options.catalog ?? smallCatalog();
  const policy: ManagedPolicy = { ...NO_POLICY, ...options.policy };
  const status: PolicyStatus = {
    policy,
    warnings: options.warnings ?? [],
    source: options.policy || options.warnings ? 'managed' : 'none',
    managed: options.policy !== undefined || options.warnings !== undefined,
  };
  let stored = options.settings ?? DEFAULT_SETTINGS;
  const sent: SettingsChange[] = [];
  const requested: string[][] = [];
  const removed: string[][] = [];
  const downloads: { fileName: string; text: string }[] = [];
  const granted = new Set<string>();
  const client: SettingsClient = {
    get: async () => ({ settings: stored, problems: [] }),
    policy: async () => status,
    change: async (change) => {
      sent.push(change);
      const outcome = applySettingsChange(stored, change, { catalog: vendorCatalog, policy });
      if (!outcome.ok) return { applied: false, errors: outcome.error };
      stored = outcome.value.settings;
      return { applied: true, settings: stored, notes: outcome.value.notes };
    },
    tabPause: async () => ({ tabId: 1, paused: false, allowed: true }),
    setTabPause: async () => ({ tabId: 1, paused: false, allowed: true }),
  };
  const store = createPageStore(INITIAL_OPTIONS_STATE);
  const controller = createOptionsController(store, {
    client,
    readCatalog: async () => catalog,
    permissions: {
      request: async (origins) => {
        requested.push(origins);
        if (options.grantOnRequest) for (const o of origins) granted.add(o);
        return options.grantOnRequest === true;
      },
      contains: async (origins) => origins.every((o) => granted.has(o) || (options.granted?.(o) ?? true)),
      remove: async (origins) => {
        removed.push(origins);
        for (const o of origins) granted.delete(o);
        return true;
      },
    },
    dashboardOrigins: ['https://app.circleci.com/*'],
    download: (fileName, text) => downloads.push({ fileName, text }),
    now: () => new Date(Date.UTC(2026, 11, 3)),
  });
  const container = document.createElement('div');
  document.body.append(container);
  const draw = (): void =>
    render(
      h(OptionsApp, {
        state: store.get(),
        actions: controller,
        send: async () => ({ ok: true, value: { ok: true } }),
        mountFleetStatus: () => undefined,
      }),
      container,
    );
  draw();
  store.subscribe(() => {
    void act(draw);
  });
  await act(() => controller.start());
  await screen.findByText('Vendors on dashboards');
  return { sent, requested, removed, downloads, stored: () => stored, container };
}

const row = (vendorId: string): HTMLElement => {
  const found = document.querySelector<HTMLElement>(`li.vendor[data-vendor="${vendorId}"]`);
  if (found === null) throw new Error(`no row for ${vendorId}`);
  return found;
};
const statusLine = (): string => document.getElementById('status')?.textContent ?? '';

afterEach(() => {
  for (const child of [...document.body.children]) {
    render(null, child);
    child.remove();
  }
});

describe('the options page', () => {
  it('draws every section from the settings, with the curated vendors and their state', async () => {
    const page = await openOptions();
    expect(document.querySelector('main#app')?.getAttribute('data-state')).toBe('ready');
    for (const heading of [
      'Mode',
      'Vendors on dashboards',
      'Per-dashboard rules',
      'Custom vendors',
      'Self-hosted dashboards',
      'Strict mode on sensitive pages',
      'Audit log',
      'Addresses in the audit',
      'Import, export and reset',
    ])
      expect(screen.getByRole('heading', { level: 2, name: heading })).toBeTruthy();
    const amplitude = within(row('amplitude'));
    expect(amplitude.getByRole('switch', { name: 'Block Amplitude on dashboards' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(amplitude.getByText('(default)')).toBeTruthy();
    expect(within(row('pusher')).getByRole('switch').textContent).toBe('Allowed');
    // Labelled controls, reachable by name.
    expect(screen.getByLabelText<HTMLInputElement>('Report-only mode').checked).toBe(false);
    expect(screen.getByLabelText<HTMLInputElement>('Keep the audit log for (days)').value).toBe('30');
    // No organisation notice without a policy; nothing said yet.
    expect(document.querySelector('[data-dg="managed-notice"]')).toBeNull();
    expect(statusLine()).toBe('');
    // The third-party-web vendors of a category are folded, drawn when the fold opens.
    const fold = document.querySelector<HTMLDetailsElement>('[data-category-section="analytics"] details.more')!;
    const folded = Number(/\d+/.exec(fold.querySelector('summary')!.textContent)![0]);
    expect(fold.querySelectorAll('li.vendor')).toHaveLength(0);
    fold.open = true;
    fold.dispatchEvent(new Event('toggle'));
    await waitFor(() => expect(fold.querySelectorAll('li.vendor')).toHaveLength(folded));
    expect(page.sent).toEqual([]);
  });

  it('applies a change, shows the saved state and says so in the live region', async () => {
    const page = await openOptions();
    fireEvent.click(within(row('amplitude')).getByRole('switch'));
    await waitFor(() => expect(statusLine()).toBe('Amplitude: allowed on every dashboard.'));
    expect(page.sent).toEqual([{ kind: 'set-vendor', vendorId: 'amplitude', action: 'allow' }]);
    expect(page.stored().vendorRules).toEqual({ amplitude: 'allow' });
    expect(within(row('amplitude')).getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(within(row('amplitude')).getByText('(your choice)')).toBeTruthy();
    expect(document.getElementById('status')?.getAttribute('aria-live')).toBe('polite');

    // Back to the default from the same row.
    fireEvent.click(within(row('amplitude')).getByRole('button', { name: 'Use default' }));
    await waitFor(() => expect(statusLine()).toBe('Amplitude: back to its default.'));
    expect(page.stored().vendorRules).toEqual({});

    // A category choice.
    const select = document.querySelector<HTMLSelectElement>('select[data-category="support-widget"]')!;
    fireEvent.change(select, { target: { value: 'allow' } });
    await waitFor(() => expect(statusLine()).toBe('Support widgets: allow all.'));
    expect(page.stored().categoryRules).toEqual({ 'support-widget': 'allow' });
    expect(within(row('intercom')).getByText('(from the category choice)')).toBeTruthy();

    // Report-only, then a per-dashboard rule through its form.
    fireEvent.click(screen.getByLabelText('Report-only mode'));
    await waitFor(() => expect(statusLine()).toMatch(/^Report-only mode on/));
    expect(screen.getByLabelText<HTMLInputElement>('Report-only mode').checked).toBe(true);
    fireEvent.change(document.querySelector('[data-field="rule-dashboard"]')!, { target: { value: 'gitlab' } });
    fireEvent.input(document.querySelector('[data-field="rule-vendor"]')!, { target: { value: 'Intercom' } });
    fireEvent.change(document.querySelector('[data-field="rule-action"]')!, { target: { value: 'block' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(document.querySelector('li[data-rule="gitlab/intercom"]')).not.toBeNull());
    expect(document.querySelector('li[data-rule="gitlab/intercom"]')?.textContent).toMatch(/^Block Intercom on GitLab/);
    expect((document.querySelector('[data-field="rule-vendor"]') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Remove the rule for Intercom on GitLab' }));
    await waitFor(() => expect(document.querySelector('li[data-rule="gitlab/intercom"]')).toBeNull());
    expect(statusLine()).toBe('Rule for Intercom on GitLab removed.');
  });

  it('names bad input at its field, keeps what was typed, and saves nothing', async () => {
    const page = await openOptions();
    // Checked on the page: a vendor no one knows.
    const vendorField = document.querySelector<HTMLInputElement>('[data-field="rule-vendor"]')!;
    fireEvent.input(vendorField, { target: { value: 'Intercomm' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(vendorField.getAttribute('aria-invalid')).toBe('true'));
    const described = (field: Element): string =>
      (field.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(described(vendorField)).toMatch(/No vendor called "Intercomm"/);
    expect(document.activeElement).toBe(vendorField);
    expect(page.sent).toEqual([]);

    // Checked by the background: a custom vendor whose domain is a public suffix.
    const name = document.querySelector<HTMLInputElement>('[data-field="custom-vendor-name"]')!;
    const domains = document.querySelector<HTMLTextAreaElement>('[data-field="custom-vendor-domains"]')!;
    fireEvent.input(name, { target: { value: 'Acme tracker' } });
    fireEvent.input(domains, { target: { value: 'co.uk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add vendor' }));
    await waitFor(() => expect(domains.getAttribute('aria-invalid')).toBe('true'));
    expect(described(domains)).toMatch(/co\.uk/);
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect([name.value, domains.value]).toEqual(['Acme tracker', 'co.uk']);
    expect(page.stored().customVendors).toEqual([]);

    // Fixed, it is saved and the message goes.
    fireEvent.input(domains, { target: { value: 'acme-tracker.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add vendor' }));
    await waitFor(() => expect(page.stored().customVendors).toHaveLength(1));
    await waitFor(() => expect(domains.getAttribute('aria-invalid')).toBeNull());
    expect(document.querySelector('[data-list="custom-vendors"] li.vendor')?.textContent).toMatch(/Acme tracker/);

    // A self-hosted dashboard given as a URL: refused inline, no permission asked.
    const host = document.querySelector<HTMLInputElement>('[data-field="dashboard-host"]')!;
    fireEvent.input(host, { target: { value: 'https://jenkins.example.com/job/build' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add dashboard' }));
    await waitFor(() => expect(host.getAttribute('aria-invalid')).toBe('true'));
    expect(page.requested).toEqual([]);
    expect(host.value).toBe('https://jenkins.example.com/job/build');

    // The retention field out of range.
    const days = screen.getByLabelText<HTMLInputElement>('Keep the audit log for (days)');
    fireEvent.input(days, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(days.getAttribute('aria-invalid')).toBe('true'));
    expect(days.value).toBe('0');
    expect(page.stored().auditRetentionDays).toBe(30);
  });

  it('adds a self-hosted dashboard, asking for its host in the same click, and shows its access', async () => {
    const page = await openOptions({ granted: () => false, grantOnRequest: false });
    const host = document.querySelector<HTMLInputElement>('[data-field="dashboard-host"]')!;
    fireEvent.input(host, { target: { value: 'JENKINS.Example.com.' } });
    fireEvent.change(document.querySelector('[data-field="dashboard-kind"]')!, { target: { value: 'Jenkins' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add dashboard' }));
    // Asked before anything was awaited: still inside the click.
    expect(page.requested).toEqual([['*://jenkins.example.com/*']]);
    const item = await waitFor(() => {
      const li = document.querySelector<HTMLElement>('[data-list="custom-dashboards"] li[data-dashboard]');
      if (li === null) throw new Error('not listed yet');
      return li;
    });
    expect(item.dataset.dashboard).toBe('jenkins.example.com');
    expect(item.textContent).toMatch(/Jenkins: jenkins\.example\.com/);
    await waitFor(() => expect(statusLine()).toMatch(/use "Grant access" to allow it/));
    await waitFor(() => within(item).getByRole('button', { name: 'Grant access to jenkins.example.com' }));
    expect(within(item).getByText('blocking on; the audit needs access to this host')).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: 'Remove jenkins.example.com' }));
    await waitFor(() => expect(document.querySelector('li[data-dashboard]')).toBeNull());
    expect(page.stored().customDashboards).toEqual([]);
  });

  it('shows what the organisation manages, with its reason, and locks those controls', async () => {
    await openOptions({
      policy: {
        blockedVendors: ['pusher'],
        blockedCategories: ['session-replay'],
        lockUserRules: true,
        keepFullAuditUrls: false,
        auditRetentionDays: 7,
        sensitivePages: ['||app.circleci.com/secret-page'],
      },
      warnings: ['colour: unknown key; ignored.'],
    });
    const notice = document.querySelector<HTMLElement>('[data-dg="managed-notice"]')!;
    expect(within(notice).getByRole('heading', { name: 'Managed by your organisation' })).toBeTruthy();
    expect(notice.textContent).toMatch(/Always blocked: Pusher\./);
    expect([...document.querySelectorAll('[data-dg="policy-warning"]')].map((e) => e.textContent)).toEqual([
      'colour: unknown key; ignored.',
    ]);

    // A vendor the policy forces: its switch disabled, the reason beside it.
    const pusher = row('pusher');
    expect(within(pusher).getByRole<HTMLButtonElement>('switch').disabled).toBe(true);
    expect(within(pusher).getByRole('switch').textContent).toBe('Blocked');
    expect(pusher.querySelector('.managed')?.textContent).toMatch(/^Managed by your organisation: /);
    // The lock: a vendor may be blocked, not allowed.
    expect(within(row('amplitude')).getByRole<HTMLButtonElement>('switch').disabled).toBe(true);
    expect(within(row('intercom')).getByRole<HTMLButtonElement>('switch').disabled).toBe(true);
    // A category the policy blocks.
    const replay = document.querySelector<HTMLSelectElement>('select[data-category="session-replay"]')!;
    expect(replay.disabled).toBe(true);
    expect(replay.parentElement?.textContent).toMatch(/Your organisation blocks this category\./);
    // Report-only, the audit's settings and the rule form.
    expect(screen.getByLabelText<HTMLInputElement>('Report-only mode').disabled).toBe(true);
    expect(screen.getByText(/report-only mode cannot be turned on/)).toBeTruthy();
    const keep = screen.getByLabelText<HTMLInputElement>('Keep full addresses (not recommended)');
    expect([keep.disabled, keep.checked]).toEqual([true, false]);
    expect(document.querySelector('[data-managed="keep-full-urls"]')?.textContent).toMatch(/redacts addresses/);
    const days = screen.getByLabelText<HTMLInputElement>('Keep the audit log for (days)');
    expect([days.disabled, days.value]).toEqual([true, '7']);
    const action = document.querySelector<HTMLSelectElement>('[data-field="rule-action"]')!;
    expect(action.value).toBe('block');
    expect(action.querySelector<HTMLOptionElement>('option[value="allow"]')?.disabled).toBe(true);
    // The organisation's sensitive page, read only.
    const page = document.querySelector('li[data-pattern="||app.circleci.com/secret-page"]');
    expect(page?.textContent).toMatch(/Managed by your organisation/);
    expect(page?.querySelector('[data-action="remove-sensitive-page"]')).toBeNull();
  });

  it('names what is wrong with a refused import, changes nothing, then imports a good file', async () => {
    const page = await openOptions({ settings: { ...DEFAULT_SETTINGS, vendorRules: { hotjar: 'allow' } } });
    const field = document.querySelector<HTMLInputElement>('#import-file')!;
    const importText = (name: string, text: string): void => {
      Object.defineProperty(field, 'files', {
        configurable: true,
        value: [{ name, text: async () => text }],
      });
      fireEvent.change(field);
    };
    const result = (): HTMLElement => document.querySelector<HTMLElement>('[data-result="import"]')!;

    importText('broken.json', '{"version": 2, "vendorRules": {"hotjar": "maybe"}}');
    await waitFor(() => expect(result().dataset.outcome).toBe('refused'));
    expect(result().textContent).toMatch(/^broken\.json was not imported; your settings are unchanged\./);
    expect(result().querySelectorAll('li').length).toBeGreaterThan(0);
    expect(page.stored().vendorRules).toEqual({ hotjar: 'allow' });

    // A second refused import is a new verdict (the e2e tests wait for data-outcome to appear again).
    const first = result();
    importText('broken.json', 'not json');
    await waitFor(() => expect(result()).not.toBe(first));
    await waitFor(() => expect(result().dataset.outcome).toBe('refused'));

    importText('good.json', JSON.stringify({ ...DEFAULT_SETTINGS, vendorRules: { amplitude: 'allow' } }));
    await waitFor(() => expect(result().dataset.outcome).toBe('imported'));
    expect(page.stored().vendorRules).toEqual({ amplitude: 'allow' });
    expect(statusLine()).toBe('good.json imported.');
    expect(within(row('amplitude')).getByRole('switch').textContent).toBe('Allowed');

    // Export writes the saved settings.
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    expect(page.downloads).toHaveLength(1);
    expect(JSON.parse(page.downloads[0]!.text)).toMatchObject({ vendorRules: { amplitude: 'allow' } });
    await waitFor(() => expect(statusLine()).toBe('Settings exported.'));

    // Reset asks for a second click, then resets.
    fireEvent.click(screen.getByRole('button', { name: 'Reset choices to defaults' }));
    const yes = screen.getByRole('button', { name: 'Yes, reset choices' });
    await waitFor(() => expect(document.activeElement).toBe(yes));
    fireEvent.click(yes);
    await waitFor(() => expect(page.stored().vendorRules).toEqual({}));
    expect(screen.queryByRole('button', { name: 'Yes, reset choices' })).toBeNull();
  });

  it('shows hostile names, patterns and policy text as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await openOptions({
      settings: {
        ...DEFAULT_SETTINGS,
        customVendors: [{ id: 'custom-hostile', name: hostile, domains: ['hostile.example'] }],
        customDashboards: [{ host: 'ci.hostile.example', name: `<script>alert(1)</script>` }],
      },
      policy: { extraVendors: [{ id: 'custom-org', name: `<b>org</b>`, domains: ['org-tracker.example'] }] },
      warnings: [`extraVendors[1]: <a href="javascript:alert(1)">click</a>; ignored.`],
    });
    expect(document.querySelector('img, script, b, a[href^="javascript"]')).toBeNull();
    expect(row('custom-hostile').querySelector('.vendor-name')?.textContent).toBe(hostile);
    expect(document.querySelector('li[data-dashboard="ci.hostile.example"]')?.textContent).toMatch(
      '<script>alert(1)</script>',
    );
    expect(document.querySelector('[data-dg="policy-warning"]')?.textContent).toBe(
      'extraVendors[1]: <a href="javascript:alert(1)">click</a>; ignored.',
    );
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('searches the whole catalog by name or domain', async () => {
    await openOptions({ catalog: vendorCatalog });
    const search = screen.getByLabelText('Search vendors');
    fireEvent.input(search, { target: { value: 'intercomcdn' } });
    const results = document.querySelector<HTMLElement>('ul[aria-label="Search results"]')!;
    await waitFor(() => expect(results.hidden).toBe(false));
    expect([...results.querySelectorAll('li.vendor')].map((li) => (li as HTMLElement).dataset.vendor)).toEqual([
      'intercom',
    ]);
    expect(screen.getByText('1 vendor matches.')).toBeTruthy();
    fireEvent.input(search, { target: { value: '' } });
    await waitFor(() => expect(results.hidden).toBe(true));
  }, 30_000);
});
