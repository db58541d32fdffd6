import { createPageReportBudget } from './page-report-budget';

function budget(perDocument = 500) {
  let time = 0;
  const b = createPageReportBudget({ perDocument, perSecond: 20, burst: 50, now: () => time });
  return { b, advance: (ms: number) => void (time += ms) };
}

describe('createPageReportBudget', () => {
  test('a burst passes, then the rate', () => {
    const { b, advance } = budget();
    const first = Array.from({ length: 10_000 }, () => b.take()).filter(Boolean).length;
    expect(first).toBe(50);
    expect(b.dropped).toBe(9_950);
    advance(1_000);
    expect(Array.from({ length: 100 }, () => b.take()).filter(Boolean).length).toBe(20);
  });

  test('never more than the total per document, however slowly it comes', () => {
    const { b, advance } = budget(30);
    let passed = 0;
    for (let i = 0; i < 1_000; i += 1) {
      advance(1_000);
      if (b.take()) passed += 1;
    }
    expect(passed).toBe(30);
  });

  test('a clock that goes back gives nothing extra', () => {
    const { b, advance } = budget();
    for (let i = 0; i < 50; i += 1) b.take();
    advance(-5_000);
    expect(b.take()).toBe(false);
  });
});
