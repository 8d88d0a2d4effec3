// The documented JSON body every target receives for one enquiry.
import type { EnquiryRow } from '../db/enquiries.js';

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
  attribution: { article: string | null };
}

export function enquiryPayload(row: EnquiryRow, baseUrl: string, lang: string): EnquiryPayload {
  return {
    id: row.id,
    created_at: row.created_at,
    course: {
      area: row.course_area,
      slug: row.course_slug,
      url: `${baseUrl}/${lang}/courses/${row.course_area}/${row.course_slug}`,
    },
    name: row.name,
    email: row.email,
    phone: row.phone,
    format: row.format,
    message: row.message,
    consent: row.consent === 1,
    attribution: { article: row.from_article },
  };
}
