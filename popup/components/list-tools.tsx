/** Filter the list by text (vendor, host, URL) and by status. */
import type { StatusFilter } from '../popup-state';

export interface ListToolsProps {
  readonly text: string;
  readonly status: StatusFilter;
  readonly onChange: (change: { readonly text?: string; readonly status?: StatusFilter }) => void;
}

export function ListTools({ text, status, onChange }: ListToolsProps) {
  return (
    <div class="tools" role="search">
      <label class="visually-hidden" for="filter">
        Filter by vendor, host or URL
      </label>
      <input
        id="filter"
        type="search"
        placeholder="Filter vendors, hosts, URLs"
        autocomplete="off"
        spellcheck={false}
        value={text}
        onInput={(e) => onChange({ text: e.currentTarget.value })}
      />
      <label class="visually-hidden" for="status-filter">
        Show
      </label>
      <select
        id="status-filter"
        value={status}
        onChange={(e) => onChange({ status: e.currentTarget.value as StatusFilter })}
      >
        <option value="all">All</option>
        <option value="blocked">Blocked</option>
        <option value="allowed">Allowed</option>
        <option value="unknown">Unknown</option>
      </select>
    </div>
  );
}
