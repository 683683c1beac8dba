// Page behaviour that must not live inline (the CSP allows scripts from this
// origin only): the reload button of the error overlay, and a message if the
// game cannot start at all.
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
  showError("This browser cannot run WebAssembly, which the game needs.");
}

window.addEventListener("error", (e) => {
  // Errors from the game's own module are reported by its panic hook; this
  // catches failures to load it at all.
  if (e && e.message && /wasm|WebAssembly|import/i.test(e.message)) showError(e.message);
});
