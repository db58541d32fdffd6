/** How long the audit log keeps its records: the audit's one setting on this page. */
import { isAuditRetentionDays, MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from '../src/audit/audit-limits';
import { el } from '../src/ui/dom';
import { attachFieldMessage } from '../src/ui/field-message';
import { applyAndAnnounce, type SectionContext } from './section-context';
import { MANAGED_LABEL } from './vendor-model';

export function mountAuditRetentionSection(root: HTMLElement, context: SectionContext): void {
  const input = el('input', {
    attrs: {
      id: 'audit-retention',
      type: 'number',
      min: String(MIN_AUDIT_RETENTION_DAYS),
      max: String(MAX_AUDIT_RETENTION_DAYS),
      step: '1',
      inputmode: 'numeric',
      'aria-describedby': 'audit-retention-hint',
      'data-field': 'audit-retention',
    },
  });
  const message = attachFieldMessage(input, 'audit-retention-hint');
  const save = el('button', { text: 'Save', attrs: { type: 'submit', 'data-action': 'save-retention' } });
  const managed = el('p', { className: 'managed', attrs: { hidden: true } });
  const form = el(
    'form',
    { className: 'row', attrs: { novalidate: true } },
    el('label', { text: 'Keep the audit log for (days)', attrs: { for: 'audit-retention' } }),
    input,
    save,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.clear();
    const days = Number(input.value);
    if (input.value.trim() === '' || !isAuditRetentionDays(days)) {
      message.show(`Enter a whole number of days from ${MIN_AUDIT_RETENTION_DAYS} to ${MAX_AUDIT_RETENTION_DAYS}.`);
      input.focus();
      return;
    }
    void applyAndAnnounce(
      context,
      { kind: 'set-audit-retention', days },
      `The audit log now keeps ${days} day${days === 1 ? '' : 's'}.`,
    );
  });
  const update = (): void => {
    const { settings, policy } = context.store.state();
    const forced = policy.policy.auditRetentionDays;
    if (document.activeElement !== input) input.value = String(forced ?? settings.auditRetentionDays);
    input.disabled = forced !== undefined;
    save.disabled = forced !== undefined;
    managed.hidden = forced === undefined;
    managed.textContent = forced === undefined ? '' : `${MANAGED_LABEL}: ${forced} day${forced === 1 ? '' : 's'}.`;
  };
  update();
  context.store.subscribe(update);
  root.append(
    el(
      'section',
      { className: 'card', attrs: { 'aria-labelledby': 'audit-heading', id: 'audit-log' } },
      el('h2', { text: 'Audit log', attrs: { id: 'audit-heading' } }),
      form,
      message.element,
      el('p', {
        className: 'hint',
        attrs: { id: 'audit-retention-hint' },
        text: 'Older records are deleted. The log stays on this computer; export or delete it from the popup.',
      }),
      managed,
    ),
  );
}
