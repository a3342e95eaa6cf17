import autocannon from 'autocannon';
import { percentile } from './percentile';

/** One HTTP request of an operation, as autocannon replays it. */
export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Latency percentiles (ms) and throughput of one load run. */
export interface LoadResult {
  requests: number;
  errors: number;
  non2xx: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}


/**
 * Replays `req` with `connections` concurrent connections for `seconds` and returns exact
 * percentiles: autocannon's own summary has no p95, so every response time is kept (from its
 * `response` event) and sorted.
 */
export async function load(req: HttpRequest, connections: number, seconds: number): Promise<LoadResult> {
  const times: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: req.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...req.headers },
        body: req.body,
        connections,
        duration: seconds,
        // A slow operation must still finish its in-flight requests rather than count as errors.
        timeout: 120,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) times.push(responseTime);
      else non2xx += 1;
    });
  });
  times.sort((a, b) => a - b);
  const elapsed = result.duration;
  return {
    requests: times.length,
    errors: result.errors + result.timeouts,
    non2xx,
    seconds: elapsed,
    requestsPerSecond: times.length / elapsed,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}
