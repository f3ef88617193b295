/**
 * One Markdown render thread of `parallel-processor.ts`: builds the plugins from plain data
 * and renders through Astro's own `unified()` processor, exactly as the main thread would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import { createMarkdownPlugins, pluginOptionsFromData } from './plugins.ts';
import type { RenderReply, RenderRequest, RenderWorkerData } from './parallel-processor.ts';

const { plugins, shared } = workerData as RenderWorkerData;
const renderer = await unified(createMarkdownPlugins(pluginOptionsFromData(plugins))).createRenderer(shared);
const port = parentPort!;

port.on('message', async ({ id, content, fileURL, frontmatter }: RenderRequest) => {
  let reply: RenderReply;
  try {
    const result = await renderer.render(content, { frontmatter, fileURL: fileURL ? new URL(fileURL) : undefined });
    reply = { id, result };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id, error: { name: e.name, message: e.message, stack: e.stack } };
  }
  port.postMessage(reply);
});
