// The enquiry outbox's delivery rows: queued with an enquiry, claimed when due, settled by the delivery loop.
import type { Db } from './connection.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DeliveryRow {
  id: number;
  enquiry_id: number;
  target: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  delivered_at: number | null;
  last_error: string | null;
}

const COLUMNS =
  'id, enquiry_id, target, status, attempts, next_attempt_at, created_at, delivered_at, last_error';

export function createDeliveryStore(db: Db) {
  const q = {
    enqueue: db.prepare<{ enquiry_id: number; target: string; now: number }>(
      `INSERT INTO enquiry_deliveries (enquiry_id, target, next_attempt_at, created_at)
       VALUES (@enquiry_id, @target, @now, @now) ON CONFLICT (enquiry_id, target) DO NOTHING`,
    ),
    due: db.prepare<{ now: number; limit: number }, DeliveryRow>(
      `SELECT ${COLUMNS} FROM enquiry_deliveries WHERE status = 'pending' AND next_attempt_at <= @now
       ORDER BY next_attempt_at, id LIMIT @limit`,
    ),
    nextDue: db.prepare<[], { at: number | null }>(
      `SELECT min(next_attempt_at) AS at FROM enquiry_deliveries WHERE status = 'pending'`,
    ),
    delivered: db.prepare<{ id: number; now: number }>(
      `UPDATE enquiry_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = @now,
       last_error = NULL WHERE id = @id`,
    ),
    retry: db.prepare<{ id: number; at: number; error: string }>(
      `UPDATE enquiry_deliveries SET attempts = attempts + 1, next_attempt_at = @at, last_error = @error
       WHERE id = @id`,
    ),
    failed: db.prepare<{ id: number; error: string }>(
      `UPDATE enquiry_deliveries SET status = 'failed', attempts = attempts + 1, last_error = @error
       WHERE id = @id`,
    ),
    counts: db.prepare<[], { status: DeliveryStatus; n: number }>(
      `SELECT status, count(*) AS n FROM enquiry_deliveries GROUP BY status`,
    ),
    list: db.prepare<{ status: string }, DeliveryRow>(
      `SELECT ${COLUMNS} FROM enquiry_deliveries WHERE (@status = '' OR status = @status) ORDER BY id`,
    ),
    requeueAll: db.prepare<{ now: number }>(
      `UPDATE enquiry_deliveries SET status = 'pending', next_attempt_at = @now, created_at = @now
       WHERE status = 'failed'`,
    ),
    requeueEnquiry: db.prepare<{ now: number; enquiry_id: number }>(
      `UPDATE enquiry_deliveries SET status = 'pending', next_attempt_at = @now, created_at = @now
       WHERE status = 'failed' AND enquiry_id = @enquiry_id`,
    ),
  };

  return {
    /** Queues one delivery per target; call inside the enquiry's transaction. */
    enqueue(enquiryId: number, targets: readonly string[], now: number): void {
      for (const target of targets) q.enqueue.run({ enquiry_id: enquiryId, target, now });
    },
    due(now: number, limit = 20): DeliveryRow[] {
      return q.due.all({ now, limit });
    },
    /** When the earliest pending delivery is due, or null when nothing is pending. */
    nextDueAt(): number | null {
      return q.nextDue.get()?.at ?? null;
    },
    markDelivered(id: number, now: number): void {
      q.delivered.run({ id, now });
    },
    markRetry(id: number, at: number, error: string): void {
      q.retry.run({ id, at, error });
    },
    markFailed(id: number, error: string): void {
      q.failed.run({ id, error });
    },
    counts(): Record<DeliveryStatus, number> {
      const out: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, failed: 0 };
      for (const r of q.counts.all()) out[r.status] = r.n;
      return out;
    },
    list(status: DeliveryStatus | '' = ''): DeliveryRow[] {
      return q.list.all({ status });
    },
    /**
     * Puts failed deliveries back in the queue, due now, with a fresh 24-hour window.
     * Returns how many were queued again.
     */
    requeueFailed(now: number, enquiryId?: number): number {
      return enquiryId === undefined
        ? q.requeueAll.run({ now }).changes
        : q.requeueEnquiry.run({ now, enquiry_id: enquiryId }).changes;
    },
  };
}
export type DeliveryStore = ReturnType<typeof createDeliveryStore>;
