//! The teacher's working state: the assignment being checked, the report
//! files loaded and each one's verdict. Files the browser hands over are
//! checked here, by replaying them with the rules core.

use bevy::platform::time::Instant;
use bevy::prelude::*;
use classroom::Assignment;
use classroom::verify::{Checked, MAX_REPORTS, Problem, Verdict, check_report};

use super::lesson::{Inbox, IncomingFile};
use super::session::GameData;
use crate::core::action::TeacherTab;
use crate::core::sets::AppSystems;
use crate::core::text::Strings;

pub fn plugin(app: &mut App) {
    app.add_systems(Update, receive_files.in_set(AppSystems::HandleActs));
}

/// The teacher's working state.
#[derive(Resource, Clone, Debug)]
pub struct Desk {
    pub assignment: Assignment,
    pub tab: TeacherTab,
    pub checked: Vec<Checked>,
    pub notice: Option<String>,
    /// How long checking the last batch of files took, and how many there were.
    pub last_batch: Option<(usize, f64)>,
}

/// Check incoming report files and add them to the class, a file with the
/// same name replacing the earlier one.
fn receive_files(mut inbox: ResMut<Inbox>, desk: Option<ResMut<Desk>>, data: Res<GameData>, strings: Res<Strings>) {
    if inbox.files.is_empty() {
        return;
    }
    // Files reach only the teacher's view (a page shows no file picker elsewhere).
    let Some(mut desk) = desk else {
        inbox.files.clear();
        return;
    };
    let files: Vec<IncomingFile> = inbox.files.drain(..).collect();
    let started = Instant::now();
    let count = files.len();
    for file in files {
        let checked = match &file.text {
            Some(text) => check_report(&file.name, text, &data.0, &desk.assignment),
            None => {
                let problem = if file.size > classroom::report::MAX_BYTES {
                    Problem::TooLarge { bytes: file.size }
                } else {
                    Problem::Unread
                };
                Checked { file: file.name.clone(), verdict: Verdict::Unreadable(problem), report: None }
            }
        };
        match desk.checked.iter().position(|c| c.file == checked.file) {
            Some(i) => desk.checked[i] = checked,
            None if desk.checked.len() < MAX_REPORTS => desk.checked.push(checked),
            None => desk.notice = Some(strings.fill("teacher.too_many", &[("max", MAX_REPORTS.to_string())])),
        }
    }
    // Files arrive in the order the browser finishes reading them; the table is by name.
    desk.checked.sort_by_key(|c| c.file.to_lowercase());
    desk.last_batch = Some((count, started.elapsed().as_secs_f64() * 1000.0));
    desk.tab = TeacherTab::Reports;
}

/// Re-check every loaded report, after the assignment changed.
pub fn recheck(desk: &mut Desk, data: &sim::Data) {
    let a = desk.assignment.clone();
    for c in &mut desk.checked {
        if let Some(r) = &c.report {
            c.verdict = classroom::verify::verdict(r, data, &a);
        }
    }
}
