/**
 * The bare-Node peer of the model server (bench/serve/run.ts): node:http and nothing else. It reads
 * each request body whole and answers the bytes the model server answers to that body (read from
 * RESPONSES, a JSON object of request body → response body), with the same headers: the ceiling a
 * Node server with no work to do reaches on this machine.
 *
 *   RESPONSES=file.json PORT=18513 node bench/serve/bare.ts
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const responses = new Map(
  Object.entries(JSON.parse(readFileSync(process.env.RESPONSES as string, 'utf8')) as Record<string, string>).map(([request, response]) => [
    request,
    Buffer.from(response),
  ]),
);
createServer({ keepAlive: true, keepAliveTimeout: 65_000 }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = responses.get(Buffer.concat(chunks).toString('utf8'));
    if (req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 3 });
      res.end('ok\n');
    } else if (!body) {
      res.writeHead(404, { 'Content-Length': 0 });
      res.end();
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
      res.end(body);
    }
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
