import { scriptCpuMs, type TraceEvent } from './trace-script-cpu';

const thread = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});
const parse = (pid: number, tid: number): TraceEvent => ({
  name: 'ParseHTML',
  ph: 'X',
  pid,
  tid,
  ts: 1,
  dur: 1,
  tdur: 1,
});
const span = (name: string, ts: number, dur: number, tdur: number | undefined, pid = 1, tid = 10): TraceEvent => ({
  name,
  ph: 'X',
  pid,
  tid,
  ts,
  dur,
  ...(tdur === undefined ? {} : { tdur }),
});

describe('scriptCpuMs', () => {
  const page = [thread(1, 10, 'CrRendererMain'), parse(1, 10)];

  it('sums the thread time of the outermost script events, not their wall time', () => {
    const events = [
      ...page,
      span('EvaluateScript', 100, 5_000, 2_000),
      span('v8.run', 150, 4_000, 1_800),
      span('FunctionCall', 10_000, 3_000, 1_000),
      span('v8.callFunction', 10_010, 2_900, 990),
    ];
    expect(scriptCpuMs(events)).toBe(3);
  });

  it('counts an event that starts when the previous one ended', () => {
    expect(scriptCpuMs([...page, span('FunctionCall', 0, 1_000, 500), span('FunctionCall', 1_000, 1_000, 700)])).toBe(
      1.2,
    );
  });

  it('takes the longer of two events that start together as the outer one', () => {
    expect(scriptCpuMs([...page, span('v8.callFunction', 0, 100, 50), span('FunctionCall', 0, 400, 300)])).toBe(0.3);
  });

  it("adds up every renderer that parsed a document (the page's out-of-process frames too)", () => {
    const events = [
      ...page,
      thread(2, 20, 'CrRendererMain'),
      parse(2, 20),
      span('FunctionCall', 0, 1_000, 400),
      span('FunctionCall', 0, 1_000, 600, 2, 20),
    ];
    expect(scriptCpuMs(events)).toBe(1);
  });

  it('leaves out other threads and renderers that showed no document', () => {
    const events = [
      ...page,
      thread(1, 11, 'ServiceWorkerThread'),
      thread(3, 30, 'CrRendererMain'),
      span('FunctionCall', 0, 1_000, 250),
      span('FunctionCall', 0, 9_000, 9_000, 1, 11),
      span('FunctionCall', 0, 9_000, 9_000, 3, 30),
      span('Layout', 2_000, 9_000, 9_000),
    ];
    expect(scriptCpuMs(events)).toBe(0.25);
  });

  it('is NaN when a counted event has no thread time, and 0 for a page that ran no script', () => {
    expect(scriptCpuMs([...page, span('FunctionCall', 0, 1_000, undefined)])).toBeNaN();
    expect(scriptCpuMs(page)).toBe(0);
  });
});
