// `npm run dev`: the development server, restarted after a rebuild whenever src/ or migrations/ change.
// The server itself (dist/dev/dev-server.js) watches content/, views/ and public/ and reloads open tabs.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import { Supervisor } from '../dev/supervisor.js';

const supervisor = new Supervisor({
  watchDirs: [join(projectRoot, 'src'), join(projectRoot, 'migrations')],
  print: (line) => console.log(line),
  spawnChild: () =>
    spawn(process.execPath, [join(projectRoot, 'dist', 'dev', 'dev-server.js')], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'development' },
    }),
  build: () =>
    new Promise((resolve) => {
      const build = spawn(process.execPath, [join('scripts', 'build-if-needed.mjs')], {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      build.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
      build.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
      build.once('exit', (code) => resolve({ ok: code === 0, output }));
    }),
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void supervisor.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
supervisor.start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
