/** What the extension says of the managed policy (`policy/get`), asked from an extension page as the pages ask. */
import type { Page } from 'puppeteer-core';
import { policyGet, POLICY_GET, type PolicyStatus } from '../../../src/policy/policy-status';
import { isReplyOf } from '../../../src/messaging';
import { sendFromPage } from './extension-pages';
import { waitFor } from './wait-for';

/** How long a browser may take to deliver a policy file written or rewritten while it runs. */
export const POLICY_CHANGE_TIMEOUT_MS = 45_000;

export async function policyStatus(page: Page): Promise<PolicyStatus> {
  const value = await sendFromPage<unknown>(page, POLICY_GET, null);
  if (!isReplyOf(policyGet, value)) throw new Error(`policy/get answered ${JSON.stringify(value)}`);
  return value;
}

/** Asks until the status is one `accept` takes; a failure names the last answer. */
export async function waitForPolicy(
  page: Page,
  what: string,
  accept: (status: PolicyStatus) => boolean,
  timeoutMs = POLICY_CHANGE_TIMEOUT_MS,
): Promise<PolicyStatus> {
  let last: PolicyStatus | undefined;
  return waitFor(
    `the extension to report ${what}`,
    async () => {
      last = await policyStatus(page);
      return accept(last) ? last : undefined;
    },
    { timeoutMs, intervalMs: 250, describeFailure: () => `Last policy/get: ${JSON.stringify(last)}.` },
  );
}
