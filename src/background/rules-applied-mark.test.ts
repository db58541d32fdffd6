import { RULES_APPLIED_MARK } from '../settings';
import { rulesAppliedMark } from './rules-applied-mark';

describe('the rules-applied mark', () => {
  it('leaves one mark, the latest, with the time the change took', () => {
    const marks: { name: string; detail: unknown }[] = [];
    const mark = rulesAppliedMark({
      clearMarks: (name) => void marks.splice(0, marks.length, ...marks.filter((m) => m.name !== name)),
      mark: (name, options) => {
        marks.push({ name, detail: options?.detail });
        return undefined as never;
      },
    });
    mark(12.5);
    mark(7);
    expect(marks).toEqual([{ name: RULES_APPLIED_MARK, detail: 7 }]);
  });
});
