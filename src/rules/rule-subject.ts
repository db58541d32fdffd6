/**
 * What a rule is about, so that whoever explains a match can name it: the static rule generator and computeRuleState
 * give every rule they write its subject, and the audit reads the subject of the rule that won a request (with the
 * rule's priority band, rule-registry.ts) instead of re-deriving the decision.
 */
import type { CategoryId } from '../catalog';
import type { StrictModeSources } from '../strict-mode';
import type { DnrRule } from './dnr-rule';

export type RuleSubject =
  /** Vendor rules: the vendors whose domains the rule names (one, or a group sharing the rule). */
  | { readonly kind: 'vendors'; readonly vendorIds: readonly string[] }
  /** A category rule (the user's, or the organisation's block). */
  | { readonly kind: 'category'; readonly category: CategoryId }
  /** A person's rule for one vendor on one dashboard (undefined: a dashboard no longer known). */
  | { readonly kind: 'vendor-on-dashboard'; readonly vendorId: string; readonly dashboardId: string | undefined }
  | { readonly kind: 'first-party'; readonly dashboardId: string }
  /** A strict-mode header (or the allow that replaces it) for one sensitive-page filter. */
  | {
      readonly kind: 'strict-mode';
      readonly dashboardId: string | undefined;
      readonly urlFilter: string;
      readonly sources: StrictModeSources;
    }
  /** Report-only: every request from a dashboard. */
  | { readonly kind: 'dashboards' }
  /** A paused tab. */
  | { readonly kind: 'tab'; readonly tabId: number };

/** A rule with its subject. */
export type RuleAbout<R extends DnrRule | Omit<DnrRule, 'id'> = DnrRule> = {
  readonly rule: R;
  readonly subject: RuleSubject;
};
