/**
 * The popup, drawn from its one state: the page and this tab's controls on top, the summary of what the page tried
 * to load, the filter, the one list of vendors (blocked first, each with its quick action), then naming another
 * vendor and the audit log.
 */
import type { SendMessage } from '../../src/messaging';
import { StorageAlert } from '../../src/ui';
import type { PopupController } from '../popup-controller';
import type { PopupState } from '../popup-state';
import { ListTools } from './list-tools';
import { LogFooter } from './log-footer';
import { SummaryBar } from './summary-bar';
import { TabControls } from './tab-controls';
import { VendorFinder } from './vendor-finder';
import { VendorList } from './vendor-list';

export interface PopupAppProps {
  readonly state: PopupState;
  readonly actions: PopupController;
  readonly send: SendMessage;
  readonly now: () => number;
  /** Fills the footer's fleet-reporting line and keeps it current (src/fleet/fleet-status-line.ts). */
  readonly mountFleetStatus: (slot: HTMLElement) => void;
}

export function PopupApp({ state, actions, send, now, mountFleetStatus }: PopupAppProps) {
  return (
    <>
      <header class="top">
        <h1 class="brand">
          <img src="icons/icon-32.png" alt="" width={16} height={16} /> Dashguard
        </h1>
        <p class="page" id="page-label" title={state.pageTitle}>
          {state.pageLabel}
        </p>
      </header>
      <StorageAlert send={send} />
      <TabControls
        state={state}
        onPause={() => void actions.togglePause()}
        onReload={() => void actions.reload()}
        onAllowAccess={() => void actions.allowAccess()}
      />
      <SummaryBar shown={state.shown} view={state.view} />
      <ListTools text={state.filterText} status={state.filterStatus} onChange={(change) => actions.setFilter(change)} />
      <VendorList
        shown={state.shown}
        empty={state.empty}
        budget={state.budget}
        view={state.view}
        changing={state.changing}
        newGroups={state.newGroups}
        filterText={state.filterText}
        filterStatus={state.filterStatus}
        onToggle={(id) => void actions.toggleVendor(id)}
        now={now}
      />
      {state.quick === 'ready' && (
        <VendorFinder
          suggestions={state.view?.suggestions ?? []}
          error={state.findError}
          onFind={(text) => actions.findVendor(text)}
        />
      )}
      <LogFooter
        droppedText={state.droppedText}
        mountFleetStatus={mountFleetStatus}
        retentionDays={state.retentionDays}
        status={state.logStatus}
        clearArmed={state.clearArmed}
        onExport={(f) => void actions.exportLog(f)}
        onClear={() => void actions.clearLog()}
      />
    </>
  );
}
