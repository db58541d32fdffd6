/**
 * Self-hosted dashboards (Jenkins, GitLab, TeamCity, Concourse...). Adding one protects it at once (blocking needs
 * no permission) and, in the same click, asks the browser for access to that one host, which the audit's content
 * script and strict mode need. Removing one gives the access back (the background does it, whatever removed it).
 */
import { useRef, useState } from 'preact/hooks';
import { customDashboardOrigin } from '../../src/catalog';
import { Field, TextField, messagesAbout } from '../../src/ui';
import type { OptionsActions } from '../options-controller';
import type { OptionsState } from '../options-state';
import { typedHost } from '../typed-host';
import { ManagedLabel } from './managed-label';

const KINDS = ['Jenkins', 'GitLab (self-managed)', 'TeamCity', 'Concourse', 'Other'] as const;

interface Errors {
  readonly host?: string;
  readonly name?: string;
}

function DashboardRow({
  host,
  name,
  managed,
  access,
  actions,
}: {
  readonly host: string;
  readonly name: string;
  readonly managed: boolean;
  readonly access: boolean | undefined;
  readonly actions: OptionsActions;
}) {
  return (
    <li data-dashboard={host}>
      <span class="vendor-name">{name}</span> <code>{host}</code>{' '}
      <span class="hint">
        {access === undefined
          ? 'checking access...'
          : access
            ? 'audit on'
            : 'blocking on; the audit needs access to this host'}
      </span>
      {access === false && (
        <button
          type="button"
          class="link"
          aria-label={`Grant access to ${host}`}
          data-action="grant-access"
          onClick={() => void actions.grant([customDashboardOrigin(host)])}
        >
          Grant access
        </button>
      )}
      {managed ? (
        <>
          {' '}
          <ManagedLabel reason="" />
        </>
      ) : (
        <button
          type="button"
          class="link"
          aria-label={`Remove ${host}`}
          data-action="remove-dashboard"
          onClick={() =>
            void actions.apply({ kind: 'remove-custom-dashboard', host }, `${host} removed; its access was given back.`)
          }
        >
          Remove
        </button>
      )}
    </li>
  );
}

export function CustomDashboardsSection({
  state,
  actions,
}: {
  readonly state: OptionsState;
  readonly actions: OptionsActions;
}) {
  const { settings, policy, hostAccess } = state;
  const hostField = useRef<HTMLInputElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const [host, setHost] = useState('');
  const [kind, setKind] = useState<string>(KINDS[0]);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const count = settings.customDashboards.length + policy.policy.extraDashboards.length;

  return (
    <section class="card" aria-labelledby="dashboards-heading" id="custom-dashboards">
      <h2 id="dashboards-heading">Self-hosted dashboards</h2>
      <p class="hint">
        Protect your company's own Jenkins, GitLab, TeamCity or Concourse like the built-in dashboards. Dashguard asks
        your browser for access to that host alone, for the audit and strict mode; blocking works without it.
      </p>
      {count === 0 && <p class="hint">No self-hosted dashboards yet.</p>}
      <ul class="plain-list" data-list="custom-dashboards">
        {policy.policy.extraDashboards.map((d) => (
          <DashboardRow
            key={`policy:${d.host}`}
            host={d.host}
            name={d.name}
            managed
            access={hostAccess[d.host]}
            actions={actions}
          />
        ))}
        {settings.customDashboards.map((d) => (
          <DashboardRow
            key={`yours:${d.host}`}
            host={d.host}
            name={d.name}
            managed={false}
            access={hostAccess[d.host]}
            actions={actions}
          />
        ))}
      </ul>
      <form
        class="stack"
        noValidate
        aria-labelledby="dashboard-add-heading"
        onSubmit={(event) => {
          event.preventDefault();
          const typed = typedHost(host);
          if (!typed.ok) {
            setErrors({ host: typed.error });
            hostField.current?.focus();
            return;
          }
          setErrors({});
          const label = name.trim() || (kind === 'Other' ? typed.value : `${kind}: ${typed.value}`);
          // Called inside the click: the permission prompt needs the user gesture.
          void actions.addCustomDashboard(typed.value, label).then((reply) => {
            if (reply.applied) {
              setHost('');
              setName('');
              return;
            }
            const next = {
              host: messagesAbout(reply.errors, (f) => f !== 'name'),
              name: messagesAbout(reply.errors, (f) => f === 'name'),
            };
            setErrors(next);
            (next.name !== undefined ? nameField : hostField).current?.focus();
          });
        }}
      >
        <h3 id="dashboard-add-heading">Add a self-hosted dashboard</h3>
        <TextField
          label="Host"
          hint="The host name only, without https:// or a path. It also covers its subdomains."
          error={errors.host}
          fieldRef={hostField}
          autocomplete="off"
          spellcheck={false}
          placeholder="jenkins.example.com"
          data-field="dashboard-host"
          value={host}
          onValue={setHost}
        />
        <Field label="Kind">
          {(control) => (
            <select
              {...control}
              data-field="dashboard-kind"
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value)}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="Name (optional)"
          error={errors.name}
          fieldRef={nameField}
          autocomplete="off"
          maxLength={80}
          data-field="dashboard-name"
          value={name}
          onValue={setName}
        />
        <button type="submit" class="primary" data-action="add-dashboard">
          Add dashboard
        </button>
      </form>
    </section>
  );
}
