/** What happened to each catalog vendor on one page load, according to the fixture server's record. */
import { fixtureVendors, requestsToVendor, type FixtureVendor } from './fixture-catalog';
import type { RecordedRequest } from './request-log';
import { missingRequests } from './vendor-expectations';

export type Outcome = 'blocked' | 'allowed' | 'partly blocked';

export interface VendorOutcome {
  readonly entry: FixtureVendor;
  readonly outcome: Outcome;
}

export function vendorOutcomes(requests: readonly RecordedRequest[]): VendorOutcome[] {
  return fixtureVendors.map((entry) => {
    const received = requestsToVendor(requests, entry.vendor.id);
    const missing = missingRequests([entry], requests);
    const outcome: Outcome = received.length === 0 ? 'blocked' : missing.length === 0 ? 'allowed' : 'partly blocked';
    return { entry, outcome };
  });
}

/** Vendors whose outcome contradicts their default: the extension is not doing its job. */
export function unexpectedOutcomes(outcomes: readonly VendorOutcome[]): VendorOutcome[] {
  return outcomes.filter(
    ({ entry, outcome }) => outcome !== (entry.vendor.defaultAction === 'block' ? 'blocked' : 'allowed'),
  );
}
