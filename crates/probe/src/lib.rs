//! What the benchmark (`scripts/bench.sh`, `tests/bench/`) reads from a
//! running app in the browser: when it first became interactive, how many
//! frames it has run, and the start time of each recent frame. The game and
//! the bare yardstick app both add this plugin, so their figures are taken
//! the same way.
//!
//! `bench_continuous(true)` switches the app to drawing every frame, which
//! is how frame cost is measured (in the game's usual reactive mode a frame
//! is drawn only when something changes). Besides that, the probe asks for
//! one frame only: the one after the first usable screen, where that is timed.

use bevy::prelude::*;
use bevy::window::RequestRedraw;

/// Set by the app when its first usable screen is spawned.
#[derive(Resource, Default)]
pub struct Interactive(pub bool);

pub fn plugin(app: &mut App) {
    app.init_resource::<Interactive>()
        .add_message::<RequestRedraw>()
        .add_systems(First, record)
        .add_systems(Last, frame_end);
    #[cfg(target_arch = "wasm32")]
    app.add_systems(Startup, web::keep_waker).add_systems(First, web::follow_mode);
}

/// The last frames' start times (ms since the page began) kept for the
/// benchmark; more than 30 s at the frame rates seen here.
const KEPT: usize = 4096;

#[derive(Default)]
struct Record {
    frames: u64,
    starts: std::collections::VecDeque<f64>,
    interactive_at: Option<f64>,
    seen_interactive: bool,
}

thread_local! {
    static RECORD: std::cell::RefCell<Record> = std::cell::RefCell::new(Record::default());
}

fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        web::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// At the start of each frame. An app that was interactive at the end of
/// the last frame has drawn that screen by now, so this is when it showed.
fn record() {
    let t = now_ms();
    RECORD.with(|r| {
        let mut r = r.borrow_mut();
        r.frames += 1;
        if r.starts.len() == KEPT {
            r.starts.pop_front();
        }
        r.starts.push_back(t);
        if r.seen_interactive && r.interactive_at.is_none() {
            r.interactive_at = Some(t);
        }
    });
}

/// At the end of each frame, before it is drawn: whether the app is usable
/// in this frame. (Read at the start of a frame instead, an app that became
/// usable in the middle of one would be timed a frame late.) Usable means
/// the app says its screen is up *and* every text on it that is shown and
/// not empty has been laid out: a text whose font has not arrived yet has
/// no glyphs and is not drawn, and a screen without its words is not one a
/// person can use. The frame after the first usable one is where it is
/// timed, so make sure there is one (an app that draws only on change might
/// wait for input).
fn frame_end(
    ready: Res<Interactive>,
    texts: Query<(&Text, &bevy::text::TextLayoutInfo, Option<&InheritedVisibility>)>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if !ready.0 || usable() {
        return;
    }
    let waiting = texts.iter().any(|(text, layout, shown)| {
        shown.is_none_or(|v| v.get()) && !text.0.trim().is_empty() && layout.glyphs.is_empty()
    });
    if !waiting {
        RECORD.with(|r| r.borrow_mut().seen_interactive = true);
    }
    // A frame to time the usable one in, or, while a text still waits, to
    // look again: its font may arrive while the app waits for input.
    redraw.write(RequestRedraw);
}

/// Whether the app has reached its first usable screen (see `frame_end`),
/// which the frame under way then draws: what the benchmark's load time
/// waits for. Also read by native tests.
pub fn usable() -> bool {
    RECORD.with(|r| r.borrow().seen_interactive)
}

/// Ask the app for a frame from outside Bevy (a browser callback): an app
/// that draws only on change would otherwise wait for input. Nothing before
/// the app has started, and nothing natively.
pub fn wake() {
    #[cfg(target_arch = "wasm32")]
    web::wake();
}

/// Whether the page's address has `flag` among its query words
/// (`?msaa=off&...`); false natively.
pub fn page_flag(flag: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web::search().split(['?', '&']).any(|w| w == flag)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = flag;
        false
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use super::RECORD;
    use bevy::prelude::*;
    use bevy::winit::WinitSettings;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static CONTINUOUS: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
        static WAKER: std::cell::RefCell<Option<Box<dyn Fn()>>> = const { std::cell::RefCell::new(None) };
    }

    pub fn keep_waker(proxy: Res<bevy::winit::EventLoopProxyWrapper>) {
        let proxy = (**proxy).clone();
        let wake = move || {
            let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
        };
        WAKER.with(|w| *w.borrow_mut() = Some(Box::new(wake)));
    }

    pub fn wake() {
        WAKER.with(|w| {
            if let Some(wake) = &*w.borrow() {
                wake();
            }
        });
    }

    pub fn search() -> String {
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("location"))
            .ok()
            .and_then(|l| js_sys::Reflect::get(&l, &JsValue::from_str("search")).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    pub fn now() -> f64 {
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
            .ok()
            .and_then(|p| js_sys::Reflect::get(&p, &JsValue::from_str("now")).ok().map(|f| (p, f)))
            .and_then(|(p, f)| f.dyn_into::<js_sys::Function>().ok()?.call0(&p).ok())
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    }

    /// Frames the app has run since it started.
    #[wasm_bindgen]
    pub fn bench_frames() -> f64 {
        RECORD.with(|r| r.borrow().frames as f64)
    }

    /// When (ms since the page began) the first usable screen was drawn, or -1.
    #[wasm_bindgen]
    pub fn bench_interactive_ms() -> f64 {
        RECORD.with(|r| r.borrow().interactive_at.unwrap_or(-1.0))
    }

    /// The start times of the kept frames, oldest first.
    #[wasm_bindgen]
    pub fn bench_frame_starts() -> Vec<f64> {
        RECORD.with(|r| r.borrow().starts.iter().copied().collect())
    }

    /// The size of the app's WebAssembly memory in bytes.
    #[wasm_bindgen]
    pub fn bench_memory_bytes() -> f64 {
        (core::arch::wasm32::memory_size(0) * 65536) as f64
    }

    /// Draw every frame (true) or only on change (false), from the next frame.
    #[wasm_bindgen]
    pub fn bench_continuous(on: bool) {
        CONTINUOUS.with(|c| c.set(Some(on)));
        wake();
    }

    pub fn follow_mode(mut settings: ResMut<WinitSettings>, mut saved: Local<Option<WinitSettings>>) {
        let Some(on) = CONTINUOUS.with(|c| c.take()) else { return };
        if on {
            saved.get_or_insert(settings.clone());
            *settings = WinitSettings::game();
        } else if let Some(before) = saved.take() {
            *settings = before;
        }
    }
}
