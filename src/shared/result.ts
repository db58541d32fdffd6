/**
 * The one result of anything that can refuse: a parsed payload, a checked field, a background's reply. The error is
 * a sentence a page can show as it is.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
