/**
 * What happens in the browser that fleet reporting tells the organisation, turned into fleet events: a tab pause
 * ended (with its duration and dashboard), a vendor rule changed, a sensitive page shown without strict mode, a new
 * third party on a dashboard, and the requests of each stored audit report. Nothing is kept or sent without the
 * policy's collector: the reporter's `add` and `countRequests` check.
 */
import type { AuditClassifier, ClassifiedObservation, VendorRef } from '../audit';
import type { DocumentStrictMode } from '../strict-mode';
import type { RuleStateInput } from '../rules';
import type { StorageArea } from '../storage';
import type { FleetReporter } from './fleet-reporter';
import { FLEET_PAUSE_STARTS_KEY } from './fleet-storage-layout';
import { pauseChanges, pauseEvent, ruleChanges, vendorRulesOf, type PauseStart } from './person-changes';
import { mayBeUnprotected, unprotectedOnceKey, unprotectedSensitivePage } from './sensitive-unprotected';

export interface FleetActivityDeps {
  readonly fleet: Pick<FleetReporter, 'add' | 'countRequests'>;
  /** storage.session: when each paused tab's pause started, so a restarted worker still knows its duration. */
  readonly session: Pick<StorageArea, 'get' | 'set'>;
  /** The tab's address, or undefined when the tab is gone. */
  readonly tabUrl: (tabId: number) => Promise<string | undefined>;
  /** Tells which dashboard a page is (the audit's classifier). */
  readonly classifier: () => Promise<Pick<AuditClassifier, 'dashboardOf'>>;
  /** The inputs of the rules in force (the sensitive pages among them). */
  readonly loadContext: () => Promise<RuleStateInput>;
  readonly now: () => number;
}

/** A stored audit report, as the audit-report handler tells it once stored. */
export interface StoredReport {
  readonly dashboardId: string | null;
  readonly documentUrl: string;
  readonly documentKey: string;
  readonly instanceId: string;
  readonly maxSeq: number;
  readonly strictMode: DocumentStrictMode | undefined;
  readonly observations: readonly ClassifiedObservation[];
}

export interface FleetActivity {
  /** The paused-tab list changed (storage.session): a pause started is remembered, one ended is reported. */
  pausesChanged(before: unknown, after: unknown): Promise<void>;
  /** The stored settings changed: each vendor rule set, changed or removed is reported. */
  settingsChanged(before: unknown, after: unknown): void;
  /** Counts the report's audited requests and reports a sensitive page it shows without strict mode. */
  reportStored(report: StoredReport): Promise<void>;
  /** Third parties found new on a dashboard (the audit's history). */
  newThirdParties(dashboardId: string, parties: readonly { readonly host: string; readonly vendor: VendorRef }[]): void;
}

export function createFleetActivity(deps: FleetActivityDeps): FleetActivity {
  const { fleet } = deps;
  /** A sensitive page shown without strict mode: once per document and page, whatever restarts come between. */
  const sensitiveUnprotected = async (report: StoredReport): Promise<void> => {
    if (!mayBeUnprotected(report)) return;
    const page = unprotectedSensitivePage(report, await deps.loadContext());
    if (page === undefined) return;
    await fleet.add(
      (newId, now) => [{ kind: 'sensitive-unprotected', id: newId(), time: now, dashboard: report.dashboardId, page }],
      { once: unprotectedOnceKey(report.documentKey, page) },
    );
  };
  return {
    async pausesChanged(before, after) {
      const { started, ended } = pauseChanges(before, after);
      if (started.length === 0 && ended.length === 0) return;
      const stored = (await deps.session.get(FLEET_PAUSE_STARTS_KEY))[FLEET_PAUSE_STARTS_KEY];
      const starts: Record<string, PauseStart> =
        typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, PauseStart>) } : {};
      const now = deps.now();
      const classifier = started.length > 0 ? await deps.classifier() : undefined;
      for (const tabId of started) {
        const url = await deps.tabUrl(tabId);
        starts[String(tabId)] = {
          since: now,
          dashboard: url === undefined ? null : (classifier?.dashboardOf(url)?.id ?? null),
        };
      }
      const endedStarts = ended.flatMap((tabId) => {
        const start = starts[String(tabId)];
        delete starts[String(tabId)];
        return start === undefined ? [] : [start];
      });
      await deps.session.set({ [FLEET_PAUSE_STARTS_KEY]: starts });
      if (endedStarts.length > 0)
        await fleet.add((newId, at) => endedStarts.map((start) => pauseEvent(newId(), start, at)));
    },
    settingsChanged(before, after) {
      const changes = ruleChanges(vendorRulesOf(before), vendorRulesOf(after));
      if (changes.length > 0)
        void fleet.add((newId, now) =>
          changes.map((change) => ({ kind: 'rule-change' as const, id: newId(), time: now, ...change })),
        );
    },
    async reportStored(report) {
      const requests = report.observations.flatMap((o) =>
        o.classification.audited
          ? [{ seq: o.seq, vendor: o.classification.vendor, status: o.classification.status }]
          : [],
      );
      await Promise.all([
        sensitiveUnprotected(report),
        fleet.countRequests({
          source: report.instanceId,
          maxSeq: report.maxSeq,
          dashboard: report.dashboardId,
          requests,
        }),
      ]);
    },
    newThirdParties(dashboardId, parties) {
      void fleet.add((newId, now) =>
        parties.map(({ host, vendor }) => ({
          kind: 'new-third-party' as const,
          id: newId(),
          time: now,
          dashboard: dashboardId,
          vendor,
          host,
        })),
      );
    },
  };
}
