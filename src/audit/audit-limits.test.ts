import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isAuditRetentionDays, MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from './audit-limits';

/** Every `auditRetentionDays` declaration in a JSON schema, wherever it is nested. */
function retentionNodes(node: unknown): { minimum?: unknown; maximum?: unknown }[] {
  if (Array.isArray(node)) return node.flatMap(retentionNodes);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => [
    // A `$ref` points at the one declaration, found where it is.
    ...(key === 'auditRetentionDays' && typeof value === 'object' && value !== null && !('$ref' in value)
      ? [value as { minimum?: unknown; maximum?: unknown }]
      : []),
    ...retentionNodes(value),
  ]);
}

describe('audit retention limits', () => {
  it('accept whole numbers of days in range only', () => {
    expect([MIN_AUDIT_RETENTION_DAYS, 30, MAX_AUDIT_RETENTION_DAYS].map(isAuditRetentionDays)).toEqual([
      true,
      true,
      true,
    ]);
    expect([0, MAX_AUDIT_RETENTION_DAYS + 1, 1.5, Number.NaN, '30', null].map(isAuditRetentionDays)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it.each(['settings.json', 'managed-schema.json'])('are the limits schemas/%s declares', (file) => {
    const schema: unknown = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas', file), 'utf8'));
    const nodes = retentionNodes(schema);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes)
      expect(node).toMatchObject({ minimum: MIN_AUDIT_RETENTION_DAYS, maximum: MAX_AUDIT_RETENTION_DAYS });
  });
});
