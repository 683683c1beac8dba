// Trunk post-build hook: makes the built index.html hold under the page's
// strict Content-Security-Policy and paint its loading bar without waiting.
//
// 1. Trunk puts its wasm loader in an inline <script type="module">; the CSP
//    allows scripts from the page's own origin only, so every inline script
//    moves to a file next to index.html.
// 2. The stylesheet is render-blocking: the page could not paint its loading
//    bar before a second request came back. Its text goes into the page as a
//    <style>, and the CSP allows that one text by its SHA-256 (style-src);
//    any other inline style stays blocked. The file stays in the bundle and
//    the <style> names it (data-href) for the printable pages, whose frame
//    links it.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("page-for-csp: TRUNK_STAGING_DIR is not set (run this from Trunk)");
  process.exit(1);
}
const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");

let scripts = 0;
html = html.replace(/<script([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
  if (/\bsrc\s*=/.test(attrs) || body.trim() === "") return whole;
  const name = `loader-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body.trim() + "\n");
  scripts += 1;
  const kept = attrs.replace(/\s*(nonce|integrity)="[^"]*"/g, "");
  return `<script${kept} src="./${name}"></script>`;
});

const hashes = [];
html = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (link) => {
  const href = /\bhref="([^"]+)"/.exec(link)?.[1];
  if (!href || /^[a-z]+:|^\/\//i.test(href)) return link;
  // As the HTML parser will see it (line ends normalised), so the hash holds.
  const css = readFileSync(join(dir, href.replace(/^\.?\//, "")), "utf8").replace(/\r\n?/g, "\n");
  if (/<\/style/i.test(css)) {
    console.error(`page-for-csp: ${href} cannot be put inside a <style> element`);
    process.exit(1);
  }
  hashes.push(`'sha256-${createHash("sha256").update(css).digest("base64")}'`);
  return `<style data-href="${href}">${css}</style>`;
});

if (hashes.length > 0) {
  const csp = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
  const found = csp.exec(html);
  if (!found || /style-src/.test(found[2])) {
    console.error("page-for-csp: index.html needs a CSP <meta> without a style-src of its own");
    process.exit(1);
  }
  html = html.replace(csp, (_, open, policy, close) => `${open}${policy}; style-src 'self' ${hashes.join(" ")}${close}`);
}

writeFileSync(page, html);
console.log(`page-for-csp: moved ${scripts} inline script(s) out of index.html, put ${hashes.length} stylesheet(s) in`);
