/**
 * What a built site weighs: page count and bytes of the whole output, and for one
 * page the HTML, CSS and JS it makes a browser download (raw and gzip, as a CDN
 * would send them), following module imports between JS chunks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';

export interface OutputStats {
  pages: number;
  files: number;
  bytes: number;
}

export function outputStats(dir: string): OutputStats {
  let pages = 0;
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { pages, files, bytes };
}

export interface Weight {
  raw: number;
  gzip: number;
  files: number;
}

export interface PageWeight {
  page: string;
  html: Weight;
  css: Weight;
  js: Weight;
  /** Other same-origin files the HTML references up front (images, icons, manifest, fonts). */
  other: Weight;
  /** HTML + CSS + JS + other, counted from the markup (Lighthouse's count is in its report). */
  requests: number;
  totalGzip: number;
}

const weigh = (buffers: Buffer[]): Weight => ({
  raw: buffers.reduce((n, b) => n + b.length, 0),
  gzip: buffers.reduce((n, b) => n + gzipSync(b, { level: 6 }).length, 0),
  files: buffers.length,
});

/** Static imports and dynamic imports with a literal specifier, as Vite emits them. */
function jsImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.m?js)["']/g)) found.add(m[1]!);
  return [...found];
}

/** `urlPath` like `/cari/`; files are read from `clientDir`. */
export function pageWeight(clientDir: string, urlPath: string): PageWeight {
  const htmlFile = path.join(clientDir, urlPath, urlPath.endsWith('.html') ? '' : 'index.html');
  const html = fs.readFileSync(htmlFile);
  const $ = cheerio.load(html.toString('utf8'));
  const local = (ref: string | undefined) => {
    if (!ref || /^(https?:)?\/\//.test(ref) || ref.startsWith('data:') || ref.startsWith('#')) return undefined;
    const p = new URL(ref, `http://x${urlPath}`).pathname;
    const file = path.join(clientDir, decodeURIComponent(p));
    return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
  };
  const css = new Set<string>();
  $('link[rel="stylesheet"]').each((_, el) => void (local($(el).attr('href')) && css.add(local($(el).attr('href'))!)));
  const js = new Set<string>();
  const queue: string[] = [];
  $('script[src], link[rel="modulepreload"]').each((_, el) => {
    const f = local($(el).attr('src') ?? $(el).attr('href'));
    if (f) queue.push(f);
  });
  // Inline module scripts import chunks too.
  $('script:not([src])').each((_, el) => {
    for (const spec of jsImports($(el).text())) {
      const f = local(spec);
      if (f) queue.push(f);
    }
  });
  while (queue.length > 0) {
    const f = queue.pop()!;
    if (js.has(f)) continue;
    js.add(f);
    for (const spec of jsImports(fs.readFileSync(f, 'utf8'))) {
      const next = path.resolve(path.dirname(f), spec);
      if (spec.startsWith('.') && fs.existsSync(next)) queue.push(next);
      else if (spec.startsWith('/') && local(spec)) queue.push(local(spec)!);
    }
  }
  const other = new Set<string>();
  $('img[src]:not([loading="lazy"]), link[rel~="icon"], link[rel="manifest"], link[rel="preload"]').each((_, el) => {
    const f = local($(el).attr('src') ?? $(el).attr('href'));
    if (f && !css.has(f) && !js.has(f)) other.add(f);
  });
  const read = (s: Set<string>) => [...s].map((f) => fs.readFileSync(f));
  const w = { html: weigh([html]), css: weigh(read(css)), js: weigh(read(js)), other: weigh(read(other)) };
  return {
    page: urlPath,
    ...w,
    requests: 1 + w.css.files + w.js.files + w.other.files,
    totalGzip: w.html.gzip + w.css.gzip + w.js.gzip,
  };
}
