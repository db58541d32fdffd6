/**
 * Which tab the popup shows: the `tabId` query parameter when given (`popup.html?tabId=N`, a contract tests and
 * tools rely on), else the active tab of the current window (what the toolbar button means).
 */
export async function resolveTabId(
  search: string,
  activeTab: () => Promise<number | undefined>,
): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null) {
    const tabId = /^\d{1,16}$/.test(param) ? Number(param) : Number.NaN;
    return Number.isSafeInteger(tabId) ? tabId : undefined;
  }
  return activeTab();
}
