import { words } from "./page-strings.js";

// Trunk's initializer: drives the loading bar while the game streams in.
export default function loader() {
  const fill = () => document.getElementById("loading-fill");
  const label = () => document.getElementById("loading-text");
  return {
    onStart() {
      const f = fill();
      if (f) f.style.width = "2%";
    },
    onProgress({ current, total }) {
      const f = fill();
      const l = label();
      const mb = (n) => (n / 1048576).toFixed(1);
      if (total > 0) {
        const share = Math.min(100, Math.round((current / total) * 100));
        if (f) f.style.width = share + "%";
        if (l) l.textContent = words("loadingOf", { current: mb(current), total: mb(total) });
      } else {
        if (f) f.classList.add("indeterminate");
        if (l) l.textContent = words("loadingMb", { current: mb(current) });
      }
    },
    onComplete() {
      const l = label();
      if (l) l.textContent = words("starting");
      const f = fill();
      if (f) f.style.width = "100%";
    },
    onSuccess() {},
    onFailure(error) {
      const overlay = document.getElementById("error-overlay");
      const message = document.getElementById("error-message");
      if (message) message.textContent = words("notLoaded", { error: String(error) });
      if (overlay) overlay.hidden = false;
    },
  };
}
