// The benchmark's baseline: a bare node:http server answering each path with prebuilt bytes.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [fixtures, portArg] = process.argv.slice(2);
const pages = JSON.parse(readFileSync(fixtures ?? '', 'utf8')) as Record<
  string,
  { type: string; body: string }
>;
const prepared = new Map(
  Object.entries(pages).map(([path, p]) => [path, { type: p.type, body: Buffer.from(p.body, 'base64') }]),
);
createServer((req, res) => {
  const page = prepared.get(req.url ?? '');
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': page.type, 'content-length': page.body.length });
  res.end(page.body);
}).listen(Number(portArg), '127.0.0.1', () => process.stdout.write('ready\n'));
