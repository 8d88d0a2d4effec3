// Command-line options of `npm run bench`, parsed without side effects so --help and mistakes cost nothing.
import { parseCommandLine, UsageError, type CommandArgs } from '../cli/args.js';

export interface BenchArgs {
  sizes: number[];
  durationSeconds: number;
  searchPerKind: number;
  searchSeconds: number;
  saves: number;
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [options]

Generates deterministic corpora and measures, per size: cold / no-change / one-file indexing (time and
peak RSS), \`npm run index\` with nothing changed, database size, server start-up on the existing database,
page throughput against a bare node:http server (same run), uncached search, save → served under
\`npm run dev\`, and the peak RSS of every process. Writes bench/results/latest.md and a JSON file.

Options:
  --sizes <n,n,…>       corpus sizes (default 1000,10000)
  --large               1000, 10000 and 100000 (added to --sizes when both are given)
  --duration <s>        autocannon seconds per page and server (default 5)
  --search <n>          uncached queries per kind (default 200)
  --search-seconds <s>  time limit of the whole search stream (default 60)
  --saves <n>           saves timed under npm run dev (default 5)
  -h, --help            this text; nothing is run`;

export const BENCH_SPEC = {
  usage: USAGE,
  options: {
    sizes: { type: 'string' },
    large: { type: 'boolean' },
    duration: { type: 'string' },
    search: { type: 'string' },
    'search-seconds': { type: 'string' },
    saves: { type: 'string' },
  },
} as const;

const LARGE = [1000, 10_000, 100_000];

function positiveInt(name: string, raw: string, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`--${name} needs a whole number from 1 to ${max}, not ${raw || 'nothing'}`);
  return n;
}

/** The run the parsed flags ask for. */
export function benchArgs({ values }: CommandArgs<typeof BENCH_SPEC.options>): BenchArgs {
  const int = (name: 'duration' | 'search' | 'search-seconds' | 'saves', fallback: number, max: number) => {
    const raw = values[name];
    return raw === undefined ? fallback : positiveInt(name, raw, max);
  };
  let sizes = (values.sizes?.split(',') ?? []).map((s) => positiveInt('sizes', s.trim(), 10_000_000));
  if (values.large) sizes = [...sizes, ...LARGE];
  if (sizes.length === 0) sizes = [1000, 10_000];
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    durationSeconds: int('duration', 5, 600),
    searchPerKind: int('search', 200, 100_000),
    searchSeconds: int('search-seconds', 60, 3600),
    saves: int('saves', 5, 1000),
    help: false,
  };
}

/** Throws a UsageError naming the option on anything it does not understand. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const parsed = parseCommandLine(BENCH_SPEC, argv);
  if (parsed === 'help') return { ...benchArgs({ values: {}, positionals: [] }), help: true };
  return benchArgs(parsed);
}
