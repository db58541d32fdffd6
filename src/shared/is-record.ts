/** A plain object (not null, not an array): the first check of every parser of untrusted input. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
