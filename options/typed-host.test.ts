import { typedHost } from './typed-host';

describe('typedHost', () => {
  it('normalises case and a trailing dot', () => {
    expect(typedHost('  Jenkins.Example.COM. ')).toEqual({ ok: true, value: 'jenkins.example.com' });
  });

  it('turns an international name into punycode', () => {
    expect(typedHost('bücher.example')).toEqual({ ok: true, value: 'xn--bcher-kva.example' });
  });

  it.each([
    ['', /Enter a host name/],
    ['https://jenkins.example.com/job', /without https:\/\//],
    ['jenkins.example.com:8080', /a port/],
    ['*.example.com', /wildcard/],
    ['10.0.0.1', /is an IP address/],
    ['exa mple.com', /not a host name/],
  ])('refuses %j with a message that says why', (input, message) => {
    const result = typedHost(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
