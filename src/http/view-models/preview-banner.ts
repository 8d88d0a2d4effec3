// The words of the preview banner. In English whatever the article's language: it speaks to the editor
// and the reviewers they send the link to, not to readers.
import type { PreviewState } from '../preview.js';

export interface PreviewBanner {
  title: string;
  lines: string[];
}

const WHEN = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export function when(ms: number): string {
  return `${WHEN.format(ms)} UTC`;
}

export function previewBanner(state: PreviewState): PreviewBanner {
  const lines = [
    state.status === 'scheduled' && state.publishAt !== null
      ? `Scheduled: it will be published on ${when(state.publishAt)}.`
      : 'Draft: remove “draft: true” from its front matter to publish it.',
    state.linkExpiresAt === null
      ? 'Shown by npm run dev only: readers get a 404 until it is published.'
      : `Only people with this link can see it, until ${when(state.linkExpiresAt)}. Search engines are asked not to index it.`,
  ];
  return { title: 'Preview — not published', lines };
}
