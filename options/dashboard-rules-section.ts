/**
 * Per-dashboard rules: "allow Intercom on gitlab.com only". A list of the person's rules with a way to remove each,
 * and a form to add one (dashboard, vendor, allow or block).
 */
import { allDashboards } from '../src/catalog/dashboards';
import { el, replaceChildren, uniqueId } from '../src/ui/dom';
import { attachFieldMessage } from '../src/ui/field-message';
import { ruleVendors } from '../src/catalog/rule-vendors';
import { lookUpVendor, vendorSuggestion, type NamedVendor } from '../src/catalog/vendor-lookup';
import { applyAndAnnounce, type SectionContext } from './section-context';

function namedVendors(context: SectionContext): NamedVendor[] {
  const { settings, policy } = context.store.state();
  const names = new Map<string, string>(
    [...policy.policy.extraVendors, ...settings.customVendors].map((v) => [v.id, v.name]),
  );
  for (const v of context.catalog.vendors) names.set(v.id, v.name);
  return [...ruleVendors(context.catalog, settings, policy.policy).values()].map((v) => ({
    id: v.id,
    name: names.get(v.id) ?? v.id,
    domains: v.domains,
  }));
}

export function mountDashboardRulesSection(root: HTMLElement, context: SectionContext): void {
  const dashboardId = uniqueId('rule-dashboard');
  const vendorId = uniqueId('rule-vendor');
  const actionId = uniqueId('rule-action');
  const listId = uniqueId('rule-vendors');
  const dashboardSelect = el('select', { attrs: { id: dashboardId, 'data-field': 'rule-dashboard' } });
  const vendorInput = el('input', {
    attrs: {
      id: vendorId,
      type: 'text',
      list: listId,
      autocomplete: 'off',
      'data-field': 'rule-vendor',
      'aria-describedby': `${vendorId}-hint`,
    },
  });
  const vendorHint = el('p', {
    className: 'hint',
    attrs: { id: `${vendorId}-hint` },
    text: 'A vendor name, id or domain, e.g. Intercom.',
  });
  const vendorMessage = attachFieldMessage(vendorInput, `${vendorId}-hint`);
  const dashboardMessage = attachFieldMessage(dashboardSelect);
  const suggestions = el('datalist', { attrs: { id: listId } });
  const actionSelect = el(
    'select',
    { attrs: { id: actionId, 'data-field': 'rule-action' } },
    el('option', { text: 'Allow on this dashboard', attrs: { value: 'allow' } }),
    el('option', { text: 'Block on this dashboard', attrs: { value: 'block' } }),
  );
  const list = el('ul', { className: 'plain-list', attrs: { 'data-list': 'dashboard-rules' } });
  const empty = el('p', { className: 'hint', text: 'No per-dashboard rules yet.' });
  const managed = el('p', { className: 'managed', attrs: { hidden: true } });

  const form = el(
    'form',
    { className: 'stack', attrs: { novalidate: true, 'aria-labelledby': 'rules-add-heading' } },
    el('h3', { text: 'Add a rule', attrs: { id: 'rules-add-heading' } }),
    el(
      'div',
      { className: 'field' },
      el('label', { text: 'Dashboard', attrs: { for: dashboardId } }),
      dashboardSelect,
      dashboardMessage.element,
    ),
    el(
      'div',
      { className: 'field' },
      el('label', { text: 'Vendor', attrs: { for: vendorId } }),
      vendorInput,
      vendorHint,
      vendorMessage.element,
      suggestions,
    ),
    el('div', { className: 'field' }, el('label', { text: 'Rule', attrs: { for: actionId } }), actionSelect),
    el('button', { className: 'primary', text: 'Add rule', attrs: { type: 'submit', 'data-action': 'add-rule' } }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    vendorMessage.clear();
    dashboardMessage.clear();
    const found = lookUpVendor(vendorInput.value, namedVendors(context));
    if (!found.ok) {
      vendorMessage.show(found.error);
      vendorInput.focus();
      return;
    }
    const action = actionSelect.value === 'block' ? 'block' : 'allow';
    const dashboardName = dashboardSelect.selectedOptions[0]?.textContent ?? dashboardSelect.value;
    void applyAndAnnounce(
      context,
      { kind: 'set-dashboard-vendor', dashboard: dashboardSelect.value, vendorId: found.vendor.id, action },
      `${found.vendor.name}: ${action === 'allow' ? 'allowed' : 'blocked'} on ${dashboardName}.`,
    ).then((reply) => {
      if (reply.applied) {
        vendorInput.value = '';
        return;
      }
      for (const error of reply.errors)
        (error.field === 'dashboard' ? dashboardMessage : vendorMessage).show(error.message);
    });
  });

  const update = (): void => {
    const { settings, policy } = context.store.state();
    const dashboards = allDashboards(context.catalog, settings, policy.policy);
    const selected = dashboardSelect.value;
    replaceChildren(
      dashboardSelect,
      ...dashboards.map((d) => el('option', { text: `${d.name} (${d.hosts.join(', ')})`, attrs: { value: d.id } })),
    );
    if (dashboards.some((d) => d.id === selected)) dashboardSelect.value = selected;
    const vendors = namedVendors(context);
    replaceChildren(suggestions, ...vendors.map((v) => el('option', { attrs: { value: vendorSuggestion(v) } })));
    const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
    const dashboardName = new Map(dashboards.map((d) => [d.id, d.name]));
    const locked = policy.policy.lockUserRules;
    replaceChildren(
      list,
      ...settings.dashboardVendorRules.map((rule) => {
        const vendor = vendorName.get(rule.vendorId) ?? rule.vendorId;
        const dashboard = dashboardName.get(rule.dashboard) ?? rule.dashboard;
        const ignored = locked && rule.action === 'allow';
        return el(
          'li',
          { attrs: { 'data-rule': `${rule.dashboard}/${rule.vendorId}` } },
          el('span', { text: `${rule.action === 'allow' ? 'Allow' : 'Block'} ${vendor} on ${dashboard}` }),
          ignored ? el('span', { className: 'managed', text: ' (ignored: managed by your organisation)' }) : null,
          el('button', {
            className: 'link',
            text: 'Remove',
            attrs: {
              type: 'button',
              'aria-label': `Remove the rule for ${vendor} on ${dashboard}`,
              'data-action': 'remove-rule',
            },
            on: {
              click: () =>
                void applyAndAnnounce(
                  context,
                  { kind: 'set-dashboard-vendor', dashboard: rule.dashboard, vendorId: rule.vendorId, action: null },
                  `Rule for ${vendor} on ${dashboard} removed.`,
                ),
            },
          }),
        );
      }),
    );
    empty.hidden = settings.dashboardVendorRules.length > 0;
    managed.hidden = !locked;
    managed.textContent = 'Managed by your organisation: you can block vendors on a dashboard, not allow them.';
    for (const option of actionSelect.options) option.disabled = locked && option.value === 'allow';
    if (locked) actionSelect.value = 'block';
  };
  update();
  context.store.subscribe(update);

  root.append(
    el(
      'section',
      { className: 'card', attrs: { 'aria-labelledby': 'rules-heading', id: 'dashboard-rules' } },
      el('h2', { text: 'Per-dashboard rules', attrs: { id: 'rules-heading' } }),
      el('p', {
        className: 'hint',
        text: 'Allow or block one vendor on one dashboard only. These win over the choices above. On sensitive pages, a vendor you allow here is the only third party strict mode lets in.',
      }),
      managed,
      empty,
      list,
      form,
    ),
  );
}
