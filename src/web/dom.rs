//! Two small helpers every part of the browser glue uses.

/// The page's document, if there is one.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Ask for a frame from outside Bevy (a file read, the clipboard answering):
/// the game otherwise waits for input and would not see it (probe::pace).
pub fn wake() {
    great_leap_probe::wake();
}
