/** How long the audit log keeps its records: the audit's one setting on this page. */
import { useRef, useState } from 'preact/hooks';
import { isAuditRetentionDays, MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from '../../src/audit';
import { TextField } from '../../src/ui';
import type { OptionsActions } from '../options-controller';
import type { OptionsState } from '../options-state';
import { ManagedLabel } from './managed-label';

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

export function AuditRetentionSection({
  state,
  actions,
}: {
  readonly state: OptionsState;
  readonly actions: OptionsActions;
}) {
  const input = useRef<HTMLInputElement>(null);
  // What the person typed and has not saved yet; otherwise the field shows the value in force.
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const forced = state.policy.policy.auditRetentionDays;
  const value = forced !== undefined ? String(forced) : (draft ?? String(state.settings.auditRetentionDays));
  return (
    <section class="card" aria-labelledby="audit-heading" id="audit-log">
      <h2 id="audit-heading">Audit log</h2>
      <form
        class="row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const n = Number(value);
          if (value.trim() === '' || !isAuditRetentionDays(n)) {
            setError(`Enter a whole number of days from ${MIN_AUDIT_RETENTION_DAYS} to ${MAX_AUDIT_RETENTION_DAYS}.`);
            input.current?.focus();
            return;
          }
          setError(undefined);
          void actions
            .apply({ kind: 'set-audit-retention', days: n }, `The audit log now keeps ${days(n)}.`)
            .then((reply) => {
              if (reply.applied) setDraft(undefined);
              else {
                setError(reply.errors.map((e) => e.message).join(' '));
                input.current?.focus();
              }
            });
        }}
      >
        <TextField
          label="Keep the audit log for (days)"
          hint="Older records are deleted. The log stays on this computer; export or delete it from the popup."
          error={error}
          id="audit-retention"
          fieldRef={input}
          type="number"
          min={MIN_AUDIT_RETENTION_DAYS}
          max={MAX_AUDIT_RETENTION_DAYS}
          step={1}
          inputMode="numeric"
          data-field="audit-retention"
          value={value}
          disabled={forced !== undefined}
          onValue={setDraft}
        />
        <button type="submit" data-action="save-retention" disabled={forced !== undefined}>
          Save
        </button>
      </form>
      <ManagedLabel as="p" reason={forced === undefined ? undefined : `${days(forced)}.`} />
    </section>
  );
}
