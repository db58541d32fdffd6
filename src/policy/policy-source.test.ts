import type { ManagedRead } from './managed-storage-read';
import { choosePolicySource } from './policy-source';

const policy = { blockedVendors: ['tracker'] };
const older = { blockedVendors: ['replay'] };
const values = (v: Record<string, unknown>): ManagedRead => ({ kind: 'values', values: v });

describe('choosePolicySource', () => {
  it('takes a non-empty answer and remembers it', () => {
    expect(choosePolicySource({ read: values(policy), lastKnown: older, emptyIsFinal: false })).toEqual({
      values: policy,
      source: 'managed',
      remember: 'save',
      provisional: false,
    });
  });

  it('keeps the last-known policy while an empty answer may only mean "not loaded yet"', () => {
    expect(choosePolicySource({ read: values({}), lastKnown: older, emptyIsFinal: false })).toEqual({
      values: older,
      source: 'last-known',
      remember: 'keep',
      provisional: true,
    });
    expect(choosePolicySource({ read: { kind: 'no-policy' }, lastKnown: undefined, emptyIsFinal: false })).toEqual({
      values: undefined,
      source: 'none',
      remember: 'keep',
      provisional: true,
    });
  });

  it('lifts the policy once an empty answer is final', () => {
    for (const read of [values({}), { kind: 'no-policy' } as const]) {
      expect(choosePolicySource({ read, lastKnown: older, emptyIsFinal: true })).toEqual({
        values: undefined,
        source: 'none',
        remember: 'forget',
        provisional: false,
      });
    }
  });

  it('never takes an error for "no policy"', () => {
    const read: ManagedRead = { kind: 'unavailable', reason: 'boom' };
    expect(choosePolicySource({ read, lastKnown: older, emptyIsFinal: true })).toEqual({
      values: older,
      source: 'last-known',
      remember: 'keep',
      provisional: false,
    });
    expect(choosePolicySource({ read, lastKnown: undefined, emptyIsFinal: true })).toEqual({
      values: undefined,
      source: 'none',
      remember: 'keep',
      provisional: false,
    });
  });
});
