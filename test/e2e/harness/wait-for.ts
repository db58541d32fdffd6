/**
 * Waits for a condition with a bounded timeout. Tests wait for what they need (a request recorded, a DOM state)
 * instead of sleeping for a fixed time: fast when things work, and a clear message when they do not.
 */

export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

/**
 * Polls `probe` until it returns a value other than `undefined`, and returns that value. On timeout, throws an
 * error naming what was awaited and, when given, what `describeFailure` says about the last state.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  options: WaitOptions & { describeFailure?: () => string | Promise<string> } = {},
): Promise<T> {
  const { timeoutMs = 15_000, intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      // A probe may fail while the thing it looks at is still starting (a page navigating, say); keep waiting.
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const details = options.describeFailure ? await options.describeFailure() : '';
  const cause = lastError instanceof Error ? ` Last probe error: ${lastError.message}` : '';
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${details ? ` ${details}` : ''}${cause}`);
}

/** Rejects with a message naming `what` if `promise` does not settle within `timeoutMs`. */
export async function withTimeout<T>(what: string, promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
