/**
 * How long a settings change took to be in force, left as a performance mark for the toggle-to-effect benchmark,
 * which reads it in the worker. One mark at a time: the benchmark reads the latest.
 */
import { RULES_APPLIED_MARK } from '../settings';

export type MarkTimeline = Pick<Performance, 'clearMarks' | 'mark'>;

export function rulesAppliedMark(timeline: MarkTimeline): (ms: number) => void {
  return (ms) => {
    timeline.clearMarks(RULES_APPLIED_MARK);
    timeline.mark(RULES_APPLIED_MARK, { detail: ms });
  };
}
