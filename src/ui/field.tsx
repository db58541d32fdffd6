/**
 * One labelled form field: its label, its control, an optional hint and the FieldError of bad input, wired together
 * (the label points at the control; the control names the hint and the error in aria-describedby and is marked
 * aria-invalid while there is an error), so every form of a page reads the same way to a screen reader and no page
 * wires ids by hand. `Field` takes any control (a select); `TextField` is the common case, a text input or textarea.
 */
import type { ComponentChildren, JSX, Ref } from 'preact';
import { useId } from 'preact/hooks';
import { FieldError, fieldDescription } from './field-error';

/** What the control of a Field must carry. */
export interface FieldControl {
  readonly id: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: 'true';
}

export interface FieldFrame {
  readonly label: ComponentChildren;
  /** Shown under the control, and read with it. */
  readonly hint?: ComponentChildren;
  /** What is wrong with the input; nothing while it is fine. */
  readonly error?: string | undefined;
  /** The control's id, when something else names it (a test, a link); otherwise one is made. */
  readonly id?: string;
}

export function Field({
  label,
  hint,
  error,
  id,
  children,
}: FieldFrame & { readonly children: (control: FieldControl) => ComponentChildren }) {
  const madeId = useId();
  const hintId = useId();
  const errorId = useId();
  const controlId = id ?? madeId;
  const hasHint = hint !== undefined && hint !== null && hint !== false;
  return (
    <div class="field">
      <label for={controlId}>{label}</label>
      {children({ id: controlId, ...fieldDescription(hasHint ? hintId : undefined, errorId, error) })}
      {hasHint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

type InputAttributes = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onInput' | 'ref' | 'label' | 'aria-describedby' | 'aria-invalid'
>;

export type TextFieldProps = FieldFrame &
  InputAttributes & {
    readonly value: string;
    /** Called with the control's text on every input. */
    readonly onValue: (value: string) => void;
    /** A textarea of this many rows instead of a one-line input. */
    readonly rows?: number;
    /** The control (an input, or a textarea with `rows`), to focus it. */
    readonly fieldRef?: Ref<HTMLInputElement | HTMLTextAreaElement>;
  };

export function TextField({ label, hint, error, id, value, onValue, rows, fieldRef, ...attributes }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) =>
        rows === undefined ? (
          <input
            type="text"
            {...attributes}
            {...control}
            ref={fieldRef as Ref<HTMLInputElement> | undefined}
            value={value}
            onInput={(event) => onValue(event.currentTarget.value)}
          />
        ) : (
          <textarea
            {...(attributes as JSX.TextareaHTMLAttributes<HTMLTextAreaElement>)}
            {...control}
            ref={fieldRef as Ref<HTMLTextAreaElement> | undefined}
            rows={rows}
            value={value}
            onInput={(event) => onValue(event.currentTarget.value)}
          />
        )
      }
    </Field>
  );
}
