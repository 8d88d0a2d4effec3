// Command lines, read the same way by every command: node:util parseArgs (strict), --help/-h on every
// command, and one wording for a flag that does not exist or lacks its value. Pure: argv in, values out.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends OptionsConfig = OptionsConfig> {
  /** The text --help prints on stdout; start it with `usage: npm run <command> …`. */
  usage: string;
  /** The command's own flags; --help/-h is added to every command. */
  options: O;
  /** Whether the command takes words besides flags (file names, a slug, a title). */
  positionals?: boolean;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Config<O extends OptionsConfig> = {
  args: string[];
  options: O & typeof HELP;
  strict: true;
  allowPositionals: true;
};

/** What a command gets: its flags' values (typed from its options) and its other words. */
export type CommandArgs<O extends OptionsConfig> = ReturnType<typeof parseArgs<Config<O>>>;

/** The command line is wrong: the message says how (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command line was fine but the work could not be done: the message alone is printed (exit 1). */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}

/** "--json, --since, --help": the flags a command accepts, in the order it lists them. */
export function validFlags(options: OptionsConfig): string {
  return [...Object.keys(options).filter((k) => k !== 'help'), 'help'].map((k) => `--${k}`).join(', ');
}

/** parseArgs' own error as one line that names the flag; every command words it the same way. */
function usageMessage(error: unknown, options: OptionsConfig): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const flag = (/'([^']+)'/.exec(text)?.[1] ?? '').replace(/ <value>$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `unknown option ${flag}; valid options: ${validFlags(options)}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /does not take an argument/.test(text) ? `${flag} takes no value` : `${flag} needs a value`;
  return text.split('\n')[0] ?? text;
}

/**
 * Reads `argv` against the command's options: 'help' when --help or -h is anywhere in it (nothing else is
 * looked at, so help always works), else the values. Throws UsageError for an unknown flag, a flag without
 * its value, a value given to a switch, or a word where the command takes none.
 */
export function parseCommandLine<const O extends OptionsConfig>(
  spec: CommandSpec<O>,
  argv: readonly string[],
): CommandArgs<O> | 'help' {
  const terminator = argv.indexOf('--');
  const flags = terminator === -1 ? argv : argv.slice(0, terminator);
  if (flags.includes('--help') || flags.includes('-h')) return 'help';
  const config: Config<O> = {
    args: [...argv],
    options: { ...spec.options, ...HELP },
    strict: true,
    allowPositionals: true,
  };
  let parsed: CommandArgs<O>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    throw new UsageError(usageMessage(error, spec.options));
  }
  const extra = parsed.positionals[0];
  if (!spec.positionals && extra !== undefined)
    throw new UsageError(
      `unexpected argument ${extra}: this command takes only options (${validFlags(spec.options)})`,
    );
  return parsed;
}

/** The first line of a usage text: what a usage error can repeat. */
export function synopsis(usage: string): string {
  return usage.split('\n')[0] ?? usage;
}
