/**
 * Hosts inside a dashboard's own domains that a vendor names: first-party telemetry (pa-events-api.bitrise.io,
 * collector.github.com) or a host an organisation's extra vendor names there. The static own-domain allow would win
 * over every decision about them, so their rules also run in the own-domain-host band (rule-registry.ts), as twins
 * restricted to these hosts. Pure; shared by the static rule generator, computeRuleState and the audit's
 * classifier so they agree.
 */
import type { DashboardEntry } from '../catalog';
import { hostMatchesAny, hostMatchesDomain } from '../domains';
import type { DnrRule } from './dnr-rule';
import { ownDomainHostPriority } from './rule-registry';

/** Every vendor domain that lies inside (or is) a host or own domain of one of the dashboards, sorted. */
export function ownDomainHosts(
  dashboards: readonly Pick<DashboardEntry, 'hosts' | 'ownDomains'>[],
  vendorDomains: Iterable<string>,
): string[] {
  const own = dashboards.flatMap((d) => [...d.hosts, ...d.ownDomains]);
  return [...new Set([...vendorDomains].filter((domain) => hostMatchesAny(domain, own)))].sort();
}

/** True when a request to `host` is about one of the own-domain hosts (the host or one of its subdomains). */
export function isOwnDomainHost(host: string, hosts: readonly string[]): boolean {
  return hostMatchesAny(host, hosts);
}

/**
 * The part of a rule's request domains that lies inside the own-domain hosts: each own-domain host the rule covers,
 * and each of its domains under an own-domain host (all the hosts when it names no domain); empty when none.
 */
export function ownDomainHostsOf(rule: DnrRule, hosts: readonly string[]): string[] {
  const domains = rule.condition.requestDomains;
  if (domains === undefined) return [...hosts];
  const covered = hosts.filter((host) => hostMatchesAny(host, domains));
  const inside = domains.filter((domain) => hosts.some((host) => hostMatchesDomain(domain, host)));
  return [...new Set([...covered, ...inside])].sort();
}

/**
 * The twin of each allow or block rule below first party that is about an own-domain host: the same condition, its
 * requestDomains narrowed to those hosts, at its own-domain-host priority. `nextId` gives each twin its id (told the
 * rule it twins, so a caller can carry what the rule is about over to its twin).
 */
export function ownDomainHostTwins(
  rules: readonly DnrRule[],
  hosts: readonly string[],
  nextId: (original: DnrRule) => number,
): DnrRule[] {
  if (hosts.length === 0) return [];
  const twins: DnrRule[] = [];
  for (const rule of rules) {
    if (rule.action.type !== 'allow' && rule.action.type !== 'block') continue;
    const priority = ownDomainHostPriority(rule.priority);
    if (priority === undefined) continue;
    const requestDomains = ownDomainHostsOf(rule, hosts);
    if (requestDomains.length === 0) continue;
    twins.push({ ...rule, id: nextId(rule), priority, condition: { ...rule.condition, requestDomains } });
  }
  return twins;
}
