//! The game in a lesson: the assignment a link or class code opened, the
//! student's nickname and knowledge-check answers, the report they hand in,
//! and the teacher's view of many reports. The rules of all that are in
//! `crates/classroom`; this module holds the game's side of it, and the
//! browser's part (downloads, printing, files, the clipboard) goes through
//! `Outbox` and `Inbox` so that tests can stand in for the browser.

use bevy::prelude::*;
use classroom::assignment::Query;
use classroom::{Answers, Assignment, Intensity, Knowledge, KnowledgeCheck, LinkError, Report};
use serde::{Deserialize, Serialize};

use super::session::Commune;
use crate::core::launch::{Kiosk, LaunchQuery};
use crate::core::storage::Storage;
use crate::core::text::Strings;

pub const TEACHER_KEY: &str = "great-leap.teacher";

pub fn plugin(app: &mut App) {
    app.init_resource::<LaunchQuery>()
        .init_resource::<Student>()
        .init_resource::<Outbox>()
        .init_resource::<Inbox>()
        .init_resource::<CheckStage>()
        .init_resource::<CheckDraft>()
        .insert_resource(Questions(KnowledgeCheck::builtin().clone()))
        .add_systems(PreStartup, read_launch)
        .add_systems(Update, apply_intensity.run_if(resource_changed::<Student>));
}

/// What the link said: an assignment, a problem with it, or nothing.
#[derive(Resource, Default, Clone, Debug, PartialEq)]
pub struct Launch {
    pub assignment: Option<Assignment>,
    pub problem: Option<LinkError>,
    /// Parameters this game does not know, named in a notice.
    pub unknown: Vec<String>,
}

/// Link parameters other features read.
pub const OTHER_KEYS: [&str; 4] = ["kiosk", "lang", "idle", "countdown"];

fn read_launch(mut commands: Commands, query: Res<LaunchQuery>, kiosk: Option<Res<Kiosk>>) {
    let mut launch = launch_from(&query.0);
    if kiosk.is_some_and(|k| k.on) {
        // A kiosk plays its own scenario; no assignment opens there.
        launch.assignment = None;
    }
    commands.insert_resource(launch);
}

pub fn launch_from(query: &str) -> Launch {
    match Query::parse(query) {
        Err(e) => Launch { problem: Some(e), ..default() },
        Ok(q) => {
            let known: Vec<&str> = classroom::assignment::KEYS.iter().chain(OTHER_KEYS.iter()).copied().collect();
            let unknown = q.unknown(&known).cloned().collect();
            match Assignment::from_query(&q) {
                Ok(assignment) => Launch { assignment, problem: None, unknown },
                Err(e) => Launch { assignment: None, problem: Some(e), unknown },
            }
        }
    }
}

/// The student's side of an assignment, saved with the game.
#[derive(Resource, Default, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Student {
    pub assignment: Option<Assignment>,
    #[serde(default)]
    pub nickname: Option<String>,
    /// The number drawn for one seed per student.
    #[serde(default)]
    pub student: Option<u32>,
    #[serde(default)]
    pub knowledge: Knowledge,
}

impl Student {
    pub fn intensity(&self) -> Intensity {
        self.assignment.as_ref().map_or(Intensity::Standard, |a| a.intensity)
    }

    /// The knowledge check is due after play and not yet answered.
    pub fn check_after_due(&self) -> bool {
        self.assignment.as_ref().is_some_and(|a| a.check) && self.knowledge.after.is_none()
    }
}

/// The teacher's choice of intensity is locked for the student.
fn apply_intensity(student: Res<Student>, strings: Option<ResMut<Strings>>) {
    let Some(mut strings) = strings else { return };
    let reduced = student.intensity() == Intensity::Reduced;
    if strings.reduced != reduced {
        strings.reduced = reduced;
    }
}

/// Things for the browser to do: downloads, printing, copying, the file picker.
#[derive(Resource, Default, Debug)]
pub struct Outbox {
    pub downloads: Vec<Download>,
    /// The HTML of a page to print.
    pub prints: Vec<String>,
    pub copies: Vec<String>,
    pub pick_files: bool,
    /// Accept files dropped on the page (the teacher's reports tab is showing).
    pub accept_drops: bool,
}

#[derive(Clone, Debug)]
pub struct Download {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// What the browser sends back: files the teacher chose or dropped, and notices.
#[derive(Resource, Default, Debug)]
pub struct Inbox {
    pub files: Vec<IncomingFile>,
    /// Interface string keys, e.g. that a link was copied.
    pub notices: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct IncomingFile {
    pub name: String,
    pub size: usize,
    /// None when the file was too large to read, or could not be read.
    pub text: Option<String>,
}

/// The teacher's current assignment, remembered on this machine.
pub fn load_teacher_assignment(storage: &Storage) -> Option<Assignment> {
    let text = storage.0.get(TEACHER_KEY).ok()??;
    let a: Assignment = sim::input::parse_json(&text, sim::input::SMALL).ok()?;
    // Only what a link could carry is trusted.
    Assignment::from_code(&a.code()).ok().filter(|b| *b == a)
}

pub fn store_teacher_assignment(storage: &Storage, a: &Assignment) {
    if let Ok(text) = serde_json::to_string(a) {
        let _ = storage.0.set(TEACHER_KEY, &text);
    }
}

/// The words for an interface key and its values (link and report problems).
pub fn words(strings: &Strings, (key, values): (&str, Vec<(&str, String)>)) -> String {
    strings.fill(key, &values)
}

/// The knowledge check's questions.
#[derive(Resource, Clone)]
pub struct Questions(pub KnowledgeCheck);

/// Which check is being asked, and whether its answers are being shown.
#[derive(Resource, Default, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckStage {
    #[default]
    Before,
    After,
    /// The answers after play, with the right ones and their sources.
    Results,
}

/// The answers being given.
#[derive(Resource, Default, Clone, Debug)]
pub struct CheckDraft(pub Answers);

impl CheckDraft {
    /// Every question has an answer.
    pub fn complete(&self, check: &KnowledgeCheck) -> bool {
        check.questions.iter().all(|q| self.0.contains_key(&q.id))
    }
}

/// The report of the game in progress, as it would be handed in now.
pub fn current_report(commune: &Commune, student: &Student) -> Option<Report> {
    let a = student.assignment.as_ref()?;
    Report::new(&commune.data, a, student.nickname.clone(), student.student, &commune.run, student.knowledge.clone())
        .ok()
}
