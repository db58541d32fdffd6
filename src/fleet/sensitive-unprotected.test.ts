import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY } from '../policy/managed-policy';
import type { RuleStateInput } from '../rules/rule-state';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import { mayBeUnprotected, unprotectedOnceKey, unprotectedSensitivePage } from './sensitive-unprotected';

const { catalog } = testCatalog();
const INPUT: RuleStateInput = { catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] };
const TOKENS = 'https://app.ci.example/settings/tokens?token=s3cr3t-value';

describe('a sensitive page shown without strict mode', () => {
  test('a document loaded without the policy on a sensitive page is one, named as the audit redacts it', () => {
    const page = unprotectedSensitivePage({ dashboardId: 'ci', documentUrl: TOKENS, strictMode: 'none' }, INPUT);
    expect(page).toBeDefined();
    expect(page).toMatch(/^https:\/\/app\.ci\.example\/settings\/tokens\?token=/);
    expect(page).not.toContain('s3cr3t-value');
  });

  test('under the policy, of unknown state, off a dashboard, or on an ordinary page, it is not', () => {
    for (const strictMode of ['enforced', 'report-only', 'unknown', undefined] as const)
      expect(unprotectedSensitivePage({ dashboardId: 'ci', documentUrl: TOKENS, strictMode }, INPUT)).toBeUndefined();
    expect(
      unprotectedSensitivePage({ dashboardId: null, documentUrl: TOKENS, strictMode: 'none' }, INPUT),
    ).toBeUndefined();
    expect(
      unprotectedSensitivePage(
        { dashboardId: 'ci', documentUrl: 'https://app.ci.example/pipelines', strictMode: 'none' },
        INPUT,
      ),
    ).toBeUndefined();
    expect(mayBeUnprotected({ dashboardId: 'ci', documentUrl: TOKENS, strictMode: 'enforced' })).toBe(false);
  });

  test('a page the person made sensitive counts from then on (the document was loaded before it was)', () => {
    const pipelines = {
      dashboardId: 'ci',
      documentUrl: 'https://app.ci.example/pipelines?run=7',
      strictMode: 'none' as const,
    };
    expect(unprotectedSensitivePage(pipelines, INPUT)).toBeUndefined();
    const settings = { ...DEFAULT_SETTINGS, sensitivePages: ['||app.ci.example/pipelines'] };
    expect(unprotectedSensitivePage(pipelines, { ...INPUT, settings })).toMatch(
      /^https:\/\/app\.ci\.example\/pipelines\?run=/,
    );
  });

  test('the once key names the document and the redacted page only', () => {
    const page = unprotectedSensitivePage({ dashboardId: 'ci', documentUrl: TOKENS, strictMode: 'none' }, INPUT) ?? '';
    const key = unprotectedOnceKey('12:abc', page);
    expect(key).toContain('12:abc');
    expect(key).not.toContain('s3cr3t-value');
  });
});
