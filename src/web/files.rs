//! The classroom's browser work: the link the page was opened with,
//! downloads, printing, the clipboard, and report files chosen or dropped
//! by a teacher. Results come back through the game's `Inbox`.

use std::cell::RefCell;

use bevy::prelude::*;
use classroom::verify::MAX_REPORTS;
use wasm_bindgen::prelude::*;

use super::dom::{document, wake};
use crate::core::launch::{Kiosk, LaunchQuery, PageAddress};
use crate::core::sets::AppSystems;
use crate::game::lesson::{Inbox, IncomingFile, Outbox};
use crate::ui::print::escape;

// printing, the clipboard, and report files chosen or dropped by a teacher.

thread_local! {
    static INCOMING: RefCell<Vec<IncomingFile>> = const { RefCell::new(Vec::new()) };
    static NOTICES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static ACCEPT_DROPS: RefCell<bool> = const { RefCell::new(false) };
}

/// Read the page's address and query before anything else looks at them.
pub fn plugin(app: &mut App) {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        let query = location.search().unwrap_or_default();
        let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
        app.insert_resource(LaunchQuery(query)).insert_resource(PageAddress(base));
    }
    app.add_systems(Startup, listen_for_files)
        .add_systems(PreUpdate, collect_incoming.in_set(AppSystems::Collect))
        .add_systems(Last, deliver_outbox.in_set(AppSystems::Publish));
}

/// Read each file as text, within the report size limit; larger ones are
/// named but never read.
fn read_files(files: web_sys::FileList) {
    let limit = MAX_REPORTS;
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
        escape(&css)
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

fn deliver_outbox(mut outbox: ResMut<Outbox>, mut inbox: ResMut<Inbox>, kiosk: Res<Kiosk>) {
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
