/** Report-only mode: nothing is blocked on dashboards, and the audit marks what would be. */
import { el } from '../src/ui/dom';
import { applyAndAnnounce, type SectionContext } from './section-context';
import { MANAGED_LABEL } from './vendor-model';

export function mountReportOnlySection(root: HTMLElement, context: SectionContext): void {
  const box = el('input', {
    attrs: { type: 'checkbox', id: 'report-only', 'aria-describedby': 'report-only-hint', 'data-field': 'report-only' },
  });
  const managed = el('p', { className: 'managed', attrs: { hidden: true } });
  box.addEventListener('change', () => {
    const value = box.checked;
    void applyAndAnnounce(
      context,
      { kind: 'set-report-only', value },
      value
        ? 'Report-only mode on: nothing is blocked, the audit shows what would be.'
        : 'Report-only mode off: blocking again.',
    ).then(() => update());
  });
  const update = (): void => {
    const { settings, policy } = context.store.state();
    const forced = policy.policy.reportOnly;
    box.checked = forced || (settings.reportOnly && !policy.policy.lockUserRules);
    box.disabled = forced || (policy.policy.lockUserRules && !box.checked);
    managed.hidden = !(forced || policy.policy.lockUserRules);
    managed.textContent = forced
      ? `${MANAGED_LABEL}: report-only mode is on for everyone.`
      : `${MANAGED_LABEL}: report-only mode cannot be turned on.`;
  };
  update();
  context.store.subscribe(update);
  root.append(
    el(
      'section',
      { className: 'card', attrs: { 'aria-labelledby': 'mode-heading', id: 'mode' } },
      el('h2', { text: 'Mode', attrs: { id: 'mode-heading' } }),
      el('div', { className: 'row' }, box, el('label', { text: 'Report-only mode', attrs: { for: 'report-only' } })),
      el('p', {
        className: 'hint',
        attrs: { id: 'report-only-hint' },
        text: "Blocks nothing on dashboards and marks in the audit what would have been blocked, so you can see the effect before enforcing it. Sensitive pages report instead of refusing too. Your organisation's blocks still hold.",
      }),
      managed,
    ),
  );
}
