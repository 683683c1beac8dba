// Accessibility in a real browser: the screen as text (#access) that a
// screen reader reads, with its accessibility snapshot on every screen; a
// whole game played through it alone, and one with the keyboard alone; the
// settings (high contrast, text size) as they look; axe-core on the page;
// and no frame drawn while nothing changes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { artifacts, launch, open, playToEnd, root, serve, shot, sleep, snapshot, waitFor } from "./lib.mjs";

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const onScreen = (screen) => (s) => s.screen === screen && s.overlay === "None" && s.controls.length > 0;

const generation = (page) => page.evaluate(() => document.getElementById("access").dataset.generation || "");

/** The buttons of the screen as text. */
const textButtons = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("#access button")].map((b) => ({
      i: b.dataset.i,
      id: b.dataset.id,
      label: b.textContent,
      disabled: b.getAttribute("aria-disabled") === "true",
    })),
  );

/**
 * Use a button of the screen as text as a screen reader user does: move to
 * it, press Enter. The canvas is never touched.
 */
async function inText(page, id, what = String(id), { mayNotChange = false } = {}) {
  let button = null;
  for (let i = 0; i < 100 && !button; i++) {
    button = (await textButtons(page)).find((b) => b.id === id && !b.disabled);
    if (!button) await sleep(100);
  }
  if (!button) throw new Error(`no button ${what} in the screen as text`);
  const before = await generation(page);
  await page.locator(`#access button[data-i="${button.i}"]`).focus();
  await page.keyboard.press("Enter");
  if (mayNotChange) return;
  await page.waitForFunction((g) => document.getElementById("access").dataset.generation !== g, before, { timeout: 30_000 });
}

const seen = new Set();
/** The accessibility snapshot of the screen as text, once per screen and phase. */
async function ariaOf(page, snap) {
  const name = [snap.screen, snap.phase, snap.overlay !== "None" ? snap.overlay : null].filter(Boolean).join("-");
  if (seen.has(name)) return;
  seen.add(name);
  const aria = await page.locator("#access").ariaSnapshot();
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, `access-${name}.yml`), aria + "\n");
  assert.match(aria, /- heading /, `${name}: the screen as text has a heading\n${aria}`);
  assert.match(aria, /- button /, `${name}: and buttons\n${aria}`);
  // Every control on the canvas is a button in the text, with the same words
  // (behind an open window only the window's, as only they can be used).
  const written = (await textButtons(page)).map((b) => [b.id, b.label]);
  const ids = written.map(([id]) => id);
  for (const c of snap.controls) {
    if (snap.overlay !== "None" && !ids.includes(c.id)) continue;
    assert.ok(written.some(([id, label]) => id === c.id && label === c.label), `${name}: ${c.id} (${c.label}) is in the text`);
  }
  if (snap.overlay !== "None") assert.ok(ids.includes("overlay.close"), `${name}: the window's close button is in the text`);
}

test("a whole game through the screen as text alone, with its accessibility snapshot on every screen", async () => {
  const { context, page } = await open(browser, server.url);
  const live = [];
  await page.exposeFunction("heard", (t) => live.push(t));
  await waitFor(page, onScreen("Title"), "the title");
  await page.evaluate(() => {
    const region = document.getElementById("access-live");
    new MutationObserver(() => window.heard(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  const t0 = await snapshot(page);
  await ariaOf(page, t0);
  assert.match(await page.locator("#game").getAttribute("aria-label"), /as text/);

  // The settings window through the text: high contrast on, then off.
  await inText(page, "overlay.open.settings");
  const settings = await waitFor(page, (s) => s.overlay === "Settings", "the settings");
  await ariaOf(page, settings);
  await inText(page, "settings.high_contrast.on");
  await inText(page, "settings.text_scale.150");
  await waitFor(page, (s) => Math.abs(s.ui_scale - 1.5) < 0.01, "text at 150 %");
  await shot(page, "60-settings-high-contrast");
  // Someone using the text sees it: it shows as a panel while it has focus.
  await page.locator("#access button").first().focus();
  await shot(page, "61-text-layer-focused");
  await inText(page, "settings.high_contrast.off");
  await inText(page, "settings.text_scale.100");
  await inText(page, "overlay.close");
  await waitFor(page, onScreen("Title"), "the title again");

  await inText(page, "title.new_game");
  await ariaOf(page, await waitFor(page, onScreen("Briefing"), "the briefing"));
  await inText(page, "briefing.begin");
  await waitFor(page, onScreen("Season"), "the first season");
  const end = await playToEnd(page, { act: inText, seen: (s) => ariaOf(page, s) });
  assert.equal(end.screen, "Ending");
  await ariaOf(page, end);
  await inText(page, "nav.debrief");
  await ariaOf(page, await waitFor(page, onScreen("Debrief"), "the debrief"));
  // The live region said each new phase and what the seasons brought.
  assert.ok(live.some((t) => /What happened/.test(t) && /died/.test(t)), `heard: ${live.slice(0, 5).join(" | ")}`);
  assert.ok(live.length >= 16 * 3, `the live region spoke ${live.length} times`);
  writeFileSync(join(artifacts, "access-live.txt"), live.join("\n") + "\n");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a whole game with the keyboard alone: Tab, the arrow keys, Home, End, Enter and Escape", async () => {
  // The short scenario of an assignment (six seasons), without a knowledge check.
  const { context, page } = await open(browser, `${server.url}?scenario=kiosk&seed=5&check=no`);
  await waitFor(page, onScreen("Title"), "the title");
  await page.locator("#game").focus();
  // Arrow keys and End move the focus like Tab.
  const first = (await snapshot(page)).focus;
  await page.keyboard.press("ArrowDown");
  const second = (await waitFor(page, (s) => s.focus && s.focus !== first, "the focus to move with ArrowDown")).focus;
  await page.keyboard.press("ArrowUp");
  await waitFor(page, (s) => s.focus !== second, "the focus to move back with ArrowUp");
  await page.keyboard.press("End");
  await waitFor(page, (s) => s.focus !== null, "End to focus a control");
  await shot(page, "62-keyboard-focus");
  // A window opens from the keyboard and Escape closes it.
  await keyboard(page, "overlay.open.settings");
  await waitFor(page, (s) => s.overlay === "Settings", "the settings");
  await page.keyboard.press("Escape");
  await waitFor(page, (s) => s.overlay === "None", "Escape to close the settings");

  await keyboard(page, "class.show_assignment");
  await waitFor(page, onScreen("Assignment"), "the assignment");
  await keyboard(page, "class.start");
  await waitFor(page, onScreen("Briefing"), "the briefing");
  await keyboard(page, "briefing.begin");
  await waitFor(page, onScreen("Season"), "the first season");
  const end = await playToEnd(page, { act: keyboard });
  assert.equal(end.screen, "Ending");
  assert.equal(JSON.parse(JSON.stringify(end.run)).seasons.length, 6);
  await shot(page, "63-keyboard-ending");
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** Press a key on the canvas and wait for the focus to settle. */
async function key(page, name) {
  const before = (await snapshot(page)).focus;
  await page.keyboard.press(name, { delay: 100 });
  await waitFor(page, (s) => s.focus !== before, `${name} to move the focus`, 5_000).catch(() => {});
  return (await snapshot(page)).focus;
}

/**
 * Reach a control with the keyboard alone and use it with Enter: End (the
 * way on is usually last), then Shift-Tab back a few, else Home and Tab
 * forward, or ArrowDown on every other step.
 */
async function keyboard(page, id, what = String(id), { mayNotChange = false } = {}) {
  await waitFor(page, (s) => s.controls.some((c) => c.id === id && c.enabled), `${what} on screen`);
  await page.locator("#game").focus();
  let focus = (await snapshot(page)).focus;
  if (focus !== id) focus = await key(page, "End");
  for (let i = 0; i < 6 && focus !== id; i++) focus = await key(page, "Shift+Tab");
  if (focus !== id) focus = await key(page, "Home");
  for (let i = 0; i < 80 && focus !== id; i++) focus = await key(page, i % 2 ? "ArrowDown" : "Tab");
  if (focus !== id) throw new Error(`${what} never took keyboard focus`);
  const before = JSON.stringify(await snapshot(page));
  await page.keyboard.down("Enter");
  await sleep(150);
  await page.keyboard.up("Enter");
  const changed = waitFor(page, (s) => JSON.stringify(s) !== before, `${what} after Enter`, mayNotChange ? 3_000 : 30_000);
  return mayNotChange ? changed.catch(() => snapshot(page)) : changed;
}

/** axe-core's serious and critical findings on the page as it stands. */
async function axe(page) {
  await page.addScriptTag({ path: join(root, "node_modules/axe-core/axe.min.js") });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("axe-core finds nothing serious or critical on the title, a season and the settings", async () => {
  // axe is injected as a script: this context alone lets it past the page's CSP.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.goto(server.url);
  await waitFor(page, onScreen("Title"), "the title");
  const found = { title: await axe(page) };
  await inText(page, "title.new_game");
  await waitFor(page, onScreen("Briefing"), "the briefing");
  await inText(page, "briefing.begin");
  await waitFor(page, onScreen("Season"), "a season");
  found.season = await axe(page);
  await inText(page, "overlay.open.settings");
  await waitFor(page, (s) => s.overlay === "Settings", "the settings");
  found.settings = await axe(page);
  writeFileSync(join(artifacts, "axe.json"), JSON.stringify(found, null, 1) + "\n");
  assert.deepEqual(found, { title: [], season: [], settings: [] });
  await context.close();
});

test("the keyboard is never trapped: Escape leaves the canvas for the text, Shift-Tab comes back", async () => {
  const { context, page } = await open(browser, server.url);
  await waitFor(page, onScreen("Title"), "the title");
  await page.locator("#game").focus();
  await page.keyboard.press("Escape", { delay: 100 });
  await page.waitForFunction(() => document.getElementById("access").contains(document.activeElement), null, { timeout: 30_000 });
  // On through the text with Tab, then back to the game with Shift-Tab from its first control.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.tagName), "BUTTON");
  await page.locator("#access button").first().focus();
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "game");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("nothing is drawn while nothing changes", async () => {
  const { context, page } = await open(browser, server.url);
  await waitFor(page, onScreen("Title"), "the title");
  const frames = () => page.evaluate(() => window.wasmBindings.bench_frames());
  await sleep(2000);
  const before = await frames();
  await sleep(6000);
  assert.equal(await frames(), before, "no frame on the untouched title screen");
  // Input draws, then it goes quiet again.
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await waitFor(page, () => true, "a frame");
  await sleep(2000);
  const moved = await frames();
  assert.ok(moved > before, "moving the pointer drew");
  await sleep(5000);
  assert.equal(await frames(), moved, "and then nothing");
  await context.close();
});
