// The delivery loop: sends due outbox rows to their targets, retries with backoff, gives up after 24 h.
import type { Db } from '../db/connection.js';
import { createDeliveryStore, type DeliveryRow } from '../db/deliveries.js';
import { createEnquiryStore, type EnquiryRow } from '../db/enquiries.js';
import type { Logger } from '../logger.js';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff.js';
import type { SendOutcome } from './webhook.js';

/** One target's sender: given the enquiry, try once. */
export type Sender = (enquiry: EnquiryRow) => Promise<SendOutcome>;

export interface OutboxDeps {
  db: Db;
  logger: Logger;
  senders: Readonly<Record<string, Sender>>;
  now?: () => number;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** How often the loop looks for due rows when idle (rows queued by other processes are seen then). */
  pollMs?: number;
}

export function createOutbox(deps: OutboxDeps) {
  const deliveries = createDeliveryStore(deps.db);
  const enquiries = createEnquiryStore(deps.db);
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const policy = deps.backoff ?? DEFAULT_BACKOFF;
  const pollMs = deps.pollMs ?? 1_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;
  /** Set by stop(): the attempt in flight finishes and is recorded, no new one starts (a shutdown is short). */
  let draining = false;

  const settle = (row: DeliveryRow, outcome: SendOutcome) => {
    const at = now();
    const log = { delivery: row.id, enquiry: row.enquiry_id, target: row.target, attempt: row.attempts + 1 };
    if (outcome.kind === 'delivered') {
      deliveries.markDelivered(row.id, at);
      deps.logger.info(log, 'enquiry delivered');
      return;
    }
    const retryAt = at + retryDelayMs(row.attempts + 1, policy, random);
    if (outcome.kind === 'failed' || retryAt - row.created_at > policy.giveUpAfterMs) {
      deliveries.markFailed(row.id, outcome.error);
      deps.logger.error({ ...log, error: outcome.error }, 'enquiry delivery failed');
      return;
    }
    deliveries.markRetry(row.id, retryAt, outcome.error);
    deps.logger.warn(
      { ...log, error: outcome.error, retryAt: new Date(retryAt).toISOString() },
      'enquiry delivery will be retried',
    );
  };

  const attempt = async (row: DeliveryRow) => {
    const sender = deps.senders[row.target];
    const enquiry = enquiries.get(row.enquiry_id);
    if (!sender || !enquiry) {
      // A target removed from the configuration stays pending until it is configured again.
      deliveries.markRetry(row.id, now() + policy.capMs, `target ${row.target} is not configured`);
      return;
    }
    let outcome: SendOutcome;
    try {
      outcome = await sender(enquiry);
    } catch (error) {
      outcome = { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
    settle(row, outcome);
  };

  /** Sends every row due now, one at a time; returns how many attempts were made. */
  const runOnce = async (): Promise<number> => {
    let made = 0;
    for (;;) {
      const due = deliveries.due(now());
      if (due.length === 0) return made;
      for (const row of due) {
        if (draining) return made;
        await attempt(row);
        made++;
      }
    }
  };

  const schedule = () => {
    if (stopped) return;
    const next = deliveries.nextDueAt();
    const wait = next === null ? pollMs : Math.min(pollMs, Math.max(0, next - now()));
    timer = setTimeout(tick, wait);
    timer.unref();
  };

  const tick = () => {
    timer = null;
    running = runOnce();
    void running
      .catch((error: unknown) => deps.logger.error({ err: error }, 'enquiry delivery loop error'))
      .finally(() => {
        running = null;
        schedule();
      });
  };

  return {
    runOnce,
    start(): void {
      if (!stopped || Object.keys(deps.senders).length === 0) return;
      stopped = false;
      schedule();
    },
    /** Wakes the loop now (an enquiry was just accepted). */
    poke(): void {
      if (stopped || running) return;
      if (timer) clearTimeout(timer);
      tick();
    },
    async stop(): Promise<void> {
      stopped = true;
      draining = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
