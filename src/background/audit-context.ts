/**
 * What the audit judges requests with: the catalog, the settings, the organisation's policy and the paused tabs, read
 * together, and what follows from them for storing (how long the log keeps rows, whether addresses are redacted).
 * Right after Chrome starts, managed storage may take seconds to answer: the `atHand` variants take the policy at
 * hand instead of waiting, so the audit can show rows at once and judge them again when it answers
 * (audit-classifier-source.ts).
 */
import type { RuntimeCatalog } from '../catalog';
import type { UserSettings } from '../settings';
import type { ManagedPolicy } from '../policy';
import type { RuleStateInput } from '../rules';
import { auditRetentionDays, auditUrlWriter, keepsFullAuditUrls } from '../audit';

export interface AuditContextDeps {
  readonly catalog: RuntimeCatalog;
  readonly loadSettings: () => Promise<UserSettings>;
  /** The policy as confirmed (waits for managed storage). */
  readonly loadPolicy: () => Promise<ManagedPolicy>;
  /** The policy at hand (the last one received, while managed storage has not answered). */
  readonly policyAtHand: () => Promise<ManagedPolicy>;
  readonly loadPausedTabs: () => Promise<readonly number[]>;
}

export interface AuditContext {
  readonly load: () => Promise<RuleStateInput>;
  readonly atHand: () => Promise<RuleStateInput>;
  /** How many days the audit log keeps a row. */
  readonly retentionDays: () => Promise<number>;
  /** How an address is written before it is stored: redacted, or whole. */
  readonly urlWriter: () => Promise<(url: string) => string>;
  readonly urlWriterAtHand: () => Promise<(url: string) => string>;
}

export function createAuditContext(deps: AuditContextDeps): AuditContext {
  const read = async (loadPolicy: () => Promise<ManagedPolicy>): Promise<RuleStateInput> => {
    const [settings, policy, pausedTabs] = await Promise.all([
      deps.loadSettings(),
      loadPolicy(),
      deps.loadPausedTabs(),
    ]);
    return { catalog: deps.catalog, settings, policy, pausedTabs };
  };
  const writer = ({ settings, policy }: RuleStateInput): ((url: string) => string) =>
    auditUrlWriter(keepsFullAuditUrls(settings, policy));
  const context: AuditContext = {
    load: () => read(deps.loadPolicy),
    atHand: () => read(deps.policyAtHand),
    retentionDays: async () => {
      const { settings, policy } = await context.load();
      return auditRetentionDays(settings, policy);
    },
    urlWriter: async () => writer(await context.load()),
    urlWriterAtHand: async () => writer(await context.atHand()),
  };
  return context;
}
