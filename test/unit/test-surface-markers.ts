/** Strings found only in the test build's bundles (test-only message types and hooks): their presence in a bundle
 * means test-only code ships. Checked in the bundles webpack makes and in the store archives. */
export const TEST_SURFACE_MARKERS: readonly string[] = [
  'test:backgroundStarts',
  'countBackgroundStart',
  'test/fail-storage',
  'test/fleet-queue-limits',
  'test/hold-audit-reports',
];
