/** Report-only mode: nothing is blocked on dashboards, and the audit marks what would be. */
import type { OptionsActions } from '../options-controller';
import type { OptionsState } from '../options-state';
import { ManagedLabel } from './managed-label';

export function ReportOnlySection({
  state,
  actions,
}: {
  readonly state: OptionsState;
  readonly actions: OptionsActions;
}) {
  const { settings, policy } = state;
  const forced = policy.policy.reportOnly;
  const locked = policy.policy.lockUserRules;
  const on = forced || (settings.reportOnly && !locked);
  return (
    <section class="card" aria-labelledby="mode-heading" id="mode">
      <h2 id="mode-heading">Mode</h2>
      <div class="row">
        <input
          type="checkbox"
          id="report-only"
          aria-describedby="report-only-hint"
          data-field="report-only"
          checked={on}
          disabled={forced || (locked && !on)}
          onChange={(event) => {
            const value = event.currentTarget.checked;
            void actions.apply(
              { kind: 'set-report-only', value },
              value
                ? 'Report-only mode on: nothing is blocked, the audit shows what would be.'
                : 'Report-only mode off: blocking again.',
            );
          }}
        />
        <label for="report-only">Report-only mode</label>
      </div>
      <p class="hint" id="report-only-hint">
        Blocks nothing on dashboards and marks in the audit what would have been blocked, so you can see the effect
        before enforcing it. Sensitive pages report instead of refusing too. Your organisation's blocks still hold.
      </p>
      <ManagedLabel
        as="p"
        reason={
          forced ? 'report-only mode is on for everyone.' : locked ? 'report-only mode cannot be turned on.' : undefined
        }
      />
    </section>
  );
}
