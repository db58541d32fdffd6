/**
 * TEST BUILDS ONLY. background.ts requires this module inside `if (__TEST_BUILD__)`, so webpack leaves it out of
 * dist/ (test/unit/test-surface-absent.test.ts checks the shipped bundles). It counts background starts in
 * storage.session, so an end-to-end test can tell that the service worker (Chrome) or event page (Firefox) really
 * was stopped and started again while a page kept reporting.
 */

import { handlerFor } from './message-router';
import type { StorageArea } from '../storage';
import { defineMessage, parsedByHandler } from '../messaging';

export const TEST_BACKGROUND_STARTS_KEY = 'test:backgroundStarts';

export async function countBackgroundStart(session: Pick<StorageArea, 'get' | 'set'>): Promise<void> {
  const current = (await session.get(TEST_BACKGROUND_STARTS_KEY))[TEST_BACKGROUND_STARTS_KEY];
  await session.set({ [TEST_BACKGROUND_STARTS_KEY]: (typeof current === 'number' ? current : 0) + 1 });
}

/** `test/fail-storage` {local, session}: makes the extension's writes to those areas fail, as a full disk would. */
export const TEST_FAIL_STORAGE = 'test/fail-storage';

export interface SimulatedStorageFailure {
  /** For the storage health monitor: rejects while the area is set to fail. */
  readonly beforeWrite: (area: 'local' | 'session') => Promise<void>;
  set(areas: { local: boolean; session: boolean }): Promise<void>;
}

const FAIL_STORAGE_KEY = 'test:failStorage';

/** Kept in storage.session (written directly, never failed), so a background started again still fails writes. */
export function createSimulatedStorageFailure(session: Pick<StorageArea, 'get' | 'set'>): SimulatedStorageFailure {
  let failing: Promise<{ local: boolean; session: boolean }> = session
    .get(FAIL_STORAGE_KEY)
    .then((items) => {
      const stored = items[FAIL_STORAGE_KEY] as { local?: unknown; session?: unknown } | undefined;
      return { local: stored?.local === true, session: stored?.session === true };
    })
    .catch(() => ({ local: false, session: false }));
  return {
    async beforeWrite(area) {
      if ((await failing)[area]) throw new Error('simulated storage failure (test build)');
    },
    async set(areas) {
      failing = Promise.resolve({ ...areas });
      await session.set({ [FAIL_STORAGE_KEY]: areas });
    },
  };
}

type FailingAreas = { local: boolean; session: boolean };
const isFailingAreas = (value: unknown): value is FailingAreas =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<FailingAreas>).local === 'boolean' &&
  typeof (value as Partial<FailingAreas>).session === 'boolean';
const testFailStorage = defineMessage(TEST_FAIL_STORAGE, parsedByHandler<FailingAreas, FailingAreas>(), isFailingAreas);

export function createFailStorageHandler(failure: SimulatedStorageFailure) {
  return handlerFor(testFailStorage, {
    from: ['extension-page'],
    parse: (payload) => {
      const value = payload as { local?: unknown; session?: unknown } | null;
      return value !== null &&
        typeof value === 'object' &&
        typeof value.local === 'boolean' &&
        typeof value.session === 'boolean'
        ? { ok: true, value: { local: value.local, session: value.session } }
        : { ok: false, error: 'needs {local: boolean, session: boolean}' };
    },
    handle: async (areas) => {
      await failure.set(areas);
      return areas;
    },
  });
}

/**
 * `test/fleet-queue-limits` {maxEvents, maxBytes} or null: the fleet report queue's bounds, small enough for an
 * end-to-end test to fill (kept in storage.session, so a background started again keeps them). null: the defaults.
 */
export const TEST_FLEET_QUEUE_LIMITS = 'test/fleet-queue-limits';
const FLEET_QUEUE_LIMITS_KEY = 'test:fleetQueueLimits';

export interface QueueLimitsShape {
  readonly maxEvents: number;
  readonly maxBytes: number;
}

export async function fleetQueueLimits(session: Pick<StorageArea, 'get'>): Promise<QueueLimitsShape | undefined> {
  const stored = (await session.get(FLEET_QUEUE_LIMITS_KEY))[FLEET_QUEUE_LIMITS_KEY] as
    Partial<QueueLimitsShape> | undefined;
  return stored !== undefined && typeof stored.maxEvents === 'number' && typeof stored.maxBytes === 'number'
    ? { maxEvents: stored.maxEvents, maxBytes: stored.maxBytes }
    : undefined;
}

const isQueueLimits = (value: unknown): value is QueueLimitsShape | null =>
  value === null ||
  (typeof value === 'object' &&
    Number.isInteger((value as Partial<QueueLimitsShape>).maxEvents) &&
    Number.isInteger((value as Partial<QueueLimitsShape>).maxBytes));
const testFleetQueueLimits = defineMessage(
  TEST_FLEET_QUEUE_LIMITS,
  parsedByHandler<QueueLimitsShape | null, QueueLimitsShape | null>(),
  isQueueLimits,
);

export function createFleetQueueLimitsHandler(session: StorageArea) {
  return handlerFor(testFleetQueueLimits, {
    from: ['extension-page'],
    parse: (payload) => {
      if (payload === null) return { ok: true, value: null };
      const value = payload as Partial<QueueLimitsShape>;
      return typeof value === 'object' && Number.isInteger(value.maxEvents) && Number.isInteger(value.maxBytes)
        ? { ok: true, value: { maxEvents: value.maxEvents as number, maxBytes: value.maxBytes as number } }
        : { ok: false, error: 'needs {maxEvents, maxBytes} or null' };
    },
    handle: async (limits) => {
      if (limits === null) await session.remove(FLEET_QUEUE_LIMITS_KEY);
      else await session.set({ [FLEET_QUEUE_LIMITS_KEY]: limits });
      return limits;
    },
  });
}

/**
 * `test/hold-audit-reports` {hold}: while held, every audit report waits, once its sender is known, before it is
 * judged or stored, as in a background slow to answer (a worker or event page starting). Kept in memory: a background
 * started again holds nothing.
 */
export const TEST_HOLD_AUDIT_REPORTS = 'test/hold-audit-reports';

type Hold = { hold: boolean };
const isHold = (value: unknown): value is Hold =>
  typeof value === 'object' && value !== null && typeof (value as Partial<Hold>).hold === 'boolean';
const testHoldAuditReports = defineMessage(TEST_HOLD_AUDIT_REPORTS, parsedByHandler<Hold, Hold>(), isHold);

export interface AuditReportHold {
  /** Resolves at once, or when the hold is lifted. */
  wait(): Promise<void>;
}

export function createAuditReportHold() {
  let lift: (() => void) | undefined;
  let held: Promise<void> | undefined;
  const hold: AuditReportHold = { wait: () => held ?? Promise.resolve() };
  const handler = handlerFor(testHoldAuditReports, {
    from: ['extension-page'],
    parse: (payload) =>
      isHold(payload) ? { ok: true, value: { hold: payload.hold } } : { ok: false, error: 'needs {hold: boolean}' },
    handle: ({ hold: on }) => {
      if (on && held === undefined) held = new Promise((resolve) => (lift = resolve));
      if (!on) {
        lift?.();
        held = undefined;
        lift = undefined;
      }
      return Promise.resolve({ hold: on });
    },
  });
  return { hold, handler };
}
