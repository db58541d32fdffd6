/**
 * One category of vendors: what it is, the choice for all its vendors on every dashboard, its curated vendors, and
 * its third-party-web vendors folded (drawn the first time the fold opens).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ComponentChild } from 'preact';
import type { CatalogVendor } from '../../src/catalog';
import type { OptionsActions } from '../options-controller';
import { categoryChange, type CategoryChoice, type CategoryModel } from '../vendor-model';
import { ManagedLabel } from './managed-label';

const CHOICE_TEXT: Record<CategoryChoice, string> = {
  default: "Each vendor's default",
  block: 'Block all',
  allow: 'Allow all',
};
const CHOICES = ['default', 'block', 'allow'] as const;

export interface CategorySectionProps {
  readonly model: CategoryModel;
  readonly row: (vendor: CatalogVendor) => ComponentChild;
  readonly actions: OptionsActions;
}

export function CategorySection({ model, row, actions }: CategorySectionProps) {
  const headingId = useId();
  const selectId = useId();
  const [unfolded, setUnfolded] = useState(false);
  const fold = useRef<HTMLDetailsElement>(null);
  const { entry } = model;
  const foldable = model.more.length > 0;
  // The fold's own toggle event (whoever opens it: a click, the keyboard, a script).
  useEffect(() => {
    const details = fold.current;
    if (details === null) return;
    const opened = (): void => {
      if (details.open) setUnfolded(true);
    };
    details.addEventListener('toggle', opened);
    return () => details.removeEventListener('toggle', opened);
  }, [foldable]);
  return (
    <section class="category" aria-labelledby={headingId} data-category-section={entry.id}>
      <h4 id={headingId}>{entry.label}</h4>
      <p class="hint">{entry.description}</p>
      {entry.essentialBecause !== undefined && (
        <p class="hint essential">Allowed by default: {entry.essentialBecause}</p>
      )}
      <div class="row">
        <label for={selectId}>On every dashboard:</label>
        <select
          id={selectId}
          data-category={entry.id}
          value={model.choice}
          disabled={model.allowed.length === 0}
          onChange={(event) => {
            const choice = event.currentTarget.value as CategoryChoice;
            void actions.apply(
              categoryChange(entry.id, choice),
              `${entry.label}: ${CHOICE_TEXT[choice].toLowerCase()}.`,
            );
          }}
        >
          {CHOICES.map((choice) => (
            <option key={choice} value={choice} disabled={!model.allowed.includes(choice) && choice !== model.choice}>
              {CHOICE_TEXT[choice]}
            </option>
          ))}
        </select>
        <ManagedLabel reason={model.managed} />
      </div>
      {model.curated.length > 0 && <ul class="vendor-list">{model.curated.map(row)}</ul>}
      {foldable && (
        <details class="more" ref={fold}>
          <summary>{`${model.more.length} more ${entry.label.toLowerCase()} vendors from third-party-web`}</summary>
          <ul class="vendor-list">{unfolded && model.more.map(row)}</ul>
        </details>
      )}
    </section>
  );
}
