import { REDACTION_MARKER, isSecretLike, redactPath, redactUrl, redactionMarker } from './redact-url';

// Real token shapes (made-up values in each service's documented format).
const TOKENS = {
  githubClassic: 'ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ',
  githubOAuth: 'gho_16C7e42F292c6912E7710c838347Ae178B4a',
  githubServer: 'ghs_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5',
  githubFineGrained: 'github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789abcdefghijklmnopqrstuvwxyzABCD',
  gitlabPat: 'glpat-xYz12AbC34dEf56GhI78',
  gitlabDeploy: 'gldt-ABCdef123456GHIjkl78',
  gitlabRunner: 'glrt-t1_aBcDeFgHiJkLmNoPqRsT',
  circleciPersonal: 'CCIPAT_7Hq2bXk9LmN3pQr5StUv_0123456789abcdef0123456789abcdef01234567',
  circleciProject: 'CCIPRJ_AbCdEf123456_0123456789abcdef0123456789abcdef',
  buildkite: 'bkua_0123456789abcdef0123456789abcdef01234567',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  awsAccessKey: 'AKIAIOSFODNN7EXAMPLE',
  awsSessionKey: 'ASIAY34FZKBOKMUTVV7A',
  awsSecretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  slackBot: 'xoxb-2400325433024-2400325433025-AbCdEfGhIjKlMnOpQrStUvWx',
  slackUser: 'xoxp-2400325433024-2400325433025-2400325433026-0123456789abcdef0123456789abcdef',
  slackApp: 'xapp-1-A0123456789-0123456789012-abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789',
  stripeSecret: 'sk_live_51HqLyjWDarjtT1zdp7dcXYZwJk4EXAMPLEqWz0123456789',
  stripeTest: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  stripeRestricted: 'rk_live_51HqLyjWDarjtT1zdp7dcabcdef',
  stripeWebhook: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  npm: 'npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
  googleApi: 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY',
  randomBase62: 'Zq8Lr2Vn6Tx0Bc4Hm9Kp1Wd5Ys3Fg7Jq',
  randomBase64url: 'q2Hk_Vb8-Tn4Lm0Xc6Rz1Pw9Ja5Sd3Fg7',
} as const;

const leaks = (redacted: string, secret: string): boolean =>
  redacted.includes(secret) || redacted.includes(encodeURIComponent(secret));

describe('redactUrl: query values', () => {
  test('keeps origin, path and parameter names; each value becomes its length', () => {
    expect(redactUrl('https://tracker.example/collect?email=ann%40example.com&k=abc123&v=2')).toBe(
      'https://tracker.example/collect?email=[15]&k=[6]&v=[1]',
    );
  });

  test("the issue's four secrets: a reset token page, a tracker carrying email and key, an image with a session", () => {
    const urls = [
      'https://app.circleci.com/reset?reset_password_token=Ab12Cd34Ef56Gh78Ij90',
      'https://cdn.tracker.example/t.gif?email=jane.doe%40acme.io&k=7f3a9c2e1b',
      'https://img.unknown.example/p.png?session=s3cr3t-s3ss10n-v4lu3',
    ];
    const secrets = ['Ab12Cd34Ef56Gh78Ij90', 'jane.doe', '7f3a9c2e1b', 's3cr3t-s3ss10n-v4lu3'];
    for (const url of urls) for (const secret of secrets) expect(leaks(redactUrl(url), secret)).toBe(false);
    expect(redactUrl(urls[0]!)).toBe('https://app.circleci.com/reset?reset_password_token=[20]');
  });

  test('every token shape in a query value is masked', () => {
    for (const [name, token] of Object.entries(TOKENS)) {
      const redacted = redactUrl(`https://x.example/api?access_token=${encodeURIComponent(token)}&name=${name}`);
      expect(leaks(redacted, token)).toBe(false);
      expect(redacted).toContain(`access_token=[${token.length}]`);
    }
  });

  test('empty values, repeated names, bare flags and a lone question mark', () => {
    expect(redactUrl('https://x.example/a?debug&x=&x=1&y=abc')).toBe('https://x.example/a?debug&x=[0]&x=[1]&y=[3]');
    expect(redactUrl('https://x.example/a?')).toBe('https://x.example/a');
    expect(redactUrl('https://x.example/a?&&')).toBe('https://x.example/a?&&');
  });

  test('a bare part that is a token, not a name, is masked', () => {
    for (const token of Object.values(TOKENS)) {
      const redacted = redactUrl(`https://x.example/cb?${encodeURIComponent(token)}`);
      expect(leaks(redacted, token)).toBe(false);
    }
    const long = 'a'.repeat(65);
    expect(redactUrl(`https://x.example/cb?${long}`)).toBe('https://x.example/cb?[65]');
    expect(redactUrl('https://x.example/cb?x%20y')).toBe('https://x.example/cb?[3]');
  });

  test('a parameter name that is itself a secret is masked, its value too', () => {
    const redacted = redactUrl(`https://x.example/cb?${TOKENS.githubClassic}=1`);
    expect(redacted).toBe(`https://x.example/cb?[${TOKENS.githubClassic.length}]=[1]`);
  });

  test('the length counts decoded characters; + is a space', () => {
    expect(redactUrl('https://x.example/?q=a+b%20c')).toBe('https://x.example/?q=[5]');
    expect(redactUrl('https://x.example/?q=%E2%82%AC')).toBe('https://x.example/?q=[1]');
  });

  test('a broken percent-encoding is measured raw, never kept', () => {
    expect(redactUrl('https://x.example/?q=%zz%E2')).toBe('https://x.example/?q=[6]');
  });

  test('a URL nested in a value is masked whole (its own query with it)', () => {
    const redacted = redactUrl('https://x.example/r?next=https%3A%2F%2Fapp.example%2Fx%3Ftoken%3Dabcdef');
    expect(redacted).toBe('https://x.example/r?next=[34]');
  });

  test('equals signs inside a value stay inside the marker', () => {
    expect(redactUrl('https://x.example/?sig=YWJj==&a=b=c')).toBe('https://x.example/?sig=[6]&a=[3]');
  });
});

describe('redactUrl: what goes whole', () => {
  test('credentials and fragment are never kept', () => {
    expect(redactUrl('https://user:hunter2@x.example:8443/a#access_token=zzz')).toBe('https://x.example:8443/a');
  });

  test('ws and wss keep their scheme', () => {
    expect(redactUrl('wss://ws.pusherapp.com/app/key123?protocol=7&client=js')).toBe(
      'wss://ws.pusherapp.com/app/key123?protocol=[1]&client=[2]',
    );
  });

  test('frames with no address of their own are named, never their content', () => {
    expect(redactUrl('about:blank')).toBe('about:blank');
    expect(redactUrl('about:srcdoc')).toBe('about:srcdoc');
    expect(redactUrl('about:blank?token=abc')).toBe('about:blank');
    expect(redactUrl('about:config')).toBe('about:');
    expect(redactUrl('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==')).toBe('data:text/html');
    expect(redactUrl('data:,secret')).toBe('data:');
    expect(redactUrl('blob:https://app.example/3fa85f64-5717-4562-b3fc-2c963f66afa6')).toBe('blob:https://app.example');
    expect(redactUrl('blob:null/3fa85f64')).toBe('blob:');
  });

  test('other schemes keep only the scheme; anything unparseable is masked whole', () => {
    expect(redactUrl('javascript:alert(document.cookie)')).toBe('javascript:');
    expect(redactUrl('chrome-extension://abc/popup.html?x=1')).toBe('chrome-extension:');
    expect(redactUrl('not a url with secret ghp_x')).toBe('[27]');
    expect(redactUrl('')).toBe('[0]');
    expect(redactUrl('//x.example/a?b=c')).toBe('[17]');
  });
});

describe('redactUrl: path segments', () => {
  test.each(Object.entries(TOKENS))('%s in a path segment is masked', (_name, token) => {
    const segment = encodeURIComponent(token);
    const redacted = redactUrl(`https://hooks.example/services/${segment}/send`);
    expect(leaks(redacted, token)).toBe(false);
    expect(redacted).toMatch(/^https:\/\/hooks\.example\/services\/\[\d+\]\/send$/);
  });

  test('a token inside a longer segment masks the segment', () => {
    const redacted = redactUrl(`https://x.example/dl/file-${TOKENS.githubClassic}.zip`);
    expect(leaks(redacted, TOKENS.githubClassic)).toBe(false);
    expect(redacted).toBe(`https://x.example/dl/[${`file-${TOKENS.githubClassic}.zip`.length}]`);
  });

  test('UUID-like keys are masked after a token route, kept elsewhere', () => {
    const uuid = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    for (const route of [
      'reset',
      'password_reset',
      'invitations',
      'confirm',
      'verify',
      'unlock',
      'magic-link',
      'tokens',
      'share',
      'api-keys',
    ]) {
      expect(redactUrl(`https://app.example/${route}/${uuid}`)).toBe(`https://app.example/${route}/[36]`);
    }
    expect(redactUrl(`https://app.circleci.com/pipelines/github/acme/api/1234/workflows/${uuid}`)).toBe(
      `https://app.circleci.com/pipelines/github/acme/api/1234/workflows/${uuid}`,
    );
  });

  test('an opaque key after a token route is masked whatever its alphabet', () => {
    expect(redactUrl('https://gitlab.example/users/password/edit/reset/x7k2m9q4w8e1r5t3')).toBe(
      'https://gitlab.example/users/password/edit/reset/[16]',
    );
    expect(redactUrl('https://app.example/invite/ABCD-1234-EFGH-5678')).toBe('https://app.example/invite/[19]');
  });

  test('matrix parameters keep their names, lose their values', () => {
    expect(redactUrl('https://ci.example/job/build;jsessionid=0A1B2C3D4E5F/console')).toBe(
      'https://ci.example/job/build;jsessionid=[12]/console',
    );
  });

  test('a path already redacted stays the same', () => {
    expect(redactPath('/reset/[36]/x')).toBe('/reset/[36]/x');
  });
});

describe('redactUrl: ordinary addresses stay readable', () => {
  test.each([
    'https://cdn.amplitude.com/libs/analytics-browser-2.0.0-min.js.gz',
    'https://github.com/acme/api/actions/runs/12345678901/job/98765432101',
    'https://github.com/acme/api/commit/4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    'https://github.com/acme/api/pull/42/files',
    'https://github.githubassets.com/assets/vendors-node_modules_github_mini-throttle_dist_index_js-node_modules_github_catalyst_lib_index_js-a1b2c3d4e5f6.js',
    'https://github.githubassets.com/assets/wp-runtime-3f9a8b7c6d5e.js',
    'https://gitlab.com/acme/api/-/pipelines/1234567/builds',
    'https://gitlab.com/assets/webpack/commons-pages.groups.analytics.dashboards-pages.projects.analytics.dashboards.3f9a8b7c.chunk.js',
    'https://buildkite.com/acme/api/builds/4521#018c2f4e-1d3a-4b5c-9d8e-7f6a5b4c3d2e',
    'https://app.circleci.com/pipelines/github/acme/api/1234/workflows/3fa85f64-5717-4562-b3fc-2c963f66afa6/jobs/5678',
    'https://fonts.gstatic.com/s/roboto/v30/KFOmCnqEu92Fr1Mu4mxK.woff2',
    'https://js.stripe.com/v3/',
    'https://www.googletagmanager.com/gtm.js',
    'https://static.hotjar.com/c/hotjar-123456.js',
    'https://app.launchdarkly.com/sdk/evalx/contexts',
    'https://cdn.segment.com/analytics.js/v1/writeKeyIsNotInThisPath/analytics.min.js',
    'https://api.example.com/v2/getAnalyticsEventsForAccountOverview',
    'https://x.example/',
    'https://x.example',
    'https://xn--bcher-kva.example/b%C3%BCcher/%E2%82%AC',
  ])('%s', (url) => {
    const expected = url.split('#')[0]!;
    expect(redactUrl(url)).toBe(new URL(expected).origin + new URL(expected).pathname);
  });

  test('query names of an ordinary tracker stay readable', () => {
    expect(redactUrl('https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123&cid=555.666&en=page_view')).toBe(
      'https://www.google-analytics.com/g/collect?v=[1]&tid=[8]&cid=[7]&en=[9]',
    );
  });
});

describe('redactUrl: hostile inputs', () => {
  test('is idempotent: a redacted address redacted again is unchanged', () => {
    const inputs = [
      'https://x.example/reset/3fa85f64-5717-4562-b3fc-2c963f66afa6?token=abc&x=[5]',
      `https://x.example/s/${TOKENS.jwt}?a=b;c=d`,
      'https://x.example/job/a;jsessionid=zz/x?%00=%ff',
      'data:text/html,hi',
      'about:srcdoc',
    ];
    for (const url of inputs) {
      const once = redactUrl(url);
      expect(redactUrl(once)).toBe(once);
    }
  });

  test('a value that mimics a marker keeps no more than a marker', () => {
    expect(redactUrl('https://x.example/?t=[12]')).toBe('https://x.example/?t=[12]');
    expect(redactUrl('https://x.example/?t=[12]x')).toBe('https://x.example/?t=[5]');
  });

  test('a very long URL is bounded by the markers, not by the secrets', () => {
    const secret = 'S'.repeat(100_000);
    const redacted = redactUrl(`https://x.example/a?v=${secret}`);
    expect(redacted).toBe('https://x.example/a?v=[100000]');
    expect(redactionMarker(10_000_000)).toBe('[999999]');
  });

  test('thousands of parameters: each name kept, no value', () => {
    const params = Array.from({ length: 3_000 }, (_, i) => `p${i}=secret${i}`).join('&');
    const redacted = redactUrl(`https://x.example/a?${params}`);
    expect(redacted).not.toContain('secret');
    expect(redacted.split('&')).toHaveLength(3_000);
  });

  test('control characters, quotes and markup in names and values never survive as values', () => {
    const redacted = redactUrl('https://x.example/a?<script>=</script>&"onload="=x&%0d%0a=%0d%0a');
    expect(redacted).not.toContain('</script>');
    expect(redacted).not.toMatch(/[\r\n]/);
    expect(redactUrl('https://x.example/a?=value')).toBe('https://x.example/a?[0]=[5]');
  });

  test('fuzz: random secrets in values, names, paths and matrix parameters never appear in the output', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const secret = (n: number): string =>
      Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 500; i += 1) {
      const value = `Zz${secret(6 + Math.floor(random() * 60))}9`;
      const key = `Qq7${secret(30)}`;
      const jsession = `Jj1${secret(10)}`;
      const url = `https://h${i}.example/r/${key}/x;sid=${jsession}?q=${value}&n=${encodeURIComponent(value)}#${value}`;
      const redacted = redactUrl(url);
      expect(redacted.includes(value)).toBe(false);
      expect(redacted.includes(key)).toBe(false);
      expect(redacted.includes(jsession)).toBe(false);
    }
  });
});

describe('isSecretLike', () => {
  test('markers and empty segments are not secrets', () => {
    expect(isSecretLike('[40]', 'reset')).toBe(false);
    expect(isSecretLike('', undefined)).toBe(false);
  });
  test('a plain id after a token route is kept when it is only digits', () => {
    expect(isSecretLike('12345678901234567890', 'tokens')).toBe(false);
  });
  test('the marker pattern matches only markers', () => {
    expect(REDACTION_MARKER.test('[12]')).toBe(true);
    expect(REDACTION_MARKER.test('[12]x')).toBe(false);
  });
});
