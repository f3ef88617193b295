/**
 * The comment store of the function (src/server/storage) as the WordPress import's
 * narrow store (src/wordpress/store.ts): the import never imports server code, the
 * CLIs wire the two together here. Ids are made by the server's own id scheme.
 */
import { newId } from '../src/server/service/ids.ts';
import type { Storage } from '../src/server/storage/storage.ts';
import type { WordpressStore } from '../src/wordpress/store.ts';

export function storeFor(storage: Storage): WordpressStore {
  return {
    importComments: (comments) => storage.importComments(comments.map((c) => ({ ...c, id: newId(new Date(c.createdAt)) }))),
    raiseViewTotals: (totals) => storage.raiseViewTotals(totals),
  };
}
