/**
 * "The database is away": errors worth a 503 with Retry-After, which the client may
 * retry and the operator must see with their real cause. Everything else from the
 * database is a bug (500).
 */

/** Thrown when the database did not answer, or could not be opened, in time or at all. */
export class DatabaseUnavailable extends Error {
  readonly code = 'WARTA_DB_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailable';
  }
}

// Node socket errors, PostgreSQL SQLSTATEs (08 connection, 53 resources, 57 operator
// intervention, 3D000 no such database, 28 bad credentials, 25006 read-only server)
// and SQLite's primary result codes for a locked, missing, full, read-only or failing disk.
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const PG_CLASSES = /^(08|53|57|28)[0-9A-Z]{3}$|^3D000$|^25006$/;
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|FULL|READONLY|IOERR|PERM|PROTOCOL)/;
const MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|connection is not open|Client has encountered a connection error/i;

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailable) return true;
  const code = codeOf(error);
  if (code && (NODE_CODES.has(code) || PG_CLASSES.test(code) || SQLITE_CODES.test(code))) return true;
  return error instanceof Error && MESSAGES.test(error.message);
}

/**
 * Whether the connection itself is suspect and should be replaced: a pool whose
 * sockets stopped answering, a SQLite handle on a file that went away. A full disk
 * or a busy lock are passing states of a good connection and keep it.
 */
export function needsReconnect(error: unknown): boolean {
  const code = codeOf(error);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_FULL' || code === '53300' || code === '53100') return false;
  return isUnavailable(error);
}

/** The innermost cause, as "CODE: message", for the log line an operator reads. */
export function describeCause(error: unknown): string {
  let inner = error;
  while (inner instanceof Error && inner.cause !== undefined && inner.cause !== inner) inner = inner.cause;
  const code = codeOf(inner);
  const message = inner instanceof Error ? inner.message : String(inner);
  return code && code !== 'WARTA_DB_UNAVAILABLE' ? `${code}: ${message}` : message;
}
