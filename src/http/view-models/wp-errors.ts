// WordPress REST errors as data: the stable `code`, a message and `data.status`, shaped exactly as WordPress sends them.
import { AppError } from '../../errors.js';

export interface WpParamProblem {
  /** WordPress's inner code, e.g. rest_out_of_bounds, rest_invalid_type, rest_not_in_enum. */
  code: string;
  message: string;
}

export class WpRestError extends AppError {
  readonly code: string;
  readonly data: Record<string, unknown>;
  constructor(status: number, code: string, message: string, data: Record<string, unknown> = {}) {
    super(status, message, { expose: true });
    this.name = 'WpRestError';
    this.code = code;
    this.data = data;
  }

  body(): { code: string; message: string; data: Record<string, unknown> } {
    return { code: this.code, message: this.message, data: { status: this.status, ...this.data } };
  }
}

/** `rest_invalid_param` listing every bad parameter, as WordPress's request validation does. */
export function invalidParams(problems: ReadonlyMap<string, WpParamProblem>): WpRestError {
  const names = [...problems.keys()];
  const params: Record<string, string> = {};
  const details: Record<string, { code: string; message: string; data: null }> = {};
  for (const [name, p] of problems) {
    params[name] = p.message;
    details[name] = { code: p.code, message: p.message, data: null };
  }
  return new WpRestError(400, 'rest_invalid_param', `Invalid parameter(s): ${names.join(', ')}`, {
    params,
    details,
  });
}

export const noRoute = () =>
  new WpRestError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
