import { FULL_PLAN, parseBenchArgs, QUICK_PLAN } from './bench-options';

describe('parseBenchArgs', () => {
  it('runs everything with full repetitions and writes the doc by default', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, only: undefined, writeDoc: true, plan: FULL_PLAN });
  });
  it('takes fewer repetitions with --quick and still writes the doc', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({ quick: true, writeDoc: true, plan: QUICK_PLAN });
  });
  it('runs only the named measurements, in either spelling, and then never writes the doc', () => {
    expect(parseBenchArgs(['--only', 'toggle,rules'])).toMatchObject({ only: ['toggle', 'rules'], writeDoc: false });
    expect(parseBenchArgs(['--only=popup'])).toMatchObject({ only: ['popup'], writeDoc: false });
  });
  it('prints the table only with --no-doc', () => {
    expect(parseBenchArgs(['--no-doc']).writeDoc).toBe(false);
  });
  it('refuses unknown options and measurements, saying what exists', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/Unknown option --fast[\s\S]*Usage/);
    expect(() => parseBenchArgs(['--only', 'toggle,speed'])).toThrow(/Unknown measurement speed/);
    expect(() => parseBenchArgs(['--only'])).toThrow(/needs a list/);
  });
});

describe('the plans', () => {
  it('simulate an hour of traffic in a full run', () => {
    expect(FULL_PLAN.trafficPages).toBe(60);
  });
  it('repeat less in a quick run, never zero', () => {
    for (const key of Object.keys(FULL_PLAN) as (keyof typeof FULL_PLAN)[]) {
      expect(QUICK_PLAN[key]).toBeGreaterThan(0);
      expect(QUICK_PLAN[key]).toBeLessThanOrEqual(FULL_PLAN[key]);
    }
  });
});
