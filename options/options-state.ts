/**
 * The options page's one state: what the background holds (settings, policy, catalog) as it last answered, what the
 * page last said (the status line, the import's verdict), and what the browser says about host access. Components
 * draw it; only the controller (options-controller.ts) changes it.
 */
import type { RuntimeCatalog } from '../src/catalog';
import type { UserSettings } from '../src/settings';
import type { PolicyStatus } from '../src/policy';
import type { SensitivePageAccess } from '../src/strict-mode';
import { NO_POLICY_STATUS, DEFAULT_SETTINGS } from '../src/settings';

/** The verdict on the last settings file imported; `seq` counts imports, so each verdict is drawn afresh. */
export interface ImportResult {
  readonly seq: number;
  readonly fileName: string;
  readonly outcome: 'reading' | 'imported' | 'refused';
  /** Notes on an imported file, or one line per thing wrong with a refused one. */
  readonly lines: readonly string[];
}

export interface OptionsState {
  /** loading until the settings and the catalog are read; failed when they cannot be (`failure` says why). */
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly failure: string | undefined;
  readonly catalog: RuntimeCatalog;
  readonly settings: UserSettings;
  /** Read on its own: the organisation's notice shows even when the settings cannot be read. */
  readonly policy: PolicyStatus;
  /** What was wrong in the stored settings when they were read. */
  readonly problems: readonly string[];
  /** The status line (a polite live region): what the last action did. */
  readonly announcement: string;
  readonly importResult: ImportResult | undefined;
  /** Host access to the built-in dashboards, which strict mode needs; undefined until the browser answers. */
  readonly dashboardsAccess: boolean | undefined;
  /** Host access per self-hosted dashboard host (the audit needs it); a host not in it is still being checked. */
  readonly hostAccess: Readonly<Record<string, boolean>>;
  /** Whether each sensitive page (the organisation's and the person's) is protected, and what would fix it. */
  readonly pageAccess: readonly SensitivePageAccess[];
}

/** Vendor names before the catalog is read (or when it cannot be): the ids alone. */
export const NO_CATALOG: RuntimeCatalog = { version: '', categories: [], vendors: [], dashboards: [] };

export const INITIAL_OPTIONS_STATE: OptionsState = {
  phase: 'loading',
  failure: undefined,
  catalog: NO_CATALOG,
  settings: DEFAULT_SETTINGS,
  policy: NO_POLICY_STATUS,
  problems: [],
  announcement: '',
  importResult: undefined,
  dashboardsAccess: undefined,
  hostAccess: {},
  pageAccess: [],
};
