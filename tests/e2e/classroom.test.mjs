// A class period in a real browser: a teacher creates an assignment and
// copies its link; a student opens the link, types a nickname, answers the
// knowledge check, plays the short scenario to its end through the canvas,
// answers the check again and hands in (a real download, and the printable
// summary); the teacher loads that file with others (the file picker and a
// drop on the page) and the view verifies it, flags the edited one and
// explains the unreadable ones. It also times checking 35 reports.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { artifacts, launch, open, playToEnd, press, root, serve, shot, sleep, snapshot, waitFor } from "./lib.mjs";

let server;
let browser;
const timings = {};

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, "classroom-timings.json"), JSON.stringify(timings, null, 2) + "\n");
  await browser?.close();
  await server?.close();
});

const knowledge = JSON.parse(readFileSync(join(root, "assets/data/knowledge.json"), "utf8")).questions;

const onScreen = (screen) => (s) => s.screen === screen && s.overlay === "None" && s.controls.length > 0;

/** Click a text field and type into it. */
async function typeInto(page, field, text) {
  const snap = await waitFor(page, (s) => s.fields.some((f) => f.id === field), `the ${field} field`);
  const f = snap.fields.find((x) => x.id === field);
  const box = await page.locator("#game").boundingBox();
  await page.mouse.move(box.x + f.rect.x + 20, box.y + f.rect.y + f.rect.h / 2);
  await sleep(250);
  await page.mouse.down();
  await sleep(250);
  await page.mouse.up();
  await sleep(300);
  await page.keyboard.type(text, { delay: 60 });
  await waitFor(page, (s) => s.fields.find((x) => x.id === field)?.label === text, `"${text}" in ${field}`, 30_000);
}

/** Answer every question of the knowledge check, right or wrong. */
async function answerCheck(page, right) {
  for (const [i, q] of knowledge.entries()) {
    const option = right ? q.answer : (q.answer + 1) % q.options.length;
    await press(page, `check.answer.${i}.${option}`);
  }
}

/** The page the game sent to print, shown as print media in a page of its own. */
async function printedPage(page, name) {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  let html = "";
  for (let i = 0; i < 50 && !/class="sheet/.test(html); i++) {
    await sleep(200);
    html = await frame.content();
  }
  const view = await page.context().newPage();
  await view.setContent(html, { waitUntil: "load" });
  await view.emulateMedia({ media: "print" });
  await view.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  await view.close();
  return html;
}

/** Files as the browser's file picker gives them. */
const file = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

test("a teacher's link, a student's report, and the teacher's view that verifies it", async () => {
  // The teacher creates the assignment.
  const teacher = await open(browser, server.url);
  await teacher.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const tp = teacher.page;
  await waitFor(tp, onScreen("Title"), "the title screen");
  await press(tp, "class.teacher");
  await waitFor(tp, onScreen("Teacher"), "the teacher's view");
  await press(tp, "teacher.scenario.1");
  await press(tp, "teacher.nickname.yes");
  let desk = (await snapshot(tp)).teacher;
  assert.match(desk.link_query, /scenario=kiosk/);
  assert.match(desk.link_query, /nickname=yes/);
  await press(tp, "teacher.copy_link");
  const copied = await waitFor(tp, (s) => s.texts.includes("Copied."), "the copy to be confirmed");
  const link = await tp.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${server.url}?${copied.teacher.link_query}`);
  await shot(tp, "20-teacher-create");

  // A student opens the link in their own browser.
  const student = await open(browser, link);
  const sp = student.page;
  let snap = await waitFor(sp, onScreen("Title"), "the student's title screen");
  assert.ok(snap.texts.some((t) => t.includes(desk.code)), "the title names the assignment");
  await shot(sp, "21-title-assignment");
  await press(sp, "class.show_assignment");
  await waitFor(sp, onScreen("Assignment"), "the assignment's settings");
  await typeInto(sp, "field.nickname", "Mei Lin");
  await shot(sp, "22-assignment");
  await press(sp, "class.start");
  await waitFor(sp, onScreen("Knowledge"), "the knowledge check");
  await answerCheck(sp, false);
  await shot(sp, "23-check-before");
  await press(sp, "check.finish");
  await waitFor(sp, onScreen("Briefing"), "the briefing");
  await press(sp, "briefing.begin");
  await waitFor(sp, onScreen("Season"), "the first season");
  await shot(sp, "23b-season-hand-in-button");
  snap = await playToEnd(sp);
  assert.equal(snap.assignment, desk.code);
  assert.equal(snap.ending, "interim", "the short scenario passes no verdict before 1960");
  await shot(sp, "24-ending-hand-in");
  await press(sp, "class.hand_in");
  await waitFor(sp, onScreen("Knowledge"), "the check after play");
  await answerCheck(sp, true);
  await press(sp, "check.finish");
  await waitFor(sp, (s) => s.texts.some((t) => t === `${knowledge.length} of ${knowledge.length} right`), "the results");
  await shot(sp, "25-check-results");
  await press(sp, "check.finish");
  await waitFor(sp, onScreen("HandIn"), "the hand-in screen");
  const [download] = await Promise.all([sp.waitForEvent("download"), press(sp, "class.download_report")]);
  assert.match(download.suggestedFilename(), /^great-leap-[0-9a-z-]+-mei-lin\.json$/);
  const reportPath = join(artifacts, download.suggestedFilename());
  await download.saveAs(reportPath);
  const reportText = readFileSync(reportPath, "utf8");
  const report = JSON.parse(reportText);
  assert.equal(report.nickname, "Mei Lin");
  assert.equal(report.run.seasons.length, 6);
  assert.equal(report.seals.length, 6);
  assert.equal(report.hashes.length, 6, "the state hash after every season");
  await shot(sp, "26-hand-in");
  await press(sp, "class.print_summary", undefined, { mayNotChange: true });
  const printed = await printedPage(sp, "27-print-summary");
  assert.match(printed, /<svg/);
  assert.match(printed, /Mei Lin/);
  assert.deepEqual(sp.errors, []);
  assert.deepEqual(sp.requests.filter((u) => !u.startsWith(server.url)), [], "nothing leaves the student's machine");

  // The teacher loads the class's files: the student's, an edited copy, and two that are not reports.
  await press(tp, "teacher.tab.reports");
  await waitFor(tp, (s) => s.teacher?.tab === "Reports", "the reports tab");
  const edited = JSON.parse(reportText);
  edited.outcome.years[0].deaths = Math.max(0, edited.outcome.years[0].deaths - 3);
  await tp.locator("#report-files").setInputFiles([
    file("mei.json", reportText),
    file("edited.json", JSON.stringify(edited)),
    file("notes.json", "my notes"),
    file("huge.json", " ".repeat(1_200_000)),
  ]);
  desk = (await waitFor(tp, (s) => s.teacher?.reports.length === 4, "four files checked")).teacher;
  // The table is in file-name order.
  assert.deepEqual(desk.reports.map((r) => [r.file, r.verdict]), [
    ["edited.json", "edited"],
    ["huge.json", "unreadable"],
    ["mei.json", "verified"],
    ["notes.json", "unreadable"],
  ]);
  // A file dropped on the page joins them.
  await tp.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    document.getElementById("stage").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, reportText);
  snap = await waitFor(tp, (s) => s.teacher?.reports.length === 5, "the dropped file");
  assert.equal(snap.teacher.reports.find((r) => r.file === "dropped.json").verdict, "verified");
  assert.ok(snap.texts.some((t) => t.includes("Mei Lin")), "the class table names the student");
  assert.ok(snap.texts.some((t) => t.includes("reports are under 1 MiB")), "the large file is explained");
  await shot(tp, "28-teacher-reports");

  const [csv] = await Promise.all([tp.waitForEvent("download"), press(tp, "teacher.export_csv", undefined, { mayNotChange: true })]);
  const csvPath = join(artifacts, csv.suggestedFilename());
  await csv.saveAs(csvPath);
  const rows = readFileSync(csvPath, "utf8").trim().split("\n");
  assert.equal(rows.length, 6);
  assert.ok(rows.some((r) => /^mei\.json,Mei Lin,verified,/.test(r)), rows.join("\n"));

  // Checking a whole class: 35 reports at once.
  await press(tp, "teacher.clear_reports");
  await waitFor(tp, (s) => s.teacher?.reports.length === 0, "an empty list");
  const started = Date.now();
  await tp.locator("#report-files").setInputFiles(
    Array.from({ length: 35 }, (_, i) => file(`student-${String(i + 1).padStart(2, "0")}.json`, reportText)),
  );
  snap = await waitFor(tp, (s) => s.teacher?.reports.length === 35, "35 reports checked");
  timings.verify_35_reports_ms = Date.now() - started;
  timings.verify_35_reports_in_game_ms = snap.teacher.last_batch.ms;
  assert.ok(snap.teacher.reports.every((r) => r.verdict === "verified"));
  await shot(tp, "29-teacher-35-reports");
  await press(tp, "teacher.print_class", undefined, { mayNotChange: true });
  const sheet = await printedPage(tp, "30-print-class");
  assert.match(sheet, /35 files: 35 verified/);
  assert.equal(sheet.match(/<tr>/g).length, 36, "a header and a row per report");
  assert.deepEqual(tp.errors, []);
  await student.context.close();
  await teacher.context.close();
});

test("a bad link gets a clear message and the game still starts", async () => {
  const { context, page } = await open(browser, `${server.url}?seed=${"9".repeat(30)}&scenario=moon&zz=%00`);
  const snap = await waitFor(page, onScreen("Title"), "the title screen");
  assert.ok(snap.texts.some((t) => t.startsWith("This assignment link cannot be used")), snap.texts.join("\n"));
  await shot(page, "31-bad-link");
  // Typing the class code instead: a wrong one is refused with a reason.
  await press(page, "class.enter_code");
  await waitFor(page, onScreen("ClassCode"), "the class-code screen");
  await typeInto(page, "field.student_code", "ABCD-1234");
  await press(page, "class.open_code");
  const refused = await waitFor(page, (s) => s.texts.some((t) => t.startsWith("That is not a class code")), "the refusal");
  assert.equal(refused.fields[0].label, "ABCD-1234", "the refused code stays, to be corrected");
  await shot(page, "32-class-code");
  await press(page, "nav.to_title");
  await waitFor(page, onScreen("Title"), "the title again");
  await press(page, "title.new_game");
  await waitFor(page, onScreen("Briefing"), "the briefing");
  assert.deepEqual(page.errors, []);
  await context.close();
});
