// `npm run check` compares the content with the index the site serves (DB_PATH): a changed slug is a
// note naming both addresses, and a link to the old slug is a warning naming the new one, not an error.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

const CHECK = join(projectRoot, 'dist/cli/check.js');
let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({
    sample: false,
    now: () => Date.parse('2026-01-15T12:00:00Z'),
    files: {
      'articles/guide.md': article({ title: 'Kafka guide', slug: 'kafka-guide', date: '2025-05-01' }),
      'articles/linker.md': article(
        { title: 'Reading list', slug: 'reading-list', date: '2025-05-02' },
        'Start with [the guide](/en/kafka-guide).\n',
      ),
    },
  });
});
afterAll(async () => site.close());

function check(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CHECK], {
    cwd: site.dir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      CONTENT_DIR: site.contentDir,
      NODE_ENV: 'production',
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, lines: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

describe('npm run check after a slug change', () => {
  it('when the served index has the old slug, then the change is a note and the old link a warning', () => {
    site.write({
      'articles/guide.md': article({ title: 'Kafka guide', slug: 'apache-kafka-guide', date: '2025-05-01' }),
    });
    const r = check({ DB_PATH: site.dbPath });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.lines).toContain(
      'content/articles/guide.md:6: note: address changed: /en/kafka-guide now answers 301 to /en/apache-kafka-guide (links to the old address keep working; update them when you can)',
    );
    const link = r.lines.find((l) => l.includes('link to /en/kafka-guide'));
    expect(link).toBe(
      'content/articles/linker.md:8: warning: link to /en/kafka-guide: that article is now /en/apache-kafka-guide (the old address redirects there) (change the link to /en/apache-kafka-guide)',
    );
  });

  it('when there is no served index yet, then the same link is an error, as before', () => {
    const r = check({ DB_PATH: join(site.dir, 'nothing-here.db') });
    expect(r.status).toBe(1);
    expect(r.lines.some((l) => l.includes('link to /en/kafka-guide: no article has that slug'))).toBe(true);
  });
});
