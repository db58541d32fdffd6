/** Whether the audit keeps addresses whole: off by default, with what it costs said next to it; a policy value wins. */
import { el } from '../src/ui/dom';
import { applyAndAnnounce, type SectionContext } from './section-context';
import { MANAGED_LABEL } from './vendor-model';

export const KEEP_FULL_URLS_WARNING =
  'Query values and path segments can be secrets: password-reset and invitation tokens, session ids, API keys, e-mail addresses. With this on, they are stored in the audit log for as long as it keeps records, shown in the popup and written into every export.';

export function mountAuditUrlsSection(root: HTMLElement, context: SectionContext): void {
  const box = el('input', {
    attrs: {
      type: 'checkbox',
      id: 'keep-full-urls',
      'aria-describedby': 'keep-full-urls-warning keep-full-urls-hint',
      'data-field': 'keep-full-urls',
    },
  });
  const managed = el('p', { className: 'managed', attrs: { hidden: true, 'data-managed': 'keep-full-urls' } });
  box.addEventListener('change', () => {
    const value = box.checked;
    void applyAndAnnounce(
      context,
      { kind: 'set-keep-full-audit-urls', value },
      value ? 'The audit now keeps full addresses, secrets included.' : 'The audit now redacts addresses.',
    ).then(() => update());
  });
  const update = (): void => {
    const { settings, policy } = context.store.state();
    const forced = policy.policy.keepFullAuditUrls;
    box.checked = forced ?? settings.keepFullAuditUrls;
    box.disabled = forced !== undefined;
    managed.hidden = forced === undefined;
    managed.textContent =
      forced === undefined
        ? ''
        : `${MANAGED_LABEL}: the audit ${forced ? 'keeps full addresses' : 'redacts addresses'}.`;
  };
  update();
  context.store.subscribe(update);
  root.append(
    el(
      'section',
      { className: 'card', attrs: { 'aria-labelledby': 'audit-urls-heading', id: 'audit-urls' } },
      el('h2', { text: 'Addresses in the audit', attrs: { id: 'audit-urls-heading' } }),
      el('p', {
        className: 'hint',
        attrs: { id: 'keep-full-urls-hint' },
        text: 'By default the audit keeps each address as its site, path and the names of its query parameters; values, and path segments that look like tokens, are replaced by their length, for example ?token=[40].',
      }),
      el(
        'div',
        { className: 'row' },
        box,
        el('label', { text: 'Keep full addresses (not recommended)', attrs: { for: 'keep-full-urls' } }),
      ),
      el('p', {
        className: 'warning',
        attrs: { id: 'keep-full-urls-warning', role: 'note' },
        text: KEEP_FULL_URLS_WARNING,
      }),
      managed,
    ),
  );
}
