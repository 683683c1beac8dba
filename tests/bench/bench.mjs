// The performance figures of docs/performance.md, measured in headless
// Chromium on this machine: download size, load time, frame cost against a
// bare Bevy app built the same way, frames drawn while nothing changes,
// memory over many kiosk cycles, and the time to check a class's reports.
// Run by scripts/bench.sh, which builds the bundles first; not a test (it
// reports figures and the targets beside them, it does not fail on them).
//
//   node tests/bench/bench.mjs --game dist-release --bare dist-bare \
//        --report-tool <sample_report binary> [--criterion FILE] [--out FILE]
//
// Settings (environment): BENCH_LOADS (cold loads, 5), BENCH_PLAY_S (seconds
// of play for frame times, 30), BENCH_IDLE_S (seconds watched for idle
// frames, 10), BENCH_CYCLES (kiosk cycles, 500), BENCH_REPORTS (35).
import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { extname, join, relative, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants as zc } from "node:zlib";
import { launch, sleep, snapshot, waitFor, press, tap, memory, playToEnd } from "../e2e/lib.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const GAME = resolve(arg("game", "dist-release"));
const BARE = resolve(arg("bare", "dist-bare"));
const REPORT_TOOL = arg("report-tool");
const CRITERION = arg("criterion");
const OUT = arg("out");
const LOADS = Number(process.env.BENCH_LOADS || 5);
const PLAY_S = Number(process.env.BENCH_PLAY_S || 30);
const IDLE_S = Number(process.env.BENCH_IDLE_S || 10);
const CYCLES = Number(process.env.BENCH_CYCLES || 500);
const REPORTS = Number(process.env.BENCH_REPORTS || 35);
const VIEW = { width: 1280, height: 800 };

const log = (...a) => console.error("bench:", ...a);

// ---------------------------------------------------------------------------
// Files and their compressed sizes.

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
};

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every file of a bundle with its raw, gzip (level 9) and brotli (quality 11) bodies. */
function bundle(dir) {
  if (!existsSync(join(dir, "index.html"))) throw new Error(`no bundle in ${dir}`);
  const files = new Map();
  for (const path of walk(dir)) {
    const raw = readFileSync(path);
    const gz = gzipSync(raw, { level: 9 });
    const br = brotliCompressSync(raw, {
      params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length, [zc.BROTLI_PARAM_LGWIN]: 24 },
    });
    files.set("/" + relative(dir, path).split("\\").join("/"), { path, raw, gz, br });
  }
  return files;
}

/**
 * Serve a bundle on localhost, gzip-compressed when the browser accepts it
 * (Chromium asks for brotli over HTTPS only), and log what is asked for.
 */
async function serve(files) {
  const requested = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === "/__plain.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end("<!doctype html><html lang=en><meta charset=utf-8><title>plain</title><p>Loading the game…</p></html>");
      return;
    }
    const f = files.get(path === "/" ? "/index.html" : path);
    if (!f) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    requested.push(path === "/" ? "/index.html" : path);
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    const body = gzip ? f.gz : f.raw;
    res.writeHead(200, {
      "content-type": TYPES[extname(f.path)] || "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-store",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requested,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// ---------------------------------------------------------------------------
// Reading the probe (crates/probe) in a page.

const probe = (page, name, ...args) =>
  page.evaluate(([n, a]) => (window.wasmBindings && window.wasmBindings[n] ? window.wasmBindings[n](...a) : null), [name, args]);

async function waitInteractive(page, timeout = 300_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const ms = await probe(page, "bench_interactive_ms");
    if (ms !== null && ms >= 0) return ms;
    await sleep(20);
  }
  throw new Error("the page never became interactive");
}

/** One cold load in a fresh browser context (empty cache). */
async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: VIEW, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.errors = errors;
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  const interactive = await waitInteractive(page);
  const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
  // Where the time went: the wasm fully downloaded, the app's first frame
  // begun (compiling and starting the module lie between), then the first
  // usable screen.
  const wasmDone = await page.evaluate(
    () => performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"))?.responseEnd ?? null,
  );
  const starts = await probe(page, "bench_frame_starts");
  const firstFrame = starts[0] ?? null;
  // Frames begun before the usable one was timed (the first usable screen
  // is drawn in the last of them): the bare app's first frames have no words
  // until its font has arrived.
  const framesToUsable = starts.filter((t) => t < interactive).length;
  // The first frame drawn, words or not (timed, like the usable one, at the
  // start of the frame after it): what the probe timed before it waited for
  // the words, kept for comparison with earlier runs.
  const firstDrawn = starts[1] ?? null;
  return { context, page, interactive, paint, wasmDone, firstFrame, firstDrawn, framesToUsable, errors };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};

/** Frame times (ms) between `from` and `to` (page clock), from the probe's frame starts. */
async function frameTimes(page, from, to) {
  const starts = (await probe(page, "bench_frame_starts")).filter((t) => t >= from && t <= to);
  const gaps = [];
  for (let i = 1; i < starts.length; i++) gaps.push(starts[i] - starts[i - 1]);
  return gaps;
}

const pageNow = (page) => page.evaluate(() => performance.now());

/** Frames drawn per second over `seconds` with no input at all. */
async function idleRate(page, seconds) {
  await sleep(2000); // let anything under way finish
  const before = await probe(page, "bench_frames");
  await sleep(seconds * 1000);
  const after = await probe(page, "bench_frames");
  return (after - before) / seconds;
}

// ---------------------------------------------------------------------------
// The measurements.

async function loads(browser, server, label, { keepLast = false } = {}) {
  const runs = [];
  let kept = null;
  for (let i = 0; i < LOADS; i++) {
    const seen = server.requested.length;
    const run = await coldLoad(browser, server.url);
    await sleep(1000);
    run.requested = server.requested.slice(seen);
    log(
      `${label} cold load ${i + 1}: first paint ${run.paint?.toFixed(0)} ms, wasm downloaded ${run.wasmDone?.toFixed(0)} ms, ` +
        `first frame ${run.firstFrame?.toFixed(0)} ms (drawn ${run.firstDrawn?.toFixed(0)} ms), usable ${run.interactive.toFixed(0)} ms (drawn in frame ${run.framesToUsable})`,
    );
    if (run.errors.length) throw new Error(`${label}: ${run.errors.join("\n")}`);
    const { interactive, paint, wasmDone, firstFrame, firstDrawn, framesToUsable, requested } = run;
    runs.push({
      interactive,
      paint,
      wasm_downloaded: wasmDone,
      first_frame: firstFrame,
      first_frame_drawn: firstDrawn,
      frames_to_usable: framesToUsable,
      requested,
    });
    if (keepLast && i === LOADS - 1) kept = run;
    else await run.context.close();
  }
  return { runs, kept };
}

/** Frame cost of the game: continuous drawing while a game is played through the canvas. */
async function gamePlayFrames(page) {
  await probe(page, "bench_continuous", true);
  await waitFor(page, (s) => s.screen === "Title" && s.controls.length > 0, "the title");
  const from = await pageNow(page);
  const until = Date.now() + PLAY_S * 1000;
  await press(page, "title.new_game");
  await waitFor(page, (s) => s.screen === "Briefing" && s.controls.length > 0, "the briefing");
  await press(page, "briefing.begin");
  // Which screen was up when (page clock), to tell the frames apart by screen.
  const shown = [];
  const seen = async (snap) => shown.push({ at: await pageNow(page), screen: snap.screen === "Season" ? `Season/${snap.phase}` : snap.screen });
  await playToEnd(page, { seen, stop: () => Date.now() > until });
  while (Date.now() < until) await sleep(100);
  const to = await pageNow(page);
  await probe(page, "bench_continuous", false);
  const starts = (await probe(page, "bench_frame_starts")).filter((t) => t >= from && t <= to);
  const gaps = [];
  const byScreen = {};
  for (let i = 1; i < starts.length; i++) {
    const screen = shown.findLast((s) => s.at <= starts[i - 1])?.screen ?? "Title/Briefing";
    gaps.push(starts[i] - starts[i - 1]);
    (byScreen[screen] ||= []).push(gaps.at(-1));
  }
  for (const [screen, xs] of Object.entries(byScreen)) {
    log(`game frames on ${screen}: ${xs.length}, p50 ${quantile(xs, 0.5).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`);
  }
  return gaps;
}

/** Frame cost of the bare app: continuous drawing while its button is pressed now and then. */
async function barePlayFrames(page) {
  await probe(page, "bench_continuous", true);
  const box = await page.locator("canvas").boundingBox();
  const from = await pageNow(page);
  const until = Date.now() + PLAY_S * 1000;
  let i = 0;
  while (Date.now() < until) {
    // Over the button, which sits just below the middle, and off it.
    const x = box.x + box.width / 2 + (i % 2 ? 200 : 0);
    const y = box.y + box.height / 2 + 30;
    await page.mouse.move(x, y, { steps: 2 });
    await sleep(250);
    await page.mouse.down();
    await sleep(250);
    await page.mouse.up();
    await sleep(500);
    i += 1;
  }
  const to = await pageNow(page);
  await probe(page, "bench_continuous", false);
  return frameTimes(page, from, to);
}

/** Kiosk visits: from the attract loop, Play, then Back to the loop; memory at 0, 100 and CYCLES. */
async function kioskCycles(browser, url) {
  const context = await browser.newContext({ viewport: { width: 800, height: 450 }, deviceScaleFactor: 1, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.errors = errors;
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url}?kiosk=1`);
  const at = (screen) => (s) => s.screen === screen && s.overlay === "None" && s.controls.length > 0;
  await waitFor(page, at("Attract"), "the attract loop", 180_000);
  await sleep(3000);
  const marks = [{ cycle: 0, ...(await memory(page)) }];
  const started = Date.now();
  // The kiosk browser test's touches (tests/e2e/lib.mjs): wait for the
  // control to stop moving, swipe it into view on the small screen, hold
  // the finger down across frames.
  for (let i = 1; i <= CYCLES; i++) {
    await tap(page, "kiosk.play");
    await waitFor(page, at("Briefing"), "the briefing");
    await tap(page, "nav.to_title");
    await waitFor(page, at("Attract"), "the loop");
    if (i === 100 || i === CYCLES || i % 50 === 0) {
      marks.push({ cycle: i, ms: Date.now() - started, ...(await memory(page)) });
      log(`kiosk cycle ${i}: wasm ${marks.at(-1).wasm} B, js heap ${marks.at(-1).js} B`);
    }
  }
  if (errors.length) throw new Error(`kiosk: ${errors.join("\n")}`);
  await context.close();
  return marks;
}

/** The teacher's view checking a class of reports for the assignment it shows. */
async function verifyClass(browser, url) {
  const context = await browser.newContext({ viewport: VIEW, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.goto(url);
  await waitFor(page, (s) => s.screen === "Title" && s.controls.length > 0, "the title");
  await press(page, "class.teacher");
  const desk = (await waitFor(page, (s) => s.screen === "Teacher" && s.teacher, "the teacher's view")).teacher;
  const report = execFileSync(REPORT_TOOL, [desk.link_query], { encoding: "utf8", maxBuffer: 64 << 20 });
  await press(page, "teacher.tab.reports");
  await waitFor(page, (s) => s.teacher?.tab === "Reports", "the reports tab");
  const files = Array.from({ length: REPORTS }, (_, i) => ({
    name: `student-${String(i + 1).padStart(2, "0")}.json`,
    mimeType: "application/json",
    buffer: Buffer.from(report),
  }));
  const started = Date.now();
  await page.locator("#report-files").setInputFiles(files);
  const snap = await waitFor(page, (s) => s.teacher?.reports.length === REPORTS, `${REPORTS} reports`, 300_000);
  const wall = Date.now() - started;
  const verified = snap.teacher.reports.filter((r) => r.verdict === "verified").length;
  await context.close();
  return { files: REPORTS, verified, seasons: JSON.parse(report).run.seasons.length, in_game_ms: snap.teacher.last_batch.ms, wall_ms: wall };
}

// ---------------------------------------------------------------------------

function criterionFigures(dir) {
  if (!dir) return null;
  const read = (group, name) => {
    const path = join(dir, group, name, "new", "estimates.json");
    if (!existsSync(path)) return null;
    const ns = JSON.parse(readFileSync(path, "utf8")).mean.point_estimate;
    return 1e9 / ns;
  };
  return { games_per_s: read("game", "full"), verifications_per_s: read("verify", "report") };
}

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;

async function main() {
  log("compressing the bundles (brotli quality 11 takes a while)");
  const game = bundle(GAME);
  const bare = bundle(BARE);
  const wasmOf = (files) => [...files.entries()].find(([p]) => p.endsWith(".wasm"));
  const [gameWasmPath, gameWasm] = wasmOf(game);
  const [, bareWasm] = wasmOf(bare);

  const gameServer = await serve(game);
  const bareServer = await serve(bare);
  const browser = await launch();
  const out = { machine: {}, sizes: {}, load: {}, frames: {}, idle: {}, memory: null, verify: null, rules: null };
  try {
    out.machine = {
      chromium: browser.version(),
      cpus: (await import("node:os")).cpus().length,
      cpu: (await import("node:os")).cpus()[0]?.model,
      node: process.version,
    };

    // Loads: the first one also tells what a first visit downloads.
    const g = await loads(browser, gameServer, "game", { keepLast: true });
    const firstLoad = [...new Set(g.runs[0].requested)];
    const sum = (key) => firstLoad.reduce((n, p) => n + game.get(p)[key].length, 0);
    out.sizes = {
      wasm: { file: gameWasmPath, raw: gameWasm.raw.length, gzip: gameWasm.gz.length, brotli: gameWasm.br.length },
      bare_wasm: { raw: bareWasm.raw.length, gzip: bareWasm.gz.length, brotli: bareWasm.br.length },
      first_load: { files: firstLoad, raw: sum("raw"), gzip: sum("gz"), brotli: sum("br") },
    };
    const b = await loads(browser, bareServer, "bare", { keepLast: true });
    // The floor for the first paint on this machine: a page of one line of
    // text and nothing else, loaded the same way.
    const plainPaints = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: VIEW, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${gameServer.url}__plain.html`);
      await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
      plainPaints.push(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0].startTime));
      await context.close();
    }
    out.load = {
      game_interactive_ms: g.runs.map((r) => r.interactive),
      game_first_paint_ms: g.runs.map((r) => r.paint),
      bare_interactive_ms: b.runs.map((r) => r.interactive),
      plain_page_first_paint_ms: plainPaints,
      // Medians of where each load's time went (see coldLoad).
      game_wasm_downloaded_ms: median(g.runs.map((r) => r.wasm_downloaded)),
      game_first_frame_ms: median(g.runs.map((r) => r.first_frame)),
      bare_wasm_downloaded_ms: median(b.runs.map((r) => r.wasm_downloaded)),
      bare_first_frame_ms: median(b.runs.map((r) => r.first_frame)),
      bare_first_frame_drawn_ms: median(b.runs.map((r) => r.first_frame_drawn)),
      game_frames_to_usable: median(g.runs.map((r) => r.frames_to_usable)),
      bare_frames_to_usable: median(b.runs.map((r) => r.frames_to_usable)),
    };

    // Idle: the title screen, untouched; the bare app likewise.
    out.idle.game_title_fps = await idleRate(g.kept.page, IDLE_S);
    out.idle.bare_fps = await idleRate(b.kept.page, IDLE_S);
    log(`idle frames/s: game ${out.idle.game_title_fps}, bare ${out.idle.bare_fps}`);

    // Frame cost, each app drawing every frame, in turn (not at once: they would share the CPU).
    const gameFrames = await gamePlayFrames(g.kept.page);
    out.idle.game_season_fps = await idleRate(g.kept.page, IDLE_S);
    log(`idle frames/s in a season: ${out.idle.game_season_fps}`);
    const bareFrames = await barePlayFrames(b.kept.page);
    // The bare app once more as the game draws: its camera without
    // multisampling (the game turns it off; Bevy's default is 4 samples).
    const plain = await coldLoad(browser, `${bareServer.url}?msaa=off`);
    const plainFrames = await barePlayFrames(plain.page);
    await plain.context.close();
    const stats = (xs) => ({ frames: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });
    out.frames = { game: stats(gameFrames), bare: stats(bareFrames), bare_no_msaa: stats(plainFrames) };
    await g.kept.context.close();
    await b.kept.context.close();
    log("frames", JSON.stringify(out.frames));

    if (REPORT_TOOL) {
      out.verify = await verifyClass(browser, gameServer.url);
      log("verification", JSON.stringify(out.verify));
    }
    // A failure here still leaves the table of everything else.
    if (CYCLES > 0) {
      try {
        out.memory = await kioskCycles(browser, gameServer.url);
      } catch (e) {
        out.memory_error = String(e.message || e);
        log(`kiosk cycles stopped: ${out.memory_error}`);
      }
    }
  } finally {
    await browser.close();
    await gameServer.close();
    await bareServer.close();
  }
  out.rules = criterionFigures(CRITERION);

  const f = out.frames;
  const L = out.load;
  const interactive = median(out.load.game_interactive_ms);
  const bareInteractive = median(out.load.bare_interactive_ms);
  const mem0 = out.memory?.[0]?.wasm;
  const memLast = out.memory?.at(-1)?.wasm;
  const mem100 = out.memory?.find((m) => m.cycle === 100)?.wasm;
  const rows = [
    ["wasm, raw / gzip / brotli", `${mb(out.sizes.wasm.raw)} / ${mb(out.sizes.wasm.gzip)} / ${mb(out.sizes.wasm.brotli)}`, ""],
    ["bare app's wasm, brotli", mb(out.sizes.bare_wasm.brotli), ""],
    [`first-load transfer, brotli (${out.sizes.first_load.files.length} files)`, mb(out.sizes.first_load.brotli), "≤ 3 MB"],
    [`first-load transfer, gzip`, mb(out.sizes.first_load.gzip), ""],
    [
      `first usable screen (its words drawn), median of ${LOADS} cold loads`,
      `${interactive.toFixed(0)} ms (bare app ${bareInteractive.toFixed(0)} ms; ${(interactive / bareInteractive).toFixed(2)}×)`,
      "no slower than the bare app",
    ],
    [
      "  of which: wasm downloaded; first frame begun; frames until usable",
      `game ${L.game_wasm_downloaded_ms.toFixed(0)}; ${L.game_first_frame_ms.toFixed(0)} ms; ${L.game_frames_to_usable} ` +
        `(bare ${L.bare_wasm_downloaded_ms.toFixed(0)}; ${L.bare_first_frame_ms.toFixed(0)} ms; ${L.bare_frames_to_usable})`,
      "",
    ],
    [
      "  the bare app's first frame drawn, before its words (how it was timed before)",
      `${L.bare_first_frame_drawn_ms.toFixed(0)} ms (the game ${(interactive / L.bare_first_frame_drawn_ms).toFixed(2)}× that)`,
      "",
    ],
    ["loading bar drawn (first contentful paint), median", `${median(out.load.game_first_paint_ms).toFixed(0)} ms (a page of one line of text: ${median(out.load.plain_page_first_paint_ms).toFixed(0)} ms)`, "≤ 100 ms"],
    [`frame time p50 / p95 over ${PLAY_S} s of play`, `${f.game.p50.toFixed(0)} / ${f.game.p95.toFixed(0)} ms (${f.game.frames} frames)`, ""],
    ["bare app's frame time p50 / p95 (Bevy's default camera)", `${f.bare.p50.toFixed(0)} / ${f.bare.p95.toFixed(0)} ms (${f.bare.frames} frames)`, ""],
    ["frame cost, game / bare (p50; p95)", `${(f.game.p50 / f.bare.p50).toFixed(2)}×; ${(f.game.p95 / f.bare.p95).toFixed(2)}×`, "≤ 1.3×"],
    ["bare app without multisampling, as the game draws: p50 / p95", `${f.bare_no_msaa.p50.toFixed(0)} / ${f.bare_no_msaa.p95.toFixed(0)} ms (${f.bare_no_msaa.frames} frames)`, ""],
    ["frame cost, game / that bare app (p50; p95)", `${(f.game.p50 / f.bare_no_msaa.p50).toFixed(2)}×; ${(f.game.p95 / f.bare_no_msaa.p95).toFixed(2)}×`, ""],
    ["frames drawn per second, nothing changing (title; season)", `${out.idle.game_title_fps.toFixed(2)}; ${out.idle.game_season_fps.toFixed(2)} (bare app ${out.idle.bare_fps.toFixed(2)})`, "0"],
  ];
  if (out.memory) {
    // The figure after 100 only when the run went further (BENCH_CYCLES).
    const middle = CYCLES > 100 && mem100;
    rows.push([
      `wasm memory after 0${middle ? " / 100" : ""} / ${CYCLES} kiosk cycles`,
      `${mb(mem0)}${middle ? ` / ${mb(mem100)}` : ""} / ${mb(memLast)} (${(((memLast - mem0) / mem0) * 100).toFixed(1)} %)`,
      "≤ 10 % growth",
    ]);
  } else if (out.memory_error) {
    rows.push(["wasm memory over kiosk cycles", `not measured: ${out.memory_error.split("\n")[0]}`, "≤ 10 % growth"]);
  }
  if (out.verify) {
    rows.push([
      `${out.verify.files} reports of ${out.verify.seasons} seasons verified in the browser`,
      `${out.verify.in_game_ms.toFixed(0)} ms checking (${out.verify.wall_ms} ms from choosing the files; ${out.verify.verified} verified)`,
      "≤ 1 s",
    ]);
  }
  if (out.rules?.games_per_s) {
    rows.push(["full 16-season games per second (native, one core)", out.rules.games_per_s.toFixed(0), "≥ 10,000"]);
    rows.push(["report verifications per second (native, one core)", out.rules.verifications_per_s.toFixed(0), ""]);
  }
  const table = ["| measure | here | target |", "|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
  console.log(table);
  if (OUT) writeFileSync(OUT, JSON.stringify(out, null, 1) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
