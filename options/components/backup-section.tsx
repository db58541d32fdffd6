/**
 * Export, import and reset. Export writes the saved settings as a JSON file (schemas/settings.json). Import sends the
 * file's text to the background, which validates it whole: a bad file is refused with one line per bad field and
 * the settings stay exactly as they were. Reset asks for a second click instead of a dialog.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportResult } from '../options-state';
import type { OptionsActions } from '../options-controller';

type ResetScope = 'choices' | 'all';

const RESET: Record<ResetScope, { readonly label: string; readonly note: string; readonly done: string }> = {
  choices: {
    label: 'Reset choices',
    note: 'Your custom vendors, dashboards and pages stay.',
    done: 'Every block/allow choice reset to the defaults.',
  },
  all: {
    label: 'Reset everything',
    note: 'This also removes your custom vendors, dashboards and pages.',
    done: 'Everything reset to the defaults.',
  },
};

function ImportVerdict({ result }: { readonly result: ImportResult | undefined }) {
  const outcome = result?.outcome === 'reading' ? undefined : result?.outcome;
  // Keyed by the import: each verdict is a new element, so its data-outcome appears afresh.
  return (
    <div
      key={result?.seq ?? 0}
      class="import-result"
      id="import-result"
      role="status"
      data-result="import"
      data-outcome={outcome}
    >
      {result?.outcome === 'reading' && <p>Reading {result.fileName}...</p>}
      {result?.outcome === 'imported' && (
        <>
          <p class="ok">{`${result.fileName} imported.`}</p>
          {result.lines.map((note, i) => (
            <p key={i} class="hint">
              {note}
            </p>
          ))}
        </>
      )}
      {result?.outcome === 'refused' && (
        <>
          <p class="error">{`${result.fileName} was not imported; your settings are unchanged. What is wrong:`}</p>
          <ul class="error-list">
            {result.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function BackupSection({
  importResult,
  actions,
}: {
  readonly importResult: ImportResult | undefined;
  readonly actions: OptionsActions;
}) {
  const [confirming, setConfirming] = useState<ResetScope | undefined>(undefined);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming !== undefined) yes.current?.focus();
  }, [confirming]);
  return (
    <section class="card" aria-labelledby="backup-heading" id="backup">
      <h2 id="backup-heading">Import, export and reset</h2>
      <div class="row">
        <button type="button" data-action="export" onClick={() => actions.exportSettings()}>
          Export settings
        </button>
      </div>
      <div class="field">
        <label for="import-file">Import settings from a file</label>
        <input
          type="file"
          id="import-file"
          accept=".json,application/json"
          aria-describedby="import-hint"
          data-field="import-file"
          onChange={(event) => {
            const field = event.currentTarget;
            const file = field.files?.[0];
            if (!file) return;
            // Emptied, so choosing the same file again imports it again.
            void actions.importFile(file).finally(() => {
              field.value = '';
            });
          }}
        />
      </div>
      <p class="hint" id="import-hint">
        Importing replaces all your settings. Files from earlier Dashguard versions are converted.
      </p>
      <ImportVerdict result={importResult} />
      <div class="row">
        {(['choices', 'all'] as const).map((scope) => (
          <button key={scope} type="button" data-action={`reset-${scope}`} onClick={() => setConfirming(scope)}>
            {scope === 'all' ? 'Reset everything' : 'Reset choices to defaults'}
          </button>
        ))}
      </div>
      {confirming !== undefined && (
        <div class="row">
          <span>{RESET[confirming].note}</span>
          <button
            ref={yes}
            type="button"
            class="danger"
            data-action={`confirm-reset-${confirming}`}
            onClick={() => {
              setConfirming(undefined);
              void actions.apply({ kind: 'reset', scope: confirming }, RESET[confirming].done);
            }}
          >
            {`Yes, ${RESET[confirming].label.toLowerCase()}`}
          </button>
          <button type="button" onClick={() => setConfirming(undefined)}>
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}
