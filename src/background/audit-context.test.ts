import { testCatalog } from '../../test/unit/test-catalog';
import { DEFAULT_SETTINGS, type UserSettings } from '../settings';
import { NO_POLICY, type ManagedPolicy } from '../policy';
import { createAuditContext } from './audit-context';

function setup(settings: UserSettings, confirmed: ManagedPolicy, atHand: ManagedPolicy = confirmed) {
  const { catalog } = testCatalog();
  const context = createAuditContext({
    catalog,
    loadSettings: async () => settings,
    loadPolicy: async () => confirmed,
    policyAtHand: async () => atHand,
    loadPausedTabs: async () => [7],
  });
  return { catalog, context };
}

const SECRET_URL = 'https://api.example.com/v1/track?token=abc123';

describe('the audit context', () => {
  it('reads the catalog, settings, confirmed policy and paused tabs together; atHand takes the policy at hand', async () => {
    const confirmed: ManagedPolicy = { ...NO_POLICY, lockUserRules: true };
    const { catalog, context } = setup(DEFAULT_SETTINGS, confirmed, NO_POLICY);
    expect(await context.load()).toEqual({ catalog, settings: DEFAULT_SETTINGS, policy: confirmed, pausedTabs: [7] });
    expect((await context.atHand()).policy).toBe(NO_POLICY);
  });

  it("keeps log rows for the policy's days when it sets them, else the person's", async () => {
    const settings = { ...DEFAULT_SETTINGS, auditRetentionDays: 12 };
    expect(await setup(settings, NO_POLICY).context.retentionDays()).toBe(12);
    expect(await setup(settings, { ...NO_POLICY, auditRetentionDays: 3 }).context.retentionDays()).toBe(3);
  });

  it('redacts stored addresses unless the settings or the policy keep them whole, each with its own policy', async () => {
    const redacting = setup(DEFAULT_SETTINGS, NO_POLICY).context;
    expect((await redacting.urlWriter())(SECRET_URL)).not.toContain('abc123');
    const keeping = setup({ ...DEFAULT_SETTINGS, keepFullAuditUrls: true }, NO_POLICY).context;
    expect((await keeping.urlWriter())(SECRET_URL)).toBe(SECRET_URL);
    // The confirmed policy keeps addresses whole; the one at hand (none yet) leaves it to the settings (redact).
    const split = setup(DEFAULT_SETTINGS, { ...NO_POLICY, keepFullAuditUrls: true }, NO_POLICY).context;
    expect((await split.urlWriter())(SECRET_URL)).toBe(SECRET_URL);
    expect((await split.urlWriterAtHand())(SECRET_URL)).not.toContain('abc123');
  });
});
