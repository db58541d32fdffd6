/** "Managed by your organisation: why", next to a control the policy decides or limits. */
import { MANAGED_LABEL } from '../vendor-model';

export function ManagedLabel({
  reason,
  as = 'span',
  ...data
}: {
  readonly reason: string | undefined;
  readonly as?: 'span' | 'p';
  readonly 'data-managed'?: string;
}) {
  if (reason === undefined) return null;
  const Tag = as;
  return (
    <Tag class="managed" {...data}>
      {reason === '' ? MANAGED_LABEL : `${MANAGED_LABEL}: ${reason}`}
    </Tag>
  );
}
