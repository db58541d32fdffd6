/**
 * The "Managed by your organisation" notice: what the organisation enforces and every policy item that was ignored,
 * with the reason (the words come from managed-notice-model.ts). Which controls the policy locks, and why, is
 * src/policy/policy-lock.ts. Policy values are data: shown as text.
 */
import type { ManagedNoticeModel } from '../managed-notice-model';

export function ManagedNotice({ model }: { readonly model: ManagedNoticeModel | undefined }) {
  if (model === undefined) return null;
  return (
    <section class="managed-notice" data-dg="managed-notice" role="note">
      <h2>{model.title}</h2>
      {model.sourceNote !== undefined && <p data-dg="managed-source">{model.sourceNote}</p>}
      {model.enforced.length > 0 && (
        <ul data-dg="managed-items">
          {model.enforced.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {model.ignored.length > 0 && (
        <div class="status-warn policy-warnings" data-dg="policy-warnings" role="alert">
          <h3>{`Ignored policy settings (${model.ignored.length})`}</h3>
          <p>
            Your organisation's policy has entries Dashguard cannot use. They are ignored; the rest of the policy
            applies. Tell your administrator:
          </p>
          <ul>
            {model.ignored.map((warning, i) => (
              <li key={i} data-dg="policy-warning">
                {warning}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
