/**
 * One state store per extension page: the page's whole state in one object, changed only through `set`, with the
 * page rendered from it (components read it; they never keep data of their own beyond what is open or typed). A
 * listener runs once per burst of changes (a microtask later), so several `set` calls in one task draw once.
 */
export interface PageStore<S> {
  get(): S;
  set(change: Partial<S> | ((state: S) => Partial<S>)): void;
  /** Calls `listener` after changes; returns the unsubscribe. */
  subscribe(listener: (state: S) => void): () => void;
}

export function createPageStore<S extends object>(initial: S): PageStore<S> {
  let state = initial;
  let queued = false;
  const listeners = new Set<(state: S) => void>();
  const notify = (): void => {
    queued = false;
    for (const listener of [...listeners]) listener(state);
  };
  return {
    get: () => state,
    set(change) {
      const patch = typeof change === 'function' ? change(state) : change;
      state = { ...state, ...patch };
      if (!queued) {
        queued = true;
        queueMicrotask(notify);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
