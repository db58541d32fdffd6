/**
 * Inline messages under a form field: linked with aria-describedby and marked aria-invalid, so a screen reader reads
 * what is wrong when the field has focus, and the message sits where the eye is.
 */
import { el, uniqueId } from './dom';

export interface FieldMessage {
  /** The element to put under the field. */
  readonly element: HTMLElement;
  show(message: string): void;
  clear(): void;
}

export function attachFieldMessage(
  field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  hintId?: string,
): FieldMessage {
  const id = uniqueId('field-error');
  const element = el('p', { className: 'field-error', attrs: { id, hidden: true } });
  const describedBy = (withError: boolean): string => [hintId, withError ? id : undefined].filter(Boolean).join(' ');
  if (hintId) field.setAttribute('aria-describedby', describedBy(false));
  return {
    element,
    show(message) {
      element.textContent = message;
      element.hidden = false;
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', describedBy(true));
    },
    clear() {
      element.textContent = '';
      element.hidden = true;
      field.removeAttribute('aria-invalid');
      const rest = describedBy(false);
      if (rest) field.setAttribute('aria-describedby', rest);
      else field.removeAttribute('aria-describedby');
    },
  };
}
