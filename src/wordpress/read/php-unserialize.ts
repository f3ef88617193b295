/**
 * Reads PHP's serialize() format, which WordPress uses for post meta such as
 * `_wp_attachment_metadata` (width, height, file, sizes). Only what meta holds:
 * null, booleans, numbers, strings (byte-counted, UTF-8) and arrays. Objects and
 * references are refused rather than guessed.
 */
export type PhpValue = null | boolean | number | string | PhpValue[] | { [key: string]: PhpValue };

export function phpUnserialize(input: string): PhpValue {
  const bytes = Buffer.from(input, 'utf8');
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`PHP serialized value: ${what} at byte ${pos}`);
  };
  const readUntil = (ch: string) => {
    const end = bytes.indexOf(ch, pos);
    if (end === -1) fail(`expected "${ch}"`);
    const s = bytes.toString('utf8', pos, end);
    pos = end + 1;
    return s;
  };
  const expect = (ch: string) => {
    if (bytes[pos] !== ch.charCodeAt(0)) fail(`expected "${ch}"`);
    pos++;
  };
  const value = (): PhpValue => {
    const type = String.fromCharCode(bytes[pos] ?? 0);
    pos += 2; // type and ':' (or ';' for N)
    switch (type) {
      case 'N':
        return null;
      case 'b':
        return readUntil(';') === '1';
      case 'i':
      case 'd':
        return Number(readUntil(';'));
      case 's': {
        const length = Number(readUntil(':'));
        expect('"');
        const s = bytes.toString('utf8', pos, pos + length);
        pos += length;
        expect('"');
        expect(';');
        return s;
      }
      case 'a': {
        const count = Number(readUntil(':'));
        expect('{');
        const entries: Array<[string | number, PhpValue]> = [];
        for (let i = 0; i < count; i++) {
          const key = value();
          if (typeof key !== 'string' && typeof key !== 'number') fail('array key must be a string or integer');
          entries.push([key as string | number, value()]);
        }
        expect('}');
        const isList = entries.every(([k], i) => k === i);
        return isList ? entries.map(([, v]) => v) : Object.fromEntries(entries.map(([k, v]) => [String(k), v]));
      }
      default:
        return fail(`unsupported type "${type}"`);
    }
  };
  const result = value();
  return result;
}

/** Width and height of an attachment from `_wp_attachment_metadata`, plus the sizes WordPress made. */
export function attachmentSizes(meta: string): { width?: number; height?: number; file?: string; sizes: Array<{ file: string; width: number; height: number }> } {
  let parsed: PhpValue;
  try {
    parsed = phpUnserialize(meta.trim());
  } catch {
    return { sizes: [] };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { sizes: [] };
  const num = (v: PhpValue | undefined) => (typeof v === 'number' && v > 0 ? v : typeof v === 'string' && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
  const sizes: Array<{ file: string; width: number; height: number }> = [];
  const raw = parsed.sizes;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const s of Object.values(raw)) {
      if (s && typeof s === 'object' && !Array.isArray(s) && typeof s.file === 'string' && num(s.width) && num(s.height)) sizes.push({ file: s.file, width: num(s.width)!, height: num(s.height)! });
    }
  }
  return { width: num(parsed.width), height: num(parsed.height), file: typeof parsed.file === 'string' ? parsed.file : undefined, sizes };
}
