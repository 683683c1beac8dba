// Page behaviour that must not live inline (the CSP allows scripts from this
// origin only): the reload button of the error overlay, and a message if the
// game cannot start at all.
import { KIOSK, LANG, words } from "./page-strings.js";

// The page in the game's language.
document.documentElement.lang = LANG === "zh" ? "zh-Hans" : "en";
for (const [id, key] of [
  ["loading-title", "title"],
  ["loading-subtitle", "subtitle"],
  ["loading-text", "loading"],
  ["error-title", "stopped"],
  ["error-text", KIOSK ? "stoppedKiosk" : "stoppedText"],
  ["error-reload", "reload"],
]) {
  const el = document.getElementById(id);
  if (el) el.textContent = words(key);
}
document.getElementById("game")?.setAttribute("aria-label", words("canvas"));

// A museum kiosk: no text selection, context menu, pinch or keyboard zoom,
// printing or saving; a crash starts the game again by itself.
if (KIOSK) {
  document.documentElement.classList.add("kiosk");
  const viewport = document.querySelector('meta[name="viewport"]');
  if (viewport) viewport.content = "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no";
  const stop = (e) => e.preventDefault();
  for (const type of ["contextmenu", "selectstart", "dragstart", "gesturestart", "gesturechange", "dblclick"]) {
    document.addEventListener(type, stop, { passive: false });
  }
  document.addEventListener("touchmove", (e) => { if (e.touches.length > 1) e.preventDefault(); }, { passive: false });
  document.addEventListener("wheel", (e) => { if (e.ctrlKey) e.preventDefault(); }, { passive: false });
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.key === "F11" || e.key === "F12") e.preventDefault();
  }, { capture: true });
  new MutationObserver(() => {
    const overlay = document.getElementById("error-overlay");
    if (overlay && !overlay.hidden) setTimeout(() => window.location.reload(), 8000);
  }).observe(document.getElementById("error-overlay"), { attributes: true });
}

// The hidden frame the printable pages are written into (src/web/files.rs finds it
// by its id when something is printed). It is made after the page's first
// paint: as part of the page's HTML it held the loading bar back by about
// 60 ms in headless Chromium (docs/performance.md).
function addPrintFrame() {
  const frame = document.createElement("iframe");
  frame.id = "print-frame";
  frame.title = "Printable page";
  frame.tabIndex = -1;
  frame.setAttribute("aria-hidden", "true");
  document.body.appendChild(frame);
}
requestAnimationFrame(() => setTimeout(addPrintFrame, 0));

const reload = document.getElementById("error-reload");
if (reload) {
  reload.addEventListener("click", () => window.location.reload());
}

function showError(text) {
  const overlay = document.getElementById("error-overlay");
  const message = document.getElementById("error-message");
  if (message && !message.textContent) message.textContent = text;
  if (overlay) overlay.hidden = false;
}

if (typeof WebAssembly !== "object") {
  showError(words("noWasm"));
}

window.addEventListener("error", (e) => {
  // Errors from the game's own module are reported by its panic hook; this
  // catches failures to load it at all.
  if (e && e.message && /wasm|WebAssembly|import/i.test(e.message)) showError(e.message);
});
