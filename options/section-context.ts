/** What every section of the options page is given: its dependencies, passed in (unit tests pass fakes). */
import type { RuntimeCatalog } from '../src/catalog/runtime-catalog';
import type { SettingsChange } from '../src/settings/settings-change';
import type { ChangeReply } from '../src/settings/settings-messages';
import type { UserSettings } from '../src/settings/user-settings';
import type { OptionsStore } from './options-store';

/** The part of `permissions` the custom-dashboard section uses. */
export interface HostPermissions {
  request(origins: string[]): Promise<boolean>;
  contains(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
}

export interface SectionContext {
  readonly catalog: RuntimeCatalog;
  readonly store: OptionsStore;
  readonly permissions: HostPermissions;
  /** The manifest's host permissions (the built-in dashboards), which strict mode needs. */
  readonly dashboardOrigins: readonly string[];
  /** Says something to everyone: visible in the status line and read by screen readers (aria-live). */
  announce(message: string): void;
}

/** Applies a change and announces the outcome; returns the reply so a form can place field errors. */
export async function applyAndAnnounce(
  context: SectionContext,
  change: SettingsChange,
  done: string | ((settings: UserSettings) => string),
): Promise<ChangeReply> {
  try {
    const reply = await context.store.apply(change);
    context.announce(
      reply.applied
        ? typeof done === 'string'
          ? done
          : done(reply.settings)
        : reply.errors.map((e) => e.message).join(' '),
    );
    return reply;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.announce(`Not saved: ${message}`);
    return { applied: false, errors: [{ field: 'message', message }] };
  }
}
