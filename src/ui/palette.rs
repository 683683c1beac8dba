//! The game's colours and text sizes: a sober palette, paper and ink.

use bevy::prelude::Color;

pub const PAPER: Color = Color::srgb(0.949, 0.929, 0.886);
pub const PANEL: Color = Color::srgb(0.984, 0.973, 0.949);
pub const INK: Color = Color::srgb(0.13, 0.12, 0.11);
pub const MUTED: Color = Color::srgb(0.35, 0.33, 0.30);
pub const RULE: Color = Color::srgb(0.70, 0.66, 0.60);
pub const ACCENT: Color = Color::srgb(0.56, 0.13, 0.11);
pub const ACCENT_DARK: Color = Color::srgb(0.42, 0.08, 0.07);
pub const BUTTON: Color = Color::srgb(0.30, 0.27, 0.24);
pub const BUTTON_HOVER: Color = Color::srgb(0.40, 0.36, 0.32);
pub const BUTTON_PRESSED: Color = Color::srgb(0.20, 0.18, 0.16);
pub const BUTTON_SELECTED: Color = Color::srgb(0.56, 0.13, 0.11);
pub const BUTTON_DISABLED: Color = Color::srgb(0.72, 0.70, 0.67);
pub const ON_BUTTON: Color = Color::srgb(0.98, 0.97, 0.95);
/// Quieter text on the dark top bar (the phases not yet reached).
pub const ON_DARK_DIM: Color = Color::srgb(0.72, 0.68, 0.62);
/// The shade over the screen behind a window.
pub const SHADE: Color = Color::srgba(0.05, 0.04, 0.03, 0.72);
pub const FOCUS: Color = Color::srgb(0.05, 0.35, 0.75);
pub const REPORTED: Color = Color::srgb(0.68, 0.26, 0.10);
pub const REAL: Color = Color::srgb(0.23, 0.36, 0.20);
pub const NATIONAL: Color = Color::srgb(0.25, 0.32, 0.52);
pub const WARNING_BG: Color = Color::srgb(0.98, 0.90, 0.85);
// The map.
pub const FIELD_SPRING: Color = Color::srgb(0.62, 0.74, 0.45);
pub const FIELD_SUMMER: Color = Color::srgb(0.78, 0.72, 0.35);
pub const FIELD_AUTUMN: Color = Color::srgb(0.80, 0.62, 0.30);
pub const FIELD_WINTER: Color = Color::srgb(0.66, 0.62, 0.55);
pub const WATER: Color = Color::srgb(0.33, 0.52, 0.68);
pub const HOUSE: Color = Color::srgb(0.55, 0.45, 0.38);
pub const PERSON: Color = Color::srgb(0.20, 0.18, 0.16);
pub const PERSON_WEAK: Color = Color::srgb(0.55, 0.52, 0.48);
pub const FURNACE: Color = Color::srgb(0.35, 0.30, 0.28);
pub const FURNACE_GLOW: Color = Color::srgb(0.93, 0.45, 0.12);
pub const SMOKE: Color = Color::srgba(0.45, 0.43, 0.42, 0.55);
pub const GRAIN: Color = Color::srgb(0.85, 0.70, 0.30);

pub const SIZE_SMALL: f32 = 15.0;
pub const SIZE_BODY: f32 = 18.0;
pub const SIZE_HEADING: f32 = 24.0;
pub const SIZE_TITLE: f32 = 44.0;
