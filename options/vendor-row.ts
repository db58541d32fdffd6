/**
 * One vendor in the list: its name, reason and domains, a block/allow switch, where its state comes from, and a way
 * back to the default. Rendered from VendorRowModel; `update` re-renders the parts that change.
 */
import type { CatalogVendor } from '../src/catalog/catalog-types';
import { el, uniqueId } from '../src/ui/dom';
import type { DecisionOrDefault } from '../src/settings/settings-change';
import { MANAGED_LABEL, type VendorRowModel } from './vendor-model';

export interface VendorRowHandle {
  readonly element: HTMLElement;
  readonly vendorId: string;
  update(model: VendorRowModel): void;
}

const ORIGIN_TEXT: Record<VendorRowModel['origin'], string> = {
  default: 'default',
  category: 'from the category choice',
  yours: 'your choice',
  organisation: MANAGED_LABEL.toLowerCase(),
};

export function createVendorRow(
  vendor: Pick<CatalogVendor, 'id' | 'name' | 'reason' | 'domains'>,
  onChange: (action: DecisionOrDefault) => void,
): VendorRowHandle {
  const nameId = uniqueId('vendor-name');
  const detailsId = uniqueId('vendor-details');
  const toggle = el('button', {
    className: 'switch',
    attrs: { type: 'button', role: 'switch', 'data-action': 'toggle', 'aria-describedby': detailsId },
  });
  const origin = el('span', { className: 'origin' });
  const managed = el('span', { className: 'managed', attrs: { hidden: true } });
  const reset = el('button', {
    className: 'link',
    text: 'Use default',
    attrs: { type: 'button', 'data-action': 'use-default', hidden: true },
  });
  let model: VendorRowModel | undefined;
  toggle.addEventListener('click', () => {
    if (model?.toggle !== undefined) onChange(model.toggle);
  });
  reset.addEventListener('click', () => onChange(null));
  const element = el(
    'li',
    { className: 'vendor', attrs: { 'data-vendor': vendor.id } },
    el(
      'div',
      { className: 'vendor-main' },
      el('span', { className: 'vendor-name', text: vendor.name, attrs: { id: nameId } }),
      toggle,
      origin,
      reset,
      managed,
    ),
    el(
      'div',
      { className: 'vendor-details', attrs: { id: detailsId } },
      el('p', { className: 'reason', text: vendor.reason }),
      el(
        'p',
        { className: 'domains' },
        ...vendor.domains.flatMap((domain, i) => [i > 0 ? ' ' : null, el('code', { text: domain })]),
      ),
    ),
  );
  return {
    element,
    vendorId: vendor.id,
    update(next) {
      model = next;
      const blocked = next.state === 'block';
      toggle.textContent = blocked ? 'Blocked' : 'Allowed';
      toggle.className = `switch ${blocked ? 'is-blocked' : 'is-allowed'}`;
      toggle.setAttribute('aria-checked', String(blocked));
      // The switch means "block this vendor": checked when blocked.
      toggle.setAttribute('aria-label', `Block ${vendor.name} on dashboards`);
      toggle.disabled = next.toggle === undefined;
      origin.textContent = `(${ORIGIN_TEXT[next.origin]})`;
      reset.hidden = next.origin !== 'yours';
      reset.disabled = next.managed !== undefined && next.toggle === undefined;
      managed.hidden = next.managed === undefined;
      managed.textContent = next.managed ? `${MANAGED_LABEL}: ${next.managed}` : '';
    },
  };
}
