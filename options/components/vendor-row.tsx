/**
 * One vendor in a list: its name, reason and domains, a block/allow switch, where its state comes from, a way back
 * to the default, and the organisation's reason when it decides. Drawn again only when what it shows changed.
 */
import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { DecisionOrDefault } from '../../src/settings';
import { memo } from '../../src/ui';
import { MANAGED_LABEL, type VendorRowModel } from '../vendor-model';
import { ManagedLabel } from './managed-label';

const ORIGIN_TEXT: Record<VendorRowModel['origin'], string> = {
  default: 'default',
  category: 'from the category choice',
  yours: 'your choice',
  organisation: MANAGED_LABEL.toLowerCase(),
};

export interface VendorRowProps {
  readonly vendor: { readonly name: string; readonly reason: string; readonly domains: readonly string[] };
  readonly model: VendorRowModel;
  readonly onChange: (vendorId: string, name: string, action: DecisionOrDefault) => void;
  /** More controls in the row (a custom vendor's Remove). */
  readonly extra?: ComponentChildren;
}

function VendorRowView({ vendor, model, onChange, extra }: VendorRowProps) {
  const detailsId = useId();
  const blocked = model.state === 'block';
  const toggle = model.toggle;
  return (
    <li class="vendor" data-vendor={model.id}>
      <div class="vendor-main">
        <span class="vendor-name">{vendor.name}</span>
        {/* The switch means "block this vendor": checked when blocked. */}
        <button
          type="button"
          class={`switch ${blocked ? 'is-blocked' : 'is-allowed'}`}
          role="switch"
          data-action="toggle"
          aria-checked={blocked}
          aria-label={`Block ${vendor.name} on dashboards`}
          aria-describedby={detailsId}
          disabled={toggle === undefined}
          onClick={() => {
            if (toggle !== undefined) onChange(model.id, vendor.name, toggle);
          }}
        >
          {blocked ? 'Blocked' : 'Allowed'}
        </button>
        <span class="origin">({ORIGIN_TEXT[model.origin]})</span>
        {model.origin === 'yours' && (
          <button
            type="button"
            class="link"
            data-action="use-default"
            disabled={model.managed !== undefined && toggle === undefined}
            onClick={() => onChange(model.id, vendor.name, null)}
          >
            Use default
          </button>
        )}
        <ManagedLabel reason={model.managed} />
        {extra}
      </div>
      <div class="vendor-details" id={detailsId}>
        <p class="reason">{vendor.reason}</p>
        <p class="domains">
          {vendor.domains.flatMap((domain, i) => [i > 0 ? ' ' : null, <code key={domain}>{domain}</code>])}
        </p>
      </div>
    </li>
  );
}

const sameModel = (a: VendorRowModel, b: VendorRowModel): boolean =>
  a.id === b.id && a.state === b.state && a.origin === b.origin && a.toggle === b.toggle && a.managed === b.managed;

/** A row redraws when its model or its vendor changed (handlers are stable per list). */
export const VendorRow = memo(
  VendorRowView,
  (before, after) =>
    before.vendor === after.vendor &&
    before.onChange === after.onChange &&
    before.extra === after.extra &&
    sameModel(before.model, after.model),
);
