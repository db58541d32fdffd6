/**
 * Runs one measurement of `npm run bench` with retries: an attempt that fails for any reason but a broken premise
 * (BrokenRunError) is tried again, up to STEP_ATTEMPTS; after the last one the measurement is reported "not measured"
 * with the reason, and the run goes on with the next one.
 */
import { BrokenRunError, reasonOf, STEP_ATTEMPTS } from './bench-errors';
import { notMeasuredRow, type Figure, type FigureRow } from './bench-table';

export interface MeasurementStep {
  readonly title: string;
  /** Given to every row the step measures. */
  readonly section: string;
  run(): Promise<Figure[]>;
}

export type StepOutcome =
  | { readonly kind: 'measured'; readonly rows: FigureRow[]; readonly failedAttempts: readonly string[] }
  | { readonly kind: 'not measured'; readonly rows: FigureRow[]; readonly failedAttempts: readonly string[] }
  | { readonly kind: 'broken'; readonly rows: FigureRow[]; readonly reason: string };

export async function runStep(
  step: MeasurementStep,
  log: (line: string) => void,
  attempts = STEP_ATTEMPTS,
): Promise<StepOutcome> {
  const failedAttempts: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      const figures = await step.run();
      return {
        kind: 'measured',
        rows: figures.map((figure) => ({ ...figure, section: step.section })),
        failedAttempts,
      };
    } catch (error) {
      const reason = reasonOf(error);
      if (error instanceof BrokenRunError) {
        const row: FigureRow = {
          section: step.section,
          figure: `${step.title}: ${reason}`,
          value: Number.NaN,
          unit: 'count',
          target: { op: '>=', value: 0 },
        };
        return { kind: 'broken', rows: [row], reason };
      }
      failedAttempts.push(reason);
      log(`      attempt ${attempt} of ${attempts} failed: ${reason}${attempt < attempts ? '; trying again' : ''}`);
    }
  }
  const reason =
    failedAttempts.length > 1 && failedAttempts.every((r) => r === failedAttempts[0])
      ? `${failedAttempts[0]} (${attempts} attempts)`
      : failedAttempts.join('; then: ');
  return { kind: 'not measured', rows: [notMeasuredRow(step.section, step.title, reason)], failedAttempts };
}
