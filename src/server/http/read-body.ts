import { ApiError } from '../service/errors.ts';

import { checkText } from './text-rule.ts';

/*
 * Reads a POST body once, at the boundary: size limit while streaming (413 without
 * buffering a huge body, chunked or not), a deadline for the whole body (408), strict
 * UTF-8 (invalid bytes are a 400, not silently replaced with U+FFFD), then JSON or
 * form-urlencoded into a plain object whose every string passes the text rule.
 */

export type Body = { form: boolean; data: Record<string, unknown> };

async function readLimited(request: Request, limit: number, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError(408, 'body_timeout', `the request body did not arrive within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await Promise.race([reader.read(), deadline]);
      } catch (error) {
        void reader.cancel().catch(() => {});
        if (error instanceof ApiError) throw error;
        // The platform's own cap (Astro's bodySizeLimit) ends the stream with this error.
        if (error instanceof Error && /body size limit/i.test(error.message)) throw tooLarge(limit);
        // Otherwise the stream broke because the client went away mid-upload.
        throw new ApiError(400, 'client_aborted', 'the request body ended before it was complete', { cause: error });
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => {});
        throw tooLarge(limit);
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const tooLarge = (limit: number) => new ApiError(413, 'payload_too_large', `body is larger than ${limit} bytes`);
const invalidUtf8 = () => new ApiError(400, 'invalid_utf8', 'body is not valid UTF-8');

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidUtf8();
  }
}

/** application/x-www-form-urlencoded (WHATWG URL §5.1), but refusing bad percent-escapes and repeated fields. */
function parseForm(text: string): Record<string, unknown> {
  const entries = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const [rawName, rawValue] = at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replaceAll('+', ' '));
      value = decodeURIComponent(rawValue.replaceAll('+', ' '));
    } catch {
      throw new ApiError(400, 'invalid_form', 'form field has a broken %-escape or invalid UTF-8');
    }
    if (entries.has(name)) throw new ApiError(400, 'invalid_form', `${name.slice(0, 40)}: sent more than once`);
    entries.set(name, value);
  }
  // fromEntries defines own properties, so a field named "__proto__" stays a field.
  return Object.fromEntries(entries);
}

export async function readBody(request: Request, settings: { bodyLimit: number; bodyTimeoutMs: number }): Promise<Body> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const form = type === 'application/x-www-form-urlencoded';
  if (type !== 'application/json' && !form) {
    throw new ApiError(415, 'unsupported_media_type', 'send application/json or application/x-www-form-urlencoded');
  }
  const text = decodeUtf8(await readLimited(request, settings.bodyLimit, settings.bodyTimeoutMs));
  if (form) return { form, data: checkText(parseForm(text)) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message.slice(0, 120)}` : '';
    throw new ApiError(400, 'malformed_json', `body is not valid JSON${detail}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ApiError(400, 'invalid_input', 'body must be a JSON object');
  }
  return { form, data: checkText(data as Record<string, unknown>) };
}
