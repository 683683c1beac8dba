//! Everything that touches the browser: local storage for saves, the error
//! overlay when the game panics, hiding the loading bar once the game draws,
//! and the read-only snapshot for browser tests.

use std::cell::RefCell;

use bevy::prelude::*;
use wasm_bindgen::prelude::*;

use crate::hooks::SnapshotJson;
use crate::save::{Storage, Store, StoreError};

thread_local! {
    static SNAPSHOT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Ask for a frame from outside Bevy (a file read, the clipboard answering):
/// the game otherwise waits for input and would not see it (pace.rs).
fn wake() {
    great_leap_probe::wake();
}

/// The current screen as JSON, for browser tests (read-only).
#[wasm_bindgen]
pub fn test_snapshot() -> String {
    SNAPSHOT.with(|s| s.borrow().clone())
}

pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .ok_or(StoreError::Unavailable)?
        .local_storage()
        .map_err(|_| StoreError::Unavailable)?
        .ok_or(StoreError::Unavailable)
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?.get_item(key).map_err(|_| StoreError::Failed)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(|e| {
            let quota = e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "QuotaExceededError");
            if quota { StoreError::Full } else { StoreError::Failed }
        })
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        storage()?.remove_item(key).map_err(|_| StoreError::Failed)
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
    app.add_plugins(lesson_plugin);
    let browser: Vec<String> = web_sys::window().and_then(|w| w.navigator().language()).into_iter().collect();
    let still = web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches());
    app.insert_resource(Storage(Box::new(LocalStore)))
        .insert_resource(crate::settings::BrowserMotion(still))
        .add_systems(Startup, listen_for_access)
        .add_systems(PreUpdate, collect_access.before(crate::access::take_input))
        .add_systems(Update, leave_the_canvas)
        .add_systems(Last, publish_access.after(crate::access::AccessSystems))
        .insert_resource(crate::language::BrowserLang(browser))
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

// ---------------------------------------------------------------------------
// The classroom's browser work: the link the page was opened with, downloads,
// printing, the clipboard, and report files chosen or dropped by a teacher.

use crate::lesson::{Inbox, IncomingFile, LaunchQuery, Outbox, PageAddress};

thread_local! {
    static INCOMING: RefCell<Vec<IncomingFile>> = const { RefCell::new(Vec::new()) };
    static NOTICES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static ACCEPT_DROPS: RefCell<bool> = const { RefCell::new(false) };
}

/// Read the page's address and query before anything else looks at them.
pub fn lesson_plugin(app: &mut App) {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        let query = location.search().unwrap_or_default();
        let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
        app.insert_resource(LaunchQuery(query)).insert_resource(PageAddress(base));
    }
    app.add_systems(Startup, listen_for_files)
        .add_systems(PreUpdate, collect_incoming)
        .add_systems(Last, deliver_outbox);
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Read each file as text, within the report size limit; larger ones are
/// named but never read.
fn read_files(files: web_sys::FileList) {
    let limit = crate::screens::teacher::MAX_REPORTS;
    for i in 0..files.length().min(limit as u32) {
        let Some(file) = files.get(i) else { continue };
        let name = file.name();
        let size = file.size() as usize;
        if size > classroom::report::MAX_BYTES {
            INCOMING.with(|q| q.borrow_mut().push(IncomingFile { name, size, text: None }));
            wake();
            continue;
        }
        let done_name = name.clone();
        let on_text = Closure::once(move |text: JsValue| {
            let text = text.as_string();
            INCOMING.with(|q| q.borrow_mut().push(IncomingFile { name: done_name, size, text }));
            wake();
        });
        let on_error = Closure::once(move |_: JsValue| {
            INCOMING.with(|q| q.borrow_mut().push(IncomingFile { name, size, text: None }));
            wake();
        });
        let _ = file.text().then2(&on_text, &on_error);
        // Each is called at most once, by the browser, after this returns.
        on_text.forget();
        on_error.forget();
    }
}

fn listen_for_files() {
    let Some(doc) = document() else { return };
    if let Some(input) = doc.get_element_by_id("report-files") {
        let picker = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                if let Some(files) = input.files() {
                    read_files(files);
                }
                // The same files can be chosen again later.
                input.set_value("");
            }
        });
        let _ = input.add_event_listener_with_callback("change", picker.as_ref().unchecked_ref());
        picker.forget();
    }
    // A file dropped anywhere must never replace the game with the file's page.
    let over = Closure::<dyn FnMut(web_sys::DragEvent)>::new(|e: web_sys::DragEvent| e.prevent_default());
    let drop = Closure::<dyn FnMut(web_sys::DragEvent)>::new(|e: web_sys::DragEvent| {
        e.prevent_default();
        if !ACCEPT_DROPS.with(|a| *a.borrow()) {
            NOTICES.with(|n| n.borrow_mut().push("teacher.drop_elsewhere".into()));
            wake();
            return;
        }
        if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
            read_files(files);
        }
    });
    let _ = doc.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
    let _ = doc.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
    over.forget();
    drop.forget();
}

fn collect_incoming(mut inbox: ResMut<Inbox>) {
    let files: Vec<IncomingFile> = INCOMING.with(|q| q.borrow_mut().drain(..).collect());
    let notices: Vec<String> = NOTICES.with(|n| n.borrow_mut().drain(..).collect());
    if !files.is_empty() {
        inbox.files.extend(files);
    }
    if !notices.is_empty() {
        inbox.notices.extend(notices);
    }
}

fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let doc = document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Print a page of the game's own HTML from a hidden frame, so that the
/// game's window never changes to print media (winit's resize watcher
/// does not expect that) and the game keeps running behind the dialog.
fn print(html: &str) -> Result<(), JsValue> {
    let doc = document().ok_or("no document")?;
    let frame: web_sys::HtmlIFrameElement = doc.get_element_by_id("print-frame").ok_or("no print frame")?.dyn_into()?;
    let frame_doc = frame.content_document().ok_or("no print document")?;
    // The built page carries its stylesheet inline and names the file
    // (scripts/page-for-csp.mjs, which every Trunk build runs); the frame
    // links the file.
    let href = doc
        .query_selector("style[data-href]")?
        .and_then(|style| style.get_attribute("data-href"))
        .ok_or("no style sheet")?;
    let css = web_sys::Url::new_with_base(&href, &doc.url()?)?.href();
    let root = frame_doc.document_element().ok_or("no print document")?;
    root.set_inner_html(&format!(
        "<head><meta charset=\"utf-8\"><title>Great Leap</title><link rel=\"stylesheet\" href=\"{}\"></head><body class=\"print-page\">{html}</body>",
        crate::lesson::print::escape(&css)
    ));
    let window = frame.content_window().ok_or("no print window")?;
    let link = frame_doc.query_selector("link")?.ok_or("no style sheet")?;
    // Print once the style sheet is in, so the charts have their colours.
    let go = Closure::once(move |_: JsValue| {
        let _ = window.print();
    });
    link.add_event_listener_with_callback("load", go.as_ref().unchecked_ref())?;
    go.forget();
    Ok(())
}

fn copy(text: &str) {
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().clipboard().write_text(text);
    let tell = |key: &'static str| {
        move |_: JsValue| {
            NOTICES.with(|n| n.borrow_mut().push(key.into()));
            wake();
        }
    };
    let ok = Closure::once(tell("teacher.copied"));
    let failed = Closure::once(tell("teacher.copy_failed"));
    let _ = promise.then2(&ok, &failed);
    ok.forget();
    failed.forget();
}

fn deliver_outbox(mut outbox: ResMut<Outbox>, mut inbox: ResMut<Inbox>, kiosk: Res<crate::kiosk::Kiosk>) {
    if kiosk.on {
        // A kiosk never downloads, prints, copies or opens files.
        if outbox.accept_drops || !outbox.downloads.is_empty() || !outbox.prints.is_empty() || outbox.pick_files {
            *outbox = Outbox::default();
        }
        return;
    }
    ACCEPT_DROPS.with(|a| *a.borrow_mut() = outbox.accept_drops);
    if outbox.downloads.is_empty() && outbox.prints.is_empty() && outbox.copies.is_empty() && !outbox.pick_files {
        return;
    }
    for d in std::mem::take(&mut outbox.downloads) {
        if download(&d.name, d.mime, &d.text).is_err() {
            inbox.notices.push("lesson.download_failed".into());
        }
    }
    for html in std::mem::take(&mut outbox.prints) {
        if print(&html).is_err() {
            inbox.notices.push("lesson.print_failed".into());
        }
    }
    for text in std::mem::take(&mut outbox.copies) {
        copy(&text);
    }
    if std::mem::take(&mut outbox.pick_files)
        && let Some(input) = document().and_then(|d| d.get_element_by_id("report-files"))
        && let Ok(input) = input.dyn_into::<web_sys::HtmlElement>()
    {
        input.click();
    }
}

// ---------------------------------------------------------------------------
// The screen as a document for screen readers (access.rs): written into the
// page's #access section as headings, paragraphs, buttons and inputs, with
// the live region #access-live; presses and typing there come back to the
// game as the canvas controls' own actions.

use crate::access::{AccessInbox, AccessInput, AccessTree, Item};

thread_local! {
    static ACCESS_INPUT: RefCell<Vec<AccessInput>> = const { RefCell::new(Vec::new()) };
    static ACCESS_GENERATION: RefCell<u64> = const { RefCell::new(0) };
}

fn access_root() -> Option<web_sys::Element> {
    document()?.get_element_by_id("access")
}

fn listen_for_access() {
    let Some(root) = access_root() else { return };
    let generation = || ACCESS_GENERATION.with(|g| *g.borrow());
    let index_of = |el: &web_sys::Element| el.get_attribute("data-i").and_then(|i| i.parse::<usize>().ok());
    let click = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(button) = target.closest("button[data-i]").ok().flatten() else { return };
        if button.get_attribute("aria-disabled").as_deref() == Some("true") {
            return;
        }
        if let Some(index) = index_of(&button) {
            let _ = root_mark_pressed(&button);
            ACCESS_INPUT.with(|q| q.borrow_mut().push(AccessInput::Press { generation: generation(), index }));
            wake();
        }
    });
    let typed = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(index) = index_of(&input) {
            let value = input.value();
            ACCESS_INPUT.with(|q| q.borrow_mut().push(AccessInput::Type { generation: generation(), index, value }));
            wake();
        }
    });
    let key = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
        if e.key() != "Enter" {
            return;
        }
        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(index) = index_of(&input) {
            e.prevent_default();
            ACCESS_INPUT.with(|q| q.borrow_mut().push(AccessInput::Submit { generation: generation(), index }));
            wake();
        }
    });
    let _ = root.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    let _ = root.add_event_listener_with_callback("input", typed.as_ref().unchecked_ref());
    let _ = root.add_event_listener_with_callback("keydown", key.as_ref().unchecked_ref());
    click.forget();
    typed.forget();
    key.forget();
}

/// Remember which control was used, to give it focus again after the redraw.
fn root_mark_pressed(button: &web_sys::Element) -> Result<(), JsValue> {
    if let Some(root) = access_root() {
        let id = button.get_attribute("data-id").unwrap_or_default();
        root.set_attribute("data-last", &id)?;
    }
    Ok(())
}

fn collect_access(mut inbox: ResMut<AccessInbox>) {
    let input: Vec<AccessInput> = ACCESS_INPUT.with(|q| q.borrow_mut().drain(..).collect());
    if !input.is_empty() {
        inbox.0.extend(input);
    }
}

fn publish_access(tree: Res<AccessTree>, strings: Res<crate::text::Strings>) {
    if !tree.is_changed() {
        return;
    }
    ACCESS_GENERATION.with(|g| *g.borrow_mut() = tree.generation);
    if let Err(e) = render_access(&tree, &strings) {
        web_sys::console::warn_1(&e);
    }
}

fn render_access(tree: &AccessTree, strings: &crate::text::Strings) -> Result<(), JsValue> {
    let doc = document().ok_or("no document")?;
    let root = access_root().ok_or("no #access")?;
    root.set_attribute("aria-label", &strings.get("access.layer"))?;
    let had_focus = doc.active_element().is_some_and(|a| root.contains(Some(&a)));
    let focused_id = doc.active_element().filter(|_| had_focus).and_then(|a| a.get_attribute("data-id"));
    let last = root.get_attribute("data-last");
    let list = doc.create_element("div")?;
    for item in &tree.items {
        let el = match item {
            Item::Heading { level, text } => {
                let h = doc.create_element(&format!("h{}", level.clamp(&1, &6)))?;
                h.set_text_content(Some(text));
                h.set_attribute("tabindex", "-1")?;
                h
            }
            Item::Text { text } => {
                let p = doc.create_element("p")?;
                p.set_text_content(Some(text));
                p
            }
            Item::Button { index, id, label, enabled, pressed } => {
                let b = doc.create_element("button")?;
                b.set_attribute("type", "button")?;
                b.set_attribute("data-i", &index.to_string())?;
                b.set_attribute("data-id", id)?;
                if !enabled {
                    b.set_attribute("aria-disabled", "true")?;
                }
                if *pressed {
                    b.set_attribute("aria-pressed", "true")?;
                }
                b.set_text_content(Some(label));
                b
            }
            Item::Field { index, id, label, value } => {
                let wrap = doc.create_element("label")?;
                let name = doc.create_element("span")?;
                name.set_text_content(Some(label));
                let input: web_sys::HtmlInputElement = doc.create_element("input")?.dyn_into()?;
                input.set_type("text");
                input.set_value(value);
                input.set_attribute("data-i", &index.to_string())?;
                input.set_attribute("data-id", id)?;
                input.set_attribute("autocomplete", "off")?;
                wrap.append_child(&name)?;
                wrap.append_child(&input)?;
                wrap
            }
        };
        list.append_child(&el)?;
    }
    root.replace_children_with_node_1(&list);
    root.set_attribute("data-generation", &tree.generation.to_string())?;
    let live = doc.get_element_by_id("access-live");
    let moved = live.as_ref().is_some_and(|l| l.text_content().unwrap_or_default() != tree.announce);
    if let (Some(live), true) = (live, moved) {
        live.set_text_content(Some(&tree.announce));
    }
    // Keep the place of someone using the page: on a new screen or phase its
    // first heading, else the control they were on or the one they pressed.
    if had_focus {
        let find = |id: &str| root.query_selector(&format!("[data-id=\"{}\"]", id.replace('"', "\\\""))).ok().flatten();
        let heading = || root.query_selector("h1, h2, h3").ok().flatten();
        let target = if moved { heading() } else { None }
            .or_else(|| focused_id.as_deref().and_then(find))
            .or_else(|| last.as_deref().and_then(find))
            .or_else(heading);
        if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }
    Ok(())
}

/// Escape with no window open leaves the canvas for the screen as text (and
/// from there Tab goes on to the browser): the keyboard is never trapped in
/// the game. Shift-Tab from the text comes back to the canvas.
fn leave_the_canvas(
    keys: Res<ButtonInput<KeyCode>>,
    overlay: Res<State<crate::actions::Overlay>>,
    kiosk: Res<crate::kiosk::Kiosk>,
) {
    if kiosk.on || *overlay.get() != crate::actions::Overlay::None || !keys.just_pressed(KeyCode::Escape) {
        return;
    }
    let target = access_root().and_then(|root| root.query_selector("h1, h2, h3, button").ok().flatten());
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
