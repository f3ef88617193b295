/**
 * Structured log lines (one JSON object per line) so platforms' log search can
 * filter by field. Nothing here ever reaches a client.
 */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (level: string, msg: string, fields?: LogFields) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  return {
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}

/** Keeps lines in memory; tests read them. */
export function memoryLogger(): Logger & { lines: Array<LogFields & { level: string; msg: string }> } {
  const lines: Array<LogFields & { level: string; msg: string }> = [];
  return {
    lines,
    info: (msg, fields) => lines.push({ level: 'info', msg, ...fields }),
    warn: (msg, fields) => lines.push({ level: 'warn', msg, ...fields }),
    error: (msg, fields) => lines.push({ level: 'error', msg, ...fields }),
  };
}

/** An error as log fields: message and stack stay in the log, never in a response. */
export function errorFields(error: unknown): LogFields {
  return error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
}
