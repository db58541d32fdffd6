/**
 * Applies one settings change to the current settings (pure): checks what the person typed, builds the new
 * settings, and validates them whole. The result is either the complete new settings, to be saved in one write, or
 * the reasons it was refused, each naming the form field (`host`, `domains`...) or settings path it is about.
 * A change that loosens what the organisation locks is refused here, visibly (the rule state would ignore it anyway).
 */
import { allDashboards, dashboardMatchesRef } from '../catalog';
import { hostMatchesDomain } from '../domains';
import type { Result } from '../shared';
import { lockedLoosenings, lockedRefusal } from '../policy';
import { normaliseSensitivePage, sensitivePageHost } from '../strict-mode';
import type { SettingsChange } from './settings-change';
import { readSettingsFile } from './settings-file';
import { uniqueCustomId } from './settings-migrations';
import {
  checkDashboardHost,
  checkName,
  checkSensitivePage,
  checkVendorDomains,
  LIMITS,
  validateSettings,
  type FieldError,
  type SettingsContext,
} from './settings-validation';
import { DEFAULT_SETTINGS, type UserSettings, type VendorDecision } from './user-settings';

/** The complete new settings, with notes for the person (a migrated import), or every reason it was refused. */
export type ChangeOutcome = Result<{ settings: UserSettings; notes: string[] }, FieldError[]>;

const changed = (settings: UserSettings, notes: string[] = []): ChangeOutcome => ({
  ok: true,
  value: { settings, notes },
});
const refuse = (field: string, message: string): ChangeOutcome => ({ ok: false, error: [{ field, message }] });

function withDecision<K extends string>(
  record: Readonly<Partial<Record<K, VendorDecision>>>,
  key: K,
  action: VendorDecision | null,
): Partial<Record<K, VendorDecision>> {
  const next: Partial<Record<K, VendorDecision>> = { ...record };
  if (action === null) delete next[key];
  else next[key] = action;
  return next;
}

/** The candidate settings for a change, before whole validation. */
function candidateFor(current: UserSettings, change: SettingsChange, context: SettingsContext): ChangeOutcome {
  const knownVendor = (id: string): boolean =>
    context.catalog.vendors.some((v) => v.id === id) ||
    context.policy.extraVendors.some((v) => v.id === id) ||
    current.customVendors.some((v) => v.id === id);
  switch (change.kind) {
    case 'set-vendor':
      if (!knownVendor(change.vendorId))
        return refuse('vendorId', `Dashguard does not know a vendor "${change.vendorId}".`);
      return changed({
        ...current,
        vendorRules: withDecision(current.vendorRules, change.vendorId, change.action) as Record<
          string,
          VendorDecision
        >,
      });
    case 'set-category':
      return changed({
        ...current,
        categoryRules: withDecision(current.categoryRules, change.category, change.action),
      });
    case 'set-dashboard-vendor': {
      const dashboard = allDashboards(context.catalog, current, context.policy).find((d) =>
        dashboardMatchesRef(d, change.dashboard),
      );
      if (dashboard === undefined)
        return refuse('dashboard', `Dashguard does not know a dashboard "${change.dashboard}".`);
      if (!knownVendor(change.vendorId))
        return refuse('vendorId', `Dashguard does not know a vendor "${change.vendorId}".`);
      const others = current.dashboardVendorRules.filter(
        (r) => !(dashboardMatchesRef(dashboard, r.dashboard) && r.vendorId === change.vendorId),
      );
      const rules =
        change.action === null
          ? others
          : [...others, { dashboard: dashboard.id, vendorId: change.vendorId, action: change.action }];
      if (rules.length > LIMITS.dashboardVendorRules)
        return refuse('vendorId', `At most ${LIMITS.dashboardVendorRules} per-dashboard rules.`);
      return changed({ ...current, dashboardVendorRules: rules });
    }
    case 'add-custom-vendor': {
      const name = checkName(change.name, 'vendor');
      const domains = checkVendorDomains(change.domains, context);
      const errors: FieldError[] = [];
      if (!name.ok) errors.push({ field: 'name', message: name.error });
      if (!domains.ok) errors.push({ field: 'domains', message: domains.error });
      if (domains.ok) {
        // One domain covering another (acme.example, pixel.acme.example): allowing one vendor would allow the other.
        const overlap = (a: string, b: string): boolean => hostMatchesDomain(a, b) || hostMatchesDomain(b, a);
        for (const vendor of current.customVendors) {
          const existing = vendor.domains.find((d) => domains.value.some((n) => overlap(d, n)));
          const typed = existing === undefined ? undefined : domains.value.find((n) => overlap(existing, n));
          if (existing === undefined || typed === undefined) continue;
          errors.push({
            field: 'domains',
            message:
              typed === existing
                ? `${existing} is already part of your vendor ${vendor.name}.`
                : `${typed} overlaps ${existing}, part of your vendor ${vendor.name}: a rule for one would apply to both.`,
          });
          break;
        }
      }
      if (current.customVendors.length >= LIMITS.customVendors)
        errors.push({ field: 'name', message: `At most ${LIMITS.customVendors} custom vendors.` });
      if (errors.length > 0 || !name.ok || !domains.ok) return { ok: false, error: errors };
      const taken = new Set([
        ...context.catalog.vendors.map((v) => v.id),
        ...context.policy.extraVendors.map((v) => v.id),
        ...current.customVendors.map((v) => v.id),
      ]);
      const vendor = { id: uniqueCustomId(name.value, taken), name: name.value, domains: domains.value };
      return changed({ ...current, customVendors: [...current.customVendors, vendor] });
    }
    case 'remove-custom-vendor': {
      const { [change.id]: _removed, ...vendorRules } = current.vendorRules;
      return changed({
        ...current,
        customVendors: current.customVendors.filter((v) => v.id !== change.id),
        vendorRules,
        dashboardVendorRules: current.dashboardVendorRules.filter((r) => r.vendorId !== change.id),
      });
    }
    case 'add-custom-dashboard': {
      const host = checkDashboardHost(change.host, context, current.customDashboards);
      if (!host.ok) return refuse('host', host.error);
      // A name is optional: the host says enough.
      const name =
        change.name.trim() === '' ? { ok: true as const, value: host.value } : checkName(change.name, 'dashboard');
      if (!name.ok) return refuse('name', name.error);
      if (current.customDashboards.length >= LIMITS.customDashboards)
        return refuse('host', `At most ${LIMITS.customDashboards} self-hosted dashboards.`);
      return changed({
        ...current,
        customDashboards: [...current.customDashboards, { host: host.value, name: name.value }],
      });
    }
    case 'remove-custom-dashboard': {
      // Its per-dashboard rules and sensitive pages go with it: nothing dormant is left behind.
      const onIt = (host: string | undefined): boolean => host !== undefined && hostMatchesDomain(host, change.host);
      return changed({
        ...current,
        customDashboards: current.customDashboards.filter((d) => d.host !== change.host),
        dashboardVendorRules: current.dashboardVendorRules.filter((r) => r.dashboard !== change.host),
        sensitivePages: current.sensitivePages.filter((p) => !onIt(sensitivePageHost(p))),
      });
    }
    case 'add-sensitive-page': {
      const checked = checkSensitivePage(change.pattern, context, current.customDashboards);
      if (!checked.ok) return refuse('pattern', checked.error);
      if (current.sensitivePages.includes(checked.value))
        return refuse('pattern', `${checked.value} is already in your list.`);
      const builtIn = context.catalog.dashboards.find((d) => (d.sensitivePages ?? []).includes(checked.value));
      if (builtIn) return refuse('pattern', `${checked.value} is already a sensitive page of ${builtIn.name}.`);
      if (current.sensitivePages.length >= LIMITS.sensitivePages)
        return refuse('pattern', `At most ${LIMITS.sensitivePages} sensitive pages.`);
      return changed({ ...current, sensitivePages: [...current.sensitivePages, checked.value] });
    }
    case 'remove-sensitive-page': {
      const normalised = normaliseSensitivePage(change.pattern);
      const target = normalised.ok ? normalised.value.pattern : change.pattern;
      return changed({
        ...current,
        sensitivePages: current.sensitivePages.filter((p) => p !== change.pattern && p !== target),
      });
    }
    case 'set-report-only':
      return changed({ ...current, reportOnly: change.value });
    case 'set-audit-retention':
      return changed({ ...current, auditRetentionDays: change.days });
    case 'set-keep-full-audit-urls':
      return changed({ ...current, keepFullAuditUrls: change.value });
    case 'reset':
      return change.scope === 'all'
        ? changed(DEFAULT_SETTINGS)
        : changed({ ...current, vendorRules: {}, categoryRules: {}, dashboardVendorRules: [], reportOnly: false });
    case 'import': {
      const read = readSettingsFile(change.text, context);
      if (!read.ok) return { ok: false, error: read.error.map((message) => ({ field: 'file', message })) };
      const notes =
        read.value.fromVersion < DEFAULT_SETTINGS.version
          ? [`migrated from settings version ${read.value.fromVersion}`, ...read.value.notes]
          : read.value.notes;
      return changed(read.value.settings, notes);
    }
  }
}

export function applySettingsChange(
  current: UserSettings,
  change: SettingsChange,
  context: SettingsContext,
): ChangeOutcome {
  const candidate = candidateFor(current, change, context);
  if (!candidate.ok) return candidate;
  const loosenings = lockedLoosenings(current, candidate.value.settings, context.policy);
  if (loosenings.length > 0) return refuse('policy', lockedRefusal(loosenings));
  // An import was validated strictly already; everything else is checked whole, keeping dormant references.
  if (change.kind === 'import') return candidate;
  const validated = validateSettings(candidate.value.settings, context, { references: 'keep-unknown' });
  if (!validated.ok) return validated;
  return changed(validated.value, candidate.value.notes);
}
