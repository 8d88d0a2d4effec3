// Two Folio replicas behind a real nginx running deploy/nginx.conf (with test ports and temp paths): cache hits,
// content changes within the shared-cache lifetime, no failed request while a replica dies and comes back, and
// every enquiry stored by the primary alone.
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

/** Seconds the replicas tell shared caches to keep a page (PAGE_S_MAXAGE; 300 in production). */
const S_MAXAGE = 2;

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
  const env = (db: string) => ({
    CONTENT_DIR: contentDir,
    DB_PATH: join(tmp.dir, db),
    CSRF_SECRET: 'the-same-secret-on-every-replica',
    PAGE_S_MAXAGE: String(S_MAXAGE),
    ENQUIRY_RATE_LIMIT: '100',
    SITE_URL: 'http://folio.test',
  });
  const startReplica = () => startFolio({ env: env('replica.db'), port: ports.replica });
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
    [primary, replica] = await Promise.all([
      startFolio({ env: env('primary.db'), port: ports.primary }),
      startReplica(),
    ]);
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

  it('when readers send enquiries through nginx, then every one is stored by the primary and none by a replica', async () => {
    const page = await viaNginx('/en/courses/data-ai/data-engineer');
    expect(page.status).toBe(200);
    const token = /name="form_token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const key = /name="idempotency_key" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect(token).not.toBe('');

    for (let i = 1; i <= 4; i++) {
      const body = new URLSearchParams({
        name: `Reader ${i}`,
        email: `reader${i}@example.com`,
        format: 'not-sure',
        message: `Enquiry number ${i}: when does the next cohort start?`,
        consent: 'yes',
        form_token: token,
        idempotency_key: key,
      }).toString();
      const posted = await fetchText(
        `http://127.0.0.1:${ports.nginx}/en/courses/data-ai/data-engineer/enquiry`,
        {
          agent,
          method: 'POST',
          body,
          headers: {
            Host: 'folio.test',
            Origin: 'http://folio.test',
            'Content-Type': 'application/x-www-form-urlencoded',
          },
        },
      );
      expect(posted.status, posted.body.slice(0, 500)).toBe(303);
      expect(posted.headers.location).toBe('/en/courses/data-ai/data-engineer/thanks');
    }

    const exported = async (db: string) => {
      const run = await runNode('cli/enquiries-export.js', ['--format', 'json'], env(db));
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { email: string }[];
    };
    const onPrimary = await exported('primary.db');
    expect(onPrimary.map((e) => e.email).sort()).toEqual([1, 2, 3, 4].map((i) => `reader${i}@example.com`));
    expect(await exported('replica.db')).toEqual([]);
    const posts = accessLog()
      .split('\n')
      .filter((line) => line.includes('"POST /en/courses/'));
    expect(posts).toHaveLength(4);
    for (const line of posts) expect(line).toContain(`upstream=127.0.0.1:${ports.primary} `);
    expect(nginxOutput).not.toMatch(/\[(emerg|alert|crit)\]/);
  });

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
