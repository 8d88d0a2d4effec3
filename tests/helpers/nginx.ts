// Debian's nginx for the tests that drive a real one. With CI=true a missing nginx fails the suite (.ci/run
// installs it); elsewhere the suite is left out with a message saying how to install it.
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

export const NGINX = ['/usr/sbin/nginx', 'nginx'].find((bin) => spawnSync(bin, ['-v']).status === 0) ?? null;

export function describeWithNginx(name: string, body: (nginx: string) => void): void {
  if (NGINX) {
    describe(name, () => body(NGINX));
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs nginx', () => {
        throw new Error(
          'nginx is required for this suite (CI=true) but is not installed: apt-get install nginx',
        );
      });
    });
    return;
  }
  console.warn(`${name}: not run, nginx is not installed (apt-get install nginx; CI installs it)`);
}
