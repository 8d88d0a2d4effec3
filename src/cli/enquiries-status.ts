// `npm run enquiries:status -- [--all] [--json]`: outbox totals and the deliveries still pending or failed.
import { createDeliveryStore, type DeliveryRow } from '../db/deliveries.js';
import type { CommandArgs } from './args.js';
import { openEnquiryDb } from './enquiries-cli.js';
import { runCommand } from './run-command.js';

const USAGE = `usage: npm run enquiries:status -- [--all] [--json]

Lists enquiry deliveries still pending or failed (webhook, e-mail, forwarding) from DB_PATH, with totals.

  --all        delivered ones too
  --json       print the totals and deliveries as JSON
  -h, --help   print this help`;

const SPEC = { usage: USAGE, options: { all: { type: 'boolean' }, json: { type: 'boolean' } } } as const;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

function line(r: DeliveryRow): string {
  const when =
    r.status === 'delivered'
      ? iso(r.delivered_at)
      : r.status === 'pending'
        ? `next ${iso(r.next_attempt_at)}`
        : '';
  return [
    String(r.enquiry_id).padStart(8),
    r.target.padEnd(8),
    r.status.padEnd(9),
    String(r.attempts).padStart(8),
    when.padEnd(29),
    r.last_error ?? '',
  ]
    .join('  ')
    .trimEnd();
}

runCommand(SPEC, ({ values }: CommandArgs<typeof SPEC.options>) => {
  const db = openEnquiryDb();
  try {
    const store = createDeliveryStore(db);
    const counts = store.counts();
    const rows = values.all ? store.list() : [...store.list('pending'), ...store.list('failed')];
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ counts, deliveries: rows }, null, 2)}\n`);
      return 0;
    }
    console.log(`pending ${counts.pending} · failed ${counts.failed} · delivered ${counts.delivered}`);
    if (rows.length > 0) {
      console.log(
        [' enquiry', 'target  ', 'status   ', 'attempts', 'when'.padEnd(29), 'last error'].join('  '),
      );
      for (const r of rows) console.log(line(r));
    }
    if (counts.failed > 0)
      console.log('queue failed deliveries again with: npm run enquiries:retry [-- --id N]');
    return 0;
  } finally {
    db.close();
  }
});
