//! Controls answering the pointer, touch and keyboard: a button's activation
//! becomes an `Act`, Enter in a field does its `SubmitOn`, buttons take the
//! colours of their state, and the focused control gets a ring.

use bevy::input_focus::{InputFocus, InputFocusVisible};
use bevy::picking::hover::Hovered;
use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui::{InteractionDisabled, Pressed};
use bevy::ui_widgets::Activate;

use super::palette;
use super::semantics::{ButtonEnabled, ButtonLook, SubmitOn};
use crate::core::action::{Act, UiAction};
use crate::core::sets::AppSystems;

pub fn plugin(app: &mut App) {
    app.add_observer(on_activate)
        .add_observer(submit_on_enter)
        .add_systems(PostUpdate, (button_colours, focus_ring).in_set(AppSystems::Paint))
        .add_systems(Last, forget_acts);
}

/// An action is handled in the frame it happens, by the screen showing then.
/// Messages normally live two frames; without this, a click that changes the
/// screen would be handled again by the screen it leads to.
fn forget_acts(mut acts: ResMut<Messages<Act>>) {
    acts.clear();
}

fn on_activate(event: On<Activate>, actions: Query<&UiAction>, mut acts: MessageWriter<Act>) {
    if let Ok(action) = actions.get(event.entity) {
        acts.write(Act(action.clone()));
    }
}

fn button_colours(
    mut commands: Commands,
    mut buttons: Query<
        (Entity, &mut BackgroundColor, &ButtonLook, &ButtonEnabled, &Hovered, Has<Pressed>, Has<InteractionDisabled>),
        Or<(Changed<Hovered>, Added<ButtonLook>, Changed<ButtonEnabled>, Changed<Pressed>)>,
    >,
) {
    for (entity, mut bg, look, enabled, hovered, pressed, disabled) in &mut buttons {
        if !enabled.0 && !disabled {
            commands.entity(entity).insert(InteractionDisabled);
        } else if enabled.0 && disabled {
            commands.entity(entity).remove::<InteractionDisabled>();
        }
        bg.0 = match (enabled.0, look, pressed, hovered.0) {
            (false, _, _, _) => palette::BUTTON_DISABLED,
            (true, _, true, _) => palette::BUTTON_PRESSED,
            (true, ButtonLook::Selected, _, _) => palette::BUTTON_SELECTED,
            (true, ButtonLook::Primary, _, false) => palette::ACCENT,
            (true, ButtonLook::Primary, _, true) => palette::ACCENT_DARK,
            (true, ButtonLook::Normal, _, true) => palette::BUTTON_HOVER,
            (true, ButtonLook::Normal, _, false) => palette::BUTTON,
        };
    }
}

/// A visible ring around the focused control while the keyboard is in use.
fn focus_ring(
    mut commands: Commands,
    focus: Res<InputFocus>,
    visible: Res<InputFocusVisible>,
    ringed: Query<Entity, With<Outline>>,
) {
    if !focus.is_changed() && !visible.is_changed() {
        return;
    }
    for e in &ringed {
        commands.entity(e).remove::<Outline>();
    }
    if let (Some(e), true) = (focus.get(), visible.0)
        && let Ok(mut ec) = commands.get_entity(e)
    {
        ec.insert(Outline { width: px(3), offset: px(2), color: palette::FOCUS });
    }
}

fn submit_on_enter(
    input: On<bevy::input_focus::FocusedInput<bevy::input::keyboard::KeyboardInput>>,
    fields: Query<(&SubmitOn, &EditableText)>,
    mut acts: MessageWriter<Act>,
) {
    let key = &input.input;
    if key.state.is_pressed()
        && key.logical_key == bevy::input::keyboard::Key::Enter
        && let Ok((submit, text)) = fields.get(input.focused_entity)
        && !text.is_composing()
    {
        acts.write(Act(submit.0.clone()));
    }
}
