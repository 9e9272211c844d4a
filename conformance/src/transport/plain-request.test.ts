import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainRequest } from './plain-request.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/echo') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-Seen-Method': req.method ?? '' });
        res.end(JSON.stringify({ body, accept: req.headers.accept }));
      });
    } else if (req.url === '/big') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('x'.repeat(100_000));
    } else if (req.url === '/hang') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('started');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('plainRequest', () => {
  it('sends the method, headers and body, and answers status, lower-case headers and text', async () => {
    const answer = await plainRequest(`${base}/echo`, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: 'hello',
      timeoutMs: 5_000,
    });
    expect(answer.status).toBe(201);
    expect(answer.headers['x-seen-method']).toBe('POST');
    expect(JSON.parse(answer.text)).toEqual({ body: 'hello', accept: 'application/json' });
  });

  it('cuts a long body at the limit', async () => {
    const answer = await plainRequest(`${base}/big`, { timeoutMs: 5_000, maxBodyBytes: 1_000 });
    expect(answer.status).toBe(200);
    expect(answer.text).toHaveLength(1_000);
  });

  it('rejects when the answer does not complete in time, and on a refused connection', async () => {
    await expect(plainRequest(`${base}/hang`, { timeoutMs: 200 })).rejects.toThrow(/^timeout: .*within 200 ms/);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(plainRequest(`http://127.0.0.1:${port}/`, { timeoutMs: 2_000 })).rejects.toThrow(/ECONNREFUSED/);
  });
});
