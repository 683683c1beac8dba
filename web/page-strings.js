// The words of the page around the game (loading bar, error panel), in each
// language the game has. The game's own words are in assets/i18n.
export const PAGE_STRINGS = {
  en: {
    title: "Great Leap",
    subtitle: "A people's commune, 1958–1962",
    loading: "Loading the game…",
    loadingOf: "Loading the game… {current} of {total} MB",
    loadingMb: "Loading the game… {current} MB",
    starting: "Starting…",
    stopped: "The game stopped",
    stoppedText: "Something went wrong and the game cannot go on. Your last autosave is kept in this browser; reloading will offer to continue from it.",
    stoppedKiosk: "Something went wrong. The game starts again in a few seconds.",
    reload: "Reload the game",
    notLoaded: "The game could not be loaded: {error}",
    noWasm: "This browser cannot run WebAssembly, which the game needs.",
    canvas: "Great Leap game area (the same screen is available as text after it)",
  },
  zh: {
    title: "大跃进",
    subtitle: "一个人民公社，1958–1962",
    loading: "游戏载入中…",
    loadingOf: "游戏载入中… {current} / {total} MB",
    loadingMb: "游戏载入中… {current} MB",
    starting: "正在启动…",
    stopped: "游戏已停止",
    stoppedText: "出了问题，游戏无法继续。最近的自动存档保留在本浏览器中；重新载入后可以从存档继续。",
    stoppedKiosk: "出了问题。游戏将在几秒钟后重新开始。",
    reload: "重新载入游戏",
    notLoaded: "游戏无法载入：{error}",
    noWasm: "此浏览器无法运行本游戏所需的 WebAssembly。",
    canvas: "大跃进游戏区域（其后有同一画面的文字版本）",
  },
};

const params = new URLSearchParams(window.location.search);

/** Kiosk mode, as the game reads it from the link. */
export const KIOSK = params.get("kiosk") === "1";

function storedLang() {
  try {
    return window.localStorage.getItem("great-leap.lang");
  } catch {
    return null;
  }
}

function pick(tag) {
  const primary = String(tag || "").split(/[-_]/)[0].toLowerCase();
  return primary in PAGE_STRINGS ? primary : null;
}

/** The page's language: the link's, then the player's choice, then the browser's. */
export const LANG =
  pick(params.get("lang")) || (KIOSK ? null : pick(storedLang())) || pick(navigator.language) || "en";

export function words(key, values = {}) {
  let text = (PAGE_STRINGS[LANG] || PAGE_STRINGS.en)[key] || PAGE_STRINGS.en[key] || key;
  for (const [name, value] of Object.entries(values)) text = text.replace("{" + name + "}", value);
  return text;
}
