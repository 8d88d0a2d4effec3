// One unit of rendering work, the same in a worker thread or in-process.
import {
  loadArticle,
  loadCourse,
  type ArticleEntry,
  type CourseEntry,
  type LoadContext,
} from '../content/load-entry.js';
import type { ContentProblem } from '../errors.js';
import { packText } from '../db/body-codec.js';
import { storedFromEntry } from '../db/stored-article.js';
import type { StagedOutcome } from '../db/index-staging.js';

export interface RenderTask {
  id: number;
  kind: 'article' | 'course';
  path: string;
  text: string;
  ctx: LoadContext;
}

/**
 * A rendered article crosses the worker boundary as two JSON strings (copying a string is far cheaper than
 * cloning an object graph) and two byte arrays: the compact facts the cross-file checks keep in memory,
 * and the entry — its HTML and search text compressed here, on the worker's core — written to the staging
 * table as it arrives and read back only when the run is applied.
 */
export type RenderOutcome =
  | ({ id: number; ok: true; kind: 'article'; facts: string } & StagedOutcome)
  | { id: number; ok: true; kind: 'course'; entry: CourseEntry }
  | { id: number; ok: false; problems: ContentProblem[] };

export function renderTask(task: RenderTask): RenderOutcome {
  const outcome = loadTask(task);
  if (!outcome.ok) return outcome;
  const entry = outcome.entry;
  if (entry.kind === 'course') return { id: task.id, ok: true, kind: 'course', entry };
  const { html, ...rest } = entry;
  return {
    id: task.id,
    ok: true,
    kind: 'article',
    facts: JSON.stringify(storedFromEntry(0, rest)),
    payload: JSON.stringify(rest),
    htmlZ: packText(html),
    textZ: packText(rest.text),
  };
}

function loadTask(
  task: RenderTask,
): { ok: true; entry: ArticleEntry | CourseEntry } | { id: number; ok: false; problems: ContentProblem[] } {
  try {
    const result =
      task.kind === 'article'
        ? loadArticle(task.path, task.text, task.ctx)
        : loadCourse(task.path, task.text, task.ctx);
    return result.ok
      ? { ok: true, entry: result.entry }
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
