// The fleet feature's entry: what code outside src/fleet/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { createFleetReporter } from './fleet-reporter';
export type { FleetReporter } from './fleet-reporter';
export { mountFleetStatusLine } from './fleet-status-line';
export { FLEET_STATUS_GET, fleetStatusGet } from './fleet-status';
export type { FleetStatus } from './fleet-status';
export { createFleetActivity } from './fleet-activity';
