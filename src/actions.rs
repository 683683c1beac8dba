//! Everything a control can do, as data. A button carries a `UiAction`; when
//! it is activated (pointer, touch or keyboard) the theme's observer writes
//! an `Act` message, and the screen that owns the action handles it.

use bevy::prelude::*;

#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum UiAction {
    NewGame,
    /// Start a new game although one is in progress (after a warning).
    ConfirmNewGame,
    Continue,
    Begin,
    ToTitle,
    Open(Overlay),
    CloseOverlay,
    Choose {
        directive: String,
        choice: String,
    },
    Labour {
        brigade: Option<usize>,
        task: Task,
        delta: i16,
    },
    Report(ReportMove),
    Procure(ProcureMove),
    /// On to the next phase of the season.
    Next,
    /// Back to the previous phase, before anything is submitted.
    Back,
    ShowDebrief,
    DeleteDamagedSave,
    KeepDamagedSave,
    /// Change a setting (the settings window).
    Settings(crate::settings::SettingsMove),
    /// Show the game in this language.
    Language(crate::text::Lang),
    /// The museum kiosk's own controls.
    Kiosk(KioskAction),
    /// Assignments, the knowledge check, handing in, and the teacher's view.
    Class(ClassAction),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassAction {
    /// From the title: type a class code.
    EnterCode,
    /// Open the class code typed in the field.
    OpenCode,
    /// From the title: look at the assignment the link opened.
    ShowAssignment,
    /// Start the assignment (after the nickname, if asked).
    Start,
    /// Knowledge check: question index, option index.
    Answer(usize, u8),
    FinishCheck,
    /// Hand in now (from the season, the ending or the debrief).
    HandIn,
    DownloadReport,
    PrintSummary,
    BackToGame,
    /// From the title: the teacher's view.
    Teacher,
    TeacherTab(TeacherTab),
    Scenario(usize),
    SeedPerStudent(bool),
    AskNickname(bool),
    Reduced(bool),
    Check(bool),
    NewSeed,
    CopyLink,
    CopyCode,
    PickReports,
    ExportCsv,
    PrintClass,
    ClearReports,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskAction {
    /// From the attract loop: a visitor starts a game.
    Play,
    /// Answer "Still playing?" with yes.
    KeepPlaying,
    /// The visitor is done: ask "Still playing?" now.
    Leave,
    /// Back to the attract loop, forgetting the visit.
    StartOver,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TeacherTab {
    #[default]
    Create,
    Reports,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Task {
    Fields,
    Furnaces,
    Water,
    Sideline,
}

impl Task {
    pub const ALL: [Task; 4] = [Task::Fields, Task::Furnaces, Task::Water, Task::Sideline];

    pub fn key(self) -> &'static str {
        match self {
            Task::Fields => "labour.fields",
            Task::Furnaces => "labour.furnaces",
            Task::Water => "labour.water",
            Task::Sideline => "labour.sideline",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportMove {
    Truthful,
    CountyExpectation,
    /// Change the report by this many thousandths of the true harvest.
    Step(i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcureMove {
    Deliver,
    Plead,
    Hide,
    /// Change the share to hide, in thousandths.
    HideStep(i16),
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

#[derive(Message, Clone, Debug)]
pub struct Act(pub UiAction);
