//! The settings window: text size, high contrast, reduced motion and
//! colour-safe charts.

use bevy::prelude::*;

use crate::core::action::{SettingsMove, UiAction};
use crate::core::launch::BrowserMotion;
use crate::core::text::Strings;
use crate::game::settings::{Settings, TEXT_SCALES};
use crate::ui::{self, ButtonLook, button_with};

/// Each setting: its name, then its choices as buttons (the chosen one marked).
pub fn settings_list(list: &mut ChildSpawnerCommands, settings: &Settings, motion: &BrowserMotion, s: &Strings) {
    let choices = |list: &mut ChildSpawnerCommands, name: &str, options: Vec<(String, SettingsMove, bool)>| {
        list.spawn(ui::body(s.get(name)));
        list.spawn(Node { column_gap: px(8), row_gap: px(8), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(
            |r| {
                for (label, m, on) in options {
                    let look = if on { ButtonLook::Selected } else { ButtonLook::Normal };
                    r.spawn(button_with(label, UiAction::Settings(m), look, true));
                }
            },
        );
    };
    let on_off = |now: bool, make: fn(bool) -> SettingsMove| {
        vec![(s.get("settings.off"), make(false), !now), (s.get("settings.on"), make(true), now)]
    };
    let sizes = TEXT_SCALES.iter().map(|&p| (format!("{p}%"), SettingsMove::TextScale(p), settings.text_scale == p));
    choices(list, "settings.text_size", sizes.collect());
    choices(list, "settings.high_contrast", on_off(settings.high_contrast, SettingsMove::HighContrast));
    choices(list, "settings.reduced_motion", on_off(settings.reduced_motion(motion), SettingsMove::ReducedMotion));
    list.spawn(ui::small(s.get("settings.reduced_motion_note")));
    choices(list, "settings.colour_safe", on_off(settings.colour_safe, SettingsMove::ColourSafe));
    list.spawn(ui::small(s.get("settings.colour_safe_note")));
}
