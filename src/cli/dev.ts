// `npm run dev`: the development server, restarted after a rebuild whenever src/ or migrations/ change.
// The server itself (dist/dev/dev-server.js) watches content/, views/ and public/ and reloads open tabs.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import { Supervisor } from '../dev/supervisor.js';
import { runCommand } from './run-command.js';

const SPEC = {
  usage: `usage: npm run dev

The site as npm start serves it, for writing: content/, views/ and public/ are watched and a saved file is
live in under a second (open tabs reload); a change to src/ or migrations/ rebuilds and restarts the server.
Drafts and scheduled articles are shown at their own URL with a preview banner.

  -h, --help   print this help; nothing is started`,
  options: {},
} as const;

function build(): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join('scripts', 'build-if-needed.mjs')], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('exit', (code) => resolve({ ok: code === 0, output }));
  });
}

async function main(): Promise<void> {
  const supervisor = new Supervisor({
    watchDirs: [join(projectRoot, 'src'), join(projectRoot, 'migrations')],
    print: (line) => console.log(line),
    spawnChild: () =>
      spawn(process.execPath, [join(projectRoot, 'dist', 'dev', 'dev-server.js')], {
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'development' },
      }),
    build,
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void supervisor.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await supervisor.start();
}

runCommand(SPEC, main);
