/**
 * Draws the popup from its store, and builds a large list a slice at a time: the first draw holds `firstRows` list
 * items (vendor groups first, then request rows: the first screen, within one frame), each later task adds as many as
 * fit in `sliceMs`, measured on the last slice, until every item is built. Between slices the popup stays responsive
 * (a click is one task away).
 */
import { h, render } from 'preact';
import type { SendMessage } from '../src/messaging';
import type { PageStore } from '../src/ui';
import { PopupApp } from './components/popup-app';
import type { PopupController } from './popup-controller';
import { listSize, listSlice, type PopupState } from './popup-state';

export interface RendererDeps {
  readonly root: Element;
  readonly store: PageStore<PopupState>;
  readonly actions: PopupController;
  readonly send: SendMessage;
  readonly now: () => number;
  readonly mountFleetStatus: (slot: HTMLElement) => void;
  /** Runs `task` soon, as its own task (not throttled like timers in a background tab). */
  readonly defer: (task: () => void) => void;
  readonly clock: () => number;
  readonly firstRows: number;
  readonly sliceMs: number;
  /** After a draw: whether every list item is built, and how many are (vendor groups and request rows). */
  readonly onDrawn?: (info: { readonly complete: boolean; readonly items: number }) => void;
}

export function startRenderer(deps: RendererDeps): () => void {
  let step = deps.firstRows;
  let growing = false;
  const draw = (state: PopupState): void => {
    const size = listSize(state.shown);
    // The first items of a new list are built in its first draw.
    if (state.shown !== undefined && state.budget === 0 && size > 0) {
      deps.store.set({ budget: deps.firstRows });
      state = { ...state, budget: deps.firstRows };
    }
    const started = deps.clock();
    render(
      h(PopupApp, {
        state,
        actions: deps.actions,
        send: deps.send,
        now: deps.now,
        mountFleetStatus: deps.mountFleetStatus,
      }),
      deps.root,
    );
    const elapsed = deps.clock() - started;
    // A first screen is not the whole list: the rest comes with the audit read after it.
    const complete = state.budget >= size && state.shown?.complete !== false;
    const slice = listSlice(state.shown, state.budget);
    deps.onDrawn?.({ complete, items: slice.groups + slice.rows });
    if (state.budget >= size || growing) return;
    // Rows per slice follow what the last slice cost, so each slice stays near sliceMs on any machine.
    if (state.budget > deps.firstRows)
      step = Math.max(50, Math.min(2_000, Math.round((step * deps.sliceMs) / Math.max(elapsed, 1))));
    growing = true;
    deps.defer(() => {
      growing = false;
      deps.store.set((s) => ({ budget: s.budget + step }));
    });
  };
  draw(deps.store.get());
  return deps.store.subscribe(draw);
}
