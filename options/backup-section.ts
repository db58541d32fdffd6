/**
 * Export, import and reset. Export writes the saved settings as a JSON file (schemas/settings.json). Import sends the
 * file's text to the background, which validates it whole: a bad file is refused with one line per bad field and
 * the settings stay exactly as they were. Reset asks for a second click instead of a dialog.
 */
import { el, replaceChildren } from '../src/ui/dom';
import { settingsFileName, settingsFileText } from '../src/settings/settings-export';
import { applyAndAnnounce, type SectionContext } from './section-context';

export function mountBackupSection(root: HTMLElement, context: SectionContext): void {
  const exportButton = el('button', { text: 'Export settings', attrs: { type: 'button', 'data-action': 'export' } });
  exportButton.addEventListener('click', () => {
    const blob = new Blob([settingsFileText(context.store.state().settings)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = el('a', { attrs: { href: url, download: settingsFileName(new Date()) } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    context.announce('Settings exported.');
  });

  const fileInput = el('input', {
    attrs: {
      type: 'file',
      id: 'import-file',
      accept: '.json,application/json',
      'aria-describedby': 'import-hint',
      'data-field': 'import-file',
    },
  });
  const result = el('div', {
    className: 'import-result',
    attrs: { id: 'import-result', role: 'status', 'data-result': 'import' },
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    replaceChildren(result, el('p', { text: `Reading ${file.name}...` }));
    void file
      .text()
      .then((text) => applyAndAnnounce(context, { kind: 'import', text }, `${file.name} imported.`))
      .then((reply) => {
        if (reply.applied) {
          result.dataset.outcome = 'imported';
          replaceChildren(
            result,
            el('p', { className: 'ok', text: `${file.name} imported.` }),
            ...reply.notes.map((note) => el('p', { className: 'hint', text: note })),
          );
        } else {
          result.dataset.outcome = 'refused';
          replaceChildren(
            result,
            el('p', {
              className: 'error',
              text: `${file.name} was not imported; your settings are unchanged. What is wrong:`,
            }),
            el('ul', { className: 'error-list' }, ...reply.errors.map((e) => el('li', { text: e.message }))),
          );
        }
        fileInput.value = '';
      });
  });

  const confirmBox = el('div', { className: 'row', attrs: { hidden: true } });
  const askReset = (scope: 'choices' | 'all', label: string): void => {
    const yes = el('button', {
      className: 'danger',
      text: `Yes, ${label.toLowerCase()}`,
      attrs: { type: 'button', 'data-action': `confirm-reset-${scope}` },
    });
    const no = el('button', { text: 'Cancel', attrs: { type: 'button' } });
    yes.addEventListener('click', () => {
      confirmBox.hidden = true;
      void applyAndAnnounce(
        context,
        { kind: 'reset', scope },
        scope === 'all' ? 'Everything reset to the defaults.' : 'Every block/allow choice reset to the defaults.',
      );
    });
    no.addEventListener('click', () => {
      confirmBox.hidden = true;
    });
    replaceChildren(
      confirmBox,
      el('span', {
        text:
          scope === 'all'
            ? 'This also removes your custom vendors, dashboards and pages.'
            : 'Your custom vendors, dashboards and pages stay.',
      }),
      yes,
      no,
    );
    confirmBox.hidden = false;
    yes.focus();
  };

  root.append(
    el(
      'section',
      { className: 'card', attrs: { 'aria-labelledby': 'backup-heading', id: 'backup' } },
      el('h2', { text: 'Import, export and reset', attrs: { id: 'backup-heading' } }),
      el('div', { className: 'row' }, exportButton),
      el(
        'div',
        { className: 'field' },
        el('label', { text: 'Import settings from a file', attrs: { for: 'import-file' } }),
        fileInput,
      ),
      el('p', {
        className: 'hint',
        attrs: { id: 'import-hint' },
        text: 'Importing replaces all your settings. Files from earlier Dashguard versions are converted.',
      }),
      result,
      el(
        'div',
        { className: 'row' },
        el('button', {
          text: 'Reset choices to defaults',
          attrs: { type: 'button', 'data-action': 'reset-choices' },
          on: { click: () => askReset('choices', 'Reset choices') },
        }),
        el('button', {
          text: 'Reset everything',
          attrs: { type: 'button', 'data-action': 'reset-all' },
          on: { click: () => askReset('all', 'Reset everything') },
        }),
      ),
      confirmBox,
    ),
  );
}
