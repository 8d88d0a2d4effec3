// Course enquiries: primary data written by readers. Nothing in the indexer touches this table.
import type { Db } from './connection.js';
import { createDeliveryStore } from './deliveries.js';
import { UTM_KEYS, type Utm } from '../lib/attribution.js';

const NO_UTM = Object.fromEntries(UTM_KEYS.map((k) => [k, null])) as Utm;

export interface NewEnquiry {
  createdAt: string;
  courseArea: string;
  courseSlug: string;
  name: string;
  email: string;
  phone: string | null;
  format: string | null;
  message: string;
  consent: boolean;
  fromArticle: string | null;
  idempotencyKey: string;
  /** Attribution (migration 0006); absent means not recorded. */
  fromCta?: string | null;
  utm?: Utm | null;
  referrerHost?: string | null;
}

export interface EnquiryRow {
  id: number;
  created_at: string;
  course_area: string;
  course_slug: string;
  name: string;
  email: string;
  phone: string | null;
  format: string | null;
  message: string;
  consent: number;
  from_article: string | null;
  from_cta: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  referrer_host: string | null;
}

const COLUMNS =
  'id, created_at, course_area, course_slug, name, email, phone, format, message, consent, from_article, ' +
  'from_cta, utm_source, utm_medium, utm_campaign, utm_term, utm_content, referrer_host';

type AttributionParams = { from_cta: string | null; referrer_host: string | null } & Utm;

export function createEnquiryStore(db: Db) {
  const q = {
    insert: db.prepare<
      {
        created_at: string;
        course_area: string;
        course_slug: string;
        name: string;
        email: string;
        phone: string | null;
        format: string | null;
        message: string;
        consent: number;
        from_article: string | null;
        idempotency_key: string;
      } & AttributionParams
    >(
      `INSERT INTO enquiries (created_at, course_area, course_slug, name, email, phone, format, message, consent, from_article, idempotency_key,
         from_cta, utm_source, utm_medium, utm_campaign, utm_term, utm_content, referrer_host)
       VALUES (@created_at, @course_area, @course_slug, @name, @email, @phone, @format, @message, @consent, @from_article, @idempotency_key,
         @from_cta, @utm_source, @utm_medium, @utm_campaign, @utm_term, @utm_content, @referrer_host)
       ON CONFLICT (idempotency_key) DO NOTHING`,
    ),
    since: db.prepare<{ since: string }, EnquiryRow>(
      `SELECT ${COLUMNS} FROM enquiries WHERE created_at >= @since ORDER BY created_at, id`,
    ),
    byId: db.prepare<{ id: number }, EnquiryRow>(`SELECT ${COLUMNS} FROM enquiries WHERE id = @id`),
    key: db.prepare<{ id: number }, { k: string }>(
      'SELECT idempotency_key AS k FROM enquiries WHERE id = @id',
    ),
  };
  const deliveries = createDeliveryStore(db);

  // The enquiry and its outbox rows commit together: an accepted enquiry always has its deliveries queued.
  const insert = db.transaction((e: NewEnquiry, targets: readonly string[], nowMs: number): boolean => {
    const result = q.insert.run({
      created_at: e.createdAt,
      course_area: e.courseArea,
      course_slug: e.courseSlug,
      name: e.name,
      email: e.email,
      phone: e.phone,
      format: e.format,
      message: e.message,
      consent: e.consent ? 1 : 0,
      from_article: e.fromArticle,
      idempotency_key: e.idempotencyKey,
      from_cta: e.fromCta ?? null,
      referrer_host: e.referrerHost ?? null,
      ...(e.utm ?? NO_UTM),
    });
    if (result.changes !== 1) return false;
    deliveries.enqueue(Number(result.lastInsertRowid), targets, nowMs);
    return true;
  });

  return {
    /**
     * Stores one enquiry in its own transaction, synced to disk before returning (the connection runs
     * `synchronous = NORMAL` for index speed; a reader's enquiry is worth a full sync). Returns false when
     * a row with the same idempotency key already exists. `targets` get one outbox row each (same transaction).
     */
    add(e: NewEnquiry, targets: readonly string[] = [], nowMs = Date.parse(e.createdAt)): boolean {
      db.pragma('synchronous = FULL');
      try {
        return insert(e, targets, nowMs);
      } finally {
        db.pragma('synchronous = NORMAL');
      }
    },
    /** Enquiries created at or after an ISO timestamp (all of them with the default), oldest first. */
    list(sinceIso = ''): EnquiryRow[] {
      return q.since.all({ since: sinceIso });
    },
    get(id: number): EnquiryRow | undefined {
      return q.byId.get({ id });
    },
    /** The key that makes a resubmission (or a forwarded copy) the same enquiry. */
    idempotencyKey(id: number): string | undefined {
      return q.key.get({ id })?.k;
    },
  };
}
export type EnquiryStore = ReturnType<typeof createEnquiryStore>;
