// `npm run enquiries:retry -- [--id N]`: failed deliveries (all, or one enquiry's) go back in the queue, due now.
import { createDeliveryStore } from '../db/deliveries.js';
import { UsageError, type CommandArgs } from './args.js';
import { openEnquiryDb } from './enquiries-cli.js';
import { runCommand } from './run-command.js';

const USAGE = `usage: npm run enquiries:retry -- [--id N]

Queues failed enquiry deliveries again, due now; the running server sends them.

  --id <n>     only enquiry N's deliveries
  -h, --help   print this help`;

const SPEC = { usage: USAGE, options: { id: { type: 'string' } } } as const;

runCommand(SPEC, ({ values }: CommandArgs<typeof SPEC.options>) => {
  const raw = values.id;
  const id = raw === undefined ? undefined : Number(raw);
  if (id !== undefined && (!Number.isInteger(id) || id < 1))
    throw new UsageError(`--id ${raw} is not an enquiry id: use a whole number like 42`);
  const db = openEnquiryDb();
  try {
    const n = createDeliveryStore(db).requeueFailed(Date.now(), id);
    console.log(
      `${n} failed ${n === 1 ? 'delivery' : 'deliveries'} queued again${id === undefined ? '' : ` for enquiry ${id}`}`,
    );
    return 0;
  } finally {
    db.close();
  }
});
