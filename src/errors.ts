// The error hierarchy: content problems as data for editors, HTTP-facing errors with a status.

/** A problem in a content file, reported as `file:line: message` and never fatal to the site. */
export interface ContentProblem {
  file: string;
  line: number;
  /** A stable name for the kind of problem (never renamed: tools match on it). */
  code: string;
  message: string;
  /** What the editor can do about it. */
  hint?: string;
  severity: 'error' | 'warning' | 'note';
}

export function formatProblem(p: ContentProblem): string {
  const hint = p.hint ? ` (${p.hint})` : '';
  const tag = p.severity === 'error' ? '' : `${p.severity}: `;
  return `${p.file}:${p.line}: ${tag}${p.message}${hint}`;
}

export class AppError extends Error {
  readonly status: number;
  readonly expose: boolean;
  constructor(status: number, message: string, options?: { cause?: unknown; expose?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = status;
    this.expose = options?.expose ?? status < 500;
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Page not found') {
    super(404, message);
    this.name = 'NotFoundError';
  }
}

export class GoneError extends AppError {
  constructor(message = 'This page has been removed') {
    super(410, message);
    this.name = 'GoneError';
  }
}

export class BadRequestError extends AppError {
  constructor(message: string) {
    super(400, message);
    this.name = 'BadRequestError';
  }
}

/** Start-up failures (config, migrations) that stop the process with a readable message. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StartupError';
  }
}
