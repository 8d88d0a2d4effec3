// `npx folio <command> [args]`: the npm scripts as one command. Each name runs the same module its npm
// script runs, with the words after the name as its arguments, so --help, flags and exit codes are the same.
import { paletteFor } from './colour.js';
import { COMMANDS, folioUsage } from './commands.js';

/** The module to run for `argv` (the words after `folio`), or the exit code when there is none. */
async function dispatch(argv: readonly string[]): Promise<number | void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${folioUsage()}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const error = paletteFor(process.stderr, process.env).error;
    process.stderr.write(
      `${error(`unknown command ${name}; commands: ${Object.keys(COMMANDS).join(', ')}`)}\n`,
    );
    return 2;
  }
  // The command reads its arguments from process.argv, as it does when its npm script runs it.
  process.argv = [process.argv[0] ?? process.execPath, process.argv[1] ?? '', ...rest];
  await import(new URL(command.module, import.meta.url).href);
}

dispatch(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`folio: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
