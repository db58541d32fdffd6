/**
 * 8. The worker's tab audit under a flooding page (no browser needed: the worker's own merge, `mergeTabAudit`, run in
 * Node on observations the real classifier judged with the real catalog). A page chooses how many distinct addresses
 * it requests; once its tab audit holds AUDIT_LIMITS.tabEntries rows, each new blocked request takes an allowed row's
 * place. A report of such requests is set against a report of the same size into the same full audit whose requests
 * all count on rows already listed: the ratio is what giving rows up costs, which must not grow with the audit.
 */
import { AUDIT_LIMITS, createAuditClassifier, mergeTabAudit, type TabAudit } from '../../src/audit';
import type { ClassifiedObservation, TabAuditUpdate } from '../../src/audit';
import { vendorCatalog } from '../../src/catalog-data';
import { NO_POLICY } from '../../src/policy';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { observation, update as tabAuditUpdate } from '../../test/unit/audit-observations';
import { BrokenRunError } from './bench-errors';
import { median } from './bench-stats';
import type { Figure } from './bench-table';

const DOCUMENT_URL = 'https://app.circleci.com/pipelines/github/acme/api';
/** Blocked by default on CircleCI's dashboard (the catalog's Segment entry). */
const BLOCKED_URL = (n: number): string => `https://cdn.segment.com/analytics.js/v1/flood-${n}/analytics.min.js`;
/** No vendor in the catalog owns it: allowed, and listed. */
const ALLOWED_URL = (n: number): string => `https://cdn.flood-unknown.example/asset-${n}.js`;

export interface TabAuditFloodResult {
  readonly rounds: number;
  readonly perReport: number;
  /** Each report's merge time (ms) with every request a new row that takes an allowed row's place. */
  readonly givingUp: readonly number[];
  /** The same, with every request counted on a row already listed. */
  readonly listed: readonly number[];
}

export function measureTabAuditFlood(rounds: number): TabAuditFloodResult {
  const classifier = createAuditClassifier({
    catalog: vendorCatalog,
    settings: DEFAULT_SETTINGS,
    policy: NO_POLICY,
    pausedTabs: [],
  });
  const judged = (seq: number, url: string, expected: string): ClassifiedObservation => {
    const classification = classifier.classify({ url, type: 'script', documentUrl: DOCUMENT_URL, tabId: 1 });
    if (!classification.audited || classification.status !== expected)
      throw new BrokenRunError(
        `${url} on ${DOCUMENT_URL} was judged ${JSON.stringify(classification)}, not ${expected}`,
      );
    return observation(seq, { url, classification });
  };
  const update = (observations: readonly ClassifiedObservation[]): TabAuditUpdate =>
    tabAuditUpdate(observations, { documentUrl: DOCUMENT_URL, dashboard: { id: 'circleci', name: 'CircleCI' } });

  const perReport = AUDIT_LIMITS.observationsPerReport;
  let seq = 0;
  let full: TabAudit | undefined;
  for (let row = 0; row < AUDIT_LIMITS.tabEntries; row += perReport) {
    const batch = Array.from({ length: perReport }, (_, i) =>
      judged((seq += 1), ALLOWED_URL(row + i), 'allowed-unknown'),
    );
    full = mergeTabAudit(full, update(batch));
  }
  if (full === undefined || full.entries.length !== AUDIT_LIMITS.tabEntries)
    throw new BrokenRunError(
      `the flooded tab audit holds ${full?.entries.length ?? 0} rows, not ${AUDIT_LIMITS.tabEntries}`,
    );
  // Sequence numbers above every mark, so each report counts whole.
  const newRows = Array.from({ length: perReport }, (_, i) => judged(seq + 1 + i, BLOCKED_URL(i), 'blocked'));
  const onListed = Array.from({ length: perReport }, (_, i) =>
    judged(seq + 1 + i, ALLOWED_URL(i * 7), 'allowed-unknown'),
  );

  const givingUp: number[] = [];
  const listed: number[] = [];
  const timed = (observations: readonly ClassifiedObservation[]): { ms: number; audit: TabAudit } => {
    const started = performance.now();
    const audit = mergeTabAudit(full, update(observations));
    return { ms: performance.now() - started, audit };
  };
  for (let round = 0; round < rounds; round += 1) {
    // Alternating which goes first, so neither side always runs on a warmer heap.
    const order = round % 2 === 0 ? (['giving-up', 'listed'] as const) : (['listed', 'giving-up'] as const);
    for (const side of order) {
      if (side === 'giving-up') {
        const { ms, audit } = timed(newRows);
        const blocked = audit.entries.filter((e) => e.status === 'blocked').length;
        if (blocked !== perReport || audit.entries.length !== AUDIT_LIMITS.tabEntries)
          throw new BrokenRunError(
            `a full audit took ${blocked} blocked rows of ${perReport} (${audit.entries.length} rows)`,
          );
        givingUp.push(ms);
      } else {
        const { ms, audit } = timed(onListed);
        if (audit.unlisted !== full.unlisted || audit.entries.length !== full.entries.length)
          throw new BrokenRunError('requests on listed rows changed which rows the full audit lists');
        listed.push(ms);
      }
    }
  }
  return { rounds, perReport, givingUp, listed };
}

export function tabAuditFloodRows(result: TabAuditFloodResult): Figure[] {
  const givingUp = median(result.givingUp);
  const listed = median(result.listed);
  return [
    {
      figure: `A ${result.perReport}-request report into a full tab audit, each request a new row, ÷ each on a listed row`,
      value: givingUp / listed,
      unit: 'ratio',
      target: { op: '<=', value: 3 },
      detail:
        `new rows ${givingUp.toFixed(2)} ms (each taking an allowed row's place), listed rows ${listed.toFixed(2)} ms; ` +
        `${AUDIT_LIMITS.tabEntries.toLocaleString('en-US')} rows; median of ${result.rounds} reports each, alternating`,
    },
  ];
}
