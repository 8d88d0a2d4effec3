-- Attribution without tracking: which CTA an enquiry came through, its UTM parameters and the referring
-- site's host (never a URL, never an IP address). Columns are only added: existing enquiries keep every
-- value and read NULL for what was not recorded then.
ALTER TABLE enquiries ADD COLUMN from_cta TEXT;
ALTER TABLE enquiries ADD COLUMN utm_source TEXT;
ALTER TABLE enquiries ADD COLUMN utm_medium TEXT;
ALTER TABLE enquiries ADD COLUMN utm_campaign TEXT;
ALTER TABLE enquiries ADD COLUMN utm_term TEXT;
ALTER TABLE enquiries ADD COLUMN utm_content TEXT;
ALTER TABLE enquiries ADD COLUMN referrer_host TEXT;
CREATE INDEX enquiries_from_article ON enquiries (from_article, created_at);

-- Course-page arrivals through a CTA, one counter per day (UTC), article, CTA position and course.
-- No personal data: a count is all that is kept.
CREATE TABLE cta_arrivals (
  day TEXT NOT NULL,
  article TEXT NOT NULL,
  cta TEXT NOT NULL,
  course_area TEXT NOT NULL,
  course_slug TEXT NOT NULL,
  arrivals INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, article, cta, course_area, course_slug)
) STRICT, WITHOUT ROWID;
