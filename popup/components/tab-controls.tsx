/**
 * The header's controls for this tab (`#quick-actions`): the dashboard it is on, strict mode's state in this page,
 * report-only, pause on this tab, what the last action did and the Reload button that applies it.
 * `data-state` is loading, ready, not-a-dashboard or error.
 */
import type { PopupState } from '../popup-state';
import { strictModeNotice, type StrictModeNotice } from '../strict-mode-notice';

const MANAGED = 'Managed by your organisation';

const STRICT_MODE_TEXT: Record<StrictModeNotice['kind'] | 'report-only', string> = {
  'in-force':
    "Strict mode is in force in this page: it was loaded under Dashguard's policy, so no third-party code runs and nothing goes to a third party, unless you allow a vendor here.",
  'report-only':
    'Strict mode (report-only) is in force in this page: it reports what the policy would refuse instead of refusing it.',
  'open-again':
    'This is a sensitive page, but strict mode is not in force in it: it was not loaded as one (an in-app link, or it was open before). Open it again to protect this page.',
  'no-access':
    'This is a sensitive page, but strict mode cannot protect it: Dashguard has no access to this site, which it needs to add its policy to the page. Allow access, then open the page again.',
  unconfirmed:
    'This is a sensitive page, but on plain http the browser does not let Dashguard confirm that its policy is in force here.',
};

export interface TabControlsProps {
  readonly state: PopupState;
  readonly onPause: () => void;
  readonly onReload: () => void;
  readonly onAllowAccess: () => void;
}

export function TabControls({ state, onPause, onReload, onAllowAccess }: TabControlsProps) {
  const { view, pause } = state;
  const dashboard = view?.dashboard ?? null;
  const strict = view
    ? strictModeNotice(view.strictMode ?? undefined, state.documentStrictMode, state.hostAccess)
    : undefined;
  const strictState =
    strict === undefined ? undefined : strict.kind === 'in-force' && !strict.enforced ? 'report-only' : strict.kind;
  const pauseAllowed = pause?.allowed === true;
  return (
    <section id="quick-actions" class="tab-controls" aria-label="This tab" data-state={state.quick}>
      {state.quick === 'loading' && <p class="qa-hint">Loading…</p>}
      {state.quick === 'error' && <p class="qa-error">{state.quickError}</p>}
      {state.quick === 'not-a-dashboard' && (
        <p class="qa-hint">This page is not a dashboard Dashguard protects: it changes nothing here.</p>
      )}
      {state.quick === 'ready' && dashboard !== null && (
        <>
          <div class="qa-row">
            <p class="qa-dashboard" data-qa="dashboard" data-dashboard={dashboard.id}>
              On <strong>{dashboard.name}</strong>
            </p>
            <button
              type="button"
              class="qa-pause"
              data-qa="pause"
              aria-pressed={pause?.paused === true}
              aria-describedby="pause-note"
              disabled={!pauseAllowed || state.pauseBusy}
              onClick={onPause}
            >
              {pause?.paused ? 'Resume on this tab' : 'Pause on this tab'}
            </button>
          </div>
          <p class="qa-hint" id="pause-note" data-qa="pause-note">
            {!pauseAllowed && pause !== undefined
              ? `${MANAGED}: ${view?.pauseRefusal ?? 'pausing is switched off.'}`
              : pause?.paused
                ? 'Paused: this tab loads every vendor until you resume or close it.'
                : 'Pause lets this tab alone load every vendor until it closes; other tabs stay protected.'}
          </p>
          {strictState !== undefined && (
            <div
              class={`qa-note ${strictState === 'in-force' ? 'status-allowed' : 'status-warn'}`}
              data-qa="strict-mode"
              data-state={strictState}
            >
              <p class="qa-strict-text">{STRICT_MODE_TEXT[strictState]}</p>
              {strictState === 'open-again' && (
                <button type="button" class="primary" data-qa="strict-open-again" onClick={onReload}>
                  Open again
                </button>
              )}
              {strictState === 'no-access' && (
                <button type="button" data-qa="strict-allow-access" onClick={onAllowAccess}>
                  Allow access
                </button>
              )}
            </div>
          )}
          {view?.reportOnly && (
            <p class="qa-note status-warn">Report-only mode: nothing is blocked; the audit marks what would be.</p>
          )}
        </>
      )}
      {state.quickError !== undefined && state.quick !== 'error' && <p class="qa-error">{state.quickError}</p>}
      <div class="qa-outcome">
        <p class="qa-status" role="status" aria-live="polite" data-qa="status">
          {state.status}
        </p>
        <button type="button" class="primary" data-qa="reload" hidden={!state.reloadOffered} onClick={onReload}>
          Reload page
        </button>
      </div>
    </section>
  );
}
