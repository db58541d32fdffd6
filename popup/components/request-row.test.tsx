/**
 * @jest-environment jsdom
 */
/** One request row's flags, in jsdom with Testing Library: what the page itself reported, and a verdict that changed. */
import { render, screen, within } from '@testing-library/preact';
import type { AuditEntry } from '../../src/audit/audit-types';
import { RequestRow } from './request-row';

const base: AuditEntry = {
  key: 'websocket|allowed-unknown|ws.example|/socket',
  url: 'wss://ws.example/socket',
  urlTruncated: false,
  host: 'ws.example',
  path: '/socket',
  type: 'websocket',
  vendor: { id: null, name: 'ws.example', category: null, source: null },
  status: 'allowed-unknown',
  reason: 'No rule covers this host.',
  outcomes: { requested: 1 },
  integrity: null,
  count: 1,
  firstSeen: 1_000,
  lastSeen: 1_000,
  inFrame: false,
};

const row = (entry: AuditEntry) => (
  <ul>
    <RequestRow entry={entry} hidden={false} now={() => 2_000} />
  </ul>
);
const flagsOf = (container: Element) =>
  [...container.querySelectorAll<HTMLElement>('[data-flag]')].map((flag) => flag.dataset.flag);

describe('request row flags', () => {
  it('marks a request only the page itself reported, and says why that matters', () => {
    const { container } = render(row({ ...base, reportedByPage: true }));
    const flag = screen.getByText('reported by the page');
    expect(flag.dataset.flag).toBe('by-page');
    expect(flag.title).toContain('the page could have made this up');
    expect(flag.title).toContain('The status is still what the rules do with the address');
    expect(flagsOf(container)).toEqual(['by-page']);
  });

  it('marks a request whose verdict changed once the policy was read, naming the first verdict', () => {
    const { container } = render(
      row({ ...base, status: 'blocked', changedFrom: 'allowed-unknown', outcomes: { requested: 2 }, count: 2 }),
    );
    const flag = screen.getByText('verdict changed');
    expect(flag.dataset.flag).toBe('verdict-changed');
    expect(flag.title).toContain('First judged "allowed-unknown"');
    expect(flag.title).toContain("your organisation's policy");
    expect(flagsOf(container)).toEqual(['verdict-changed']);
    expect(container.querySelector('li.entry')?.getAttribute('data-status')).toBe('blocked');
  });

  it('shows neither flag on a request the content script saw under the verdict it always had', () => {
    const { container } = render(row(base));
    expect(screen.queryByText('reported by the page')).toBeNull();
    expect(screen.queryByText('verdict changed')).toBeNull();
    expect(flagsOf(container)).toEqual([]);
  });

  it('shows both together, beside the other flags, and adds them when a live update brings them', () => {
    const { container, rerender } = render(row({ ...base, inFrame: true }));
    expect(flagsOf(container)).toEqual(['frame']);
    rerender(row({ ...base, inFrame: true, reportedByPage: true, changedFrom: 'blocked' }));
    expect(flagsOf(container)).toEqual(['by-page', 'verdict-changed', 'frame']);
    const summary = container.querySelector<HTMLElement>('summary')!;
    expect(within(summary).getByText('reported by the page')).toBeTruthy();
    expect(within(summary).getByText('verdict changed').title).toContain('"blocked"');
  });
});
