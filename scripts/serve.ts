/**
 * Production entry for self-hosting: validates every setting of the comment/view
 * function first (a missing WARTA_SECRET stops here with a clear message instead of
 * surfacing as a 500 on the first API request, because Astro loads the API route
 * lazily), then starts the built standalone server (pages + API) on HOST:PORT.
 *
 *   node scripts/serve.ts            # after `npm run build`; systemd runs this
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { guardMethods } from '../src/server/adapters/node-guard.ts';
import { loadSettings, SettingsError } from '../src/server/settings.ts';

const root = path.resolve(import.meta.dirname, '..');
try {
  loadSettings(process.env);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const entry = path.join(root, 'dist/server/entry.mjs');
if (!fs.existsSync(entry)) {
  console.error('[warta] no build in dist/: run `npm run build` first');
  process.exit(1);
}
// Astro's standalone server builds a Fetch Request for every request; TRACE and the like
// cannot be one and reached the reader as a 500 with a stack in the log. The built
// server calls http.createServer(listener) once, so its listener is wrapped here.
const createServer = http.createServer.bind(http);
http.createServer = ((...args: Parameters<typeof http.createServer>) => {
  const at = args.findIndex((a) => typeof a === 'function');
  if (at !== -1) args[at] = guardMethods(args[at] as http.RequestListener);
  return createServer(...args);
}) as typeof http.createServer;
await import(pathToFileURL(entry).href);
