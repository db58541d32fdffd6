/**
 * The options page, drawn from its one state: the header with the status line (what the last change did, read by
 * screen readers), the organisation's notice, then every section. Every rule Dashguard applies, in one place.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { SendMessage } from '../../src/messaging';
import { StorageAlert } from '../../src/ui';
import { managedNoticeModel } from '../managed-notice-model';
import type { OptionsActions } from '../options-controller';
import type { OptionsState } from '../options-state';
import { AuditRetentionSection } from './audit-retention-section';
import { AuditUrlsSection } from './audit-urls-section';
import { BackupSection } from './backup-section';
import { CustomDashboardsSection } from './custom-dashboards-section';
import { CustomVendorsSection } from './custom-vendors-section';
import { DashboardRulesSection } from './dashboard-rules-section';
import { ManagedNotice } from './managed-notice';
import { ReportOnlySection } from './report-only-section';
import { SensitivePagesSection } from './sensitive-pages-section';
import { VendorsSection } from './vendors-section';

export interface OptionsAppProps {
  readonly state: OptionsState;
  readonly actions: OptionsActions;
  readonly send: SendMessage;
  /** Fills the fleet-reporting line and keeps it current (src/fleet/fleet-status-line.ts). */
  readonly mountFleetStatus: (slot: HTMLElement) => void;
}

const SECTIONS = [
  ['mode', 'Mode'],
  ['vendors', 'Vendors'],
  ['dashboard-rules', 'Per-dashboard rules'],
  ['custom-vendors', 'Custom vendors'],
  ['custom-dashboards', 'Self-hosted dashboards'],
  ['strict-mode', 'Strict mode'],
  ['audit-log', 'Audit log'],
  ['backup', 'Import and export'],
] as const;

export function OptionsApp({ state, actions, send, mountFleetStatus }: OptionsAppProps) {
  // The fleet line keeps itself current (its own module, shared with the popup): mounted once.
  const fleet = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (fleet.current) mountFleetStatus(fleet.current);
  }, [mountFleetStatus]);
  const notice = useMemo(() => managedNoticeModel(state.policy, state.catalog), [state.policy, state.catalog]);
  return (
    <>
      <a class="skip-link" href="#vendors">
        Skip to the vendor list
      </a>
      <header class="page-header">
        <h1>Dashguard settings</h1>
        <p class="hint">
          Dashguard blocks analytics and marketing vendors on CI dashboards and keeps the ones the dashboard needs.
          Changes apply to the next page you load.
        </p>
        <p id="status" class="status" role="status" aria-live="polite">
          {state.announcement}
        </p>
        <StorageAlert send={send} />
        <p id="fleet-status" class="hint" hidden ref={fleet} />
      </header>
      <nav aria-label="Sections" class="toc">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {label}
          </a>
        ))}
      </nav>
      {/* Outside <main>: it shows even when the settings cannot be read, and follows live policy changes. */}
      <ManagedNotice model={notice} />
      <main id="app" data-state={state.phase}>
        {state.phase === 'loading' && <p class="hint">Loading...</p>}
        {state.phase === 'failed' && (
          <p class="error" role="alert">
            {`Dashguard's settings could not be read: ${state.failure ?? 'no answer'}`}
          </p>
        )}
        {state.phase === 'ready' && (
          <>
            {state.problems.length > 0 && (
              <ul class="error-list">
                {state.problems.map((problem, i) => (
                  <li key={i}>{`Ignored in your stored settings: ${problem}`}</li>
                ))}
              </ul>
            )}
            <ReportOnlySection state={state} actions={actions} />
            <VendorsSection state={state} actions={actions} />
            <DashboardRulesSection state={state} actions={actions} />
            <CustomVendorsSection state={state} actions={actions} />
            <CustomDashboardsSection state={state} actions={actions} />
            <SensitivePagesSection state={state} actions={actions} />
            <AuditRetentionSection state={state} actions={actions} />
            <AuditUrlsSection state={state} actions={actions} />
            <BackupSection importResult={state.importResult} actions={actions} />
          </>
        )}
      </main>
    </>
  );
}
