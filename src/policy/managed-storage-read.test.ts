import { classifyManagedError, createManagedReader } from './managed-storage-read';

describe('managed storage reads', () => {
  it('classifies Firefox\'s "no manifest" error as no policy, anything else as unknown', () => {
    expect(classifyManagedError(new Error('Managed storage manifest not found'))).toEqual({ kind: 'no-policy' });
    expect(classifyManagedError(new Error('IO error'))).toEqual({ kind: 'unavailable', reason: 'IO error' });
  });

  it('returns what managed storage holds', async () => {
    const read = createManagedReader({
      area: { get: async () => ({ lockUserRules: true }) },
      timeoutMs: 1000,
      onLateAnswer: () => undefined,
    });
    expect(await read()).toEqual({ kind: 'values', values: { lockUserRules: true } });
  });

  it('gives up after the timeout and reports the late answer', async () => {
    let answer: (values: Record<string, unknown>) => void = () => undefined;
    const late = jest.fn();
    const read = createManagedReader({
      area: {
        get: () =>
          new Promise((resolve) => {
            answer = resolve;
          }),
      },
      timeoutMs: 10,
      onLateAnswer: late,
    });
    expect(await read()).toEqual({ kind: 'unavailable', reason: 'no answer within 10 ms' });
    expect(late).not.toHaveBeenCalled();
    answer({ lockUserRules: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(late).toHaveBeenCalledTimes(1);
  });
});
