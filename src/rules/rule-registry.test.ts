import { OWN_DOMAIN_HOST_PRIORITY, PRIORITY, priorityBand, type PriorityBand } from './rule-registry';

describe('priorityBand', () => {
  it('names the band of every priority, and reads an own-domain-host priority as the band it replays', () => {
    for (const band of Object.keys(PRIORITY) as PriorityBand[]) expect(priorityBand(PRIORITY[band])).toBe(band);
    for (const [band, priority] of Object.entries(OWN_DOMAIN_HOST_PRIORITY)) expect(priorityBand(priority)).toBe(band);
  });

  it('names no band for a priority no band owns', () => {
    expect(priorityBand(0)).toBeUndefined();
    expect(priorityBand(PRIORITY.defaultBlock + 1)).toBeUndefined();
  });
});
