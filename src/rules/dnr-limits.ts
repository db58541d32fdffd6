/**
 * declarativeNetRequest limits, the lower of Chrome's and Firefox's, so one build fits both browsers.
 * Chrome: developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#rule-limits
 * Firefox: MDN declarativeNetRequest MAX_NUMBER_OF_* pages (enabled static rulesets: 10; dynamic: 5000).
 */
export const DNR_LIMITS = {
  /** Rules in enabled static rulesets guaranteed to every extension (both browsers: 30,000). */
  staticRules: 30_000,
  /** Static rulesets in the manifest (Firefox: 50, Chrome: 100). */
  staticRulesets: 50,
  /** Enabled static rulesets (Firefox: 10, Chrome: 50). */
  enabledStaticRulesets: 10,
  /** Dynamic rules (Firefox: 5,000; Chrome: 5,000 "unsafe", 30,000 safe). */
  dynamicRules: 5_000,
  /** Session rules (both: 5,000). */
  sessionRules: 5_000,
  /** Regex rules (both: 1,000). Dashguard uses none. */
  regexRules: 1_000,
} as const;
