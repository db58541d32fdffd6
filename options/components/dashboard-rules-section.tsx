/**
 * Per-dashboard rules: "allow Intercom on gitlab.com only". The person's rules, each with a way to remove it, and a
 * form to add one (dashboard, vendor, allow or block).
 */
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { allDashboards, lookUpVendor, vendorSuggestion } from '../../src/catalog';
import { Field, TextField, messagesAbout } from '../../src/ui';
import type { OptionsActions } from '../options-controller';
import type { OptionsState } from '../options-state';
import { ruleVendorNames } from '../rule-vendor-names';
import { ManagedLabel } from './managed-label';

interface Errors {
  readonly dashboard?: string;
  readonly vendor?: string;
}

export function DashboardRulesSection({
  state,
  actions,
}: {
  readonly state: OptionsState;
  readonly actions: OptionsActions;
}) {
  const { catalog, settings, policy } = state;
  const listId = useId();
  const vendorField = useRef<HTMLInputElement>(null);
  const [chosenDashboard, setDashboard] = useState('');
  const [vendorText, setVendorText] = useState('');
  const [chosenAction, setAction] = useState<'allow' | 'block'>('allow');
  const [errors, setErrors] = useState<Errors>({});

  const dashboards = useMemo(() => allDashboards(catalog, settings, policy.policy), [catalog, settings, policy]);
  const vendors = useMemo(() => ruleVendorNames(catalog, settings, policy.policy), [catalog, settings, policy]);
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  const dashboardName = new Map(dashboards.map((d) => [d.id, d.name]));
  const locked = policy.policy.lockUserRules;
  const dashboard = dashboards.some((d) => d.id === chosenDashboard) ? chosenDashboard : (dashboards[0]?.id ?? '');
  const action = locked ? 'block' : chosenAction;

  return (
    <section class="card" aria-labelledby="rules-heading" id="dashboard-rules">
      <h2 id="rules-heading">Per-dashboard rules</h2>
      <p class="hint">
        Allow or block one vendor on one dashboard only. These win over the choices above. On sensitive pages, a vendor
        you allow here is the only third party strict mode lets in.
      </p>
      <ManagedLabel as="p" reason={locked ? 'you can block vendors on a dashboard, not allow them.' : undefined} />
      {settings.dashboardVendorRules.length === 0 && <p class="hint">No per-dashboard rules yet.</p>}
      <ul class="plain-list" data-list="dashboard-rules">
        {settings.dashboardVendorRules.map((rule) => {
          const vendor = vendorName.get(rule.vendorId) ?? rule.vendorId;
          const where = dashboardName.get(rule.dashboard) ?? rule.dashboard;
          return (
            <li key={`${rule.dashboard}/${rule.vendorId}`} data-rule={`${rule.dashboard}/${rule.vendorId}`}>
              <span>{`${rule.action === 'allow' ? 'Allow' : 'Block'} ${vendor} on ${where}`}</span>
              {locked && rule.action === 'allow' && (
                <span class="managed"> (ignored: managed by your organisation)</span>
              )}
              <button
                type="button"
                class="link"
                aria-label={`Remove the rule for ${vendor} on ${where}`}
                data-action="remove-rule"
                onClick={() =>
                  void actions.apply(
                    { kind: 'set-dashboard-vendor', dashboard: rule.dashboard, vendorId: rule.vendorId, action: null },
                    `Rule for ${vendor} on ${where} removed.`,
                  )
                }
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
      <form
        class="stack"
        noValidate
        aria-labelledby="rules-add-heading"
        onSubmit={(event) => {
          event.preventDefault();
          const found = lookUpVendor(vendorText, vendors);
          if (!found.ok) {
            setErrors({ vendor: found.error });
            vendorField.current?.focus();
            return;
          }
          setErrors({});
          const where = dashboardName.get(dashboard) ?? dashboard;
          void actions
            .apply(
              { kind: 'set-dashboard-vendor', dashboard, vendorId: found.value.id, action },
              `${found.value.name}: ${action === 'allow' ? 'allowed' : 'blocked'} on ${where}.`,
            )
            .then((reply) => {
              if (reply.applied) {
                setVendorText('');
                return;
              }
              // The background names the field: the dashboard's problems go under it, the rest under the vendor.
              setErrors({
                dashboard: messagesAbout(reply.errors, (f) => f === 'dashboard'),
                vendor: messagesAbout(reply.errors, (f) => f !== 'dashboard'),
              });
            });
        }}
      >
        <h3 id="rules-add-heading">Add a rule</h3>
        <Field label="Dashboard" error={errors.dashboard}>
          {(control) => (
            <select
              {...control}
              data-field="rule-dashboard"
              value={dashboard}
              onChange={(event) => setDashboard(event.currentTarget.value)}
            >
              {dashboards.map((d) => (
                <option key={d.id} value={d.id}>
                  {`${d.name} (${d.hosts.join(', ')})`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="Vendor"
          hint="A vendor name, id or domain, e.g. Intercom."
          error={errors.vendor}
          fieldRef={vendorField}
          list={listId}
          autocomplete="off"
          data-field="rule-vendor"
          value={vendorText}
          onValue={setVendorText}
        />
        <datalist id={listId}>
          {vendors.map((v) => (
            <option key={v.id} value={vendorSuggestion(v)} />
          ))}
        </datalist>
        <Field label="Rule">
          {(control) => (
            <select
              {...control}
              data-field="rule-action"
              value={action}
              onChange={(event) => setAction(event.currentTarget.value === 'block' ? 'block' : 'allow')}
            >
              <option value="allow" disabled={locked}>
                Allow on this dashboard
              </option>
              <option value="block">Block on this dashboard</option>
            </select>
          )}
        </Field>
        <button type="submit" class="primary" data-action="add-rule">
          Add rule
        </button>
      </form>
    </section>
  );
}
