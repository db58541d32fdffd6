/**
 * What the fixture server received. The e2e tests assert on this record (what really reached the network), not on
 * what the page or the extension say about themselves.
 */
import { hostMatchesDomain } from './domain-match';

export interface RecordedRequest {
  /** Host header, lower case, without the port. */
  readonly host: string;
  /** Path and query. */
  readonly path: string;
  readonly method: string;
  /** True for a WebSocket upgrade. */
  readonly websocket: boolean;
  /** Milliseconds since the epoch. */
  readonly time: number;
}

export class RequestLog {
  readonly #requests: RecordedRequest[] = [];

  record(request: RecordedRequest): void {
    this.#requests.push(request);
  }

  all(): readonly RecordedRequest[] {
    return [...this.#requests];
  }

  /** Requests to `domain` or any of its subdomains. */
  toDomain(domain: string): RecordedRequest[] {
    return this.#requests.filter((request) => hostMatchesDomain(request.host, domain));
  }

  countToDomain(domain: string): number {
    return this.toDomain(domain).length;
  }

  /** Distinct hosts seen, for failure messages. */
  hosts(): string[] {
    return [...new Set(this.#requests.map((request) => request.host))].sort();
  }

  clear(): void {
    this.#requests.length = 0;
  }
}
