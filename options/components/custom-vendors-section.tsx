/** Custom vendors: a name and its domains; blocked on every dashboard unless allowed (globally or per dashboard). */
import { useCallback, useRef, useState } from 'preact/hooks';
import type { DecisionOrDefault } from '../../src/settings';
import { TextField, messagesAbout } from '../../src/ui';
import type { OptionsActions } from '../options-controller';
import type { OptionsState } from '../options-state';
import { vendorRow } from '../vendor-model';
import { VendorRow } from './vendor-row';

interface Errors {
  readonly name?: string;
  readonly domains?: string;
}

export function CustomVendorsSection({
  state,
  actions,
}: {
  readonly state: OptionsState;
  readonly actions: OptionsActions;
}) {
  const { settings, policy } = state;
  const nameField = useRef<HTMLInputElement>(null);
  const domainsField = useRef<HTMLTextAreaElement>(null);
  const [name, setName] = useState('');
  const [domains, setDomains] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const onVendorChange = useCallback(
    (vendorId: string, vendorName: string, action: DecisionOrDefault) =>
      void actions.apply(
        { kind: 'set-vendor', vendorId, action },
        `${vendorName}: ${action === 'allow' ? 'allowed' : action === 'block' ? 'blocked' : 'back to blocked'} on every dashboard.`,
      ),
    [actions],
  );

  return (
    <section class="card" aria-labelledby="custom-vendors-heading" id="custom-vendors">
      <h2 id="custom-vendors-heading">Custom vendors</h2>
      <p class="hint">
        Vendors Dashguard does not know. They are blocked on every dashboard unless you allow them here or per
        dashboard.
      </p>
      {settings.customVendors.length === 0 && <p class="hint">No custom vendors yet.</p>}
      <ul class="vendor-list" data-list="custom-vendors">
        {settings.customVendors.map((vendor) => {
          // A custom vendor has no category: its default is "blocked", whatever a category choice says.
          const asVendor = { ...vendor, reason: 'Added by you.', category: undefined, defaultAction: 'block' as const };
          return (
            <VendorRow
              key={vendor.id}
              vendor={asVendor}
              model={vendorRow(asVendor, settings, policy.policy)}
              onChange={onVendorChange}
              extra={
                <button
                  type="button"
                  class="link"
                  aria-label={`Remove ${vendor.name}`}
                  data-action="remove-custom-vendor"
                  onClick={() =>
                    void actions.apply({ kind: 'remove-custom-vendor', id: vendor.id }, `${vendor.name} removed.`)
                  }
                >
                  Remove
                </button>
              }
            />
          );
        })}
      </ul>
      <form
        class="stack"
        noValidate
        aria-labelledby="custom-vendor-add-heading"
        onSubmit={(event) => {
          event.preventDefault();
          setErrors({});
          // The background checks name and domains (with the public-suffix list this page does not carry) and says
          // which is wrong.
          void actions
            .apply({ kind: 'add-custom-vendor', name, domains }, `${name.trim()} added: blocked on every dashboard.`)
            .then((reply) => {
              if (reply.applied) {
                setName('');
                setDomains('');
                return;
              }
              const next = {
                name: messagesAbout(reply.errors, (f) => f === 'name'),
                domains: messagesAbout(reply.errors, (f) => f !== 'name'),
              };
              setErrors(next);
              (next.name !== undefined ? nameField : domainsField).current?.focus();
            });
        }}
      >
        <h3 id="custom-vendor-add-heading">Add a vendor</h3>
        <TextField
          label="Name"
          error={errors.name}
          fieldRef={nameField}
          autocomplete="off"
          maxLength={80}
          data-field="custom-vendor-name"
          value={name}
          onValue={setName}
        />
        <TextField
          label="Domains"
          hint="Domain names such as cdn.example.com, separated by commas or new lines. Each also covers its subdomains."
          error={errors.domains}
          fieldRef={domainsField}
          rows={3}
          data-field="custom-vendor-domains"
          value={domains}
          onValue={setDomains}
        />
        <button type="submit" class="primary" data-action="add-custom-vendor">
          Add vendor
        </button>
      </form>
    </section>
  );
}
