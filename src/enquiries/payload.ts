// The documented JSON body every target receives for one enquiry (the e-mail is written from it too).
import type { AttributedArticle } from '../db/attribution.js';
import type { EnquiryRow } from '../db/enquiries.js';
import { UTM_KEYS, type Utm } from '../lib/attribution.js';
import { articlePath, coursePath } from '../lib/urls.js';

function utmOf(row: EnquiryRow): Utm | null {
  const utm = Object.fromEntries(UTM_KEYS.map((k) => [k, row[k]])) as Utm;
  return UTM_KEYS.some((k) => utm[k] !== null) ? utm : null;
}

export interface EnquiryPayload {
  id: number;
  created_at: string;
  course: { area: string; slug: string; url: string };
  name: string;
  email: string;
  phone: string | null;
  format: string | null;
  message: string;
  consent: boolean;
  attribution: {
    /** The article's slug (`?from=`), only when it named a visible article. */
    article: string | null;
    article_title: string | null;
    article_url: string | null;
    /** Which CTA: `inline-1`, `inline-2`, … (the article's ::cta blocks in order) or `after-article`. */
    cta: string | null;
    /** UTM parameters on the course page URL; null when it had none. */
    utm: Utm | null;
    /** The host of the site that linked to the course page (never a full URL). */
    referrer_host: string | null;
  };
}

/** `article` is the stored slug's article as the index has it now (null when it is gone or was never set). */
export function enquiryPayload(
  row: EnquiryRow,
  baseUrl: string,
  lang: string,
  article: AttributedArticle | null = null,
): EnquiryPayload {
  return {
    id: row.id,
    created_at: row.created_at,
    course: {
      area: row.course_area,
      slug: row.course_slug,
      url: baseUrl + coursePath(lang, row.course_area, row.course_slug),
    },
    name: row.name,
    email: row.email,
    phone: row.phone,
    format: row.format,
    message: row.message,
    consent: row.consent === 1,
    attribution: {
      article: row.from_article,
      article_title: article?.title ?? null,
      article_url: article ? baseUrl + articlePath(article.lang, article.slug) : null,
      cta: row.from_cta,
      utm: utmOf(row),
      referrer_host: row.referrer_host,
    },
  };
}
