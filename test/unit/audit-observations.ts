/** Classified observations for the background's audit tests. */
import type { Classification } from '../../src/audit/audit-classify';
import type { ClassifiedObservation, TabAuditUpdate } from '../../src/audit/tab-audit-merge';
import { TRACKER } from './audit-fixtures';

const DASHBOARD = { id: 'ci', name: 'CI', hosts: ['app.ci.example'], ownDomains: [] };

export const blockedTracker: Classification = {
  audited: true,
  host: 'cdn.tracker.example',
  vendor: TRACKER,
  status: 'blocked',
  reason: 'Blocked by default.',
  dashboard: DASHBOARD,
};

export function observation(seq: number, overrides: Partial<ClassifiedObservation> = {}): ClassifiedObservation {
  return {
    seq,
    url: `https://cdn.tracker.example/t.js?n=${seq}`,
    urlTruncated: false,
    type: 'script',
    observed: 'failed',
    integrity: false,
    time: 1_000 + seq,
    classification: blockedTracker,
    ...overrides,
  };
}

export function update(
  observations: readonly ClassifiedObservation[],
  overrides: Partial<TabAuditUpdate> = {},
): TabAuditUpdate {
  return {
    tabId: 4,
    isTopFrame: true,
    documentUrl: 'https://app.ci.example/pipelines',
    timeOrigin: 1_000,
    instanceId: 'top-1',
    restored: false,
    maxSeq: Math.max(0, ...observations.map((o) => o.seq)),
    dashboard: { id: 'ci', name: 'CI' },
    observations,
    now: 5_000,
    ...overrides,
  };
}
