/**
 * `npm run dev`: Astro's dev server on http://127.0.0.1:4321 with the demo secrets
 * (scripts/demo-env.ts), so comments and views work while writing. Drafts and
 * scheduled stories are shown with a banner.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { withDemoSecrets } from './demo-env.ts';

const root = path.resolve(import.meta.dirname, '..');
const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '4321';
const env = withDemoSecrets(process.env, root, `http://${host}:${port}`);
const dev = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', host, '--port', port, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => process.exit(code ?? 0));
