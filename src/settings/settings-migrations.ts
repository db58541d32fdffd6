/**
 * Brings settings written by an earlier Dashguard (stored in storage.local, or an exported file) to the current
 * format, one version step at a time (pure). Each step only restructures; validation comes after, on the result.
 *
 * Versions:
 *   1  the first release.
 *   2  custom vendor ids start with `custom-`: in version 1 a custom vendor could be called "acme", and a later
 *      catalog vendor with the same id would silently take its place (the rule state lets the catalog win). The
 *      step renames such ids and every rule that names them.
 *   3  Cirrus CI shut down on 1 June 2026 and left the catalog: its per-dashboard rules and sensitive pages would name a
 *      dashboard that no longer exists (an import would be refused for them). The step drops them, with a note each.
 */
import type { Result } from '../shared';
import { sensitivePageHost } from '../strict-mode';
import { isRecord } from '../shared';
import { CUSTOM_VENDOR_ID, SETTINGS_VERSION } from './user-settings';

/** Settings in the current format, the version they were read from, and a note per change a step made. */
export type Migrated = Result<{ settings: Record<string, unknown>; fromVersion: number; notes: string[] }>;

type Step = (settings: Record<string, unknown>) => { value: Record<string, unknown>; notes: string[] };

/** Kebab-case of any text, for an id. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'vendor'
  );
}

/** A `custom-` id for `base` that is not in `taken`. */
export function uniqueCustomId(base: string, taken: ReadonlySet<string>): string {
  const stem = `custom-${slugify(base.replace(/^custom-/, ''))}`;
  let id = stem;
  for (let n = 2; taken.has(id); n += 1) id = `${stem}-${n}`;
  return id;
}

const v1ToV2: Step = (settings) => {
  const notes: string[] = [];
  const vendors: unknown[] | undefined = Array.isArray(settings.customVendors) ? settings.customVendors : undefined;
  if (vendors === undefined) return { value: { ...settings, version: 2 }, notes };
  const taken = new Set(
    vendors
      .filter(isRecord)
      .map((v) => v.id)
      .filter((id): id is string => typeof id === 'string' && CUSTOM_VENDOR_ID.test(id)),
  );
  const renamed = new Map<string, string>();
  const customVendors = vendors.map((vendor) => {
    if (!isRecord(vendor) || typeof vendor.id !== 'string' || CUSTOM_VENDOR_ID.test(vendor.id)) return vendor;
    // An id listed twice keeps one new id, so validation names the duplicate instead of the rules silently
    // following whichever of the two was renamed last.
    const again = renamed.get(vendor.id);
    if (again !== undefined) return { ...vendor, id: again };
    const id = uniqueCustomId(vendor.id || (typeof vendor.name === 'string' ? vendor.name : ''), taken);
    taken.add(id);
    renamed.set(vendor.id, id);
    notes.push(`custom vendor "${vendor.id}" is now "${id}"`);
    return { ...vendor, id };
  });
  const rename = (id: unknown): unknown => (typeof id === 'string' ? (renamed.get(id) ?? id) : id);
  const value: Record<string, unknown> = { ...settings, version: 2, customVendors };
  if (isRecord(settings.vendorRules)) {
    value.vendorRules = Object.fromEntries(
      Object.entries(settings.vendorRules).map(([id, action]) => [rename(id) as string, action]),
    );
  }
  if (Array.isArray(settings.dashboardVendorRules)) {
    value.dashboardVendorRules = (settings.dashboardVendorRules as unknown[]).map((rule) =>
      isRecord(rule) ? { ...rule, vendorId: rename(rule.vendorId) } : rule,
    );
  }
  return { value, notes };
};

/** The retired Cirrus CI dashboard, as settings named it: its catalog id, or its host (and subdomains). */
const CIRRUS_CI = { id: 'cirrus-ci', host: 'cirrus-ci.com' } as const;

const namesCirrus = (ref: string): boolean =>
  ref === CIRRUS_CI.id || ref === CIRRUS_CI.host || ref.endsWith(`.${CIRRUS_CI.host}`);

const v2ToV3: Step = (settings) => {
  const notes: string[] = [];
  const value: Record<string, unknown> = { ...settings, version: 3 };
  if (Array.isArray(settings.dashboardVendorRules)) {
    value.dashboardVendorRules = settings.dashboardVendorRules.filter((rule) => {
      if (!isRecord(rule) || typeof rule.dashboard !== 'string' || !namesCirrus(rule.dashboard)) return true;
      notes.push(`the rule for "${String(rule.vendorId)}" on Cirrus CI is removed: Cirrus CI shut down on 1 June 2026`);
      return false;
    });
  }
  if (Array.isArray(settings.sensitivePages)) {
    value.sensitivePages = settings.sensitivePages.filter((page) => {
      if (typeof page !== 'string' || !namesCirrus(sensitivePageHost(page) ?? '')) return true;
      notes.push(`the sensitive page ${page} is removed: Cirrus CI shut down on 1 June 2026`);
      return false;
    });
  }
  return { value, notes };
};

/** Step from version N to N + 1, by N. */
const STEPS: Readonly<Record<number, Step>> = { 1: v1ToV2, 2: v2ToV3 };

/**
 * Migrates `raw` to SETTINGS_VERSION. Settings without a version are version 1 (the format before versions were
 * written). A version newer than this build knows is refused: reading it could drop what the newer one added.
 */
export function migrateSettings(raw: unknown): Migrated {
  if (!isRecord(raw)) return { ok: false, error: 'Settings must be a JSON object.' };
  const version = raw.version ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `"version" must be a whole number from 1 to ${SETTINGS_VERSION}.` };
  }
  if (version > SETTINGS_VERSION) {
    return {
      ok: false,
      error: `These settings come from a newer Dashguard (settings version ${version}); this one reads versions 1 to ${SETTINGS_VERSION}. Update Dashguard first.`,
    };
  }
  let value: Record<string, unknown> = { ...raw, version };
  const notes: string[] = [];
  for (let from = version; from < SETTINGS_VERSION; from += 1) {
    const step = STEPS[from];
    if (step === undefined) return { ok: false, error: `No migration from settings version ${from}.` };
    const result = step(value);
    value = result.value;
    notes.push(...result.notes);
  }
  return { ok: true, value: { settings: value, fromVersion: version, notes } };
}
