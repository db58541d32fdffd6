import { lookUpVendor, vendorSuggestion } from './vendor-lookup';

const vendors = [
  { id: 'intercom', name: 'Intercom', domains: ['intercom.io', 'intercomcdn.com'] },
  { id: 'tpw-a', name: 'Twin', domains: ['a.example'] },
  { id: 'tpw-b', name: 'Twin', domains: ['b.example'] },
];

describe('lookUpVendor', () => {
  it.each([
    ['intercom', 'intercom'],
    ['  INTERCOM ', 'intercom'],
    ['Intercom (intercom)', 'intercom'],
    ['widget.intercom.io', 'intercom'],
    [vendorSuggestion(vendors[1]!), 'tpw-a'],
  ])('finds %j', (input, id) => {
    expect(lookUpVendor(input, vendors)).toMatchObject({ ok: true, value: { id } });
  });

  it.each([
    ['', /Enter a vendor/],
    ['Twin', /Several vendors/],
    ['Nobody', /No vendor called "Nobody"/],
  ])('refuses %j', (input, message) => {
    const result = lookUpVendor(input, vendors);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
