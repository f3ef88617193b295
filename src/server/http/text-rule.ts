import { ApiError } from '../service/errors.ts';

/**
 * The one rule every piece of client text meets, in the body, the query and the
 * path, on both engines: well-formed UTF-16 and no control characters but tab and
 * line breaks. PostgreSQL refuses NUL in text and SQLite would store it, so
 * without this one rule the same input was a 500 on one engine and data on the other.
 * Fields may be stricter (a name allows no line break); see src/schemas/comment.ts.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A name for a message, with any character that must not be echoed made harmless. */
const shown = (name: string) => name.slice(0, 60).replace(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udfff]/g, '?');

export function textProblem(value: string): string | undefined {
  if (!value.isWellFormed()) return 'contains invalid characters (broken UTF-16)';
  if (CONTROL.test(value)) return 'contains control characters';
  return undefined;
}

/** Every string in a parsed body (values and keys, at any depth), or a 400 naming the field. */
export function checkText<T>(data: T, path = ''): T {
  if (typeof data === 'string') {
    const problem = textProblem(data);
    const field = shown(path) || '(body)';
    if (problem) throw new ApiError(400, 'invalid_input', `${field}: ${problem}`, { fields: [{ field, message: problem }] });
  } else if (Array.isArray(data)) {
    data.forEach((item, i) => checkText(item, `${path}.${i}`));
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const field = path ? `${path}.${key}` : key;
      checkText(key, field);
      checkText(value, field);
    }
  }
  return data;
}

/** The path and query of a request under the same rule (parameters are where a NUL reached PostgreSQL). */
export function checkUrlText(url: URL): void {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new ApiError(400, 'invalid_path', 'the path has a broken %-escape or invalid UTF-8');
  }
  const problem = textProblem(path);
  if (problem) throw new ApiError(400, 'invalid_path', `the path ${problem}`);
  for (const [name, value] of url.searchParams) {
    const bad = textProblem(name) ?? textProblem(value);
    if (bad) throw new ApiError(400, 'invalid_query', `query parameter ${shown(name)}: ${bad}`);
  }
}
