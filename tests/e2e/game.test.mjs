// The game in a real browser (Debian's Chromium, headless, software GL):
// load the page, play a whole game through the canvas with pointer and
// keyboard, check the ending and the debrief against the rules core's own
// replay of the same decisions, reload mid-game and continue, and meet a
// corrupt save. Screenshots of every screen go to tests/e2e/artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import {
  artifacts, directiveOf, dist, keyboard, launch, open, press, replayer, serve, settled, shot, shotPages, sleep, snapshot, waitFor,
} from "./lib.mjs";

let server;
let browser;
const timings = {};

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, "timings.json"), JSON.stringify(timings, null, 2) + "\n");
  await browser?.close();
  await server?.close();
});

const onScreen = (screen, phase) => (s) =>
  s.screen === screen && (phase === undefined || s.phase === phase) && s.overlay === "None" && s.controls.length > 0;

test("the page is our own: no inline script, a strict CSP, nothing from other origins", async () => {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const inline = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim());
  assert.equal(inline.length, 0, "no inline scripts");
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  // The stylesheet is in the page, so the loading bar paints without a second
  // request, and the CSP allows that one text by its hash and nothing else.
  assert.doesNotMatch(html, /<link[^>]*rel="stylesheet"/, "no render-blocking stylesheet");
  const styles = [...html.matchAll(/<style data-href="([^"]+)">([\s\S]*?)<\/style>/g)];
  assert.equal(styles.length, 1, "the stylesheet is inline");
  const [, cssFile, css] = styles[0];
  assert.equal(readFileSync(join(dist, cssFile), "utf8"), css, "the printable pages' stylesheet is the same text");
  const digest = createHash("sha256").update(css).digest("base64");
  const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)[1];
  assert.match(policy, new RegExp(`; style-src 'self' 'sha256-${digest.replace(/[+/]/g, "\\$&")}'$`));
  // The printing frame is made by boot.js after the first paint: in the
  // page's HTML it held the loading bar back (docs/performance.md).
  assert.doesNotMatch(html, /<iframe/, "no frame in the page's HTML");
  const { context, page } = await open(browser, server.url);
  // The first load of the run: the loading bar is up while the wasm streams in.
  await shot(page, "01-loading");
  timings.loading_bar_visible = await page.locator("#loading").isVisible();
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("loading")).position), "fixed", "the inline style applies");
  const title = await waitFor(page, onScreen("Title"), "the title screen");
  // The window is made at the page's size, so the title is built in the
  // first frame and laid out for this page, not for Bevy's default window.
  const { width, height } = page.viewportSize();
  assert.ok(title.loaded, "the loading screen's end is reported");
  assert.equal(title.loaded.frame, 0, "the title was built in the first frame");
  assert.ok(Math.abs(title.loaded.window[0] - width) < 1.5 && Math.abs(title.loaded.window[1] - height) < 1.5,
    `laid out for ${title.loaded.window} on a ${width} x ${height} page`);
  assert.deepEqual(title.text_overflows, [], "every text fits the box it was laid out in");
  // The benchmark's probe counts the title as usable (its words laid out),
  // and in the frame after the one that built it: the load time is timed.
  await page.waitForFunction(() => window.wasmBindings.bench_interactive_ms() >= 0, null, { timeout: 30_000 });
  const usable = await page.evaluate(() => {
    const b = window.wasmBindings;
    const at = b.bench_interactive_ms();
    return { at, frame: b.bench_frame_starts().filter((t) => t < at).length };
  });
  assert.equal(usable.frame, 1, `${usable.frame} frames drawn up to and with the first usable title, not just the first`);
  assert.ok(page.requests.some((u) => u.endsWith(".wasm")), "the game was fetched");
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(server.url)), [], "nothing from other origins");
  assert.deepEqual(page.errors.filter((e) => !/favicon/.test(e)), []);
  assert.equal(await page.locator("#loading").isHidden(), true, "the loading bar goes away");
  assert.equal(await page.locator("#error-overlay").isHidden(), true);
  assert.equal(await page.locator("iframe#print-frame").count(), 1, "the printing frame is there once the game runs");
  await context.close();
});

test("a whole game through the canvas matches the rules core's replay", async () => {
  const { context, page } = await open(browser, server.url);
  const title = await waitFor(page, onScreen("Title"), "the title screen");
  await settled(page, "title.new_game");
  timings.first_interactive_ms = Date.now() - page.started;
  assert.equal(title.save, "none");
  await shot(page, "02-title");

  await press(page, "title.new_game");
  await waitFor(page, onScreen("Briefing"), "the briefing");
  await shot(page, "03-briefing");
  // The keyboard path: Tab to "Begin", press Enter.
  await keyboard(page, "briefing.begin");
  let snap = await waitFor(page, onScreen("Season", "News"), "the first season");

  const shots = new Set();
  const once = async (name) => {
    if (!shots.has(name)) {
      shots.add(name);
      await shot(page, name);
    }
  };
  let seasonsPlayed = 0;
  let reloaded = false;
  let openedOverlays = false;
  for (let step = 0; step < 400; step++) {
    snap = await waitFor(page, (s) => s.overlay === "None" && s.controls.length > 0, "a screen");
    if (snap.screen === "Ending") break;
    if (snap.screen === "YearSummary") {
      await once("09-year-summary");
      await press(page, "nav.next");
      await waitFor(page, onScreen("Season", "News"), "the next season");
      continue;
    }
    assert.equal(snap.screen, "Season");
    const year = Number((snap.season || "").split(" ").pop());
    if (snap.phase === "News") {
      await once("04-season-news");
      if (!openedOverlays) {
        openedOverlays = true;
        for (const [o, id, name] of [["Codex", "overlay.open.codex", "10-codex"], ["Glossary", "overlay.open.glossary", "11-glossary"], ["Sources", "overlay.open.sources", "12-sources"]]) {
          await press(page, id);
          await waitFor(page, (s) => s.overlay === o && s.controls.some((c) => c.id === "overlay.close"), o);
          await shot(page, name);
          await press(page, "overlay.close");
          await waitFor(page, (s) => s.overlay === "None", `${o} to close`);
        }
      }
      const chosen = snap.draft.decisions.choices || {};
      const open = snap.controls.find((c) => c.id.startsWith("directive.") && !(directiveOf(c.id) in chosen));
      if (open) {
        await press(page, open.id);
        continue;
      }
      await press(page, "nav.next");
      await waitFor(page, onScreen("Season", "Labour"), "labour");
      continue;
    }
    if (snap.phase === "Labour") {
      await once("05-season-labour");
      // Mid-game: change the plan, then reload the page and continue.
      if (!reloaded && seasonsPlayed === 5) {
        reloaded = true;
        await press(page, "labour.brigade0.water.+5");
        const before = await snapshot(page);
        await page.reload();
        const t = await waitFor(page, (s) => onScreen("Title")(s) && s.save === "ready", "the title with a save");
        assert.ok(t.controls.some((c) => c.id === "title.continue"));
        await shot(page, "15-title-continue");
        await press(page, "title.continue");
        const after = await waitFor(page, onScreen("Season", "Labour"), "the same season after reload");
        assert.equal(after.hash, before.hash, "same state after reload");
        assert.deepEqual(after.run, before.run, "same decisions after reload");
        assert.deepEqual(after.draft, before.draft, "the season in progress is kept");
        continue;
      }
      if (year === 1958 && snap.season.startsWith("autumn")) {
        // Send hands to the furnaces in the autumn of 1958.
        await press(page, "labour.all.furnaces.+5");
        await press(page, "labour.all.furnaces.+5");
      }
      const wasSeason = snap.season;
      await press(page, "nav.next");
      await waitFor(page, (s) => s.screen !== "Season" || s.phase !== "Labour" || s.season !== wasSeason, "after labour");
      const now = await snapshot(page);
      if (now.phase === "Consequences") seasonsPlayed += 1;
      continue;
    }
    if (snap.phase === "Report") {
      await once("06-season-report");
      await press(page, year === 1958 ? "report.county_expectation" : "report.truthful", undefined, { mayNotChange: true });
      await press(page, "nav.next");
      await waitFor(page, onScreen("Season", "Procurement"), "procurement");
      continue;
    }
    if (snap.phase === "Procurement") {
      await once("07-season-procurement");
      const move = year === 1959 ? "procurement.plead" : year === 1960 ? "procurement.hide" : "procurement.deliver";
      await press(page, move, undefined, { mayNotChange: true });
      await press(page, "nav.next");
      await waitFor(page, onScreen("Season", "Consequences"), "consequences");
      seasonsPlayed += 1;
      continue;
    }
    if (snap.phase === "Consequences") {
      await once("08-season-consequences");
      await press(page, "nav.next");
      await waitFor(page, (s) => s.screen !== "Season" || s.phase !== "Consequences", "the next screen");
      continue;
    }
    throw new Error(`unexpected phase ${snap.phase}`);
  }
  assert.ok(reloaded, "the game was reloaded mid-way");

  snap = await waitFor(page, onScreen("Ending"), "the ending");
  await shot(page, "13-ending");
  await press(page, "nav.debrief");
  snap = await waitFor(page, onScreen("Debrief"), "the debrief");
  await shotPages(page, "14-debrief", 6);

  // The rules core, compiled on its own, replays the decisions the game recorded.
  const replay = (await replayer())(snap.run);
  assert.equal(replay.error, undefined, replay.error);
  assert.equal(replay.hashes.at(-1), snap.hash, "final state hash");
  assert.equal(replay.ending, snap.ending, "ending");
  assert.deepEqual(replay.years, snap.years, "year table");
  // And the debrief's table shows those figures.
  const fmt = (n) => Math.round(n).toLocaleString("en-US");
  for (const y of replay.years) {
    const row = [String(y.year), fmt(y.grain_actual_t), fmt(y.grain_reported_t), fmt(y.procurement_t), fmt(y.grain_per_head_kg), fmt(y.deaths)];
    for (const cell of row) assert.ok(snap.texts.includes(cell), `debrief shows ${cell} (${y.year})`);
    const cdr = y.crude_death_rate_per_1000;
    const shown = [cdr.toFixed(1), (Math.round(cdr * 10 - 1e-9) / 10).toFixed(1)];
    assert.ok(shown.some((c) => snap.texts.includes(c)), `debrief shows the death rate ${cdr} (${y.year})`);
  }
  // From the first byte to the debrief, reload included, the page asked
  // nothing of any origin but its own.
  assert.ok(page.requests.length > 3, "the request log was kept");
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(server.url)), [], "nothing from other origins during a whole game");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a corrupt save gets a message and a choice, and is not deleted", async () => {
  const { context, page } = await open(browser, server.url);
  await waitFor(page, onScreen("Title"), "the title screen");
  const broken = '{"format":1,"run":{"scenario_id":"full"';
  await page.evaluate((b) => localStorage.setItem("great-leap.save", b), broken);
  await page.reload();
  const snap = await waitFor(page, (s) => onScreen("Title")(s) && s.save.startsWith("damaged"), "the damaged-save message");
  assert.ok(snap.texts.some((t) => t.startsWith("Your saved game could not be read")), "the message is on screen");
  assert.ok(snap.controls.some((c) => c.id === "save.delete_damaged"));
  await shot(page, "16-title-damaged-save");
  await press(page, "save.keep_damaged");
  await waitFor(page, onScreen("Briefing"), "the briefing");
  const kept = await page.evaluate(() => localStorage.getItem("great-leap.save.damaged"));
  assert.equal(kept, broken, "the damaged save is kept aside");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("on a phone held upright every control fits the screen", async () => {
  const viewport = { width: 390, height: 844 };
  const { context, page } = await open(browser, server.url, viewport);
  const title = await waitFor(page, onScreen("Title"), "the title screen");
  await shot(page, "16-phone-title");
  const inside = (r) => r.x >= -1 && r.x + r.w <= viewport.width + 1;
  title.text_boxes.forEach((r, i) => assert.ok(inside(r), `"${title.texts[i]}" fits the width (${JSON.stringify(r)})`));
  assert.deepEqual(title.text_overflows, [], "every text fits its box");
  await press(page, "title.new_game");
  await waitFor(page, onScreen("Briefing"), "the briefing");
  await press(page, "briefing.begin");
  let snap = await waitFor(page, onScreen("Season", "News"), "the first season");
  await shot(page, "17-phone-news");
  snap.text_boxes.forEach((r, i) => assert.ok(inside(r), `"${snap.texts[i]}" fits the width (${JSON.stringify(r)})`));
  assert.deepEqual(snap.text_overflows, [], "every text fits its box");
  for (const c of snap.controls) {
    assert.ok(c.rect.x >= -1 && c.rect.x + c.rect.w <= viewport.width + 1, `${c.id} fits the width (${JSON.stringify(c.rect)})`);
    assert.ok(c.rect.w >= 24 && c.rect.h >= 24, `${c.id} is large enough to touch`);
  }
  await press(page, snap.controls.find((c) => c.id.startsWith("directive."))?.id ?? "nav.next");
  // A screen at rest: the phase shown is the draft's (they differ for a frame).
  const atRest = (s) => s.overlay === "None" && s.controls.length > 0 && s.phase === s.draft?.phase;
  snap = await waitFor(page, atRest, "the news at rest");
  while (snap.phase === "News") {
    const chosen = snap.draft.decisions.choices || {};
    const open = snap.controls.find((c) => c.id.startsWith("directive.") && !(directiveOf(c.id) in chosen));
    await press(page, open ? open.id : "nav.next");
    snap = await waitFor(page, atRest, "a phase at rest");
  }
  snap = await waitFor(page, onScreen("Season", "Labour"), "labour");
  await shot(page, "18-phone-labour");
  for (const c of snap.controls) {
    assert.ok(c.rect.x >= -1 && c.rect.x + c.rect.w <= viewport.width + 1, `${c.id} fits the width`);
  }
  await context.close();
});

test("if the game cannot start, an overlay says so and offers a reload", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const page = await context.newPage();
  // Serve a broken module in place of the game.
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("not wasm") }));
  await page.goto(server.url);
  await page.locator("#error-overlay").waitFor({ state: "visible", timeout: 60_000 });
  assert.match(await page.locator("#error-message").textContent(), /could not be loaded/);
  await shot(page, "19-error-overlay");
  // The reload button reloads (this time without the broken module).
  await page.unroute(/\.wasm$/);
  await page.locator("#error-reload").click();
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.test_snapshot().includes('"screen":"Title"'), null, { timeout: 120_000 });
  assert.equal(await page.locator("#error-overlay").isHidden(), true);
  await context.close();
});
