/**
 * The audit-report handler's `newParties`: records the third parties a stored report shows in its dashboard's
 * history, tells `onFound` those the dashboard had not loaded in the last 30 days (the fleet report), and resolves to
 * how many of the dashboard's new ones the person has not seen yet (the badge).
 */
import { groupKey, type ClassifiedObservation, type ThirdPartyHistoryStore, type VendorRef } from '../audit';

export interface NewPartiesRecorderDeps {
  readonly history: Pick<ThirdPartyHistoryStore, 'record'>;
  readonly now: () => number;
  readonly onFound: (
    dashboardId: string,
    parties: readonly { readonly host: string; readonly vendor: VendorRef }[],
  ) => void;
}

export type NewPartiesRecorder = (stored: {
  readonly dashboardId: string;
  readonly page: string;
  readonly observations: readonly ClassifiedObservation[];
}) => Promise<number>;

export function createNewPartiesRecorder(deps: NewPartiesRecorderDeps): NewPartiesRecorder {
  return async ({ dashboardId, page, observations }) => {
    const parties = observations.flatMap((o) =>
      o.classification.audited
        ? [
            {
              key: groupKey(o.classification.vendor),
              name: o.classification.vendor.name,
              host: o.classification.host,
              vendor: o.classification.vendor,
            },
          ]
        : [],
    );
    const { found, unseen } = await deps.history.record(dashboardId, page, parties, deps.now());
    if (found.length > 0) {
      const vendors = new Map(parties.map((p) => [p.key, p.vendor]));
      deps.onFound(
        dashboardId,
        found.flatMap((party) => {
          const vendor = vendors.get(party.key);
          return vendor === undefined ? [] : [{ host: party.host, vendor }];
        }),
      );
    }
    return unseen;
  };
}
