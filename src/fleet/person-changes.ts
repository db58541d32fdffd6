/**
 * What a person changed that a security team wants to see, as fleet events (pure): vendor rules set, changed or
 * removed (on every dashboard, or on one), and a tab pause ended, with its duration.
 */
import type { UserSettings } from '../settings';
import { isRecord } from '../shared';
import type { RuleChangeEvent, TabPauseEvent } from './fleet-event';

type VendorRuleShape = Pick<UserSettings, 'vendorRules' | 'dashboardVendorRules'>;
export type RuleChange = Pick<RuleChangeEvent, 'dashboard' | 'vendorId' | 'direction'>;

/** The vendor rules of a stored settings value, read defensively (storage holds what anyone wrote). */
export function vendorRulesOf(stored: unknown): VendorRuleShape {
  const vendorRules: Record<string, 'allow' | 'block'> = {};
  const dashboardVendorRules: { dashboard: string; vendorId: string; action: 'allow' | 'block' }[] = [];
  if (isRecord(stored)) {
    if (isRecord(stored.vendorRules)) {
      for (const [vendorId, action] of Object.entries(stored.vendorRules))
        if (action === 'allow' || action === 'block') vendorRules[vendorId] = action;
    }
    if (Array.isArray(stored.dashboardVendorRules)) {
      for (const rule of stored.dashboardVendorRules) {
        if (
          isRecord(rule) &&
          typeof rule.dashboard === 'string' &&
          typeof rule.vendorId === 'string' &&
          (rule.action === 'allow' || rule.action === 'block')
        ) {
          dashboardVendorRules.push({ dashboard: rule.dashboard, vendorId: rule.vendorId, action: rule.action });
        }
      }
    }
  }
  return { vendorRules, dashboardVendorRules };
}

/** Each vendor rule that differs between two settings values: set to allow or block, or back to the default. */
export function ruleChanges(before: VendorRuleShape, after: VendorRuleShape): RuleChange[] {
  const changes: RuleChange[] = [];
  for (const vendorId of new Set([...Object.keys(before.vendorRules), ...Object.keys(after.vendorRules)])) {
    const was = before.vendorRules[vendorId];
    const now = after.vendorRules[vendorId];
    if (was !== now) changes.push({ dashboard: null, vendorId, direction: now ?? 'default' });
  }
  const keyed = (shape: VendorRuleShape) =>
    new Map(shape.dashboardVendorRules.map((rule) => [JSON.stringify([rule.dashboard, rule.vendorId]), rule]));
  const was = keyed(before);
  const now = keyed(after);
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const a = was.get(key);
    const b = now.get(key);
    if (a?.action === b?.action) continue;
    const rule = (b ?? a) as { dashboard: string; vendorId: string };
    changes.push({ dashboard: rule.dashboard, vendorId: rule.vendorId, direction: b?.action ?? 'default' });
  }
  return changes;
}

export interface PauseStart {
  readonly since: number;
  readonly dashboard: string | null;
}

/** Tabs paused and unpaused between two values of the paused-tab list. */
export function pauseChanges(before: unknown, after: unknown): { started: number[]; ended: number[] } {
  const ids = (value: unknown): number[] =>
    Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id)) : [];
  const was = ids(before);
  const now = ids(after);
  return { started: now.filter((id) => !was.includes(id)), ended: was.filter((id) => !now.includes(id)) };
}

/** The event for a pause that ended at `now`. */
export function pauseEvent(id: string, start: PauseStart, now: number): TabPauseEvent {
  return {
    kind: 'tab-pause',
    id,
    time: now,
    dashboard: start.dashboard,
    durationSeconds: Math.max(0, Math.round((now - start.since) / 1000)),
  };
}
