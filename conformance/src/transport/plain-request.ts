/**
 * One HTTP request outside any MCP session (metadata documents, probes of other paths), on node:http: the
 * scenarios that need it do not pay for loading fetch's implementation.
 */
import http from 'node:http';
import https from 'node:https';

export interface PlainResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body, cut at `maxBodyBytes`. */
  text: string;
}

export interface PlainRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBodyBytes?: number;
}

/** Rejects on a network failure or when no complete answer came within `timeoutMs`. */
export function plainRequest(url: string | URL, options: PlainRequestOptions): Promise<PlainResponse> {
  const target = typeof url === 'string' ? new URL(url) : url;
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  return new Promise((resolve, reject) => {
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size >= limit) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= limit) response.destroy();
        });
        const finish = (): void => {
          clearTimeout(timer);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers))
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          const text = Buffer.concat(chunks).subarray(0, limit).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers, text });
        };
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    const timer = setTimeout(() => {
      reject(new Error(`timeout: ${target.href} gave no complete answer within ${options.timeoutMs} ms`));
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(options.body);
  });
}
