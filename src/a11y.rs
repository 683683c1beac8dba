//! The screen as a document, for screen readers. A Bevy canvas is a picture
//! to them, so every frame that changes the screen also builds this list of
//! what is on it, in reading order: headings, texts, the buttons (with what
//! they do) and text fields. In the browser `web.rs` writes it into a hidden
//! part of the page as real headings, buttons and inputs, with a live region
//! that says when the screen or phase changes and what the season brought.
//!
//! A button pressed there, or text typed into a field there, comes back
//! through `AccessInbox` and is handled exactly like the canvas control it
//! stands for: the same `Act` message, the same text in the same field.

use bevy::prelude::*;
use bevy::text::EditableText;
use serde::Serialize;

use crate::core::action::{Act, UiAction};
use crate::core::flow::{Overlay, Phase, Screen};
use crate::core::sets::AppSystems;
use crate::ui::semantics::{Announce, ButtonEnabled, ButtonLook, Field, SubmitOn};
use crate::ui::{SIZE_BODY, SIZE_HEADING, SIZE_TITLE};

/// One thing on screen, in reading order.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Item {
    Heading {
        level: u8,
        text: String,
    },
    Text {
        text: String,
    },
    /// `index` is what the page sends back to press it.
    Button {
        index: usize,
        id: String,
        label: String,
        enabled: bool,
        pressed: bool,
    },
    /// `label` is the text shown before it.
    Field {
        index: usize,
        id: String,
        label: String,
        value: String,
    },
}

/// The current screen as a document.
#[derive(Resource, Default, Serialize, Clone, Debug, PartialEq)]
pub struct AccessTree {
    /// Changes whenever the items do; input for an older one is dropped.
    pub generation: u64,
    pub items: Vec<Item>,
    /// Said by the live region: the new screen or phase and its news.
    pub announce: String,
    #[serde(skip)]
    pub actions: Vec<UiAction>,
    #[serde(skip)]
    pub fields: Vec<Entity>,
}

/// What the page sends back.
#[derive(Clone, Debug, PartialEq)]
pub enum AccessInput {
    Press {
        generation: u64,
        index: usize,
    },
    Type {
        generation: u64,
        index: usize,
        value: String,
    },
    /// Enter in a field: what Enter in the canvas field does.
    Submit {
        generation: u64,
        index: usize,
    },
}

#[derive(Resource, Default)]
pub struct AccessInbox(pub Vec<AccessInput>);

pub fn plugin(app: &mut App) {
    app.init_resource::<AccessTree>()
        .init_resource::<AccessInbox>()
        .add_systems(PreUpdate, take_input.in_set(AppSystems::ReadInput))
        .add_systems(Last, build.in_set(AppSystems::Describe));
}

/// The page's presses and typing, as the canvas controls would send them.
pub fn take_input(
    mut inbox: ResMut<AccessInbox>,
    tree: Res<AccessTree>,
    mut acts: MessageWriter<Act>,
    mut fields: Query<(&mut EditableText, Option<&SubmitOn>)>,
) {
    if inbox.0.is_empty() {
        return;
    }
    for input in std::mem::take(&mut inbox.0) {
        match input {
            AccessInput::Press { generation, index } if generation == tree.generation => {
                let enabled =
                    tree.items.iter().any(|i| matches!(i, Item::Button { index: n, enabled: true, .. } if *n == index));
                if let (Some(action), true) = (tree.actions.get(index), enabled) {
                    acts.write(Act(action.clone()));
                }
            }
            AccessInput::Submit { generation, index } if generation == tree.generation => {
                if let Some((_, Some(submit))) = tree.fields.get(index).and_then(|&e| fields.get(e).ok()) {
                    acts.write(Act(submit.0.clone()));
                }
            }
            AccessInput::Type { generation, index, value } if generation == tree.generation => {
                if let Some((mut text, _)) = tree.fields.get(index).and_then(|&e| fields.get_mut(e).ok()) {
                    let limit = text.max_characters.unwrap_or(usize::MAX);
                    let value: String = value.chars().take(limit).collect();
                    text.editor_mut().set_text(&value);
                }
            }
            _ => {}
        }
    }
}

#[derive(bevy::ecs::system::SystemParam)]
struct Ui<'w, 's> {
    roots: Query<
        'w,
        's,
        (Entity, Option<&'static GlobalZIndex>, Option<&'static bevy::input_focus::tab_navigation::TabGroup>),
        (With<Node>, Without<ChildOf>),
    >,
    nodes: Query<'w, 's, (&'static Node, Option<&'static Visibility>, Option<&'static Children>)>,
    buttons: Query<'w, 's, (&'static UiAction, &'static ButtonEnabled, Option<&'static ButtonLook>)>,
    texts: Query<'w, 's, (&'static Text, &'static TextFont, Has<Announce>)>,
    fields: Query<'w, 's, (&'static EditableText, &'static Field)>,
    children: Query<'w, 's, &'static Children>,
}

/// Rebuild the document; a new generation only when it differs.
fn build(
    ui: Ui,
    mut tree: ResMut<AccessTree>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<Phase>>>,
    overlay: Res<State<Overlay>>,
    mut last_place: Local<Option<(Screen, Option<Phase>, Overlay)>>,
) {
    let mut roots: Vec<(i32, Entity, bool)> =
        ui.roots.iter().map(|(e, z, group)| (z.map_or(0, |z| z.0), e, group.is_some_and(|g| g.modal))).collect();
    roots.sort_by_key(|&(z, e, _)| (z, e));
    // Behind a modal window nothing can be used, so nothing is read.
    if let Some(&(top, _, _)) = roots.iter().rev().find(|r| r.2) {
        roots.retain(|r| r.0 >= top);
    }
    let mut doc = Doc::default();
    for (_, root, _) in roots {
        doc.walk(&ui, root);
    }
    let place = (*screen.get(), phase.map(|p| *p.get()), *overlay.get());
    let moved = *last_place != Some(place);
    *last_place = Some(place);
    if !moved && shape(&doc.items) == shape(&tree.items) {
        // Typing in a field changes only its value: the page's own input
        // already shows it, and redrawing the page would move its caret.
        if doc.items != tree.items {
            tree.bypass_change_detection().items = doc.items;
        }
        return;
    }
    let announce = if moved {
        let headings = doc.items.iter().filter_map(|i| match i {
            Item::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        });
        let mut said = String::new();
        for part in headings.chain(doc.announce.iter().map(String::as_str)) {
            if !said.is_empty() {
                said.push_str(if said.ends_with(['.', '!', '?', '\u{3002}', '\u{ff01}', '\u{ff1f}']) {
                    " "
                } else {
                    ". "
                });
            }
            said.push_str(part);
        }
        said
    } else {
        tree.announce.clone()
    };
    *tree = AccessTree {
        generation: tree.generation + 1,
        items: doc.items,
        announce,
        actions: doc.actions,
        fields: doc.fields,
    };
}

/// The items without the values typed into fields.
fn shape(items: &[Item]) -> Vec<Item> {
    items
        .iter()
        .map(|i| match i {
            Item::Field { index, id, label, .. } => {
                Item::Field { index: *index, id: id.clone(), label: label.clone(), value: String::new() }
            }
            other => other.clone(),
        })
        .collect()
}

#[derive(Default)]
struct Doc {
    items: Vec<Item>,
    actions: Vec<UiAction>,
    fields: Vec<Entity>,
    announce: Vec<String>,
}

impl Doc {
    fn walk(&mut self, ui: &Ui, e: Entity) {
        let Ok((node, visibility, children)) = ui.nodes.get(e) else { return };
        if node.display == Display::None || visibility == Some(&Visibility::Hidden) {
            return;
        }
        if let Ok((action, enabled, look)) = ui.buttons.get(e) {
            let mut label = Vec::new();
            collect_text(ui, e, &mut label);
            self.items.push(Item::Button {
                index: self.actions.len(),
                id: action.id(),
                label: label.join(" "),
                enabled: enabled.0,
                pressed: look == Some(&ButtonLook::Selected),
            });
            self.actions.push(action.clone());
            return;
        }
        if let Ok((text, field)) = ui.fields.get(e) {
            let label = self
                .items
                .iter()
                .rev()
                .find_map(|i| match i {
                    Item::Text { text } | Item::Heading { text, .. } => Some(text.clone()),
                    _ => None,
                })
                .unwrap_or_default();
            self.items.push(Item::Field {
                index: self.fields.len(),
                id: field.id().to_string(),
                label,
                value: text.value().to_string(),
            });
            self.fields.push(e);
            return;
        }
        if let Ok((text, font, announce)) = ui.texts.get(e)
            && text.0.chars().any(char::is_alphanumeric)
        {
            let size = match font.font_size {
                bevy::text::FontSize::Px(v) => v,
                _ => SIZE_BODY,
            };
            let words = text.0.trim().to_string();
            if announce {
                self.announce.push(words.clone());
            }
            self.items.push(if size >= SIZE_TITLE {
                Item::Heading { level: 1, text: words }
            } else if size >= SIZE_HEADING {
                Item::Heading { level: 2, text: words }
            } else {
                Item::Text { text: words }
            });
        }
        // A row of texts alone (a ledger line: its label and its figure) reads as one line.
        let kids: Vec<Entity> = children.into_iter().flatten().copied().collect();
        let row: Option<Vec<String>> = (node.flex_direction == FlexDirection::Row && kids.len() >= 2)
            .then(|| {
                kids.iter()
                    .map(|&k| {
                        let leaf = ui.children.get(k).map_or(true, |c| c.is_empty());
                        let text = ui.texts.get(k).ok().filter(|(_, _, announce)| !announce && leaf);
                        text.map(|(t, _, _)| t.0.trim().to_string())
                    })
                    .collect::<Option<Vec<String>>>()
            })
            .flatten();
        if let Some(parts) = row.filter(|p| p.iter().all(|t| t.chars().any(char::is_alphanumeric))) {
            self.items.push(Item::Text { text: parts.join(": ") });
            return;
        }
        for child in kids {
            self.walk(ui, child);
        }
    }
}

fn collect_text(ui: &Ui, e: Entity, out: &mut Vec<String>) {
    if let Ok((text, _, _)) = ui.texts.get(e)
        && !text.0.trim().is_empty()
    {
        out.push(text.0.trim().to_string());
    }
    for &child in ui.children.get(e).into_iter().flatten() {
        collect_text(ui, child, out);
    }
}
