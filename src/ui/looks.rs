//! The looks the settings offer: high contrast, and chart and map colours
//! that stay apart for every kind of colour blindness. Screens draw with the
//! standard palette (`ui::palette`); this plugin swaps each colour on
//! screen for its counterpart in the chosen look, and swaps them back when
//! the look changes, so no screen needs to know which look is on.
//!
//! `tests/game.rs` checks the contrast of every text and control on every
//! screen in every look (text at least 4.5:1, controls and chart marks 3:1).

use bevy::prelude::*;

use super::palette as p;
use crate::core::sets::AppSystems;
use crate::game::settings::Settings;

/// The colour-safe series colours (after Okabe and Ito's palette, darkened
/// for text): vermillion, blue and near-black differ in hue and lightness.
pub mod safe {
    use bevy::prelude::Color;
    pub const REPORTED: Color = Color::srgb(0.66, 0.27, 0.0);
    pub const REAL: Color = Color::srgb(0.0, 0.40, 0.64);
    pub const NATIONAL: Color = Color::srgb(0.15, 0.15, 0.15);
}

/// The high-contrast palette: black on white, strong borders.
pub mod high {
    use bevy::prelude::Color;
    pub const PAPER: Color = Color::srgb(1.0, 1.0, 1.0);
    pub const INK: Color = Color::srgb(0.0, 0.0, 0.0);
    pub const MUTED: Color = Color::srgb(0.1, 0.1, 0.1);
    pub const ACCENT: Color = Color::srgb(0.55, 0.0, 0.0);
    pub const ACCENT_DARK: Color = Color::srgb(0.35, 0.0, 0.0);
    pub const BUTTON_HOVER: Color = Color::srgb(0.2, 0.2, 0.25);
    pub const BUTTON_PRESSED: Color = Color::srgb(0.3, 0.3, 0.3);
    pub const BUTTON_DISABLED: Color = Color::srgb(0.45, 0.45, 0.45);
    pub const ON_DARK_DIM: Color = Color::srgb(0.85, 0.85, 0.85);
    pub const FOCUS: Color = Color::srgb(0.0, 0.25, 0.85);
    pub const WARNING_BG: Color = Color::srgb(1.0, 0.92, 0.82);
    pub const REPORTED: Color = Color::srgb(0.6, 0.2, 0.0);
    pub const REAL: Color = Color::srgb(0.0, 0.35, 0.0);
    pub const NATIONAL: Color = Color::srgb(0.0, 0.2, 0.6);
    pub const SAFE_REPORTED: Color = Color::srgb(0.55, 0.2, 0.0);
    pub const SAFE_REAL: Color = Color::srgb(0.0, 0.3, 0.55);
    pub const SHADE: Color = Color::srgba(0.0, 0.0, 0.0, 0.85);
}

/// Which look: what the settings ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Look {
    pub high_contrast: bool,
    pub colour_safe: bool,
}

impl Look {
    pub const ALL: [Look; 4] = [
        Look { high_contrast: false, colour_safe: false },
        Look { high_contrast: true, colour_safe: false },
        Look { high_contrast: false, colour_safe: true },
        Look { high_contrast: true, colour_safe: true },
    ];

    pub fn of(settings: &Settings) -> Look {
        Look { high_contrast: settings.high_contrast, colour_safe: settings.colour_safe }
    }

    /// A standard palette colour as this look draws it.
    pub fn colour(self, c: Color) -> Color {
        let c = if self.colour_safe { safe_series(c) } else { c };
        if self.high_contrast { high_contrast(c) } else { c }
    }
}

fn safe_series(c: Color) -> Color {
    match c {
        c if c == p::REPORTED => safe::REPORTED,
        c if c == p::REAL => safe::REAL,
        c if c == p::NATIONAL => safe::NATIONAL,
        c => c,
    }
}

fn high_contrast(c: Color) -> Color {
    let table: [(Color, Color); 21] = [
        (p::PAPER, high::PAPER),
        (p::PANEL, high::PAPER),
        (p::INK, high::INK),
        (p::MUTED, high::MUTED),
        (p::RULE, high::INK),
        (p::ACCENT, high::ACCENT),
        (p::ACCENT_DARK, high::ACCENT_DARK),
        (p::BUTTON, high::INK),
        (p::BUTTON_HOVER, high::BUTTON_HOVER),
        (p::BUTTON_PRESSED, high::BUTTON_PRESSED),
        (p::BUTTON_SELECTED, high::ACCENT),
        (p::BUTTON_DISABLED, high::BUTTON_DISABLED),
        (p::ON_BUTTON, high::PAPER),
        (p::ON_DARK_DIM, high::ON_DARK_DIM),
        (p::FOCUS, high::FOCUS),
        (p::WARNING_BG, high::WARNING_BG),
        (p::REPORTED, high::REPORTED),
        (p::REAL, high::REAL),
        (p::NATIONAL, high::NATIONAL),
        (safe::REPORTED, high::SAFE_REPORTED),
        (safe::REAL, high::SAFE_REAL),
    ];
    if c == p::SHADE {
        return high::SHADE;
    }
    table.iter().find(|(from, _)| *from == c).map_or(c, |(_, to)| *to)
}

pub fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        (
            recolour::<BackgroundColor>,
            recolour::<TextColor>,
            recolour::<BorderColor>,
            recolour::<Outline>,
            paper.run_if(resource_changed::<Settings>),
        )
            .in_set(AppSystems::Repaint)
            .before(bevy::ui::UiSystems::Prepare),
    );
}

/// The colour under every screen.
fn paper(settings: Res<Settings>, mut clear: ResMut<ClearColor>) {
    let want = Look::of(&settings).colour(p::PAPER);
    if clear.0 != want {
        clear.0 = want;
    }
}

/// A component that holds colours.
pub trait Coloured: Component<Mutability = bevy::ecs::component::Mutable> + Clone + PartialEq {
    fn map(&self, f: impl Fn(Color) -> Color) -> Self;
}

impl Coloured for BackgroundColor {
    fn map(&self, f: impl Fn(Color) -> Color) -> Self {
        BackgroundColor(f(self.0))
    }
}

impl Coloured for TextColor {
    fn map(&self, f: impl Fn(Color) -> Color) -> Self {
        TextColor(f(self.0))
    }
}

impl Coloured for BorderColor {
    fn map(&self, f: impl Fn(Color) -> Color) -> Self {
        BorderColor { top: f(self.top), right: f(self.right), bottom: f(self.bottom), left: f(self.left) }
    }
}

impl Coloured for Outline {
    fn map(&self, f: impl Fn(Color) -> Color) -> Self {
        Outline { color: f(self.color), ..*self }
    }
}

/// The colour a screen drew with, before the look changed it.
#[derive(Component)]
pub struct Drawn<C: Coloured>(pub C);

/// Swap new colours for the look's, and every colour when the look changes.
fn recolour<C: Coloured>(
    mut commands: Commands,
    settings: Res<Settings>,
    mut last: Local<Option<Look>>,
    mut all: Query<(Entity, &mut C, Option<&mut Drawn<C>>)>,
) {
    let look = Look::of(&settings);
    let before = last.unwrap_or(look);
    let switched = before != look || last.is_none();
    *last = Some(look);
    for (entity, mut colour, drawn) in &mut all {
        let new = colour.is_changed();
        let want = match drawn {
            Some(mut drawn) => {
                // Not the colour this plugin put there: the screen drew anew.
                if new && *colour != drawn.0.map(|c| before.colour(c)) {
                    drawn.0 = colour.clone();
                } else if !switched {
                    continue;
                }
                drawn.0.map(|c| look.colour(c))
            }
            None => {
                if !(new || switched) {
                    continue;
                }
                commands.entity(entity).insert(Drawn(colour.clone()));
                colour.map(|c| look.colour(c))
            }
        };
        if *colour != want {
            *colour = want;
        }
    }
}
