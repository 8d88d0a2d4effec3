// One unit of rendering work, the same in a worker thread or in-process.
import {
  loadArticle,
  loadCourse,
  type ArticleEntry,
  type CourseEntry,
  type LoadContext,
} from '../content/load-entry.js';
import type { ContentProblem } from '../errors.js';

export interface RenderTask {
  id: number;
  kind: 'article' | 'course';
  path: string;
  text: string;
  ctx: LoadContext;
}

export type RenderOutcome =
  | { id: number; ok: true; entry: ArticleEntry | CourseEntry }
  | { id: number; ok: false; problems: ContentProblem[] };

export function renderTask(task: RenderTask): RenderOutcome {
  try {
    const result =
      task.kind === 'article'
        ? loadArticle(task.path, task.text, task.ctx)
        : loadCourse(task.path, task.text, task.ctx);
    return result.ok
      ? { id: task.id, ok: true, entry: result.entry }
      : { id: task.id, ok: false, problems: result.problems };
  } catch (error) {
    const overflow = error instanceof RangeError;
    return {
      id: task.id,
      ok: false,
      problems: [
        {
          file: task.path,
          line: 1,
          code: overflow ? 'render-too-deep' : 'render-failed',
          message: overflow
            ? 'the Markdown is nested too deeply to render'
            : `rendering failed: ${error instanceof Error ? error.message : String(error)}`,
          hint: overflow
            ? 'flatten deeply nested lists or quotes'
            : 'simplify the part of the file you changed last',
          severity: 'error',
        },
      ],
    };
  }
}
