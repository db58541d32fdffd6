import { createPageStore } from './page-store';

describe('page store', () => {
  it('tells its listeners once per burst of changes, with the latest state', async () => {
    const store = createPageStore({ a: 1, b: 'x' });
    const seen: { a: number; b: string }[] = [];
    const stop = store.subscribe((state) => seen.push(state));
    store.set({ a: 2 });
    store.set((s) => ({ a: s.a + 1, b: 'y' }));
    expect(store.get()).toEqual({ a: 3, b: 'y' });
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual([{ a: 3, b: 'y' }]);
    stop();
    store.set({ a: 4 });
    await Promise.resolve();
    expect(seen).toHaveLength(1);
  });
});
