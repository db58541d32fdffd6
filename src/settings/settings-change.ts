/**
 * The changes a page can ask for (`settings/change`). A change is an operation, not a whole new settings object: the
 * background applies it to the settings as they are when it arrives, so the popup and the options page changing
 * things at the same time never undo each other's edits, and the last change to one setting wins.
 */
import type { CategoryId } from '../catalog';
import type { Result } from '../shared';
import { CATEGORY_IDS } from '../catalog';
import { isRecord } from '../shared';
import { isAuditRetentionDays, MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from '../audit';
import type { VendorDecision } from './user-settings';

/** `null` removes the person's decision: back to the default (or the category's). */
export type DecisionOrDefault = VendorDecision | null;

export type SettingsChange =
  | { readonly kind: 'set-vendor'; readonly vendorId: string; readonly action: DecisionOrDefault }
  | { readonly kind: 'set-category'; readonly category: CategoryId; readonly action: DecisionOrDefault }
  | {
      readonly kind: 'set-dashboard-vendor';
      readonly dashboard: string;
      readonly vendorId: string;
      readonly action: DecisionOrDefault;
    }
  /** `domains` as typed: separated by commas, spaces or new lines. */
  | { readonly kind: 'add-custom-vendor'; readonly name: string; readonly domains: string }
  | { readonly kind: 'remove-custom-vendor'; readonly id: string }
  | { readonly kind: 'add-custom-dashboard'; readonly host: string; readonly name: string }
  | { readonly kind: 'remove-custom-dashboard'; readonly host: string }
  | { readonly kind: 'add-sensitive-page'; readonly pattern: string }
  | { readonly kind: 'remove-sensitive-page'; readonly pattern: string }
  | { readonly kind: 'set-report-only'; readonly value: boolean }
  /** Days the audit log keeps its records (MIN_AUDIT_RETENTION_DAYS to MAX_AUDIT_RETENTION_DAYS). */
  | { readonly kind: 'set-audit-retention'; readonly days: number }
  /** Keep audited addresses whole instead of redacted (a policy value overrides it). */
  | { readonly kind: 'set-keep-full-audit-urls'; readonly value: boolean }
  /** `choices`: every block/allow decision and report-only; `all`: also custom vendors, dashboards and pages. */
  | { readonly kind: 'reset'; readonly scope: 'choices' | 'all' }
  /** The text of a settings file (see settings-file.ts). */
  | { readonly kind: 'import'; readonly text: string };

export type SettingsChangeKind = SettingsChange['kind'];

/** Longest settings file accepted: far above any real one, small enough to parse at once. */
export const MAX_IMPORT_CHARS = 2_000_000;
const MAX_FIELD_CHARS = 10_000;

/** Checks a `settings/change` payload's shape; the meaning (does the vendor exist...) is checked when applied. */
export function parseSettingsChange(payload: unknown): Result<SettingsChange> {
  if (!isRecord(payload) || typeof payload.kind !== 'string')
    return { ok: false, error: 'a settings change needs a "kind"' };
  const text = (key: string, max = MAX_FIELD_CHARS): string | undefined => {
    const value = payload[key];
    return typeof value === 'string' && value.length <= max ? value : undefined;
  };
  const decision = (): DecisionOrDefault | undefined => {
    const value = payload.action;
    return value === 'allow' || value === 'block' || value === null ? value : undefined;
  };
  const kind = payload.kind;
  const bad = (what: string): Result<SettingsChange> => ({ ok: false, error: `${kind}: ${what}` });
  switch (payload.kind) {
    case 'set-vendor': {
      const vendorId = text('vendorId', 200);
      const action = decision();
      return vendorId !== undefined && action !== undefined
        ? { ok: true, value: { kind: 'set-vendor', vendorId, action } }
        : bad('needs "vendorId" and "action" (allow, block or null)');
    }
    case 'set-category': {
      const category = payload.category;
      const action = decision();
      if (
        typeof category !== 'string' ||
        !(CATEGORY_IDS as readonly string[]).includes(category) ||
        action === undefined
      )
        return bad('needs a known "category" and "action"');
      return { ok: true, value: { kind: 'set-category', category: category as CategoryId, action } };
    }
    case 'set-dashboard-vendor': {
      const dashboard = text('dashboard', 300);
      const vendorId = text('vendorId', 200);
      const action = decision();
      return dashboard !== undefined && vendorId !== undefined && action !== undefined
        ? { ok: true, value: { kind: 'set-dashboard-vendor', dashboard, vendorId, action } }
        : bad('needs "dashboard", "vendorId" and "action"');
    }
    case 'add-custom-vendor': {
      const name = text('name');
      const domains = text('domains');
      return name !== undefined && domains !== undefined
        ? { ok: true, value: { kind: 'add-custom-vendor', name, domains } }
        : bad('needs "name" and "domains" as text');
    }
    case 'remove-custom-vendor': {
      const id = text('id', 200);
      return id !== undefined ? { ok: true, value: { kind: 'remove-custom-vendor', id } } : bad('needs "id"');
    }
    case 'add-custom-dashboard': {
      const host = text('host');
      const name = text('name');
      return host !== undefined && name !== undefined
        ? { ok: true, value: { kind: 'add-custom-dashboard', host, name } }
        : bad('needs "host" and "name" as text');
    }
    case 'remove-custom-dashboard': {
      const host = text('host', 300);
      return host !== undefined ? { ok: true, value: { kind: 'remove-custom-dashboard', host } } : bad('needs "host"');
    }
    case 'add-sensitive-page':
    case 'remove-sensitive-page': {
      const pattern = text('pattern');
      return pattern !== undefined
        ? { ok: true, value: { kind: payload.kind, pattern } }
        : bad('needs "pattern" as text');
    }
    case 'set-report-only':
      return typeof payload.value === 'boolean'
        ? { ok: true, value: { kind: 'set-report-only', value: payload.value } }
        : bad('needs "value": true or false');
    case 'set-audit-retention':
      return isAuditRetentionDays(payload.days)
        ? { ok: true, value: { kind: 'set-audit-retention', days: payload.days } }
        : bad(`needs "days": a whole number from ${MIN_AUDIT_RETENTION_DAYS} to ${MAX_AUDIT_RETENTION_DAYS}`);
    case 'set-keep-full-audit-urls':
      return typeof payload.value === 'boolean'
        ? { ok: true, value: { kind: 'set-keep-full-audit-urls', value: payload.value } }
        : bad('needs "value": true or false');
    case 'reset':
      return payload.scope === 'choices' || payload.scope === 'all'
        ? { ok: true, value: { kind: 'reset', scope: payload.scope } }
        : bad('needs "scope": "choices" or "all"');
    case 'import': {
      const fileText = text('text', MAX_IMPORT_CHARS);
      return fileText !== undefined
        ? { ok: true, value: { kind: 'import', text: fileText } }
        : bad(`needs the file as "text", at most ${MAX_IMPORT_CHARS} characters`);
    }
    default:
      return { ok: false, error: `unknown settings change "${payload.kind}"` };
  }
}
