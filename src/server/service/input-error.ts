import type { z } from 'zod';
import { ApiError } from './errors.ts';

/**
 * Zod issues → one 400 that names every wrong field and how to fix it, in the
 * spirit of Starlight's error map: "email: is not a valid email address".
 */
export function inputError(error: z.ZodError): ApiError {
  const fields = error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { field: issue.keys.join(', '), message: `unknown field${issue.keys.length > 1 ? 's' : ''}; remove ${issue.keys.length > 1 ? 'them' : 'it'}` };
    }
    const field = issue.path.join('.') || '(body)';
    if (issue.code === 'invalid_type' && issue.input === undefined) return { field, message: 'is required' };
    if (issue.code === 'invalid_type') return { field, message: `must be a ${issue.expected}` };
    return { field, message: issue.message };
  });
  return new ApiError(400, 'invalid_input', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
}

/** Parses or throws the 400 above. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw inputError(result.error);
  return result.data;
}
