/**
 * Strict mode's pages: the built-in ones (read only), the organisation's (read only) and the person's own, with a
 * form to add one by address.
 */
import { el, replaceChildren, uniqueId } from '../src/ui/dom';
import { attachFieldMessage } from '../src/ui/field-message';
import { allDashboards } from '../src/catalog/dashboards';
import type { UserSettings } from '../src/settings/user-settings';
import { sensitivePageAccessProblem, sensitivePagesAccess } from '../src/strict-mode/strict-mode-access';
import { applyAndAnnounce, type SectionContext } from './section-context';
import { MANAGED_LABEL } from './vendor-model';

export function mountSensitivePagesSection(root: HTMLElement, context: SectionContext): void {
  const inputId = uniqueId('sensitive-page');
  const input = el('input', {
    attrs: {
      id: inputId,
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'data-field': 'sensitive-page',
      placeholder: 'https://jenkins.example.com/credentials',
    },
  });
  const hint = el('p', {
    className: 'hint',
    attrs: { id: `${inputId}-hint` },
    text: 'The address of a page on one of your dashboards. It covers the pages under it; * in the path matches anything.',
  });
  const message = attachFieldMessage(input, `${inputId}-hint`);
  const yours = el('ul', { className: 'plain-list', attrs: { 'data-list': 'sensitive-pages' } });
  const organisation = el('ul', { className: 'plain-list' });
  const organisationBox = el('div', {}, el('h3', { text: "Your organisation's pages" }), organisation);

  const builtIn = el(
    'details',
    { className: 'more' },
    el('summary', {
      text: `${context.catalog.dashboards.reduce((n, d) => n + (d.sensitivePages?.length ?? 0), 0)} built-in pages on ${context.catalog.dashboards.length} dashboards`,
    }),
    el(
      'ul',
      { className: 'plain-list' },
      ...context.catalog.dashboards.flatMap((d) =>
        (d.sensitivePages ?? []).map((pattern) =>
          el('li', {}, el('span', { text: `${d.name}: ` }), el('code', { text: pattern })),
        ),
      ),
    ),
  );

  // Strict mode's header needs host access to the dashboards. Both browsers let a person withdraw it (Firefox in
  // about:addons, Chrome under "Site access"): say so, and offer to ask again.
  const accessWarning = el('p', {
    className: 'managed',
    attrs: { hidden: true, role: 'status', 'data-dg': 'strict-access' },
  });
  const regrant = el('button', { text: 'Allow access to the dashboards', attrs: { type: 'button', hidden: true } });
  const checkAccess = (): void => {
    void context.permissions.contains([...context.dashboardOrigins]).then(
      (granted) => {
        accessWarning.hidden = granted;
        regrant.hidden = granted;
        accessWarning.textContent = granted
          ? ''
          : 'Strict mode is off: Dashguard has no access to the dashboards, which it needs to add its policy to their pages.';
      },
      () => undefined,
    );
  };
  regrant.addEventListener(
    'click',
    () => void context.permissions.request([...context.dashboardOrigins]).then(checkAccess, checkAccess),
  );
  checkAccess();

  const form = el(
    'form',
    { className: 'stack', attrs: { novalidate: true, 'aria-labelledby': 'sensitive-add-heading' } },
    el('h3', { text: 'Add a page', attrs: { id: 'sensitive-add-heading' } }),
    el(
      'div',
      { className: 'field' },
      el('label', { text: 'Page address', attrs: { for: inputId } }),
      input,
      hint,
      message.element,
    ),
    el('button', {
      className: 'primary',
      text: 'Add page',
      attrs: { type: 'submit', 'data-action': 'add-sensitive-page' },
    }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.clear();
    // The background checks the address (the same checks, with the public-suffix list this page does not carry).
    const before = new Set(context.store.state().settings.sensitivePages);
    const added = (settings: UserSettings): string =>
      settings.sensitivePages.find((p) => !before.has(p)) ?? input.value.trim();
    void applyAndAnnounce(
      context,
      { kind: 'add-sensitive-page', pattern: input.value },
      (settings) => `${added(settings)} is now in strict mode (reload it to apply).`,
    ).then((reply) => {
      if (reply.applied) input.value = '';
      else {
        message.show(reply.errors.map((e) => e.message).join(' '));
        input.focus();
      }
    });
  });

  // A page of the organisation's or the person's is protected only with host access to it: each says if it is not.
  const builtInIds = new Set(context.catalog.dashboards.map((d) => d.id));
  let accessChecks = 0;
  const showAccess = (): void => {
    const { settings, policy } = context.store.state();
    const check = ++accessChecks;
    const dashboards = allDashboards(context.catalog, settings, policy.policy);
    void sensitivePagesAccess(
      [...policy.policy.sensitivePages, ...settings.sensitivePages],
      dashboards,
      builtInIds,
      (origin) => context.permissions.contains([origin]),
    ).then((pages) => {
      if (check !== accessChecks) return;
      for (const page of pages) {
        for (const item of root.querySelectorAll<HTMLElement>(`li[data-pattern="${CSS.escape(page.pattern)}"]`)) {
          const slot = item.querySelector<HTMLElement>('[data-dg="page-access"]');
          if (slot === null) continue;
          const problem = sensitivePageAccessProblem(page);
          slot.hidden = problem === undefined;
          slot.dataset.state = page.state;
          const origin = page.origin;
          replaceChildren(
            slot,
            problem ?? '',
            page.state === 'no-access' && origin !== undefined
              ? el('button', {
                  className: 'link',
                  text: 'Grant access',
                  attrs: {
                    type: 'button',
                    'aria-label': `Grant access to ${page.host ?? origin}`,
                    'data-action': 'grant-page-access',
                  },
                  // Asked inside the click: browsers only show a permission prompt in answer to a user action.
                  on: { click: () => void context.permissions.request([origin]).then(showAccess, showAccess) },
                })
              : null,
          );
        }
      }
    });
  };
  // Access granted or withdrawn elsewhere (the self-hosted section, the browser's settings) shows when the page is back.
  root.ownerDocument.defaultView?.addEventListener('focus', showAccess);
  const accessSlot = (): HTMLElement =>
    el('span', {
      className: 'status-warn page-access',
      attrs: { 'data-dg': 'page-access', role: 'status', hidden: true },
    });

  const update = (): void => {
    const { settings, policy } = context.store.state();
    replaceChildren(
      yours,
      ...settings.sensitivePages.map((pattern) =>
        el(
          'li',
          { attrs: { 'data-pattern': pattern } },
          el('code', { text: pattern }),
          ' ',
          accessSlot(),
          ' ',
          el('button', {
            className: 'link',
            text: 'Remove',
            attrs: { type: 'button', 'aria-label': `Remove ${pattern}`, 'data-action': 'remove-sensitive-page' },
            on: {
              click: () =>
                void applyAndAnnounce(
                  context,
                  { kind: 'remove-sensitive-page', pattern },
                  `${pattern} removed from strict mode.`,
                ),
            },
          }),
        ),
      ),
    );
    replaceChildren(
      organisation,
      ...policy.policy.sensitivePages.map((pattern) =>
        el(
          'li',
          { attrs: { 'data-pattern': pattern } },
          el('code', { text: pattern }),
          el('span', { className: 'managed', text: ` ${MANAGED_LABEL}` }),
          ' ',
          accessSlot(),
        ),
      ),
    );
    organisationBox.hidden = policy.policy.sensitivePages.length === 0;
    showAccess();
  };
  update();
  context.store.subscribe(update);

  root.append(
    el(
      'section',
      { className: 'card', attrs: { 'aria-labelledby': 'strict-heading', id: 'strict-mode' } },
      el('h2', { text: 'Strict mode on sensitive pages', attrs: { id: 'strict-heading' } }),
      el('p', {
        className: 'hint',
        text: 'Pages that create tokens or show secrets load no third-party script at all, essential vendors included, unless you allowed that vendor on that dashboard under "Per-dashboard rules". The dashboard\'s own domains stay allowed, so the page works.',
      }),
      accessWarning,
      regrant,
      builtIn,
      organisationBox,
      el('h3', { text: 'Your pages' }),
      yours,
      form,
    ),
  );
}
