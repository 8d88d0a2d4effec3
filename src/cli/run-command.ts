// How every command starts and ends: --help (usage on stdout, exit 0, nothing done), a wrong command line
// (exit 2), a failure (exit 1, one line, never a stack trace), success (its code). Messages go to stderr,
// red on a terminal.
import {
  parseCommandLine,
  UsageError,
  CommandFailure,
  type CommandArgs,
  type CommandSpec,
  type OptionsConfig,
} from './args.js';
import { paletteFor } from './colour.js';

export type CommandMain<O extends OptionsConfig> = (
  args: CommandArgs<O>,
) => Promise<number | void> | number | void;

function fail(message: string, code: number): void {
  // Written directly: console.error would ask Node whether to colour, and Node warns when NO_COLOR and FORCE_COLOR are both set.
  process.stderr.write(`${paletteFor(process.stderr, process.env).error(message)}\n`);
  process.exitCode = code;
}

/**
 * Runs a command's `main` with its parsed arguments. A number ends the process with that exit code; nothing
 * (a server) leaves it running. `failurePrefix` goes before the message of an unexpected error.
 */
export function runCommand<const O extends OptionsConfig>(
  spec: CommandSpec<O>,
  main: CommandMain<O>,
  failurePrefix?: string,
): void {
  let args: CommandArgs<O> | 'help';
  try {
    args = parseCommandLine(spec, process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return fail(error.message, 2);
  }
  if (args === 'help') {
    process.stdout.write(`${spec.usage.trimEnd()}\n`);
    process.exitCode = 0;
    return;
  }
  const parsed = args;
  new Promise<number | void>((resolve) => resolve(main(parsed))).then(
    (code) => {
      if (typeof code === 'number') process.exit(code);
    },
    (error: unknown) => {
      if (error instanceof UsageError) fail(error.message, 2);
      else if (error instanceof CommandFailure) fail(error.message, 1);
      else {
        const message = error instanceof Error ? error.message : String(error);
        fail(failurePrefix ? `${failurePrefix}: ${message}` : message, 1);
      }
      process.exit();
    },
  );
}
