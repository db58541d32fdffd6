/** Audit rows and log records for unit tests, with every field filled in and any of them overridable. */
import type { AuditEntry, AuditLogRecord, VendorRef } from '../../src/audit/audit-types';

export const TRACKER: VendorRef = { id: 'tracker', name: 'Tracker', category: 'analytics', source: 'curated' };
export const LIVE: VendorRef = { id: 'live', name: 'Live', category: 'realtime', source: 'curated' };
export const unknownVendor = (domain: string): VendorRef => ({ id: null, name: domain, category: null, source: null });

export function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  const url = overrides.url ?? 'https://cdn.tracker.example/t.js';
  const parsed = new URL(url);
  return {
    key: `script|blocked|${parsed.hostname}|${parsed.pathname}`,
    url,
    urlTruncated: false,
    host: parsed.hostname,
    path: parsed.pathname,
    type: 'script',
    vendor: TRACKER,
    status: 'blocked',
    reason: 'Blocked by default (Analytics): Tracks.',
    outcomes: { failed: 1 },
    integrity: 'absent',
    count: 1,
    firstSeen: 1_000,
    lastSeen: 1_000,
    inFrame: false,
    ...overrides,
  };
}

export function logRecord(overrides: Partial<AuditLogRecord> = {}): AuditLogRecord {
  const { key: _key, inFrame: _inFrame, ...fields } = entry(overrides);
  return { ...fields, pageUrl: 'https://app.ci.example/pipelines', dashboardId: 'ci', ...overrides };
}
