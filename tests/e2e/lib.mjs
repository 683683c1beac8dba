// Helpers for the browser tests: a static server for the built bundle,
// Chromium through playwright-core, and input that goes through the same
// path a person's does (pointer and keyboard events on the canvas). The
// game's read-only snapshot (window.wasmBindings.test_snapshot) only says
// where controls are and which screen is showing.
//
// Controls and text fields are named by the game's stable ids
// (`UiAction::id()` in src/core/action.rs), e.g. "nav.next",
// "directive.beidaihe_1958.zeal", "labour.all.furnaces.+5", "field.nickname":
// in `snap.controls[].id`, `snap.fields[].id`, `snap.focus` and the screen as
// text (`#access button[data-id]`). Screen, phase and overlay names are not ids.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { existsSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, "..", "..");
export const dist = process.env.DIST_DIR || join(root, "dist");
export const artifacts = join(here, "artifacts");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Serve `dist` on a free localhost port. Resolves to { url, close, requests }. */
export async function serve(dir = dist) {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`no built game in ${dir}: run trunk build first`);
  }
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] || "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-store",
    });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** The directive of a `directive.D.C` control's id (D; ids hold no other dots). */
export const directiveOf = (id) => id.split(".")[1];

/** Open a page and collect its errors and console output. */
export async function open(browser, url, viewport = { width: 1280, height: 800 }, { hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, hasTouch });
  const page = await context.newPage();
  page.errors = [];
  page.logs = [];
  page.requests = [];
  page.on("request", (r) => page.requests.push(r.url()));
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => {
    page.logs.push(`${m.type()}: ${m.text()}`);
    if (m.type() === "error") page.errors.push(m.text());
  });
  const started = Date.now();
  await page.goto(url);
  page.started = started;
  return { context, page };
}

/** The game's snapshot, or null before the game runs. */
export async function snapshot(page) {
  const text = await page.evaluate(() =>
    window.wasmBindings && window.wasmBindings.test_snapshot ? window.wasmBindings.test_snapshot() : "",
  );
  return text ? JSON.parse(text) : null;
}

/** Poll the snapshot until `pred(snap)` holds. */
export async function waitFor(page, pred, what, timeout = 120_000) {
  const end = Date.now() + timeout;
  let last = null;
  while (Date.now() < end) {
    last = await snapshot(page);
    if (last && pred(last)) return last;
    if (page.errors.some((e) => /panicked|RuntimeError|unreachable/.test(e))) {
      throw new Error(`the game failed while waiting for ${what}:\n${page.errors.join("\n")}`);
    }
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}; last snapshot: ${JSON.stringify(last && { screen: last.screen, phase: last.phase, overlay: last.overlay, controls: last.controls.map((c) => c.id) })}`);
}

const find = (snap, id) => snap.controls.find((c) => (typeof id === "string" ? c.id === id : id(c)));

/** Wait until the control exists and has stopped moving (layout settled). */
export async function settled(page, id, what = String(id)) {
  let prev = null;
  let still = 0;
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    const snap = await snapshot(page);
    const c = snap && find(snap, id);
    if (c && prev && JSON.stringify(c.rect) === JSON.stringify(prev.rect)) {
      still += 1;
      if (still >= 2) return { snap, control: c };
    } else {
      still = 0;
    }
    prev = c || null;
    await sleep(200);
  }
  throw new Error(`control ${what} never settled`);
}

function visibleIn(snap, c, viewport) {
  const r = c.rect;
  const cy = r.y + r.h / 2;
  const cx = r.x + r.w / 2;
  let top = 0;
  let bottom = viewport.height;
  if (c.panel !== null && c.panel !== undefined) {
    const p = snap.scrollables[c.panel];
    top = Math.max(top, p.y);
    bottom = Math.min(bottom, p.y + p.h);
  }
  return cy > top + 4 && cy < bottom - 4 && cx > 0 && cx < viewport.width;
}

/**
 * Press a control the way a person does: scroll it into view with the wheel
 * if needed, move the pointer onto it, press and release in different frames.
 */
export async function press(page, id, what = String(id), { mayNotChange = false } = {}) {
  const viewport = page.viewportSize();
  let { snap, control } = await settled(page, id, what);
  for (let i = 0; i < 60 && !visibleIn(snap, control, viewport); i++) {
    const p = snap.scrollables[control.panel];
    const limitTop = p ? p.y : 0;
    const limitBottom = p ? p.y + p.h : viewport.height;
    const cy = control.rect.y + control.rect.h / 2;
    const dy = cy > limitBottom ? Math.min(400, cy - limitBottom + 60) : -Math.min(400, limitTop - cy + 60);
    await page.mouse.move(p ? p.x + p.w / 2 : viewport.width / 2, p ? p.y + Math.min(p.h / 2, 200) : viewport.height / 2);
    await page.mouse.wheel(0, dy);
    await sleep(250);
    ({ snap, control } = await settled(page, id, what));
  }
  if (!control.enabled) throw new Error(`control ${what} is disabled`);
  const box = await page.locator("#game").boundingBox();
  const x = box.x + control.rect.x + control.rect.w / 2;
  const y = box.y + control.rect.y + control.rect.h / 2;
  const before = JSON.stringify({ ...snap, focus: null });
  await page.mouse.move(x, y, { steps: 2 });
  await sleep(250);
  await page.mouse.down();
  await sleep(250);
  await page.mouse.up();
  return reacted(page, before, `pressing ${what}`, mayNotChange);
}

/** Wait for the game to react: anything in the snapshot changes. */
async function reacted(page, before, what, mayNotChange) {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    const now = await snapshot(page);
    // A change of keyboard focus alone is not the game reacting.
    if (JSON.stringify({ ...now, focus: null }) !== before) return now;
    // Choosing what is already chosen changes nothing, and that is fine.
    if (mayNotChange && Date.now() > end - 27_000) return now;
    await sleep(150);
  }
  throw new Error(`${what} changed nothing`);
}

/** Tab until the control has keyboard focus, then activate it with Enter. */
export async function keyboard(page, id, what = String(id)) {
  await settled(page, id, what);
  await page.locator("#game").focus();
  for (let i = 0; i < 80; i++) {
    const snap = await snapshot(page);
    if (snap.focus === id) {
      const before = JSON.stringify(snap);
      await page.keyboard.down("Enter");
      await sleep(200);
      await page.keyboard.up("Enter");
      return waitFor(page, (s) => JSON.stringify(s) !== before, `${what} after Enter`, 30_000);
    }
    const before = snap.focus;
    await page.keyboard.down("Tab");
    await sleep(120);
    await page.keyboard.up("Tab");
    await waitFor(page, (s) => s.focus !== before, "focus to move", 10_000).catch(() => {});
  }
  throw new Error(`${what} never took keyboard focus`);
}

export async function shot(page, name) {
  await mkdir(artifacts, { recursive: true });
  await sleep(400); // let the last frame reach the screen
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

/** Scroll the current screen's main panel to its top, then shoot it page by page. */
export async function shotPages(page, name, pages = 3) {
  const snap = await snapshot(page);
  const p = snap.scrollables[0];
  if (!p) return shot(page, name);
  await page.mouse.move(p.x + p.w / 2, p.y + Math.min(200, p.h / 2));
  for (let i = 0; i < pages; i++) {
    await shot(page, `${name}-${i + 1}`);
    await page.mouse.wheel(0, p.h * 0.85);
    await sleep(600);
  }
}

/** The rules core compiled to bare wasm, replaying a run (tests/wasm). */
export async function replayer() {
  const path = process.env.REPLAY_WASM;
  if (!path) throw new Error("set REPLAY_WASM to the replay module");
  const { instance } = await WebAssembly.instantiate(await readFile(path), {});
  const ex = instance.exports;
  return (run) => {
    const bytes = new TextEncoder().encode(JSON.stringify(run));
    const ptr = ex.alloc(bytes.length);
    new Uint8Array(ex.memory.buffer, ptr, bytes.length).set(bytes);
    const out = ex.replay(ptr, bytes.length);
    const len = new DataView(ex.memory.buffer).getUint32(out, true);
    return JSON.parse(new TextDecoder().decode(new Uint8Array(ex.memory.buffer, out + 4, len)));
  };
}

/** Touch input through the browser's own touch events (Chromium DevTools protocol). */
async function touchSession(page) {
  if (!page.touch) page.touch = await page.context().newCDPSession(page);
  return page.touch;
}

/** Drag a finger from (x, y) by dy, in a few moves, as a visitor scrolls. */
export async function swipe(page, x, y, dy) {
  const cdp = await touchSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  await sleep(200);
  for (let i = 1; i <= 4; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y + (dy * i) / 4 }] });
    await sleep(200);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await sleep(300);
}

/**
 * Tap a control with a finger: swipe it into view if needed, then touch
 * down and lift in different frames. No mouse or keyboard event is sent.
 */
export async function tap(page, id, what = String(id), { mayNotChange = false } = {}) {
  const viewport = page.viewportSize();
  const box = await page.locator("#game").boundingBox();
  let { snap, control } = await settled(page, id, what);
  for (let i = 0; i < 40 && !visibleIn(snap, control, viewport); i++) {
    const p = snap.scrollables[control.panel];
    const top = p ? p.y : 0;
    const bottom = p ? p.y + p.h : viewport.height;
    const cy = control.rect.y + control.rect.h / 2;
    // A finger moving up scrolls the content down.
    const dy = cy > bottom ? -Math.min(300, cy - bottom + 80) : Math.min(300, top - cy + 80);
    const sx = box.x + (p ? p.x + p.w / 2 : viewport.width / 2);
    const sy = box.y + (p ? p.y + p.h / 2 : viewport.height / 2);
    await swipe(page, sx, sy - dy / 2, dy);
    ({ snap, control } = await settled(page, id, what));
  }
  if (!control.enabled) throw new Error(`control ${what} is disabled`);
  const x = box.x + control.rect.x + control.rect.w / 2;
  const y = box.y + control.rect.y + control.rect.h / 2;
  const before = JSON.stringify({ ...snap, focus: null });
  const cdp = await touchSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  await sleep(300);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  return reacted(page, before, `tapping ${what}`, mayNotChange);
}

/** The game's WebAssembly memory and the page's JavaScript heap, in bytes. */
export async function memory(page) {
  return page.evaluate(() => ({
    wasm: window.wasmBindings.bench_memory_bytes(),
    js: performance.memory ? performance.memory.usedJSHeapSize : null,
  }));
}

/**
 * Play every season through the canvas to the ending: each directive's first
 * open choice, then `labour(snap)` if given, the report `report`, delivery.
 * `act` is how a control is used (`press` with the mouse, `tap` by touch);
 * `seen(snap)` is called on every screen shown; `stop(snap)` ends early.
 */
export async function playToEnd(page, { act = press, report = "report.county_expectation", labour = null, seen = async () => {}, stop = () => false } = {}) {
  for (let step = 0; step < 200; step++) {
    // A screen at rest: in a season, the phase shown is the draft's (they
    // differ for a frame while a season is being played).
    const snap = await waitFor(
      page,
      (s) => s.overlay === "None" && s.controls.length > 0 && (s.screen !== "Season" || s.phase === s.draft?.phase),
      "a screen",
    );
    if (process.env.E2E_TRACE) console.error("play", step, snap.screen, snap.season, snap.phase);
    await seen(snap);
    if (snap.screen === "Ending" || stop(snap)) return snap;
    if (snap.screen === "YearSummary") {
      await act(page, "nav.next");
      continue;
    }
    if (snap.screen !== "Season") throw new Error(`unexpected screen ${snap.screen}`);
    if (snap.phase === "News") {
      const chosen = snap.draft.decisions.choices || {};
      const open = snap.controls.find((c) => c.id.startsWith("directive.") && !(directiveOf(c.id) in chosen));
      if (open) {
        const directive = directiveOf(open.id);
        await act(page, open.id);
        await waitFor(page, (s) => directive in (s.draft?.decisions.choices || {}), "the answer to register", 30_000);
        continue;
      }
    }
    if (snap.phase === "Labour" && labour) await labour(snap);
    if (snap.phase === "Report") await act(page, report, undefined, { mayNotChange: true });
    const was = JSON.stringify([snap.season, snap.phase]);
    // The game may take a frame or two to take in the report before Next is open.
    await waitFor(page, (s) => s.controls.some((c) => c.id === "nav.next" && c.enabled), "Next to open", 30_000);
    await act(page, "nav.next");
    await waitFor(
      page,
      (s) => s.screen !== "Season" || (JSON.stringify([s.season, s.phase]) !== was && s.phase === s.draft?.phase),
      "the game to move on",
    );
  }
  throw new Error("the game did not end");
}
