// Two Folio replicas behind a real nginx running deploy/nginx.conf (with test ports and temp paths): cache hits,
// content changes within the shared-cache lifetime, no failed request while a replica dies and comes back, the
// primary's intake closed to readers, and enquiries accepted by either replica (also while the primary is
// dead) ending in the primary's database once each and delivered once each to its webhook.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import {
  fetchText,
  freePort,
  isRoot,
  runNode,
  startFolio,
  stopAll,
  tempDir,
  waitFor,
  type FolioProcess,
  type TempDir,
} from '../helpers/process.js';
import { describeWithNginx } from '../helpers/nginx.js';
import { startWebhookSink, type WebhookSink } from '../enquiries/webhook-sink.js';

/** Seconds the replicas tell shared caches to keep a page (PAGE_S_MAXAGE; 300 in production). */
const S_MAXAGE = 2;
const FORWARD_SECRET = 'forward-secret-shared-by-replicas';
const HOOK_SECRET = 'webhook-secret-of-the-crm';
const COURSE = '/en/courses/data-ai/data-engineer';

interface Deliveries {
  pending: number;
  failed: number;
}

interface Ports {
  nginx: number;
  primary: number;
  replica: number;
}

/**
 * deploy/nginx.conf made runnable here: loopback ports, every path in a temp dir, in the foreground, one worker.
 * Each replacement must match, so the test always runs the shipped configuration and nothing else.
 */
function runnableConfig(dir: string, ports: Ports): string {
  let text = readFileSync(join(projectRoot, 'deploy', 'nginx.conf'), 'utf8');
  const swap = (from: string | RegExp, to: string) => {
    if (!(typeof from === 'string' ? text.includes(from) : from.test(text)))
      throw new Error(`deploy/nginx.conf no longer contains ${String(from)}`);
    text = text.replace(from, to);
  };
  const hasWwwData = spawnSync('id', ['-u', 'www-data']).status === 0;
  // As root, workers drop to www-data as in production; otherwise there is no one to switch to.
  swap('user www-data;', isRoot ? (hasWwwData ? 'user www-data;' : 'user root;') : '');
  swap('worker_processes auto;', 'daemon off;\nworker_processes 1;');
  swap('pid /run/folio-nginx.pid;', `pid ${dir}/nginx.pid;`);
  swap(/\/var\/log\/nginx\//g, `${dir}/logs/`);
  swap(/\/var\/lib\/nginx\//g, `${dir}/`);
  // nginx's compiled-in temp folders (/var/lib/nginx/…) are not writable here.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (t) => `    ${t}_temp_path ${dir}/temp-${t};`,
  );
  swap('http {\n', `http {\n${temp.join('\n')}\n`);
  swap(/127\.0\.0\.1:3001/g, `127.0.0.1:${ports.primary}`);
  swap('127.0.0.1:3002', `127.0.0.1:${ports.replica}`);
  swap('listen 80;', `listen 127.0.0.1:${ports.nginx};`);
  return text;
}

describeWithNginx('scale-out behind nginx', (nginxBin) => {
  let tmp: TempDir;
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  let ports: Ports;
  let contentDir: string;
  let nginx: ChildProcess | null = null;
  let nginxOutput = '';
  let primary: FolioProcess;
  let replica: FolioProcess;
  let sink: WebhookSink;
  const env = (db: string) => ({
    CONTENT_DIR: contentDir,
    DB_PATH: join(tmp.dir, db),
    CSRF_SECRET: 'the-same-secret-on-every-replica',
    PAGE_S_MAXAGE: String(S_MAXAGE),
    ENQUIRY_RATE_LIMIT: '100',
    SITE_URL: 'http://folio.test',
    // Forwards and deliveries retried from 0.2 s (1 s in production), so the test waits seconds, not minutes.
    ENQUIRY_RETRY_BASE_MS: '200',
  });
  // The roles as deploy/README.md sets them: the primary takes forwards in and delivers to the webhook; the
  // other replica forwards what it accepts to the primary.
  const startPrimary = () =>
    startFolio({
      env: {
        ...env('primary.db'),
        ENQUIRY_FORWARD_SECRET: FORWARD_SECRET,
        ENQUIRY_WEBHOOK_URL: sink.url,
        ENQUIRY_WEBHOOK_SECRET: HOOK_SECRET,
      },
      port: ports.primary,
    });
  const startReplica = () =>
    startFolio({
      env: {
        ...env('replica.db'),
        ENQUIRY_FORWARD_URL: `http://127.0.0.1:${ports.primary}`,
        ENQUIRY_FORWARD_SECRET: FORWARD_SECRET,
      },
      port: ports.replica,
    });
  const viaNginx = (path: string, headers: Record<string, string> = {}) =>
    fetchText(`http://127.0.0.1:${ports.nginx}${path}`, {
      agent,
      headers: { Host: 'folio.test', ...headers },
    });
  const accessLog = () => readFileSync(join(tmp.dir, 'logs', 'folio-access.log'), 'utf8');

  beforeAll(async () => {
    tmp = tempDir('nginx');
    // Worker processes (www-data when root) must reach the temp dir.
    chmodSync(tmp.dir, 0o755);
    contentDir = tmp.copySample();
    ports = { nginx: await freePort(), primary: await freePort(), replica: await freePort() };
    sink = await startWebhookSink(HOOK_SECRET);
    [primary, replica] = await Promise.all([startPrimary(), startReplica()]);
    await Promise.all([primary, replica].map((p) => p.waitForLog((l) => l.msg === 'content indexed')));

    mkdirSync(join(tmp.dir, 'logs'));
    const conf = join(tmp.dir, 'nginx.conf');
    writeFileSync(conf, runnableConfig(tmp.dir, ports));
    const test = spawnSync(nginxBin, [
      '-t',
      '-p',
      tmp.dir,
      '-e',
      join(tmp.dir, 'logs', 'startup.log'),
      '-c',
      conf,
    ]);
    expect(test.status, test.stderr.toString()).toBe(0);
    nginx = spawn(nginxBin, ['-p', tmp.dir, '-e', join(tmp.dir, 'logs', 'startup.log'), '-c', conf], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    nginx.stdout?.on('data', (c: Buffer) => (nginxOutput += c.toString()));
    nginx.stderr?.on('data', (c: Buffer) => (nginxOutput += c.toString()));
    await waitFor('nginx to answer', async () => (await viaNginx('/healthz')).status === 200, 10_000, 100);
  }, 90_000);

  afterAll(async () => {
    agent.destroy();
    if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
      const exited = new Promise((resolve) => nginx?.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await stopAll();
    await sink?.close();
    tmp?.remove();
  });

  it('when a page is requested twice, then nginx answers the second time from its cache with Folio’s validators', async () => {
    const first = await viaNginx('/en/sql-joins-explained');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe(
      `public, max-age=${S_MAXAGE}, s-maxage=${S_MAXAGE}, stale-while-revalidate=600, stale-if-error=86400`,
    );
    const second = await viaNginx('/en/sql-joins-explained');
    expect(second.headers['x-cache-status']).toBe('HIT');
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);

    // A browser revalidating gets a 304 from nginx itself.
    const revalidated = await viaNginx('/en/sql-joins-explained', {
      'If-None-Match': String(first.headers.etag),
    });
    expect(revalidated.status).toBe(304);

    // Compressed copies are cached per encoding.
    await viaNginx('/en/', { 'Accept-Encoding': 'gzip, deflate' });
    const gz = await viaNginx('/en/', { 'Accept-Encoding': 'deflate, gzip;q=0.9' });
    expect(gz.headers['x-cache-status']).toBe('HIT');
    expect(gz.headers['content-encoding']).toBe('gzip');

    // Health checks always reach a replica.
    for (let i = 0; i < 3; i++) {
      const health = await viaNginx('/healthz');
      expect(health.status).toBe(200);
      expect(health.headers['x-cache-status']).toBeUndefined();
    }

    // Once the page is older than s-maxage, nginx asks a replica again, with the ETag: a 304, not a new page.
    // (nginx counts lifetimes in whole seconds, so a copy may live up to one second longer.)
    const stale = await waitFor(
      'the cached copy to expire',
      async () => {
        const res = await viaNginx('/en/sql-joins-explained');
        return res.headers['x-cache-status'] !== 'HIT' && res;
      },
      S_MAXAGE * 1000 + 3_000,
      200,
    );
    expect(['STALE', 'UPDATING', 'REVALIDATED', 'EXPIRED']).toContain(stale.headers['x-cache-status']);
    await waitFor('a 304 from a replica in the access log', () =>
      accessLog()
        .split('\n')
        .some((line) => line.includes('GET /en/sql-joins-explained ') && line.includes(' ust=304 ')),
    );
  });

  it('when an article changes, then nginx serves the new version within s-maxage of the re-index', async () => {
    const path = join(contentDir, 'articles', 'data-engineering', 'your-first-airflow-dag.md');
    const original = readFileSync(path, 'utf8');
    const oldTitle = /^title: "?(.+?)"?$/m.exec(original)?.[1] ?? '';
    expect(oldTitle).not.toBe('');
    const before = await viaNginx('/en/your-first-airflow-dag');
    expect(before.body).toContain(oldTitle);
    await viaNginx('/en/your-first-airflow-dag');

    writeFileSync(path, original.replace(/^title: .*$/m, 'title: "Your first Airflow DAG, revised"'));
    const done = (p: FolioProcess) =>
      p.waitForLog((l) => l.msg === 'content indexed' && l.reason === 'SIGHUP' && l.rendered === 1);
    const indexed = Promise.all([done(primary), done(replica)]);
    primary.signal('SIGHUP');
    replica.signal('SIGHUP');
    await indexed;
    const reindexedAt = Date.now();

    await waitFor(
      'the new title through nginx',
      async () =>
        (await viaNginx('/en/your-first-airflow-dag')).body.includes('Your first Airflow DAG, revised'),
      S_MAXAGE * 1000 + 3_000,
      100,
    );
    // The documented bound: s-maxage after the re-index, plus the request that triggers the refresh.
    expect(Date.now() - reindexedAt).toBeLessThan(S_MAXAGE * 1000 + 3_000);
  });

  it('when a replica is killed and restarted under load, then no request fails', async () => {
    const failures: string[] = [];
    let served = 0;
    let stop = false;
    let n = 0;
    // Uncacheable requests (a query string nginx has not seen, /healthz) reach the replicas every time.
    const paths = () => {
      n++;
      return [`/en/search?q=sql&n=${n}`, '/healthz', `/en/?n=${n}`, '/en/sql-joins-explained'][
        n % 4
      ] as string;
    };
    const reader = async () => {
      while (!stop) {
        const path = paths();
        try {
          const res = await viaNginx(path);
          if (res.status !== 200) failures.push(`${path}: ${res.status}`);
          else served++;
        } catch (error) {
          failures.push(`${path}: ${(error as Error).message}`);
        }
      }
    };
    const readers = Array.from({ length: 8 }, reader);
    await new Promise((r) => setTimeout(r, 1_000));
    replica.signal('SIGKILL');
    await replica.exited;
    const downAt = served;
    await new Promise((r) => setTimeout(r, 1_500));
    const whileDown = served - downAt;
    replica = await startReplica();
    const restartedAt = Date.now();
    // The restarted replica gets traffic again once nginx's fail_timeout has passed.
    await waitFor(
      'the restarted replica to serve requests',
      () => replica.logs.some((l) => l.msg === 'request' && l.status === 200),
      15_000,
      100,
    );
    stop = true;
    await Promise.all(readers);

    expect(failures.slice(0, 10)).toEqual([]);
    expect(whileDown).toBeGreaterThan(10);
    expect(Date.now() - restartedAt).toBeLessThan(15_000);
  }, 60_000);

  it('when a reader calls the primary’s internal intake through nginx, then nginx answers 404 itself', async () => {
    const post = (url: string, headers: Record<string, string> = {}) =>
      fetchText(url, {
        agent,
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json', ...headers },
      });
    // Called directly, as a replica does, the intake is there (and refuses an unsigned body).
    expect((await post(`${primary.url}/_internal/enquiries`)).status).toBe(401);
    const paths = ['/_internal/enquiries', '/_INTERNAL/enquiries', '/%5Finternal/enquiries', '/_internal'];
    for (const path of paths) {
      const res = await post(`http://127.0.0.1:${ports.nginx}${path}`, { Host: 'folio.test' });
      expect(res.status, path).toBe(404);
    }
    const lines = accessLog()
      .split('\n')
      .filter((line) => paths.some((path) => line.includes(`"POST ${path} `)));
    expect(lines).toHaveLength(paths.length);
    for (const line of lines) expect(line).toContain(' upstream=- ');
  });

  it('when the primary is killed, then enquiries through nginx are still accepted, and once it is back each is stored and delivered exactly once', async () => {
    const page = await viaNginx(COURSE);
    expect(page.status).toBe(200);
    const token = /name="form_token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const key = /name="idempotency_key" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect(token).not.toBe('');
    const accepted = async (i: number) => {
      const body = new URLSearchParams({
        name: `Reader ${i}`,
        email: `reader${i}@example.com`,
        format: 'not-sure',
        message: `Enquiry number ${i}: when does the next cohort start?`,
        consent: 'yes',
        form_token: token,
        idempotency_key: key,
      }).toString();
      const posted = await fetchText(`http://127.0.0.1:${ports.nginx}${COURSE}/enquiry`, {
        agent,
        method: 'POST',
        body,
        headers: {
          Host: 'folio.test',
          Origin: 'http://folio.test',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
      });
      expect(posted.status, posted.body.slice(0, 500)).toBe(303);
      expect(posted.headers.location).toBe(`${COURSE}/thanks`);
    };
    const posts = () =>
      accessLog()
        .split('\n')
        .filter((line) => line.includes(`"POST ${COURSE}/enquiry `));
    const upstream = (line: string) => /upstream=(.+?) ust=/.exec(line)?.[1];
    const health = async (p: FolioProcess) =>
      (JSON.parse((await fetchText(`${p.url}/healthz`)).body) as { enquiryDeliveries: Deliveries })
        .enquiryDeliveries;
    const emails = (n: number) => Array.from({ length: n }, (_, i) => `reader${i + 1}@example.com`);
    const deliveredEmails = () =>
      sink.requests.map((r) => (JSON.parse(r.body) as { email: string }).email).sort();
    const settled = async () => {
      const [r, p] = await Promise.all([health(replica), health(primary)]);
      return r.pending === 0 && p.pending === 0;
    };

    // Both up: nginx takes turns, so one reader's form sent twice (a double click) reaches both replicas;
    // the primary stores its own copy and knows the replica's forward by the same idempotency key.
    for (const i of [1, 1, 2]) await accepted(i);
    // nginx writes an access-log line after the response has gone out: wait for it, do not race it.
    await waitFor('nginx to log the first three POSTs', () => posts().length >= 3);
    const [first, second] = posts().map(upstream);
    expect(new Set([first, second])).toEqual(
      new Set([`127.0.0.1:${ports.primary}`, `127.0.0.1:${ports.replica}`]),
    );
    await waitFor(
      'the first enquiries delivered',
      async () => (await settled()) && sink.requests.length >= 2,
    );
    expect(deliveredEmails()).toEqual(emails(2));

    const killed = primary;
    killed.signal('SIGKILL');
    await killed.exited;
    const before = posts().length;
    for (const i of [3, 4, 5, 6]) await accepted(i);
    await waitFor('nginx to log the four POSTs', () => posts().length >= before + 4);
    const whileDown = posts().slice(before).map(upstream);
    // Each answered by the replica. The ones nginx first tried on the dead primary were passed on: the
    // connection was refused, so the POST had never reached an application.
    const onReplica = `127.0.0.1:${ports.replica}`;
    const passedOn = `127.0.0.1:${ports.primary}, ${onReplica}`;
    expect(whileDown).toHaveLength(4);
    for (const u of whileDown) expect([onReplica, passedOn]).toContain(u);
    expect(whileDown).toContain(passedOn);
    // The replica holds them in its outbox until the primary is back, and its health says so.
    expect(await health(replica)).toEqual({ pending: 4, failed: 0 });

    primary = await startPrimary();
    await waitFor(
      'every enquiry forwarded and delivered',
      async () => (await settled()) && sink.requests.length >= 6,
      20_000,
      100,
    );
    const exported = async (db: string) => {
      const run = await runNode('cli/enquiries-export.js', ['--format', 'json'], env(db));
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { id: number; email: string }[];
    };
    const stored = await exported('primary.db');
    expect(stored.map((e) => e.email).sort()).toEqual(emails(6));
    // Delivered once each (nothing is pending anywhere, so nothing more will be sent), keyed by the
    // primary's enquiry id and signed.
    expect(deliveredEmails()).toEqual(emails(6));
    expect(sink.requests.map((r) => r.idempotencyKey).sort()).toEqual(stored.map((e) => String(e.id)).sort());
    expect(sink.requests.every((r) => r.signatureValid)).toBe(true);
    expect(await health(primary)).toEqual({ pending: 0, failed: 0 });
    // The replica kept its own copy of what it accepted, each forwarded.
    expect((await exported('replica.db')).map((e) => e.email)).toEqual(
      expect.arrayContaining(emails(6).slice(2)),
    );
    for (const p of [killed, primary, replica]) {
      expect(p.output()).not.toContain(FORWARD_SECRET);
      expect(p.output()).not.toContain(HOOK_SECRET);
    }
    expect(nginxOutput).not.toMatch(/\[(emerg|alert|crit)\]/);
  }, 60_000);

  // Last: it stops every replica.
  it('when every replica is down, then nginx still serves the pages it has cached (stale-if-error)', async () => {
    const path = '/en/what-does-a-data-engineer-do';
    const fresh = await viaNginx(path);
    expect(fresh.status).toBe(200);
    for (const p of [primary, replica]) p.signal('SIGKILL');
    await Promise.all([primary.exited, replica.exited]);
    // The cached copy must be past s-maxage (out of date) for the stale rules to be what answers: waiting
    // out the lifetime is the behaviour under test, not a stand-in for an event.
    await new Promise((r) => setTimeout(r, (S_MAXAGE + 1) * 1000));
    const stale = await viaNginx(path);
    expect(stale.status).toBe(200);
    expect(['STALE', 'UPDATING']).toContain(stale.headers['x-cache-status']);
    expect(stale.body).toBe(fresh.body);
    // A page nobody asked for before has no copy to fall back on.
    expect((await viaNginx('/en/sql-joins-explained?never-cached=1')).status).toBeGreaterThanOrEqual(502);
  });
});
