import { DEFAULT_SETTINGS } from '../src/settings/user-settings';
import { strictModeOfTab } from '../src/ui/tab-view-model';
import { tabOn as on } from '../test/unit/tab-context';
import { strictModeNotice } from './strict-mode-notice';

describe('strict mode notice', () => {
  it('says strict mode is in force only for a document loaded under the policy', () => {
    const token = strictModeOfTab(on('https://app.ci.example/settings/tokens'));
    const reportOnly = strictModeOfTab(
      on('https://app.ci.example/settings/tokens', { settings: { ...DEFAULT_SETTINGS, reportOnly: true } }),
    );
    expect(strictModeNotice(token, 'enforced', true)).toEqual({ kind: 'in-force', enforced: true });
    // A token page reached inside the app, or a page that did not answer: open it again.
    expect(strictModeNotice(token, 'none', true)).toEqual({ kind: 'open-again' });
    expect(strictModeNotice(token, undefined, true)).toEqual({ kind: 'open-again' });
    // Without host access, opening again would not help.
    expect(strictModeNotice(token, 'none', false)).toEqual({ kind: 'no-access' });
    // A document loaded as a token page keeps its policy after routing to an ordinary page.
    expect(strictModeNotice(undefined, 'enforced', true)).toEqual({ kind: 'in-force', enforced: true });
    expect(strictModeNotice(undefined, 'none', true)).toBeUndefined();
    expect(strictModeNotice(reportOnly, 'report-only', true)).toEqual({ kind: 'in-force', enforced: false });
    // Report-only switched off since the page was loaded: loading it again enforces.
    expect(strictModeNotice(token, 'report-only', true)).toEqual({ kind: 'open-again' });
    // Plain http: the browser does not say, so neither does the popup.
    expect(strictModeNotice(token, 'unknown', true)).toEqual({ kind: 'unconfirmed' });
    expect(strictModeNotice(undefined, 'unknown', true)).toBeUndefined();
  });
});
