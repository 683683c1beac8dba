//! The screen as a document for screen readers (`a11y`): written into the
//! page's #access section as headings, paragraphs, buttons and inputs, with
//! the live region #access-live; presses and typing there come back to the
//! game as the canvas controls' own actions.

use std::cell::RefCell;

use bevy::prelude::*;
use wasm_bindgen::prelude::*;

use super::dom::{document, wake};
use crate::a11y::{AccessInbox, AccessInput, AccessTree, Item};
use crate::core::flow::Overlay;
use crate::core::launch::Kiosk;
use crate::core::sets::AppSystems;
use crate::core::text::Strings;

pub fn plugin(app: &mut App) {
    app.add_systems(Startup, listen_for_access)
        .add_systems(PreUpdate, collect_access.in_set(AppSystems::Collect))
        .add_systems(Update, leave_the_canvas.in_set(AppSystems::HandleActs))
        .add_systems(Last, publish_access.in_set(AppSystems::Publish));
}

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

fn publish_access(tree: Res<AccessTree>, strings: Res<Strings>) {
    if !tree.is_changed() {
        return;
    }
    ACCESS_GENERATION.with(|g| *g.borrow_mut() = tree.generation);
    if let Err(e) = render_access(&tree, &strings) {
        web_sys::console::warn_1(&e);
    }
}

fn render_access(tree: &AccessTree, strings: &Strings) -> Result<(), JsValue> {
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
fn leave_the_canvas(keys: Res<ButtonInput<KeyCode>>, overlay: Res<State<Overlay>>, kiosk: Res<Kiosk>) {
    if kiosk.on || *overlay.get() != Overlay::None || !keys.just_pressed(KeyCode::Escape) {
        return;
    }
    let target = access_root().and_then(|root| root.query_selector("h1, h2, h3, button").ok().flatten());
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
