//! Everything that touches the browser: local storage for saves, the error
//! overlay when the game panics, hiding the loading bar once the game draws,
//! and the read-only snapshot for browser tests.

use std::cell::RefCell;

use bevy::prelude::*;
use wasm_bindgen::prelude::*;

use crate::hooks::SnapshotJson;
use crate::save::{Storage, Store};

thread_local! {
    static SNAPSHOT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The current screen as JSON, for browser tests (read-only).
#[wasm_bindgen]
pub fn test_snapshot() -> String {
    SNAPSHOT.with(|s| s.borrow().clone())
}

pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "local storage is not allowed here".to_string())?
        .ok_or_else(|| "local storage is not available".to_string())
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        storage()?.get_item(key).map_err(|_| "could not read local storage".into())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        storage()?.set_item(key, value).map_err(|_| "local storage is full or not allowed".into())
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        storage()?.remove_item(key).map_err(|_| "could not change local storage".into())
    }
}

/// Show the page's error overlay with a message; the page's own script wires
/// its reload button.
fn show_error(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
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
    app.insert_resource(Storage(Box::new(LocalStore)))
        .add_systems(OnExit(crate::screens::Screen::Loading), hide_loading)
        .add_systems(Last, publish_snapshot.after(crate::hooks::SnapshotSystems));
}

fn hide_loading() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("loading")) {
        let _ = el.set_attribute("hidden", "");
    }
}

fn publish_snapshot(json: Res<SnapshotJson>) {
    if json.is_changed() {
        SNAPSHOT.with(|s| *s.borrow_mut() = json.0.clone());
    }
}
