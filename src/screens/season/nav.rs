//! The row under every phase: back, and on.

use bevy::prelude::*;

use crate::core::action::UiAction;
use crate::core::text::Strings;
use crate::ui::{ButtonLook, button, button_with};

pub fn nav(panel: &mut ChildSpawnerCommands, s: &Strings, back: bool, next_label: String, next_enabled: bool) {
    panel.spawn(Node { column_gap: px(10), margin: UiRect::top(px(8)), ..default() }).with_children(|r| {
        if back {
            r.spawn(button(s.get("button.back"), UiAction::Back));
        }
        r.spawn(button_with(next_label, UiAction::Next, ButtonLook::Primary, next_enabled));
    });
}
