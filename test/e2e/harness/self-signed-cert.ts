/**
 * A throw-away TLS certificate for the fixture server, made at test time so no key is ever committed. The browsers
 * are told to ignore certificate errors, so one certificate without subject alternative names serves every host.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TlsMaterial {
  readonly key: Buffer;
  readonly cert: Buffer;
}

export function createSelfSignedCert(): TlsMaterial {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dashguard-e2e-cert-'));
  try {
    const keyPath = path.join(dir, 'key.pem');
    const certPath = path.join(dir, 'cert.pem');
    try {
      // EC P-256: generated in milliseconds, unlike RSA.
      execFileSync(
        process.env.OPENSSL_PATH ?? 'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=dashguard-e2e-fixture',
          '-keyout',
          keyPath,
          '-out',
          certPath,
        ],
        { stdio: 'pipe' },
      );
    } catch (error) {
      throw new Error(`The e2e fixture server needs openssl to make its certificate: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
