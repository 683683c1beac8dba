//! Everything that touches the browser (wasm only): the environment the
//! game starts in (storage, languages, motion), the error overlay when the
//! game panics, hiding the loading bar once the game draws, the read-only
//! snapshot for browser tests, and in its own files the classroom's files,
//! downloads and printing, and the screen as a document for screen readers.

mod access_dom;
mod dom;
mod files;
mod storage;

use std::cell::RefCell;

use bevy::prelude::*;
use wasm_bindgen::prelude::*;

use crate::core::flow::Screen;
use crate::core::launch::{BrowserLang, BrowserMotion};
use crate::core::sets::AppSystems;
use crate::core::storage::Storage;
use crate::probe::snapshot::SnapshotJson;
use dom::document;
use storage::LocalStore;

thread_local! {
    static SNAPSHOT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The current screen as JSON, for browser tests (read-only).
#[wasm_bindgen]
pub fn test_snapshot() -> String {
    SNAPSHOT.with(|s| s.borrow().clone())
}

/// Show the page's error overlay with a message; the page's own script wires
/// its reload button.
fn show_error(message: &str) {
    let Some(doc) = document() else { return };
    if let Some(text) = doc.get_element_by_id("error-message") {
        text.set_text_content(Some(message));
    }
    if let Some(overlay) = doc.get_element_by_id("error-overlay") {
        let _ = overlay.remove_attribute("hidden");
    }
}

pub fn plugin(app: &mut App) {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        show_error(&message);
    }));
    app.add_plugins((files::plugin, access_dom::plugin));
    let browser: Vec<String> = web_sys::window().and_then(|w| w.navigator().language()).into_iter().collect();
    let still = web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches());
    app.insert_resource(Storage(Box::new(LocalStore)))
        .insert_resource(BrowserMotion(still))
        .insert_resource(BrowserLang(browser))
        .add_systems(OnExit(Screen::Loading), hide_loading)
        .add_systems(Last, publish_snapshot.in_set(AppSystems::Publish));
}

fn hide_loading() {
    if let Some(el) = document().and_then(|d| d.get_element_by_id("loading")) {
        let _ = el.set_attribute("hidden", "");
    }
}

fn publish_snapshot(json: Res<SnapshotJson>) {
    if json.is_changed() {
        SNAPSHOT.with(|s| *s.borrow_mut() = json.0.clone());
    }
}
