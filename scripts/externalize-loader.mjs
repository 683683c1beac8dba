// Trunk post-build hook: Trunk puts its wasm loader in an inline
// <script type="module">. The page's Content-Security-Policy allows scripts
// from the page's own origin only, so move every inline script into a file
// next to index.html and reference it instead.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("externalize-loader: TRUNK_STAGING_DIR is not set (run this from Trunk)");
  process.exit(1);
}
const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");
let moved = 0;
html = html.replace(/<script([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
  if (/\bsrc\s*=/.test(attrs) || body.trim() === "") return whole;
  const name = `loader-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body.trim() + "\n");
  moved += 1;
  const kept = attrs.replace(/\s*(nonce|integrity)="[^"]*"/g, "");
  return `<script${kept} src="./${name}"></script>`;
});
writeFileSync(page, html);
console.log(`externalize-loader: moved ${moved} inline script(s) out of index.html`);
