//! The keyboard: Tab and Shift-Tab (Bevy's tab navigation) and the arrow
//! keys move the focus through the controls of the screen, or of the window
//! open over it; Home and End go to the first and the last; Enter or Space
//! uses the focused control; Escape closes a window (overlays.rs). The
//! focused control is ringed (theme.rs) and kept in view: a panel scrolls
//! to it when the focus moves out of sight.

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::input_focus::tab_navigation::{NavAction, TabNavigation, TabNavigationError};
use bevy::input_focus::{FocusCause, FocusedInput, InputFocus, InputFocusVisible};
use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui::{ComputedNode, UiGlobalTransform};

use super::scroll::Scrollable;

pub fn plugin(app: &mut App) {
    app.add_observer(arrows).add_systems(PostUpdate, keep_focus_in_view.after(bevy::ui::UiSystems::Layout));
}

fn arrows(
    mut event: On<FocusedInput<KeyboardInput>>,
    nav: TabNavigation,
    mut focus: ResMut<InputFocus>,
    mut visible: ResMut<InputFocusVisible>,
    fields: Query<(), With<EditableText>>,
) {
    let key = &event.input;
    if key.state != ButtonState::Pressed || fields.contains(event.focused_entity) {
        // In a text field the arrows move the caret.
        return;
    }
    let action = match key.key_code {
        KeyCode::ArrowDown | KeyCode::ArrowRight => NavAction::Next,
        KeyCode::ArrowUp | KeyCode::ArrowLeft => NavAction::Previous,
        KeyCode::Home => NavAction::First,
        KeyCode::End => NavAction::Last,
        _ => return,
    };
    // Focus on the window itself (as at the start) is outside every tab
    // group; navigation then offers the screen's first control.
    let next = match nav.navigate(&focus, action) {
        Ok(next) | Err(TabNavigationError::NoTabGroupForCurrentFocus { new_focus: next, .. }) => next,
        Err(_) => return,
    };
    event.propagate(false);
    focus.set(next, FocusCause::Navigated);
    visible.0 = true;
}

/// Scroll the focused control's panel so that the control is in sight.
fn keep_focus_in_view(
    focus: Res<InputFocus>,
    visible: Res<InputFocusVisible>,
    nodes: Query<(&ComputedNode, &UiGlobalTransform)>,
    parents: Query<&ChildOf>,
    mut panels: Query<&mut ScrollPosition, With<Scrollable>>,
) {
    if !(focus.is_changed() && visible.0) {
        return;
    }
    let Some(focused) = focus.get() else { return };
    let Some(panel) = parents.iter_ancestors(focused).find(|&e| panels.contains(e)) else { return };
    let (Ok((node, at)), Ok((panel_node, panel_at))) = (nodes.get(focused), nodes.get(panel)) else { return };
    let (top, bottom) = span(node, at);
    let (panel_top, panel_bottom) = span(panel_node, panel_at);
    let margin = 12.0 / panel_node.inverse_scale_factor.max(1e-3);
    let dy = if top < panel_top {
        top - panel_top - margin
    } else if bottom > panel_bottom {
        (bottom - panel_bottom + margin).min(top - panel_top - margin)
    } else {
        return;
    };
    if let Ok(mut pos) = panels.get_mut(panel) {
        pos.y = (pos.y + dy * panel_node.inverse_scale_factor).max(0.0);
    }
}

/// The top and bottom of a node, in physical pixels.
fn span(node: &ComputedNode, at: &UiGlobalTransform) -> (f32, f32) {
    let y = at.affine().translation.y;
    (y - node.size().y / 2.0, y + node.size().y / 2.0)
}
