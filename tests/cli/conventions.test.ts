// The command-line conventions every command keeps (issue 12): --help prints usage on stdout, exits 0 and
// does nothing; an unknown flag exits 2 naming it and the valid ones; colour only when asked for or on a
// terminal; `npx folio <command>` runs the same modules.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { palette, wantsColour } from '../../src/cli/colour.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { problemLines } from '../../src/cli/problem-lines.js';
import { projectRoot } from '../../src/paths.js';
import { tempDir, type TempDir } from '../helpers/process.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a file under the project with only the environment given (plus PATH), never on a terminal. */
function run(file: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, file), ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Every command: its npm script name, the file it runs, and one of its own flags (the valid list names it). */
const CASES: readonly (readonly [name: string, file: string, flag: string | null])[] = [
  ['start', 'dist/server.js', null],
  ['dev', 'dist/cli/dev.js', null],
  ['index', 'dist/cli/index.js', null],
  ['check', 'dist/cli/check.js', '--json'],
  ['new', 'dist/cli/new.js', '--category'],
  ['preview', 'dist/cli/preview.js', '--days'],
  ['export', 'dist/cli/export.js', '--allow-errors'],
  ['import:wp', 'dist/cli/import-wp.js', '--media'],
  ['import:md', 'dist/cli/import-md.js', '--dry-run'],
  ['enquiries:export', 'dist/cli/enquiries-export.js', '--format'],
  ['enquiries:status', 'dist/cli/enquiries-status.js', '--all'],
  ['enquiries:retry', 'dist/cli/enquiries-retry.js', '--id'],
  ['report', 'dist/cli/report.js', '--since'],
  ['bench', 'dist/cli/bench.js', '--sizes'],
  ['bench:images', 'dist/bench/image-bench.js', '--articles'],
];

let tmp: TempDir;
let env: Record<string, string>;
const help = new Map<string, Run>();
const unknown = new Map<string, Run>();

beforeAll(async () => {
  tmp = tempDir('conventions');
  // Where a command that did work would leave traces: a content folder and a database that do not exist.
  env = { CONTENT_DIR: join(tmp.dir, 'content'), DB_PATH: join(tmp.dir, 'folio.db'), PORT: '0' };
  // Both runs of every command at once: each is a short process start.
  await Promise.all(
    CASES.flatMap(([name, file]) => [
      run(file, ['--help'], env).then((r) => help.set(name, r)),
      run(file, ['--no-such-flag'], env).then((r) => unknown.set(name, r)),
    ]),
  );
}, 60_000);

afterAll(() => tmp?.remove());

describe('every command', () => {
  it('covers every npm script that runs a command, and every folio command', () => {
    const scripts = (
      JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const commands = Object.entries(scripts)
      .filter(([, line]) => / node dist\//.test(line))
      .map(([name]) => name);
    expect(CASES.map(([name]) => name).sort()).toEqual(commands.sort());
    expect(Object.keys(COMMANDS).sort()).toEqual(commands.sort());
  });

  it.each(CASES)('%s --help: usage on stdout, nothing on stderr, exit 0', (name) => {
    const r = help.get(name);
    expect(r?.stderr).toBe('');
    expect(r?.code).toBe(0);
    expect(r?.stdout).toMatch(/^usage: npm (start|run \S+)/);
    expect(r?.stdout).toContain('--help');
  });

  it('when --help is given, then no work is done: no database, no content, nothing written', () => {
    expect(readdirSync(tmp.dir)).toEqual([]);
    expect(existsSync(env.DB_PATH ?? '')).toBe(false);
  });

  it.each(CASES)(
    '%s --no-such-flag: exit 2, one line naming the flag and the valid ones',
    (name, _file, flag) => {
      const r = unknown.get(name);
      expect(r?.code).toBe(2);
      expect(r?.stdout).toBe('');
      const lines = r?.stderr.trim().split('\n') ?? [];
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^unknown option --no-such-flag; valid options: .*--help$/);
      if (flag) expect(lines[0]).toContain(flag);
    },
  );
});

describe('colour', () => {
  it('is on for a terminal or FORCE_COLOR, off for pipes, NO_COLOR, FORCE_COLOR=0 and TERM=dumb', () => {
    expect(wantsColour(true, {})).toBe(true);
    expect(wantsColour(false, {})).toBe(false);
    expect(wantsColour(undefined, {})).toBe(false);
    expect(wantsColour(true, { TERM: 'dumb' })).toBe(false);
    expect(wantsColour(true, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour(true, { NO_COLOR: '' })).toBe(true);
    expect(wantsColour(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColour(false, { FORCE_COLOR: '' })).toBe(true);
    expect(wantsColour(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(wantsColour(true, { FORCE_COLOR: 'false' })).toBe(false);
    // NO_COLOR wins: whoever set it never wants colour.
    expect(wantsColour(true, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });

  it('makes errors red, warnings yellow and notes dim; plain text leaves them alone', () => {
    const on = palette(true);
    expect(on.error('x')).toBe('\u001b[31mx\u001b[39m');
    expect(on.warning('x')).toBe('\u001b[33mx\u001b[39m');
    expect(on.note('x')).toBe('\u001b[2mx\u001b[22m');
    const off = palette(false);
    expect([off.error('x'), off.warning('x'), off.note('x')]).toEqual(['x', 'x', 'x']);
  });

  it('colours each content problem by its severity, errors first', () => {
    const lines = problemLines(
      [
        { severity: 'note', code: 'n', file: 'a.md', line: 1, message: 'n' },
        { severity: 'error', code: 'e', file: 'b.md', line: 2, message: 'e' },
        { severity: 'warning', code: 'w', file: 'c.md', line: 3, message: 'w' },
      ],
      'content/',
      palette(true),
    );
    expect(lines).toEqual([
      '\u001b[31mcontent/b.md:2: e\u001b[39m',
      '\u001b[33mcontent/c.md:3: warning: w\u001b[39m',
      '\u001b[2mcontent/a.md:1: note: n\u001b[22m',
    ]);
  });

  it('when a command runs in a pipe, then its messages are plain unless FORCE_COLOR asks, and NO_COLOR wins', async () => {
    const [plain, forced, refused] = await Promise.all([
      run('dist/cli/check.js', ['--jsn'], env),
      run('dist/cli/check.js', ['--jsn'], { ...env, FORCE_COLOR: '1' }),
      run('dist/cli/check.js', ['--jsn'], { ...env, FORCE_COLOR: '1', NO_COLOR: '1' }),
    ]);
    expect(plain.stderr).toBe('unknown option --jsn; valid options: --json, --help\n');
    expect(forced.stderr).toBe('\u001b[31munknown option --jsn; valid options: --json, --help\u001b[39m\n');
    expect(refused.stderr).toBe(plain.stderr);
  });
});

describe('npx folio', () => {
  it('is the bin of the package', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin).toEqual({ folio: 'bin/folio.mjs' });
  });

  it('when run bare or with --help, then it lists every command and exits 0', async () => {
    for (const args of [[], ['--help']]) {
      const r = await run('bin/folio.mjs', args, env);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^usage: npx folio <command> \[args\]/);
      for (const name of Object.keys(COMMANDS)) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
  });

  it('when given a command, then it runs that command with the words after it', async () => {
    const [viaFolio, direct, bad, wrong] = await Promise.all([
      run('bin/folio.mjs', ['preview', '--help'], env),
      run('dist/cli/preview.js', ['--help'], env),
      run('bin/folio.mjs', ['enquiries:status', '--everything'], env),
      run('bin/folio.mjs', ['publish'], env),
    ]);
    expect(viaFolio.code).toBe(0);
    expect(viaFolio.stdout).toBe(direct.stdout);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option --everything; valid options: --all, --json, --help');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^unknown command publish; commands: start, dev, index, check/);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });
});
