/**
 * The message under a form field that holds bad input. The field names it in aria-describedby and is marked
 * aria-invalid, so a screen reader reads what is wrong when the field has focus, and the message sits where the eye
 * is. Rendered only while there is something to say.
 */

export function FieldError({ id, message }: { readonly id: string; readonly message: string | undefined }) {
  return message === undefined ? null : (
    <p class="field-error" id={id}>
      {message}
    </p>
  );
}

/** The attributes of a field with a hint (optional) and the FieldError `errorId` (shown when `message` is set). */
export function fieldDescription(
  hintId: string | undefined,
  errorId: string,
  message: string | undefined,
): { 'aria-describedby'?: string; 'aria-invalid'?: 'true' } {
  const ids = [hintId, message === undefined ? undefined : errorId].filter(Boolean).join(' ');
  return {
    ...(ids === '' ? {} : { 'aria-describedby': ids }),
    ...(message === undefined ? {} : { 'aria-invalid': 'true' }),
  };
}

/** The messages of a refused change whose field `which` accepts, as one text; undefined when there are none. */
export function messagesAbout(
  errors: readonly { readonly field: string; readonly message: string }[],
  which: (field: string) => boolean,
): string | undefined {
  const text = errors
    .filter((e) => which(e.field))
    .map((e) => e.message)
    .join(' ');
  return text === '' ? undefined : text;
}
