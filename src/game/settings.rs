//! The player's settings: text size, high contrast, reduced motion and a
//! chart palette that colour-blind players can tell apart. They are kept in
//! the browser's storage and apply at once, on every screen; in kiosk mode
//! they are forgotten with the visit (its storage lives in memory).
//!
//! Reduced motion follows the browser's `prefers-reduced-motion` until the
//! player chooses otherwise.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::core::action::{Act, SettingsMove, UiAction};
use crate::core::launch::BrowserMotion;
use crate::core::platform::warn;
use crate::core::sets::AppSystems;
use crate::core::storage::Storage;

/// Where the settings are kept.
pub const KEY: &str = "great-leap.settings";

/// The text sizes offered, in percent.
pub const TEXT_SCALES: [u16; 5] = [100, 125, 150, 175, 200];

#[derive(Resource, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Text and controls at this size, 100–200 %.
    pub text_scale: u16,
    pub high_contrast: bool,
    /// `None`: as the browser asks.
    pub reduced_motion: Option<bool>,
    /// Chart and map colours chosen to differ for every kind of colour blindness.
    pub colour_safe: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { text_scale: 100, high_contrast: false, reduced_motion: None, colour_safe: false }
    }
}

impl Settings {
    /// Read stored settings; anything unreadable or out of range gives the defaults.
    pub fn parse(text: &str) -> Option<Settings> {
        let s: Settings = sim::input::parse_json(text, sim::input::SMALL).ok()?;
        (100..=200).contains(&s.text_scale).then_some(s)
    }

    pub fn reduced_motion(&self, browser: &BrowserMotion) -> bool {
        self.reduced_motion.unwrap_or(browser.0)
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Settings>()
        .init_resource::<BrowserMotion>()
        .add_systems(Startup, load)
        .add_systems(Update, change.in_set(AppSystems::HandleActs));
}

fn load(storage: Res<Storage>, mut settings: ResMut<Settings>) {
    let stored = storage.0.get(KEY).ok().flatten();
    if let Some(s) = stored.as_deref().and_then(Settings::parse) {
        *settings = s;
    } else if stored.is_some() {
        // A preference, not the player's work: the defaults replace it.
        warn("the stored settings could not be read; using the defaults");
        let _ = storage.0.remove(KEY);
    }
}

fn change(mut acts: MessageReader<Act>, mut settings: ResMut<Settings>, storage: Res<Storage>) {
    let before = *settings;
    let mut next = before;
    for Act(action) in acts.read() {
        if let UiAction::Settings(m) = action {
            match *m {
                SettingsMove::TextScale(pct) => next.text_scale = pct.clamp(100, 200),
                SettingsMove::HighContrast(on) => next.high_contrast = on,
                SettingsMove::ReducedMotion(on) => next.reduced_motion = Some(on),
                SettingsMove::ColourSafe(on) => next.colour_safe = on,
            }
        }
    }
    if next != before {
        *settings = next;
        if let Ok(text) = serde_json::to_string(&next) {
            let _ = storage.0.set(KEY, &text);
        }
    }
}
