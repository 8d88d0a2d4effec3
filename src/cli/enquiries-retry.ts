// `npm run enquiries:retry -- [--id N]`: failed deliveries (all, or one enquiry's) go back in the queue, due now.
import { createDeliveryStore } from '../db/deliveries.js';
import { CliExit, openEnquiryDb, parseFlags, runEnquiryCli } from './enquiries-cli.js';

const USAGE = `usage: npm run enquiries:retry -- [--id N]
  queues failed enquiry deliveries again (--id: only enquiry N's); the running server sends them`;

runEnquiryCli(() => {
  const flags = parseFlags(process.argv.slice(2), { '--id': true }, USAGE);
  const raw = flags.get('--id');
  const id = raw === undefined ? undefined : Number(raw);
  if (id !== undefined && (!Number.isInteger(id) || id < 1))
    throw new CliExit(2, `--id ${raw} is not an enquiry id: use a whole number like 42\n${USAGE}`);
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
