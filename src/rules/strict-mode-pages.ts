/**
 * The sensitive pages in force on one host, for the content script's route guard (`strict-mode/pages`): the
 * catalog's, the organisation's and the person's, each enforced or report-only as the rule state makes it (pure).
 */
import type { SensitivePageFilter } from '../strict-mode';
import { allDashboards } from '../catalog';
import { filterCoversHost } from '../strict-mode';
import { effectiveUserSettings, type RuleStateInput } from './rule-state';
import { sensitivePages } from './strict-mode-state';

export function strictModePagesFor(host: string, input: RuleStateInput): SensitivePageFilter[] {
  const settings = effectiveUserSettings(input.settings, input.policy);
  const enforced = !(settings.reportOnly || input.policy.reportOnly);
  const dashboards = allDashboards(input.catalog, settings, input.policy);
  return sensitivePages({ dashboards, settings, policy: input.policy })
    .filter(({ pattern }) => filterCoversHost(pattern, host))
    .map(({ pattern }) => ({ urlFilter: pattern, enforced }));
}
