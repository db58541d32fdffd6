/**
 * The organisation's policy as the background uses it: read from storage.managed, parsed item by item, and kept in
 * storage.local as the last known policy so that a late or empty answer at start-up never loosens the rules
 * (policy-source.ts explains the rule). Live changes arrive as storage.onChanged events in area "managed"; the
 * wiring calls `managedChanged()` and then reconciles.
 *
 * Session state (storage.session, cleared when the browser closes) records when this browser session started and
 * whether managed storage has spoken in it, so the grace period survives the service worker being stopped.
 */
import type { ManagedPolicy } from './managed-policy';
import { parseManagedPolicy, type PolicyCatalog } from './parse-managed-policy';
import type { PolicyStatus } from './policy-status';
import type { ManagedRead } from './managed-storage-read';
import { choosePolicySource, type PolicyValues } from './policy-source';
import type { StorageArea } from '../storage';
import { createSerialQueue, isRecord } from '../shared';

/** storage.local key of the last policy managed storage gave. */
export const LAST_KNOWN_POLICY_KEY = 'managedPolicyLastKnown';
/** storage.session key of this browser session's policy state. */
export const POLICY_SESSION_KEY = 'managedPolicySession';

export interface PolicyStoreDeps {
  readonly read: () => Promise<ManagedRead>;
  readonly local: StorageArea;
  readonly session: StorageArea;
  readonly catalog: PolicyCatalog;
  /** Firefox: policies.json is read before any add-on starts, so its first answer is final. */
  readonly firstAnswerIsFinal: boolean;
  /** How long after the session starts an empty answer from Chrome is not trusted. */
  readonly graceMs: number;
  readonly now: () => number;
  readonly schedule: (run: () => void, delayMs: number) => void;
  /** Asks for a reconcile: the policy may have changed without a storage event (the grace period ended). */
  readonly onRecheck: () => void;
}

export interface PolicyStore {
  /** The policy in force now, with what was ignored; remembers or forgets the last-known copy as it decides. */
  status(): Promise<PolicyStatus>;
  /** The policy alone, for the rule reconciler. */
  load(): Promise<ManagedPolicy>;
  /**
   * The policy at hand, without asking managed storage (whose first answer can take seconds after Chrome starts):
   * the last one decided in this worker, else the last-known copy. For the audit, which must not wait; it is
   * judged again once `load()` answers.
   */
  atHand(): Promise<ManagedPolicy>;
  /** storage.onChanged fired for area "managed": the browser has spoken, its answers are final from now on. */
  managedChanged(): Promise<void>;
  /** On worker start: if the last-known copy is still standing in for an unanswered policy, check again. */
  resume(): Promise<void>;
}

interface SessionState {
  readonly startedAt: number;
  readonly spoke: boolean;
}

export function createPolicyStore(deps: PolicyStoreDeps): PolicyStore {
  let recheckScheduled = false;
  let decided: ManagedPolicy | undefined;
  // One decision at a time, so an older read can never overwrite the copy a newer one saved.
  const queue = createSerialQueue();
  const serially = <T>(run: () => Promise<T>): Promise<T> => queue.run(run);

  const readSession = async (): Promise<SessionState> => {
    const stored = (await deps.session.get(POLICY_SESSION_KEY))[POLICY_SESSION_KEY];
    if (isRecord(stored) && typeof stored.startedAt === 'number' && typeof stored.spoke === 'boolean') {
      return { startedAt: stored.startedAt, spoke: stored.spoke };
    }
    const fresh: SessionState = { startedAt: deps.now(), spoke: false };
    await deps.session.set({ [POLICY_SESSION_KEY]: fresh });
    return fresh;
  };
  const markSpoken = async (session: SessionState): Promise<void> => {
    if (!session.spoke) await deps.session.set({ [POLICY_SESSION_KEY]: { ...session, spoke: true } });
  };
  const readLastKnown = async (): Promise<PolicyValues | undefined> => {
    const stored = (await deps.local.get(LAST_KNOWN_POLICY_KEY))[LAST_KNOWN_POLICY_KEY];
    return isRecord(stored) ? stored : undefined;
  };
  const scheduleRecheck = (session: SessionState): void => {
    if (recheckScheduled) return;
    recheckScheduled = true;
    const remaining = Math.max(0, session.startedAt + deps.graceMs - deps.now());
    deps.schedule(() => {
      recheckScheduled = false;
      deps.onRecheck();
    }, remaining + 1);
  };

  const status = (): Promise<PolicyStatus> =>
    serially(async () => {
      const [read, lastKnown, session] = await Promise.all([deps.read(), readLastKnown(), readSession()]);
      const emptyIsFinal = deps.firstAnswerIsFinal || session.spoke || deps.now() - session.startedAt >= deps.graceMs;
      const decision = choosePolicySource({ read, lastKnown, emptyIsFinal });
      if (decision.source === 'managed') await markSpoken(session);
      if (decision.remember === 'save' && JSON.stringify(decision.values) !== JSON.stringify(lastKnown)) {
        await deps.local.set({ [LAST_KNOWN_POLICY_KEY]: decision.values });
      } else if (decision.remember === 'forget' && lastKnown !== undefined) {
        await deps.local.remove(LAST_KNOWN_POLICY_KEY);
      }
      // Only a stand-in policy can change when the grace period ends; with none, the answer stays "no policy".
      if (decision.provisional && decision.source === 'last-known') scheduleRecheck(session);
      const { policy, warnings } = parseManagedPolicy(decision.values, deps.catalog);
      decided = policy;
      return {
        policy,
        warnings,
        source: decision.source,
        managed: decision.values !== undefined && Object.keys(decision.values).length > 0,
      };
    });

  return {
    status,
    load: async () => (await status()).policy,
    atHand: async () => decided ?? parseManagedPolicy(await readLastKnown(), deps.catalog).policy,
    managedChanged: () => serially(async () => markSpoken(await readSession())),
    async resume() {
      if (deps.firstAnswerIsFinal) return;
      const [session, lastKnown] = await Promise.all([readSession(), readLastKnown()]);
      if (!session.spoke && lastKnown !== undefined) deps.onRecheck();
    },
  };
}
