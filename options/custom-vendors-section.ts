/** Custom vendors: a name and its domains; blocked on every dashboard unless allowed (globally or per dashboard). */
import { el, replaceChildren, uniqueId } from '../src/ui/dom';
import { attachFieldMessage } from '../src/ui/field-message';
import { applyAndAnnounce, type SectionContext } from './section-context';
import { vendorRow } from './vendor-model';
import { createVendorRow, type VendorRowHandle } from './vendor-row';

export function mountCustomVendorsSection(root: HTMLElement, context: SectionContext): void {
  const nameId = uniqueId('custom-vendor-name');
  const domainsId = uniqueId('custom-vendor-domains');
  const nameInput = el('input', {
    attrs: { id: nameId, type: 'text', autocomplete: 'off', maxlength: '80', 'data-field': 'custom-vendor-name' },
  });
  const domainsInput = el('textarea', { attrs: { id: domainsId, rows: '3', 'data-field': 'custom-vendor-domains' } });
  const domainsHint = el('p', {
    className: 'hint',
    attrs: { id: `${domainsId}-hint` },
    text: 'Domain names such as cdn.example.com, separated by commas or new lines. Each also covers its subdomains.',
  });
  const nameMessage = attachFieldMessage(nameInput);
  const domainsMessage = attachFieldMessage(domainsInput, `${domainsId}-hint`);
  const list = el('ul', { className: 'vendor-list', attrs: { 'data-list': 'custom-vendors' } });
  const empty = el('p', { className: 'hint', text: 'No custom vendors yet.' });

  const form = el(
    'form',
    { className: 'stack', attrs: { novalidate: true, 'aria-labelledby': 'custom-vendor-add-heading' } },
    el('h3', { text: 'Add a vendor', attrs: { id: 'custom-vendor-add-heading' } }),
    el(
      'div',
      { className: 'field' },
      el('label', { text: 'Name', attrs: { for: nameId } }),
      nameInput,
      nameMessage.element,
    ),
    el(
      'div',
      { className: 'field' },
      el('label', { text: 'Domains', attrs: { for: domainsId } }),
      domainsInput,
      domainsHint,
      domainsMessage.element,
    ),
    el('button', {
      className: 'primary',
      text: 'Add vendor',
      attrs: { type: 'submit', 'data-action': 'add-custom-vendor' },
    }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    nameMessage.clear();
    domainsMessage.clear();
    // The background checks name and domains (with the public-suffix list this page does not carry) and says which is wrong.
    void applyAndAnnounce(
      context,
      { kind: 'add-custom-vendor', name: nameInput.value, domains: domainsInput.value },
      `${nameInput.value.trim()} added: blocked on every dashboard.`,
    ).then((reply) => {
      if (reply.applied) {
        nameInput.value = '';
        domainsInput.value = '';
        return;
      }
      for (const error of reply.errors) (error.field === 'name' ? nameMessage : domainsMessage).show(error.message);
      (reply.errors.some((e) => e.field === 'name') ? nameInput : domainsInput).focus();
    });
  });

  let handles: VendorRowHandle[] = [];
  const update = (): void => {
    const { settings, policy } = context.store.state();
    const vendors = settings.customVendors;
    handles = vendors.map((vendor) => {
      const asVendor = { ...vendor, reason: 'Added by you.', category: undefined, defaultAction: 'block' as const };
      const handle = createVendorRow(asVendor, (action) => {
        void applyAndAnnounce(
          context,
          { kind: 'set-vendor', vendorId: vendor.id, action },
          `${vendor.name}: ${action === 'allow' ? 'allowed' : action === 'block' ? 'blocked' : 'back to blocked'} on every dashboard.`,
        );
      });
      // A custom vendor has no category: its default is "blocked", whatever a category choice says.
      handle.update(vendorRow(asVendor, settings, policy.policy));
      const remove = el('button', {
        className: 'link',
        text: 'Remove',
        attrs: { type: 'button', 'aria-label': `Remove ${vendor.name}`, 'data-action': 'remove-custom-vendor' },
        on: {
          click: () =>
            void applyAndAnnounce(context, { kind: 'remove-custom-vendor', id: vendor.id }, `${vendor.name} removed.`),
        },
      });
      handle.element.querySelector('.vendor-main')?.append(remove);
      return handle;
    });
    replaceChildren(list, ...handles.map((h) => h.element));
    empty.hidden = vendors.length > 0;
  };
  update();
  context.store.subscribe(update);

  root.append(
    el(
      'section',
      { className: 'card', attrs: { 'aria-labelledby': 'custom-vendors-heading', id: 'custom-vendors' } },
      el('h2', { text: 'Custom vendors', attrs: { id: 'custom-vendors-heading' } }),
      el('p', {
        className: 'hint',
        text: 'Vendors Dashguard does not know. They are blocked on every dashboard unless you allow them here or per dashboard.',
      }),
      empty,
      list,
      form,
    ),
  );
}
