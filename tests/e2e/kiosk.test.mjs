// The museum kiosk in headless Chromium with touch input only: a visitor
// plays the short scenario to its end (Chinese, every screen shot); every
// kind of kiosk screen at 1920x1080 in English and Chinese, with its target
// and text sizes checked; the attract loop starts by itself; the "Still
// playing?" countdown after the idle time, then the loop again; and 100
// visits (Play, then Back) with the wasm memory recorded before and after.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, open, waitFor, snapshot, tap, shot, memory, playToEnd, artifacts } from "./lib.mjs";

let server;
let browser;
const FULL_HD = { width: 1920, height: 1080 };

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const onScreen = (name) => (s) => s.screen === name && s.controls.length > 0;

/** A kiosk page; it is closed when test `t` ends, passed or failed (a kiosk
 * page left open keeps drawing its loop and slows every later test). */
async function kiosk(t, query, viewport = FULL_HD) {
  const opened = await open(browser, server.url + query, viewport, { hasTouch: true });
  t.after(() => opened.context.close());
  // No mouse or keyboard event reaches the page in these tests.
  await opened.page.evaluate(() => {
    window.nonTouch = 0;
    for (const t of ["mousedown", "mouseup", "click", "keydown", "wheel"]) {
      window.addEventListener(t, (e) => { if (!e.sourceCapabilities || !e.sourceCapabilities.firesTouchEvents) window.nonTouch += 1; }, true);
    }
  });
  return opened;
}

/** Kiosk sizes: every target at least 44 CSS px, body text at least 26 px. */
function checkSizes(snap, where) {
  for (const c of snap.controls) {
    assert.ok(c.rect.w >= 44 && c.rect.h >= 44, `${where}: ${c.id} is ${c.rect.w}x${c.rect.h}`);
  }
  // Body text is drawn at 18 px times the interface scale; notes and
  // captions at 15 px times it.
  const body = 18 * snap.ui_scale;
  assert.ok(body >= 26, `${where}: body text is ${body} px`);
  assert.ok(snap.text_px.some((p) => Math.abs(p - body) < 0.5), `${where}: no body text at ${body} px`);
  const smallest = Math.min(...snap.text_px);
  // Chart axis labels are the smallest text (12 px at 100%).
  assert.ok(smallest >= 18, `${where}: a text is only ${smallest} px`);
}

/** Play the kiosk game through to its end with taps, shooting each new screen. */
async function playKiosk(page, lang) {
  const shown = new Set();
  return playToEnd(page, {
    act: tap,
    report: "report.truthful",
    // A visitor's own choice: fewer hands at the furnaces.
    labour: async (snap) => {
      const minus = snap.controls.find((c) => c.id.startsWith("labour.all.furnaces.-") && c.enabled);
      if (minus) await tap(page, minus.id, "fewer at the furnaces", { mayNotChange: true });
    },
    seen: async (snap) => {
      const key = snap.screen === "Season" ? `season-${snap.phase}` : snap.screen;
      if (!shown.has(key)) {
        shown.add(key);
        for (const c of snap.controls) assert.ok(c.rect.w >= 44 && c.rect.h >= 44, `${key}: ${c.id} is ${c.rect.w}x${c.rect.h}`);
        await shot(page, `40-kiosk-${lang}-${shown.size}-${key.toLowerCase()}`);
      }
    },
  });
}

// A kiosk screen of 1366 x 768 (common on touch kiosks) for the whole
// game: SwiftShader draws a full-HD frame too slowly to play 40 moves in a
// test. Full HD is checked screen by screen below.
const KIOSK_SMALL = { width: 1366, height: 768 };
const SMALL = { width: 1024, height: 640 };

test("a visitor plays the kiosk game to its end by touch, in Chinese", async (t) => {
  const { page } = await kiosk(t, "?kiosk=1&lang=zh", KIOSK_SMALL);
  const start = await waitFor(page, onScreen("Attract"), "the attract loop", 180_000);
  assert.equal(start.lang, "zh");
  await tap(page, "kiosk.play");
  await waitFor(page, onScreen("Briefing"), "the briefing");
  await tap(page, "briefing.begin");
  await waitFor(page, onScreen("Season"), "the first season");
  const end = await playKiosk(page, "zh");
  // Truthful reports after Lushan may well end it early: any ending is an end.
  assert.ok(end.ending, "the game has an ending");
  assert.equal(end.run.scenario_id, "kiosk");
  // The debrief, then back to the loop.
  await tap(page, "nav.debrief");
  await waitFor(page, onScreen("Debrief"), "the debrief");
  await shot(page, "40-kiosk-zh-9-debrief");
  await tap(page, "nav.to_title");
  const back = await waitFor(page, onScreen("Attract"), "the loop again");
  assert.match(back.texts.join(""), /触摸这里开始/);
  assert.equal(await page.evaluate(() => window.nonTouch), 0, "only touch input was used");
  // Nothing kept in the browser, nothing from elsewhere, no errors.
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("great-leap.save")).length), 0);
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(server.url)), []);
  assert.deepEqual(page.errors, []);
});

// In English every kind of screen; in Chinese the screens the Chinese game
// above does not show at this size (its season phases are shot at 1366).
for (const lang of ["en", "zh"]) {
  test(`every kiosk screen at 1920 x 1080 has large targets and text (${lang})`, async (t) => {
    // A long countdown: the question must wait while its screen is measured and shot.
    const { page } = await kiosk(t, `?kiosk=1&lang=${lang}&countdown=120`);
    const look = async (snap, name) => {
      checkSizes(snap, `${lang} ${name}`);
      await shot(page, `43-kiosk-${lang}-${name}`);
    };
    await look(await waitFor(page, onScreen("Attract"), "the attract loop", 180_000), "0-attract");
    await tap(page, "kiosk.play");
    await look(await waitFor(page, onScreen("Briefing"), "the briefing"), "1-briefing");
    await tap(page, "briefing.begin");
    await waitFor(page, onScreen("Season"), "the first season");
    await tap(page, "overlay.open.glossary");
    await look(await waitFor(page, (s) => s.overlay === "Glossary" && s.controls.some((c) => c.id === "overlay.close"), "the glossary"), "2-glossary");
    await tap(page, "overlay.close");
    await waitFor(page, (s) => s.overlay === "None", "the glossary to close");
    await tap(page, "kiosk.leave");
    await look(await waitFor(page, (s) => s.controls.some((c) => c.id === "kiosk.keep_playing"), "the question"), "3-still-playing");
    await tap(page, "kiosk.keep_playing");
    await waitFor(page, (s) => !s.controls.some((c) => c.id === "kiosk.keep_playing"), "the question to go");
    if (lang === "zh") {
      await look(await waitFor(page, onScreen("Season"), "the news"), "4-1-news");
      return;
    }
    // The first season (a harvest season) has every phase.
    const phases = [];
    await playToEnd(page, {
      act: tap,
      report: "report.truthful",
      seen: async (snap) => {
        // (At the consequences the season played is already behind.)
        if (snap.screen !== "Season" || snap.run.seasons.length > 1 || phases.includes(snap.phase)) return;
        if (snap.run.seasons.length === 1 && snap.phase !== "Consequences") return;
        phases.push(snap.phase);
        await look(snap, `4-${phases.length}-${snap.phase.toLowerCase()}`);
      },
      stop: (snap) => snap.run.seasons.length >= 1 && snap.phase === "News",
    });
    assert.deepEqual(phases, ["News", "Labour", "Report", "Procurement", "Consequences"]);
    assert.equal(await page.evaluate(() => window.nonTouch), 0, "only touch input was used");
    assert.deepEqual(page.errors, []);
  });
}

test("the attract loop starts and moves on by itself", async (t) => {
  const { page } = await kiosk(t, "?kiosk=1", SMALL);
  const first = await waitFor(page, onScreen("Attract"), "the attract loop", 180_000);
  const firstCaption = first.texts.join("\n");
  const next = await waitFor(page, (s) => s.screen === "Attract" && s.texts.join("\n") !== firstCaption && /Workers:/.test(s.texts.join("\n")), "the next caption", 30_000);
  assert.equal(JSON.parse(JSON.stringify(next.run)).seasons.length, 1);
  await shot(page, "41-kiosk-en-attract-caption");
  // The page cannot be selected, long-pressed or zoomed.
  const page_ = await page.evaluate(() => ({
    kiosk: document.documentElement.classList.contains("kiosk"),
    select: getComputedStyle(document.body).userSelect,
    viewport: document.querySelector('meta[name="viewport"]').content,
    menu: (() => { const e = new MouseEvent("contextmenu", { cancelable: true, bubbles: true }); document.getElementById("game").dispatchEvent(e); return e.defaultPrevented; })(),
  }));
  assert.deepEqual(page_, { kiosk: true, select: "none", viewport: "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no", menu: true });
});

test("after the idle time a countdown asks, then the game starts again", async (t) => {
  // A countdown long enough for the question to be read and answered on a slow machine.
  const { page } = await kiosk(t, "?kiosk=1&lang=zh&idle=20&countdown=45", SMALL);
  await waitFor(page, onScreen("Attract"), "the attract loop", 180_000);
  await tap(page, "kiosk.play");
  await waitFor(page, onScreen("Briefing"), "the briefing");
  await tap(page, "briefing.begin");
  await waitFor(page, onScreen("Season"), "the first season");
  const asked = await waitFor(page, (s) => s.texts.some((t) => t.includes("还在玩吗")), "the question", 60_000);
  const seconds = Number(asked.texts.find((t) => /\d+ 秒/.test(t)).match(/(\d+) 秒/)[1]);
  assert.ok(seconds > 10 && seconds <= 45, `${seconds} seconds left`);
  await shot(page, "42-kiosk-zh-still-playing");
  // Yes: the game is where it was.
  await tap(page, "kiosk.keep_playing");
  const kept = await waitFor(page, (s) => !s.texts.some((t) => t.includes("还在玩吗")), "the question to go");
  assert.equal(kept.screen, "Season");
  // Then nobody: the countdown runs out and the loop returns, in the kiosk's language.
  await waitFor(page, (s) => s.texts.some((t) => t.includes("还在玩吗")), "the question again", 60_000);
  await shot(page, "42-kiosk-zh-still-playing-2");
  const back = await waitFor(page, onScreen("Attract"), "the loop", 60_000);
  assert.equal(back.lang, "zh");
  assert.equal(back.hash !== null, true);
  assert.deepEqual(page.errors, []);
});

test("100 visits in a row: the loop, Play, Back, with the memory before and after", async (t) => {
  const { page } = await kiosk(t, "?kiosk=1", SMALL);
  await waitFor(page, onScreen("Attract"), "the attract loop", 180_000);
  const started = Date.now();
  const figures = { before: await memory(page), cycles: [] };
  const visits = Number(process.env.KIOSK_VISITS || 100);
  for (let i = 1; i <= visits; i++) {
    await tap(page, "kiosk.play");
    await waitFor(page, onScreen("Briefing"), "the briefing");
    await tap(page, "nav.to_title");
    await waitFor(page, onScreen("Attract"), "the loop");
    if (i % 25 === 0 || i === visits) figures.cycles.push({ cycle: i, ms: Date.now() - started, ...(await memory(page)) });
  }
  figures.after = await memory(page);
  await mkdir(artifacts, { recursive: true });
  await writeFile(join(artifacts, "kiosk-memory.json"), JSON.stringify(figures, null, 1) + "\n");
  console.log("kiosk memory", JSON.stringify(figures));
  // WebAssembly memory only grows; a leak would show as growth here.
  assert.ok(figures.after.wasm <= figures.before.wasm * 1.1, `wasm memory grew from ${figures.before.wasm} to ${figures.after.wasm}`);
  assert.deepEqual(page.errors, []);
});
