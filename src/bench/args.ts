// Command-line options of `npm run bench`, parsed without side effects so --help and mistakes cost nothing.

export interface BenchArgs {
  sizes: number[];
  durationSeconds: number;
  searchPerKind: number;
  searchSeconds: number;
  saves: number;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

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
  --help                this text; nothing is run`;

const LARGE = [1000, 10_000, 100_000];

function positiveInt(name: string, raw: string | undefined, max: number): number {
  const n = Number(raw);
  if (raw === undefined || !Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`--${name} needs a whole number from 1 to ${max}, not ${raw ?? 'nothing'}`);
  return n;
}

/** Throws with a message naming the option on anything it does not understand. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = {
    sizes: [],
    durationSeconds: 5,
    searchPerKind: 200,
    searchSeconds: 60,
    saves: 5,
    help: false,
  };
  let large = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--large') large = true;
    else if (flag === '--sizes')
      out.sizes = (value() ?? '').split(',').map((s) => positiveInt('sizes', s.trim(), 10_000_000));
    else if (flag === '--duration') out.durationSeconds = positiveInt('duration', value(), 600);
    else if (flag === '--search') out.searchPerKind = positiveInt('search', value(), 100_000);
    else if (flag === '--search-seconds') out.searchSeconds = positiveInt('search-seconds', value(), 3600);
    else if (flag === '--saves') out.saves = positiveInt('saves', value(), 1000);
    else throw new Error(`unknown option ${String(flag)} (see --help)`);
  }
  if (large) out.sizes = [...out.sizes, ...LARGE];
  if (out.sizes.length === 0) out.sizes = [1000, 10_000];
  out.sizes = [...new Set(out.sizes)].sort((a, b) => a - b);
  return out;
}
