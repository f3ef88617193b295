/**
 * `node scripts/bench-import.ts [--posts 20000]` — memory and time of the WordPress
 * import on a generated export: streams an N-post WXR (with comments, attachments
 * and shortcodes) to a temp file, imports it into a temp site with a temp SQLite
 * store, and prints wall time and peak RSS (target: under 500 MB for 20,000 posts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { importWordpress } from '../src/wordpress/import-wordpress.ts';
import { openSqlite } from '../src/server/storage/sqlite.ts';
import { storeFor } from './wordpress-store.ts';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '20000' }, keep: { type: 'boolean', default: false } } });
const posts = Number(values.posts);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-import-'));
const file = path.join(dir, 'export.xml');
const cdata = (s: string) => `<![CDATA[${s}]]>`;
const pad = (n: number) => String(n).padStart(2, '0');
const places = ['PALEMBANG', 'OGAN ILIR', 'PRABUMULIH', 'LAHAT', 'BANYUASIN'];

async function generate() {
  const out = fs.createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench Portal</title><link>https://bench.example</link><description>Bench</description><language>id-ID</language><wp:base_site_url>https://bench.example</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('admin')}</wp:author_login><wp:author_email>${cdata('a@bench.example')}</wp:author_email><wp:author_display_name>${cdata('Redaksi')}</wp:author_display_name></wp:author>
`);
  for (let i = 1; i <= posts; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + i * 3 * 3600_000);
    const local = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(day.getUTCHours())}:00:00`;
    const slug = `berita-nomor-${i}-tentang-kota`;
    const paragraphs = Array.from({ length: 8 }, (_, k) => `Paragraf ${k + 1} berita ${i}: warga menyampaikan pendapatnya tentang pembangunan jalan dan jembatan di kecamatan setempat, "kami berharap cepat selesai," kata salah seorang warga.`).join('\n\n');
    const body = `${places[i % places.length]} – ${paragraphs}\n\n[caption id="attachment_${i + 1_000_000}" width="800"]<img src="https://bench.example/wp-content/uploads/2020/01/foto-${i}.jpg" alt="Foto ${i}" width="800" height="450" /> Keterangan foto ${i}[/caption]\n\n${i % 10 === 0 ? 'https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n' : ''}[adsense]\nPenutup berita. ( Bolok )\nEditor : Mastari`;
    const comments = Array.from({ length: 3 }, (_, k) => `<wp:comment><wp:comment_id>${i * 10 + k}</wp:comment_id><wp:comment_author>${cdata(`Pembaca ${k}`)}</wp:comment_author><wp:comment_author_email>${cdata(`p${k}@example.id`)}</wp:comment_author_email><wp:comment_date>${cdata(local)}</wp:comment_date><wp:comment_date_gmt>${cdata('0000-00-00 00:00:00')}</wp:comment_date_gmt><wp:comment_content>${cdata('Komentar pembaca.')}</wp:comment_content><wp:comment_approved>${cdata(k === 2 ? '0' : '1')}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>${k === 1 ? i * 10 : 0}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`).join('');
    await write(`<item><title>${cdata(`Berita Nomor ${i} tentang Kota`)}</title><link>https://bench.example/${local.slice(0, 4)}/${local.slice(5, 7)}/${slug}/</link><dc:creator>${cdata('admin')}</dc:creator><content:encoded>${cdata(body)}</content:encoded><excerpt:encoded>${cdata('')}</excerpt:encoded><wp:post_id>${i}</wp:post_id><wp:post_date>${cdata(local)}</wp:post_date><wp:post_date_gmt>${cdata('0000-00-00 00:00:00')}</wp:post_date_gmt><wp:post_name>${cdata(slug)}</wp:post_name><wp:status>${cdata('publish')}</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>${cdata('post')}</wp:post_type><wp:is_sticky>0</wp:is_sticky><category domain="category" nicename="berita-${i % 6}">${cdata(`Berita ${i % 6}`)}</category><category domain="post_tag" nicename="tag-${i % 500}">${cdata(`Tag ${i % 500}`)}</category><wp:postmeta><wp:meta_key>${cdata('post_views_count')}</wp:meta_key><wp:meta_value>${cdata(String(i * 7))}</wp:meta_value></wp:postmeta>${comments}</item>\n`);
  }
  await write('</channel></rss>\n');
  out.end();
  await once(out, 'finish');
}

const t0 = performance.now();
await generate();
const generated = performance.now();
const content = path.join(dir, 'site/content');
fs.mkdirSync(content, { recursive: true });
fs.writeFileSync(path.join(content, 'site.yaml'), 'name: Bench\ndescription: Bench\nurl: https://bench.example\ndatelineLabel: Bench\n');
const storage = openSqlite(path.join(dir, 'warta.sqlite'));
await storage.migrate();
let last = 0;
const report = await importWordpress({
  file,
  contentDir: content,
  store: storeFor(storage),
  onProgress: ({ phase, done, total }) => {
    // BENCH_DEBUG=1 prints memory every 2,000 posts: a flat heapUsed means nothing is retained per post.
    if (process.env.BENCH_DEBUG && done % 2000 === 0) {
      const m = process.memoryUsage();
      console.error(`${phase} ${done}: rss ${Math.round(m.rss / 1e6)} MB, heap ${Math.round(m.heapUsed / 1e6)} MB`);
    }
    if (process.stderr.isTTY && Date.now() - last > 250) {
      last = Date.now();
      process.stderr.write(`\r${phase} ${done}${total ? `/${total}` : ''}   `);
    }
  },
});
await storage.close();
const done = performance.now();
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(`export: ${posts} posts, ${mb(fs.statSync(file).size)} (generated in ${((generated - t0) / 1000).toFixed(1)} s)`);
console.log(`import: ${((done - generated) / 1000).toFixed(1)} s wall; articles ${report.articles.new} new; comments ${report.comments.stored} stored; views ${report.views}`);
// maxRSS is in kilobytes (getrusage); it covers the whole process, generation included.
console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)} (target < 500 MB)`);
if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`kept: ${dir}`);
