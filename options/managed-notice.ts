/**
 * The options page's "Managed by your organisation" notice, from the `policy/get` status: what the organisation
 * enforces and every policy item that was ignored, with the reason. (Which controls the policy locks, and why, is
 * src/policy/policy-lock.ts.)
 */
import type { PolicyStatus } from '../src/policy/policy-status';
import { managedNoticeModel, type ManagedNoticeModel, type NoticeCatalog } from './managed-notice-model';

/** Builds the notice's DOM. Text only through textContent: policy values are data. */
export function renderManagedNotice(doc: Document, model: ManagedNoticeModel): HTMLElement {
  const section = doc.createElement('section');
  section.dataset.dg = 'managed-notice';
  section.className = 'managed-notice';
  section.setAttribute('role', 'note');
  Object.assign(section.style, {
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    background: 'var(--bg-raised)',
    padding: '8px 16px',
    margin: '0 0 16px',
  });

  const heading = doc.createElement('h2');
  heading.textContent = model.title;
  section.append(heading);
  if (model.sourceNote !== undefined) {
    const note = doc.createElement('p');
    note.dataset.dg = 'managed-source';
    note.textContent = model.sourceNote;
    section.append(note);
  }
  if (model.enforced.length > 0) {
    const enforced = doc.createElement('ul');
    enforced.dataset.dg = 'managed-items';
    for (const line of model.enforced) {
      const item = doc.createElement('li');
      item.textContent = line;
      enforced.append(item);
    }
    section.append(enforced);
  }
  if (model.ignored.length > 0) {
    const box = doc.createElement('div');
    box.dataset.dg = 'policy-warnings';
    box.className = 'status-warn';
    box.setAttribute('role', 'alert');
    Object.assign(box.style, { borderRadius: 'var(--radius)', padding: '8px 12px', margin: '8px 0' });
    const title = doc.createElement('h3');
    title.textContent = `Ignored policy settings (${model.ignored.length})`;
    const explain = doc.createElement('p');
    explain.textContent =
      "Your organisation's policy has entries Dashguard cannot use. They are ignored; the rest of the policy applies. Tell your administrator:";
    const items = doc.createElement('ul');
    for (const warning of model.ignored) {
      const item = doc.createElement('li');
      item.dataset.dg = 'policy-warning';
      item.textContent = warning;
      items.append(item);
    }
    box.append(title, explain, items);
    section.append(box);
  }
  return section;
}

/** Shows the notice for `status` in `slot`, replacing what was there; empties it when the organisation sets nothing. */
export function showManagedNotice(slot: HTMLElement, status: PolicyStatus, catalog: NoticeCatalog): void {
  const model = managedNoticeModel(status, catalog);
  slot.replaceChildren(...(model === undefined ? [] : [renderManagedNotice(slot.ownerDocument, model)]));
}
