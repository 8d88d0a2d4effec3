// Serves a test site over real HTTP on 127.0.0.1 so a browser can visit it; SITE_URL is the live origin.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestSite, type TestSite, type TestSiteOptions } from '../../helpers/site.js';

export interface LiveSite {
  origin: string;
  site: TestSite;
  close(): Promise<void>;
}

export async function startLiveSite(options: TestSiteOptions = {}): Promise<LiveSite> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  // The site is built once the port is known, so canonical and Open Graph URLs point at this server.
  const site = await createTestSite({ ...options, env: { SITE_URL: origin, ...options.env } });
  handler = site.folio.handler;
  return {
    origin,
    site,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await site.close();
    },
  };
}
