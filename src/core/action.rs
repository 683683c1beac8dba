//! Everything a control can do, as data. A button carries a `UiAction`; when
//! it is activated (pointer, touch or keyboard) the theme's observer writes
//! an `Act` message, and the screen that owns the action handles it.

use bevy::prelude::*;
use sim::decisions::Activity;

use super::flow::Overlay;
use super::text::Lang;

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
        task: Activity,
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
    Settings(SettingsMove),
    /// Show the game in this language.
    Language(Lang),
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

/// A settings change a control asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsMove {
    TextScale(u16),
    HighContrast(bool),
    ReducedMotion(bool),
    ColourSafe(bool),
}

#[derive(Message, Clone, Debug)]
pub struct Act(pub UiAction);

/// An activity's name in ids and interface keys ("furnaces").
pub fn activity_name(a: Activity) -> &'static str {
    match a {
        Activity::Fields => "fields",
        Activity::Furnaces => "furnaces",
        Activity::Water => "water",
        Activity::Sideline => "sideline",
    }
}

/// The interface key of an activity's label ("labour.furnaces").
pub fn activity_key(a: Activity) -> &'static str {
    match a {
        Activity::Fields => "labour.fields",
        Activity::Furnaces => "labour.furnaces",
        Activity::Water => "labour.water",
        Activity::Sideline => "labour.sideline",
    }
}

fn on_off(on: bool) -> &'static str {
    if on { "on" } else { "off" }
}

impl UiAction {
    /// The control's stable name, for tests, the page's text form and
    /// whoever drives the game from outside: `report.county_expectation`,
    /// `directive.beidaihe.zeal`, `labour.all.furnaces.+5`. It never
    /// depends on the Rust spelling of the action.
    pub fn id(&self) -> String {
        match self {
            UiAction::NewGame => "title.new_game".into(),
            UiAction::ConfirmNewGame => "title.confirm_new_game".into(),
            UiAction::Continue => "title.continue".into(),
            UiAction::Begin => "briefing.begin".into(),
            UiAction::ToTitle => "nav.to_title".into(),
            UiAction::Open(o) => format!("overlay.open.{}", o.name()),
            UiAction::CloseOverlay => "overlay.close".into(),
            UiAction::Choose { directive, choice } => format!("directive.{directive}.{choice}"),
            UiAction::Labour { brigade, task, delta } => {
                let whom = brigade.map_or_else(|| "all".to_string(), |b| format!("brigade{b}"));
                format!("labour.{whom}.{}.{delta:+}", activity_name(*task))
            }
            UiAction::Report(m) => match m {
                ReportMove::Truthful => "report.truthful".into(),
                ReportMove::CountyExpectation => "report.county_expectation".into(),
                ReportMove::Step(d) => format!("report.step.{d:+}"),
            },
            UiAction::Procure(m) => match m {
                ProcureMove::Deliver => "procurement.deliver".into(),
                ProcureMove::Plead => "procurement.plead".into(),
                ProcureMove::Hide => "procurement.hide".into(),
                ProcureMove::HideStep(d) => format!("procurement.hide_step.{d:+}"),
            },
            UiAction::Next => "nav.next".into(),
            UiAction::Back => "nav.back".into(),
            UiAction::ShowDebrief => "nav.debrief".into(),
            UiAction::DeleteDamagedSave => "save.delete_damaged".into(),
            UiAction::KeepDamagedSave => "save.keep_damaged".into(),
            UiAction::Settings(m) => match m {
                SettingsMove::TextScale(p) => format!("settings.text_scale.{p}"),
                SettingsMove::HighContrast(on) => format!("settings.high_contrast.{}", on_off(*on)),
                SettingsMove::ReducedMotion(on) => format!("settings.reduced_motion.{}", on_off(*on)),
                SettingsMove::ColourSafe(on) => format!("settings.colour_safe.{}", on_off(*on)),
            },
            UiAction::Language(l) => format!("language.{}", l.code()),
            UiAction::Kiosk(k) => match k {
                KioskAction::Play => "kiosk.play".into(),
                KioskAction::KeepPlaying => "kiosk.keep_playing".into(),
                KioskAction::Leave => "kiosk.leave".into(),
                KioskAction::StartOver => "kiosk.start_over".into(),
            },
            UiAction::Class(c) => c.id(),
        }
    }
}

impl ClassAction {
    fn id(&self) -> String {
        let yes_no = |on: bool| if on { "yes" } else { "no" };
        match self {
            ClassAction::EnterCode => "class.enter_code".into(),
            ClassAction::OpenCode => "class.open_code".into(),
            ClassAction::ShowAssignment => "class.show_assignment".into(),
            ClassAction::Start => "class.start".into(),
            ClassAction::Answer(q, o) => format!("check.answer.{q}.{o}"),
            ClassAction::FinishCheck => "check.finish".into(),
            ClassAction::HandIn => "class.hand_in".into(),
            ClassAction::DownloadReport => "class.download_report".into(),
            ClassAction::PrintSummary => "class.print_summary".into(),
            ClassAction::BackToGame => "class.back_to_game".into(),
            ClassAction::Teacher => "class.teacher".into(),
            ClassAction::TeacherTab(TeacherTab::Create) => "teacher.tab.create".into(),
            ClassAction::TeacherTab(TeacherTab::Reports) => "teacher.tab.reports".into(),
            ClassAction::Scenario(i) => format!("teacher.scenario.{i}"),
            ClassAction::SeedPerStudent(on) => {
                format!("teacher.seeds.{}", if *on { "student" } else { "class" })
            }
            ClassAction::AskNickname(on) => format!("teacher.nickname.{}", yes_no(*on)),
            ClassAction::Reduced(on) => format!("teacher.intensity.{}", if *on { "reduced" } else { "standard" }),
            ClassAction::Check(on) => format!("teacher.check.{}", yes_no(*on)),
            ClassAction::NewSeed => "teacher.new_seed".into(),
            ClassAction::CopyLink => "teacher.copy_link".into(),
            ClassAction::CopyCode => "teacher.copy_code".into(),
            ClassAction::PickReports => "teacher.pick_reports".into(),
            ClassAction::ExportCsv => "teacher.export_csv".into(),
            ClassAction::PrintClass => "teacher.print_class".into(),
            ClassAction::ClearReports => "teacher.clear_reports".into(),
        }
    }
}
