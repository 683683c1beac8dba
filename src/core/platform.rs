//! The few things that differ between the browser and a native build.

/// A seed for a new game: from the clock, which is all the randomness a new
/// game needs (the run then replays exactly from it).
pub fn fresh_seed() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        (js_sys::Date::now() * 1000.0) as u64 ^ ((js_sys::Math::random() * u32::MAX as f64) as u64) << 20
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1958)
    }
}

/// A note for whoever reads the browser's console (or a terminal natively).
/// The game is built without Bevy's logger, which costs download size.
pub fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("warning: {message}");
}

/// The size of the browser's viewport in CSS pixels, which the game's canvas
/// fills; None natively.
pub fn page_size() -> Option<(f32, f32)> {
    #[cfg(target_arch = "wasm32")]
    {
        let w = web_sys::window()?;
        let width = w.inner_width().ok()?.as_f64()?;
        let height = w.inner_height().ok()?.as_f64()?;
        Some((width as f32, height as f32))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
