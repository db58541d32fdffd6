/**
 * "Another vendor": name any vendor (name, id or domain, with suggestions) to list it here with its quick action,
 * whether or not this page loaded it. The background finds it (the popup carries no catalog).
 */
import { useState } from 'preact/hooks';

export interface VendorFinderProps {
  readonly suggestions: readonly string[];
  readonly error: string | undefined;
  readonly onFind: (text: string) => Promise<boolean>;
}

export function VendorFinder({ suggestions, error, onFind }: VendorFinderProps) {
  const [text, setText] = useState('');
  return (
    <form
      class="qa-find"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onFind(text).then((found) => {
          if (found) setText('');
        });
      }}
    >
      <label for="qa-vendor">Another vendor</label>
      <input
        id="qa-vendor"
        type="text"
        list="qa-vendor-list"
        autocomplete="off"
        data-qa="vendor-input"
        value={text}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? 'qa-vendor-error' : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <datalist id="qa-vendor-list">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <button type="submit" data-qa="vendor-show">
        Show
      </button>
      {error !== undefined && (
        <p class="field-error" id="qa-vendor-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
