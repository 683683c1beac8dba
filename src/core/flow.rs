//! Where the player is: the screen, the phase of a season, and the window
//! open over it. Every layer may ask; the screens decide.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Until the font is in place (the page shows its own loading bar while
    /// the game itself downloads).
    #[default]
    Loading,
    Title,
    Briefing,
    Season,
    YearSummary,
    Ending,
    Debrief,
    /// A student types a class code.
    ClassCode,
    /// The assignment's settings before play.
    Assignment,
    /// The knowledge check, before or after play.
    Knowledge,
    /// Handing in the report.
    HandIn,
    /// The teacher's view.
    Teacher,
    /// Kiosk mode: a recorded game replayed with captions, until a visitor touches Play.
    Attract,
}

/// The phases of a season, in order. Saved with the season's draft (the
/// names are part of the save format).
#[derive(SubStates, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[source(Screen = Screen::Season)]
pub enum Phase {
    #[default]
    News,
    Labour,
    Report,
    Procurement,
    Consequences,
}

impl Phase {
    pub const ALL: [Phase; 5] = [Phase::News, Phase::Labour, Phase::Report, Phase::Procurement, Phase::Consequences];

    pub fn key(self) -> &'static str {
        match self {
            Phase::News => "phase.news",
            Phase::Labour => "phase.labour",
            Phase::Report => "phase.report",
            Phase::Procurement => "phase.procurement",
            Phase::Consequences => "phase.consequences",
        }
    }
}

/// Windows that open over any screen.
#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Overlay {
    #[default]
    None,
    Codex,
    Glossary,
    Sources,
    Settings,
}

impl Overlay {
    /// The window's name in ids and keys ("codex", "settings").
    pub fn name(self) -> &'static str {
        match self {
            Overlay::None => "none",
            Overlay::Codex => "codex",
            Overlay::Glossary => "glossary",
            Overlay::Sources => "sources",
            Overlay::Settings => "settings",
        }
    }
}

/// The language on screen changed: the screen showing is drawn again in it.
#[derive(Message, Clone, Copy, Debug)]
pub struct LanguageChanged;
