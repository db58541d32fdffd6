import { PAGE_SCRIPT_BUDGETS, pageBudgetProblems } from './page-budgets';

describe('page script budgets', () => {
  it('holds popup.js and options.js to 200 KiB each', () => {
    expect(PAGE_SCRIPT_BUDGETS).toEqual({ 'popup.js': 204_800, 'options.js': 204_800 });
  });

  it('counts each page script with the chunk both pages load, and names each over its budget or missing', () => {
    const sizes: Record<string, number> = { 'pages-shared.js': 4_800, 'popup.js': 200_000, 'options.js': 200_001 };
    expect(pageBudgetProblems((file) => sizes[file])).toEqual([
      'options.js with pages-shared.js is 200.0 KiB, over its budget of 200 KiB',
    ]);
    expect(pageBudgetProblems((file) => (file === 'pages-shared.js' ? undefined : 1))).toEqual([
      'popup.js or pages-shared.js is missing',
      'options.js or pages-shared.js is missing',
    ]);
    expect(pageBudgetProblems(() => 1_000)).toEqual([]);
  });
});
