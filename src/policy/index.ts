// The policy feature's entry: what code outside src/policy/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { createManagedReader } from './managed-storage-read';
export { lockedLoosenings, lockedRefusal, managedVendorState, tabPauseRefusal } from './policy-lock';
export { collectorHost } from './fleet-reporting-config';
export type { FleetReportingConfig } from './fleet-reporting-config';
export { NO_POLICY } from './managed-policy';
export type { ManagedPolicy } from './managed-policy';
export { AUTHORIZATION_HIDDEN, POLICY_GET, policyGet } from './policy-status';
export type { PolicyStatus } from './policy-status';
export { createPolicyStore } from './policy-store';
export type { PolicyStore } from './policy-store';
