// Bad input in a real browser: a script injected into the page is blocked
// by its Content-Security-Policy; browser storage that holds a broken,
// too deep or too new save, or that refuses to keep anything; a 100 MB file
// and a deeply nested one dropped on the teacher view; nonsense in the
// address. Each gets a message in plain words, loses nothing, and the game
// goes on. (The request log of a whole game is checked in game.test.mjs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { artifacts, launch, memory, open, press, serve, shot, waitFor } from "./lib.mjs";

let server;
let browser;
const figures = {};

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await mkdir(artifacts, { recursive: true });
  await writeFile(join(artifacts, "hardening.json"), JSON.stringify(figures, null, 1) + "\n");
  await browser?.close();
  await server?.close();
});

const onScreen = (screen) => (s) => s.screen === screen && s.overlay === "None" && s.controls.length > 0;
const shown = (snap) => snap.texts.join("\n");
// The browser reports each blocked script on the console; those are expected here.
const realErrors = (page) => page.errors.filter((e) => !/Content Security Policy|favicon/.test(e));

/** A page whose test `t` closes it when it ends, passed or failed. */
async function page(t, query = "", options = {}) {
  const opened = await open(browser, server.url + query, undefined, options);
  t.after(() => opened.context.close());
  return opened.page;
}

test("the page's CSP blocks an injected inline script and handler, and the game goes on", async (t) => {
  const p = await page(t);
  await waitFor(p, onScreen("Title"), "the title screen");
  const answered = [];
  const failed = [];
  p.on("response", (r) => answered.push(r.url()));
  p.on("requestfailed", (r) => failed.push([r.url(), r.failure()?.errorText]));
  const result = await p.evaluate(async () => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
    const script = document.createElement("script");
    script.textContent = "window.injected = true;";
    document.body.appendChild(script);
    const div = document.createElement("div");
    div.setAttribute("onclick", "window.handler = true;");
    document.body.appendChild(div);
    div.click();
    const remote = document.createElement("script");
    remote.src = "https://example.invalid/x.js";
    document.body.appendChild(remote);
    // The page's own stylesheet is inline and allowed by its hash; another
    // inline style is not.
    const style = document.createElement("style");
    style.textContent = "#stage { visibility: hidden; }";
    document.head.appendChild(style);
    await new Promise((ok) => setTimeout(ok, 500));
    return {
      injected: window.injected === true,
      handler: window.handler === true,
      styled: getComputedStyle(document.getElementById("stage")).visibility === "hidden",
      own: getComputedStyle(document.getElementById("stage")).position,
      violations,
    };
  });
  assert.equal(result.injected, false, "the inline script did not run");
  assert.equal(result.handler, false, "the inline handler did not run");
  assert.equal(result.styled, false, "the injected style did not apply");
  assert.equal(result.own, "fixed", "the page's own inline stylesheet applies");
  assert.ok(result.violations.filter((v) => v.startsWith("script-src")).length >= 3, JSON.stringify(result.violations));
  assert.ok(result.violations.some((v) => v.startsWith("style-src")), JSON.stringify(result.violations));
  // The browser stopped the remote script before it left the machine.
  assert.deepEqual(answered.filter((u) => !u.startsWith(server.url)), [], "nothing came from another origin");
  assert.deepEqual(failed, [["https://example.invalid/x.js", "csp"]], "blocked by the CSP");
  await press(p, "title.new_game");
  await waitFor(p, onScreen("Briefing"), "the briefing");
  assert.deepEqual(realErrors(p), []);
});

test("broken, too deep and too new saves in storage are explained and kept", async (t) => {
  const p = await page(t);
  await waitFor(p, onScreen("Title"), "the title screen");
  const cases = [
    ["deep", "[".repeat(50_000) + "]".repeat(50_000), /nested more than 32 levels deep/],
    ["newer", JSON.stringify({ format: 9, game_version: "9.0.0" }), /saved by a newer version of the game \(save format 9\)/],
    ["not-a-save", JSON.stringify({ hello: "world" }), /not a saved game of Great Leap/],
    ["cut", '{"format":2,"run":{"scenario_id":"full","seasons":[', /breaks off or is not JSON \(line 1, column \d+\)/],
  ];
  for (const [name, text, message] of cases) {
    await p.evaluate((v) => localStorage.setItem("great-leap.save", v), text);
    await p.reload();
    const snap = await waitFor(p, (s) => onScreen("Title")(s) && s.save.startsWith("damaged"), `the ${name} save's message`);
    assert.match(shown(snap), message, name);
    assert.match(shown(snap), /Your saved game could not be read/);
    assert.equal(await p.evaluate(() => localStorage.getItem("great-leap.save")), text, `${name}: the save is untouched`);
    await shot(p, `50-storage-${name}`);
  }
  // Keep a copy and play: the damaged text is set aside, never deleted.
  await press(p, "save.keep_damaged");
  await waitFor(p, onScreen("Briefing"), "the briefing");
  assert.equal(await p.evaluate(() => localStorage.getItem("great-leap.save.damaged")), cases.at(-1)[1]);
  await press(p, "briefing.begin");
  await waitFor(p, onScreen("Season"), "the first season");
  assert.deepEqual(realErrors(p), []);
});

test("storage that is full, or blocked, is said on screen and the game goes on", async (t) => {
  for (const [name, script, message] of [
    ["full", () => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k.startsWith("great-leap.save")) throw new DOMException("quota", "QuotaExceededError");
        return set.call(this, k, v);
      };
    }, /could not be saved in this browser: the browser storage is full/],
    ["blocked", () => {
      Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
    }, /could not be saved in this browser: this browser lets the page keep nothing/],
  ]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    t.after(() => context.close());
    await context.addInitScript(script);
    const p = await context.newPage();
    p.errors = [];
    p.on("pageerror", (e) => p.errors.push(String(e)));
    await p.goto(server.url);
    const title = await waitFor(p, onScreen("Title"), `the title (${name})`);
    assert.equal(title.save, "none", `${name}: no save to offer`);
    await press(p, "title.new_game");
    await waitFor(p, onScreen("Briefing"), "the briefing");
    await press(p, "briefing.begin");
    const snap = await waitFor(p, (s) => onScreen("Season")(s) && /could not be saved/.test(shown(s)), `the notice (${name})`);
    assert.match(shown(snap), message);
    await shot(p, `51-storage-${name}`);
    // Play goes on: the season's first choice is taken.
    const choice = snap.controls.find((c) => c.id.startsWith("directive."));
    const after = await press(p, choice.id);
    assert.ok(Object.keys(after.draft.decisions.choices).length > 0, `${name}: the choice was taken`);
    assert.deepEqual(p.errors, []);
  }
});

test("a 100 MB file dropped on the teacher view is refused unread, a deep one too", async (t) => {
  const p = await page(t);
  await waitFor(p, onScreen("Title"), "the title screen");
  await press(p, "class.teacher");
  await waitFor(p, onScreen("Teacher"), "the teacher view");
  await press(p, "teacher.tab.reports");
  await waitFor(p, (s) => s.teacher?.tab === "Reports", "the reports tab");
  const before = await memory(p);
  const started = Date.now();
  await p.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(100 * 1024 * 1024).fill(0x5b)], "huge.json", { type: "application/json" }));
    // 600 KB, within the size limit, nested 300,000 deep.
    dt.items.add(new File(["[".repeat(300_000) + "]".repeat(300_000)], "deep.json", { type: "application/json" }));
    document.getElementById("stage").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  const snap = await waitFor(p, (s) => s.teacher?.reports.length === 2, "both files in the table", 60_000);
  figures.drop_100mb_ms = Date.now() - started;
  const after = await memory(p);
  figures.drop_100mb_wasm_growth_bytes = after.wasm - before.wasm;
  const byName = Object.fromEntries(snap.teacher.reports.map((r) => [r.file, r]));
  assert.equal(byName["huge.json"].verdict, "unreadable");
  assert.match(byName["huge.json"].detail, /TooLarge \{ bytes: 104857600 \}/);
  assert.equal(byName["deep.json"].verdict, "unreadable");
  assert.match(byName["deep.json"].detail, /TooDeep \{ max: 32 \}/);
  assert.match(shown(snap), /the file is 100\.0 MiB; reports are under 1 MiB/);
  assert.match(shown(snap), /nested more than 32 levels deep/);
  // The big file was never read into the game's memory.
  assert.ok(after.wasm - before.wasm < 16 * 1024 * 1024, `wasm memory grew by ${after.wasm - before.wasm} bytes`);
  await shot(p, "52-teacher-100mb-drop");
  assert.deepEqual(realErrors(p), []);
});

test("nonsense in the address gets a clear message and the game still plays", async (t) => {
  const junk = "x".repeat(3000);
  const p1 = await page(t, `?seed=1&junk=${junk}`);
  const long = await waitFor(p1, onScreen("Title"), "the title (a 3 KB address)");
  assert.match(shown(long), /This assignment link cannot be used/);
  await shot(p1, "53-address-too-long");

  const p = await page(t, "?kiosk=banana&lang=klingon&idle=-5&countdown=1e9&scenario=moon&seed=-1&%FF=1&x=%00");
  const snap = await waitFor(p, onScreen("Title"), "the title (nonsense)");
  const text = shown(snap);
  assert.match(text, /This assignment link cannot be used/);
  assert.equal(snap.lang, "en", "an unknown language leaves English");
  await shot(p, "53-address-nonsense");
  await press(p, "title.new_game");
  await waitFor(p, onScreen("Briefing"), "the briefing");
  await press(p, "briefing.begin");
  const season = await waitFor(p, onScreen("Season"), "the first season");
  assert.equal(season.run.scenario_id, "full", "a free game of the full scenario");
  assert.deepEqual(realErrors(p), []);
  assert.deepEqual(realErrors(p1), []);
});
