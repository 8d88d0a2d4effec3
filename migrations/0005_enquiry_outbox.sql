-- The enquiry outbox: one delivery row per configured target, written in the enquiry's own transaction.
-- Rows are the delivery state, so a restart or kill -9 resumes where the last commit left off.
CREATE TABLE enquiry_deliveries (
  id INTEGER PRIMARY KEY,
  enquiry_id INTEGER NOT NULL REFERENCES enquiries (id),
  target TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  delivered_at INTEGER,
  last_error TEXT,
  UNIQUE (enquiry_id, target)
) STRICT;
CREATE INDEX enquiry_deliveries_due ON enquiry_deliveries (status, next_attempt_at);
