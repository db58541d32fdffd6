/** Whether the audit keeps addresses whole: off by default, with what it costs said next to it; a policy value wins. */
import type { OptionsActions } from '../options-controller';
import type { OptionsState } from '../options-state';
import { ManagedLabel } from './managed-label';

export const KEEP_FULL_URLS_WARNING =
  'Query values and path segments can be secrets: password-reset and invitation tokens, session ids, API keys, e-mail addresses. With this on, they are stored in the audit log for as long as it keeps records, shown in the popup and written into every export.';

export function AuditUrlsSection({
  state,
  actions,
}: {
  readonly state: OptionsState;
  readonly actions: OptionsActions;
}) {
  const forced = state.policy.policy.keepFullAuditUrls;
  return (
    <section class="card" aria-labelledby="audit-urls-heading" id="audit-urls">
      <h2 id="audit-urls-heading">Addresses in the audit</h2>
      <p class="hint" id="keep-full-urls-hint">
        By default the audit keeps each address as its site, path and the names of its query parameters; values, and
        path segments that look like tokens, are replaced by their length, for example ?token=[40].
      </p>
      <div class="row">
        <input
          type="checkbox"
          id="keep-full-urls"
          aria-describedby="keep-full-urls-warning keep-full-urls-hint"
          data-field="keep-full-urls"
          checked={forced ?? state.settings.keepFullAuditUrls}
          disabled={forced !== undefined}
          onChange={(event) => {
            const value = event.currentTarget.checked;
            void actions.apply(
              { kind: 'set-keep-full-audit-urls', value },
              value ? 'The audit now keeps full addresses, secrets included.' : 'The audit now redacts addresses.',
            );
          }}
        />
        <label for="keep-full-urls">Keep full addresses (not recommended)</label>
      </div>
      <p class="warning" id="keep-full-urls-warning" role="note">
        {KEEP_FULL_URLS_WARNING}
      </p>
      <ManagedLabel
        as="p"
        data-managed="keep-full-urls"
        reason={
          forced === undefined ? undefined : `the audit ${forced ? 'keeps full addresses' : 'redacts addresses'}.`
        }
      />
    </section>
  );
}
