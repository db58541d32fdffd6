/**
 * @jest-environment jsdom
 */
/**
 * Field and TextField in jsdom with Testing Library: the label names the control, the hint and the error describe
 * it (and only while they are there), typing reaches the page's state, the ref reaches the control, and bad input
 * that carries markup is shown as text.
 */
import { fireEvent, render, screen } from '@testing-library/preact';
import { createRef } from 'preact';
import { useState } from 'preact/hooks';
import { Field, TextField } from './field';

describe('TextField', () => {
  it('is a text input named by its label and described by its hint, not invalid while there is no error', () => {
    render(<TextField label="Host" hint="The host name only." value="" onValue={() => undefined} data-field="host" />);
    const input = screen.getByLabelText('Host');
    expect(input.tagName).toBe('INPUT');
    expect(input.getAttribute('type')).toBe('text');
    expect(input.getAttribute('data-field')).toBe('host');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect((input as HTMLInputElement).labels?.[0]?.textContent).toBe('Host');
    const hint = screen.getByText('The host name only.');
    expect(input.getAttribute('aria-describedby')).toBe(hint.id);
    expect(document.querySelector('.field-error')).toBeNull();
  });

  it('shows the error under the field, names it with the hint and marks the field invalid', () => {
    render(<TextField label="Host" hint="A hint." error="Not a host name." value="x" onValue={() => undefined} />);
    const input = screen.getByLabelText('Host');
    const error = screen.getByText('Not a host name.');
    const hint = screen.getByText('A hint.');
    expect(error.classList.contains('field-error')).toBe(true);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(`${hint.id} ${error.id}`);
  });

  it('names only the error when there is no hint, and nothing once the error is gone', () => {
    const { rerender } = render(<TextField label="Name" error="Too long." value="" onValue={() => undefined} />);
    const input = screen.getByLabelText('Name');
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByText('Too long.').id);
    rerender(<TextField label="Name" value="" onValue={() => undefined} />);
    expect(input.getAttribute('aria-describedby')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('Too long.')).toBeNull();
  });

  it('passes what is typed to the page, which shows it back', () => {
    const seen: string[] = [];
    function Form() {
      const [value, setValue] = useState('');
      return (
        <TextField
          label="Host"
          value={value}
          onValue={(next) => {
            seen.push(next);
            setValue(next.trim());
          }}
        />
      );
    }
    render(<Form />);
    const input = screen.getByLabelText<HTMLInputElement>('Host');
    fireEvent.input(input, { target: { value: ' ci.example.com ' } });
    expect(seen).toEqual([' ci.example.com ']);
    expect(input.value).toBe('ci.example.com');
  });

  it('is a textarea of the rows asked for, and its ref reaches the control (to focus it)', () => {
    const ref = createRef<HTMLInputElement | HTMLTextAreaElement>();
    render(<TextField label="Domains" rows={3} fieldRef={ref} value="a.example" onValue={() => undefined} />);
    const area = screen.getByLabelText('Domains');
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.getAttribute('rows')).toBe('3');
    expect(ref.current).toBe(area);
    ref.current?.focus();
    expect(document.activeElement).toBe(area);
  });

  it('keeps an id given to it, and gives each field its own ids otherwise', () => {
    render(
      <>
        <TextField label="One" id="audit-retention" value="" onValue={() => undefined} />
        <TextField label="Two" hint="h" error="e" value="" onValue={() => undefined} />
        <TextField label="Three" hint="h" error="e" value="" onValue={() => undefined} />
      </>,
    );
    expect(screen.getByLabelText('One').id).toBe('audit-retention');
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows markup in a label, a hint or an error as text', () => {
    const markup = '<img src=x onerror="window.pwned=1">';
    render(<TextField label={markup} hint={markup} error={markup} value={markup} onValue={() => undefined} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByText(markup)).toHaveLength(3);
    expect(screen.getByLabelText<HTMLInputElement>(markup).value).toBe(markup);
  });
});

describe('Field', () => {
  it('wires any control: a select named by its label, described by its error', () => {
    render(
      <Field label="Dashboard" error="Unknown dashboard.">
        {(control) => (
          <select {...control} data-field="rule-dashboard">
            <option value="github">GitHub</option>
          </select>
        )}
      </Field>,
    );
    const select = screen.getByLabelText('Dashboard');
    expect(select.tagName).toBe('SELECT');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(select.getAttribute('aria-describedby')).toBe(screen.getByText('Unknown dashboard.').id);
  });
});
