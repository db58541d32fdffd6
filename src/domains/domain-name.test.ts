import { normaliseDomain, registrableDomain } from './domain-name';

describe('normaliseDomain', () => {
  it.each([
    ['Jenkins.Example.COM', 'jenkins.example.com'],
    ['  ci.example.com  ', 'ci.example.com'],
    ['ci.example.com.', 'ci.example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['gitlab.corp.co.uk', 'gitlab.corp.co.uk'],
  ])('accepts %j as %s', (input, expected) => {
    expect(normaliseDomain(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /Enter a domain/],
    ['   ', /Enter a domain/],
    ['com', /public suffix/],
    ['co.uk', /public suffix/],
    ['*.example.com', /Wildcards/],
    ['*.co.uk', /Wildcards/],
    ['https://ci.example.com/job/x', /without https/],
    ['ci.example.com/job', /without https/],
    ['ci.example.com:8080', /port/],
    ['192.168.1.10', /IP address/],
    ['exa mple.com', /not a valid/],
    ['-bad.example.com', /not a valid/],
    [`${'a'.repeat(64)}.example.com`, /not a valid/],
    [`${'a.'.repeat(130)}com`, /at most 253/],
  ])('refuses %j with a message', (input, message) => {
    const result = normaliseDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('private suffixes', () => {
  it('are refused from a person but accepted from the catalog', () => {
    expect(normaliseDomain('github.io').ok).toBe(false);
    expect(normaliseDomain('githubusercontent.com', { allowPrivateSuffix: true })).toEqual({
      ok: true,
      value: 'githubusercontent.com',
    });
    expect(normaliseDomain('co.uk', { allowPrivateSuffix: true }).ok).toBe(false);
  });
});
describe('registrableDomain', () => {
  it('uses the public suffix list', () => {
    expect(registrableDomain('github.githubassets.com')).toBe('githubassets.com');
    expect(registrableDomain('ci.corp.co.uk')).toBe('corp.co.uk');
    expect(registrableDomain('localhost')).toBe('localhost');
  });
});
