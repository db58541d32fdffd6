/**
 * The one result of anything that can refuse: a parsed payload, a checked field, a background's reply. The error is
 * a sentence a page can show as it is, or, where each field has its own (a whole settings object), the list of them.
 */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };
