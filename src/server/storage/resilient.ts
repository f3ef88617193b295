import type { Logger } from '../log.ts';
import type { Storage } from './storage.ts';
import { DatabaseUnavailable, describeCause, isUnavailable, needsReconnect } from './unavailable.ts';

type Method = Exclude<keyof Storage, 'engine'>;
const METHODS = [
  'migrate', 'ping', 'checkWrite', 'close', 'recordView', 'viewTotals', 'popular', 'prune', 'hit',
  'insertComment', 'getComment', 'listComments', 'listThreadPage', 'countComments', 'setCommentStatus', 'releaseComment', 'deleteComment',
  'commentsByEmail', 'deleteCommentsByEmail', 'hasApprovedComment', 'importComments', 'raiseViewTotals', 'appendAudit', 'listAudit',
  'insertComplaint', 'getComplaint', 'listComplaints', 'countComplaints', 'resolveComplaint',
  'listOwedCorrections', 'markCorrectionDone', 'clearComplaintContacts',
  'insertEmailVerification', 'useEmailVerification', 'emailVerificationsByEmail', 'deleteEmailVerificationsByEmail', 'deleteEmailVerificationsOfComment',
] as const satisfies readonly Method[];

/** Rejects with DatabaseUnavailable when `promise` has not settled within `ms`. */
function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailable(`no answer from the database within ${ms / 1000} s (${what})`)), ms);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The storage the function uses: opened (and migrated) on first use rather than at
 * start, so the server starts while the database is still away; every call has a
 * deadline; a connection that failed is dropped and opened anew on the next call,
 * so the function recovers without a restart when the database comes back.
 * Failures surface as DatabaseUnavailable with the real cause attached.
 */
export function resilientStorage(open: () => Storage, options: { engine: Storage['engine']; timeoutMs: number; log: Logger }): Storage {
  const { timeoutMs, log } = options;
  let opening: Promise<Storage> | undefined;
  let migrated = false;
  let down = false;

  const markDown = (error: unknown, during: string) => {
    // One warning per outage, so a dead database does not flood the log; each failed request still logs its own line.
    if (!down) log.error('database unavailable', { engine: options.engine, during, cause: describeCause(error) });
    down = true;
  };

  function current(): Promise<Storage> {
    opening ??= (async () => {
      let storage: Storage | undefined;
      try {
        storage = open();
        // Migrations run once per process; a reconnect only needs the connection.
        if (!migrated) await withDeadline(storage.migrate(), timeoutMs * 3, 'migrate');
        migrated = true;
        return storage;
      } catch (error) {
        opening = undefined;
        void storage?.close().catch(() => {});
        markDown(error, 'open');
        throw error instanceof DatabaseUnavailable || !isUnavailable(error) ? error : new DatabaseUnavailable('cannot open the database', { cause: error });
      }
    })();
    return opening;
  }

  function drop(failed: Promise<Storage>) {
    if (opening !== failed) return;
    opening = undefined;
    // Not awaited: a pool whose sockets hang would hold the request until they time out.
    void failed.then((s) => s.close()).catch(() => {});
  }

  async function call(method: Method, args: unknown[]): Promise<unknown> {
    const handle = current();
    const storage = await handle;
    try {
      const result = await withDeadline((storage[method] as (...a: unknown[]) => Promise<unknown>)(...args), timeoutMs, method);
      if (down) log.info('database reachable again', { engine: options.engine });
      down = false;
      return result;
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      markDown(error, method);
      if (needsReconnect(error)) drop(handle);
      throw error instanceof DatabaseUnavailable ? error : new DatabaseUnavailable(`database call failed (${method})`, { cause: error });
    }
  }

  const wrapped = Object.fromEntries(METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as Storage;
  return {
    ...wrapped,
    engine: options.engine,
    async ping() {
      try {
        return (await call('ping', [])) === true;
      } catch {
        return false;
      }
    },
    async close() {
      const handle = opening;
      opening = undefined;
      if (handle) await (await handle.catch(() => undefined))?.close();
    },
  };
}
