// The shapes of one benchmark run: what the driver records, the JSON holds and the report formats.

/** A measurement that worked, failed (with the error, so the run goes on) or was not attempted. */
export type Step<T> =
  { status: 'ok'; value: T } | { status: 'failed'; error: string } | { status: 'skipped'; reason: string };

export interface IndexRun {
  ms: number;
  rendered: number;
  articles: number;
  errors: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface PageLoad {
  path: string;
  bytes: number;
  folio: LoadResult;
  bare: LoadResult;
  /** Folio's requests per second over the bare server's, both measured in this run. */
  ratio: number;
}

export interface Latency {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export interface SearchKind extends Latency {
  errors: number;
  /** Document frequency range of the words this kind used, as a share of the corpus. */
  df: string;
}

export interface DevReload {
  saves: number;
  /** Write → the dev server's reload event. */
  toEvent: Latency;
  /** Write → the new body served, the new title on a backlinking page and on a related list (when found). */
  toServed: Latency;
  relatedChecked: number;
  startupMs: number;
  /** Saves thrown away because a rebuild (a change under src/) restarted the dev server meanwhile. */
  discarded: number;
}

export interface SizeResult {
  articles: number;
  wallMs: Record<string, number>;
  corpus: Step<{ ms: number; bytes: number; files: number }>;
  cold: Step<IndexRun>;
  noChange: Step<IndexRun>;
  oneFile: Step<IndexRun>;
  /** `npm run index` in its own process with nothing changed (node start-up included). */
  cliNoChange: Step<{ ms: number; reportedMs: number }>;
  db: Step<{ bytes: number; perArticleKb: number }>;
  startup: Step<{ ms: number }>;
  pages: Step<Record<string, Step<PageLoad>>>;
  search: Step<Record<string, SearchKind>>;
  servingRss: Step<{ rssMb: number }>;
  dev: Step<DevReload>;
  /** Peak resident memory (VmHWM or maxRSS, worker threads included) of every process, in MB. */
  peakRssMb: Record<string, number>;
}

export interface BenchRun {
  meta: {
    date: string;
    node: string;
    cpus: number;
    pinned: boolean;
    durationSeconds: number;
    connections: number;
    loadAverage: number[];
    sizes: number[];
  };
  results: SizeResult[];
}
