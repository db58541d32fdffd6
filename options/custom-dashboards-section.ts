/**
 * Self-hosted dashboards (Jenkins, GitLab, TeamCity, Concourse...). Adding one protects it at once (blocking needs
 * no permission) and, in the same click, asks the browser for access to that one host, which the audit's content
 * script and strict mode need. Removing one gives the access back (the background does it, whatever removed it).
 */
import { customDashboardOrigin } from '../src/catalog/dashboards';
import { el, replaceChildren, uniqueId } from '../src/ui/dom';
import { attachFieldMessage } from '../src/ui/field-message';
import { isWellFormedHost } from '../src/shared/host-match';
import { applyAndAnnounce, type SectionContext } from './section-context';
import { MANAGED_LABEL } from './vendor-model';

const KINDS = ['Jenkins', 'GitLab (self-managed)', 'TeamCity', 'Concourse', 'Other'] as const;

export function mountCustomDashboardsSection(root: HTMLElement, context: SectionContext): void {
  const hostId = uniqueId('dashboard-host');
  const kindId = uniqueId('dashboard-kind');
  const nameId = uniqueId('dashboard-name');
  const hostInput = el('input', {
    attrs: {
      id: hostId,
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'data-field': 'dashboard-host',
      placeholder: 'jenkins.example.com',
    },
  });
  const hostHint = el('p', {
    className: 'hint',
    attrs: { id: `${hostId}-hint` },
    text: 'The host name only, without https:// or a path. It also covers its subdomains.',
  });
  const hostMessage = attachFieldMessage(hostInput, `${hostId}-hint`);
  const kindSelect = el(
    'select',
    { attrs: { id: kindId, 'data-field': 'dashboard-kind' } },
    ...KINDS.map((kind) => el('option', { text: kind, attrs: { value: kind } })),
  );
  const nameInput = el('input', {
    attrs: { id: nameId, type: 'text', autocomplete: 'off', maxlength: '80', 'data-field': 'dashboard-name' },
  });
  const nameMessage = attachFieldMessage(nameInput);
  const list = el('ul', { className: 'plain-list', attrs: { 'data-list': 'custom-dashboards' } });
  const empty = el('p', { className: 'hint', text: 'No self-hosted dashboards yet.' });

  const grant = async (host: string): Promise<boolean> => {
    try {
      return await context.permissions.request([customDashboardOrigin(host)]);
    } catch {
      return false;
    }
  };

  const form = el(
    'form',
    { className: 'stack', attrs: { novalidate: true, 'aria-labelledby': 'dashboard-add-heading' } },
    el('h3', { text: 'Add a self-hosted dashboard', attrs: { id: 'dashboard-add-heading' } }),
    el(
      'div',
      { className: 'field' },
      el('label', { text: 'Host', attrs: { for: hostId } }),
      hostInput,
      hostHint,
      hostMessage.element,
    ),
    el('div', { className: 'field' }, el('label', { text: 'Kind', attrs: { for: kindId } }), kindSelect),
    el(
      'div',
      { className: 'field' },
      el('label', { text: 'Name (optional)', attrs: { for: nameId } }),
      nameInput,
      nameMessage.element,
    ),
    el('button', {
      className: 'primary',
      text: 'Add dashboard',
      attrs: { type: 'submit', 'data-action': 'add-dashboard' },
    }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    hostMessage.clear();
    nameMessage.clear();
    // The background checks the host in full (public suffixes, overlaps); the page only needs its name now, to ask
    // for access inside this click. A refused host gives the access back below.
    const host = typedHost(hostInput.value);
    if (!host.ok) {
      hostMessage.show(host.error);
      hostInput.focus();
      return;
    }
    // Asked now, inside the click: browsers only show a permission prompt in answer to a user action.
    const access = grant(host.value);
    const kind = kindSelect.value;
    const name = nameInput.value.trim() || (kind === 'Other' ? host.value : `${kind}: ${host.value}`);
    const saved = applyAndAnnounce(
      context,
      { kind: 'add-custom-dashboard', host: host.value, name },
      `${host.value} added and protected.`,
    );
    void saved.then(async (reply) => {
      if (!reply.applied) {
        for (const error of reply.errors) (error.field === 'name' ? nameMessage : hostMessage).show(error.message);
        (reply.errors.some((e) => e.field === 'name') ? nameInput : hostInput).focus();
        if (await access) await context.permissions.remove([customDashboardOrigin(host.value)]).catch(() => false);
        return;
      }
      hostInput.value = '';
      nameInput.value = '';
      const granted = await access;
      context.announce(
        granted
          ? `${host.value} added and protected; the audit and strict mode work there.`
          : `${host.value} added and protected. Without access to its pages, the audit cannot show what loads there: use "Grant access" to allow it.`,
      );
      update();
    });
  });

  const row = (host: string, name: string, managed: boolean): HTMLElement => {
    const status = el('span', { className: 'hint', text: 'checking access...' });
    const grantButton = el('button', {
      className: 'link',
      text: 'Grant access',
      attrs: { type: 'button', hidden: true, 'aria-label': `Grant access to ${host}`, 'data-action': 'grant-access' },
    });
    const showAccess = (granted: boolean): void => {
      status.textContent = granted ? 'audit on' : 'blocking on; the audit needs access to this host';
      grantButton.hidden = granted;
    };
    grantButton.addEventListener('click', () => void grant(host).then(showAccess));
    void context.permissions.contains([customDashboardOrigin(host)]).then(showAccess, () => showAccess(false));
    return el(
      'li',
      { attrs: { 'data-dashboard': host } },
      el('span', { className: 'vendor-name', text: name }),
      ' ',
      el('code', { text: host }),
      ' ',
      status,
      grantButton,
      managed
        ? el('span', { className: 'managed', text: ` ${MANAGED_LABEL}` })
        : el('button', {
            className: 'link',
            text: 'Remove',
            attrs: { type: 'button', 'aria-label': `Remove ${host}`, 'data-action': 'remove-dashboard' },
            on: {
              click: () =>
                void applyAndAnnounce(
                  context,
                  { kind: 'remove-custom-dashboard', host },
                  `${host} removed; its access was given back.`,
                ),
            },
          }),
    );
  };

  const update = (): void => {
    const { settings, policy } = context.store.state();
    replaceChildren(
      list,
      ...policy.policy.extraDashboards.map((d) => row(d.host, d.name, true)),
      ...settings.customDashboards.map((d) => row(d.host, d.name, false)),
    );
    empty.hidden = settings.customDashboards.length + policy.policy.extraDashboards.length > 0;
  };
  update();
  context.store.subscribe(update);

  root.append(
    el(
      'section',
      { className: 'card', attrs: { 'aria-labelledby': 'dashboards-heading', id: 'custom-dashboards' } },
      el('h2', { text: 'Self-hosted dashboards', attrs: { id: 'dashboards-heading' } }),
      el('p', {
        className: 'hint',
        text: "Protect your company's own Jenkins, GitLab, TeamCity or Concourse like the built-in dashboards. Dashguard asks your browser for access to that host alone, for the audit and strict mode; blocking works without it.",
      }),
      empty,
      list,
      form,
    ),
  );
}

/** The host name typed, as the browser's URL parser normalises it (case, trailing dot, punycode), or what is wrong. */
function typedHost(input: string): { ok: true; value: string } | { ok: false; error: string } {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter a host name, such as jenkins.example.com.' };
  if (/[/:@*?#\s]/.test(text))
    return {
      ok: false,
      error: `"${text}" is not a host name: enter the host alone, without https://, a port, a path or a wildcard.`,
    };
  let host: string;
  try {
    host = new URL(`http://${text}`).hostname.replace(/\.$/, '');
  } catch {
    return { ok: false, error: `"${text}" is not a valid domain name.` };
  }
  if (/^[\d.]+$/.test(host))
    return { ok: false, error: `${host} is an IP address: Dashguard protects dashboards by host name.` };
  return isWellFormedHost(host)
    ? { ok: true, value: host }
    : { ok: false, error: `"${text}" is not a valid domain name.` };
}
