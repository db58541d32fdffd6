/**
 * What fleet reporting counts from one stored audit report: its requests by vendor and status (pure). Only what the
 * audit lists (third parties); the URLs stay out: a report names vendors, never addresses.
 */
import type { AuditStatus, VendorRef } from '../audit';
import type { SeenRequests } from './fleet-queue';

export interface AuditedRequest {
  readonly vendor: VendorRef;
  readonly status: AuditStatus;
}

export function seenRequestsOf(requests: readonly AuditedRequest[], dashboard: string | null): SeenRequests[] {
  const byKey = new Map<string, SeenRequests>();
  for (const { vendor, status } of requests) {
    const key = JSON.stringify([vendor.id ?? `?${vendor.name}`, status]);
    const known = byKey.get(key);
    byKey.set(
      key,
      known === undefined ? { dashboard, vendor, status, count: 1 } : { ...known, count: known.count + 1 },
    );
  }
  return [...byKey.values()];
}
