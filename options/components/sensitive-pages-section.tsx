/**
 * Strict mode's pages: the built-in ones (read only), the organisation's (read only) and the person's own, with a
 * form to add one by address. Each page of the organisation's or the person's says when it is not protected for lack
 * of host access, with a way to grant it.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { RuntimeCatalog } from '../../src/catalog';
import type { UserSettings } from '../../src/settings';
import type { SensitivePageAccess } from '../../src/strict-mode';
import { TextField } from '../../src/ui';
import { sensitivePageAccessProblem } from '../../src/strict-mode';
import type { OptionsActions } from '../options-controller';
import type { OptionsState } from '../options-state';
import { ManagedLabel } from './managed-label';

function PageAccess({
  access,
  actions,
}: {
  readonly access: SensitivePageAccess | undefined;
  actions: OptionsActions;
}) {
  const problem = access === undefined ? undefined : sensitivePageAccessProblem(access);
  const origin = access?.origin;
  return (
    <span
      class="status-warn page-access"
      data-dg="page-access"
      role="status"
      data-state={access?.state}
      hidden={problem === undefined}
    >
      {problem}
      {access?.state === 'no-access' && origin !== undefined && (
        <button
          type="button"
          class="link"
          aria-label={`Grant access to ${access.host ?? origin}`}
          data-action="grant-page-access"
          // Asked inside the click: browsers only show a permission prompt in answer to a user action.
          onClick={() => void actions.grant([origin])}
        >
          Grant access
        </button>
      )}
    </span>
  );
}

function BuiltInPages({ catalog }: { readonly catalog: RuntimeCatalog }) {
  const pages = catalog.dashboards.flatMap((d) => (d.sensitivePages ?? []).map((pattern) => ({ d, pattern })));
  return (
    <details class="more">
      <summary>{`${pages.length} built-in pages on ${catalog.dashboards.length} dashboards`}</summary>
      <ul class="plain-list">
        {pages.map(({ d, pattern }) => (
          <li key={`${d.id} ${pattern}`}>
            <span>{`${d.name}: `}</span>
            <code>{pattern}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function SensitivePagesSection({
  state,
  actions,
}: {
  readonly state: OptionsState;
  readonly actions: OptionsActions;
}) {
  const { catalog, settings, policy, pageAccess, dashboardsAccess } = state;
  const field = useRef<HTMLInputElement>(null);
  const [pattern, setPattern] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const access = useMemo(() => new Map(pageAccess.map((page) => [page.pattern, page])), [pageAccess]);
  const builtIn = useMemo(() => <BuiltInPages catalog={catalog} />, [catalog]);

  return (
    <section class="card" aria-labelledby="strict-heading" id="strict-mode">
      <h2 id="strict-heading">Strict mode on sensitive pages</h2>
      <p class="hint">
        Pages that create tokens or show secrets load no third-party script at all, essential vendors included, unless
        you allowed that vendor on that dashboard under "Per-dashboard rules". The dashboard's own domains stay allowed,
        so the page works.
      </p>
      {/* Strict mode's header needs host access to the dashboards. Both browsers let a person withdraw it (Firefox in
          about:addons, Chrome under "Site access"): say so, and offer to ask again. */}
      {dashboardsAccess === false && (
        <>
          <p class="managed" role="status" data-dg="strict-access">
            Strict mode is off: Dashguard has no access to the dashboards, which it needs to add its policy to their
            pages.
          </p>
          <button type="button" onClick={() => void actions.grantDashboards()}>
            Allow access to the dashboards
          </button>
        </>
      )}
      {builtIn}
      {policy.policy.sensitivePages.length > 0 && (
        <div>
          <h3>Your organisation's pages</h3>
          <ul class="plain-list">
            {policy.policy.sensitivePages.map((p) => (
              <li key={p} data-pattern={p}>
                <code>{p}</code> <ManagedLabel reason="" /> <PageAccess access={access.get(p)} actions={actions} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>Your pages</h3>
      <ul class="plain-list" data-list="sensitive-pages">
        {settings.sensitivePages.map((p) => (
          <li key={p} data-pattern={p}>
            <code>{p}</code> <PageAccess access={access.get(p)} actions={actions} />{' '}
            <button
              type="button"
              class="link"
              aria-label={`Remove ${p}`}
              data-action="remove-sensitive-page"
              onClick={() =>
                void actions.apply({ kind: 'remove-sensitive-page', pattern: p }, `${p} removed from strict mode.`)
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        class="stack"
        noValidate
        aria-labelledby="sensitive-add-heading"
        onSubmit={(event) => {
          event.preventDefault();
          setError(undefined);
          // The background checks the address (the same checks, with the public-suffix list this page does not carry).
          const before = new Set(settings.sensitivePages);
          const added = (saved: UserSettings): string =>
            saved.sensitivePages.find((p) => !before.has(p)) ?? pattern.trim();
          void actions
            .apply(
              { kind: 'add-sensitive-page', pattern },
              (saved) => `${added(saved)} is now in strict mode (reload it to apply).`,
            )
            .then((reply) => {
              if (reply.applied) setPattern('');
              else {
                setError(reply.errors.map((e) => e.message).join(' '));
                field.current?.focus();
              }
            });
        }}
      >
        <h3 id="sensitive-add-heading">Add a page</h3>
        <TextField
          label="Page address"
          hint="The address of a page on one of your dashboards. It covers the pages under it; * in the path matches anything."
          error={error}
          fieldRef={field}
          autocomplete="off"
          spellcheck={false}
          placeholder="https://jenkins.example.com/credentials"
          data-field="sensitive-page"
          value={pattern}
          onValue={setPattern}
        />
        <button type="submit" class="primary" data-action="add-sensitive-page">
          Add page
        </button>
      </form>
    </section>
  );
}
