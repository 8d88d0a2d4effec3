// `import:wp --media`: the planned article files get local images before anything is written.
import type { ImportPlan } from '../import-plan.js';
import type { ImageSource } from './image-sources.js';
import { localiseImages, type ImportedText, type MediaOutcome } from './localise-images.js';
import type { MediaStore } from './media-store.js';

export async function localisePlanImages(
  plan: ImportPlan,
  source: ImageSource,
  store: MediaStore,
  progress?: (done: number, total: number) => void,
): Promise<MediaOutcome> {
  const articles: ImportedText[] = plan.posts.map((p) => ({
    path: p.path,
    text: plan.writes.find((w) => w.path === p.path)?.text ?? '',
    notes: p.notes,
  }));
  const outcome = await localiseImages(articles, source, store, 4, progress);
  for (const article of articles) {
    const write = plan.writes.find((w) => w.path === article.path);
    if (write) write.text = article.text;
  }
  return outcome;
}
