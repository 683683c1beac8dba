//! The file a student hands in: the assignment, every decision, a seal after
//! every season, the outcome, and the knowledge-check answers. Nothing
//! personal beyond the nickname the teacher may ask for.

use serde::{Deserialize, Serialize};
use sim::{CommuneState, Ending, Run};

use crate::assignment::Assignment;
use crate::knowledge::Knowledge;

pub const FORMAT: &str = "great-leap-report";
pub const VERSION: u32 = 1;
/// Reports are a few tens of kilobytes; anything over this is refused unread.
pub const MAX_BYTES: usize = sim::input::REPORT.max_bytes;
pub const MAX_NICKNAME_CHARS: usize = 24;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub format: String,
    pub version: u32,
    pub game_version: String,
    pub assignment: Assignment,
    /// The class code, for a reader; it must match the assignment.
    pub code: String,
    #[serde(default)]
    pub nickname: Option<String>,
    /// The number the student drew, with one seed per student.
    #[serde(default)]
    pub student: Option<u32>,
    pub run: Run,
    /// The rules core's state hash after each season.
    pub hashes: Vec<String>,
    /// After each season: a hash of the season's decisions and the state they
    /// led to, chained to the season before.
    pub seals: Vec<String>,
    pub outcome: Outcome,
    #[serde(default)]
    pub knowledge: Knowledge,
    /// A hash over everything above, chained to the last season's seal.
    pub seal: String,
}

/// What a game came to, in whole kilograms and people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub finished: bool,
    pub seasons_played: u32,
    pub seasons_total: u32,
    /// The ending's key (`purged_1959`, `survived_intact`, …), once the game is over.
    pub ending: Option<String>,
    pub purged: bool,
    pub people_start: i64,
    pub people_end: i64,
    pub years: Vec<YearOutcome>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearOutcome {
    pub year: i64,
    pub harvest_kg: i64,
    pub reported_kg: i64,
    /// Procured and seized.
    pub taken_kg: i64,
    pub relief_kg: i64,
    pub deaths: i64,
    pub births: i64,
    pub people_end: i64,
    pub iron_kg: i64,
    pub iron_usable_kg: i64,
}

impl Outcome {
    pub fn of(state: &CommuneState) -> Outcome {
        Outcome {
            finished: state.is_over(),
            seasons_played: state.step.max(0) as u32,
            seasons_total: state.seasons.max(0) as u32,
            ending: state.ending.as_ref().map(Ending::key),
            purged: matches!(state.ending, Some(Ending::Purged { .. })),
            people_start: state.start_people,
            people_end: state.people(),
            years: state
                .years
                .iter()
                .map(|l| YearOutcome {
                    year: l.year,
                    harvest_kg: l.harvest_kg,
                    reported_kg: l.reported_kg,
                    taken_kg: l.procured_kg + l.seized_kg,
                    relief_kg: l.relief_kg,
                    deaths: l.deaths,
                    births: l.births,
                    people_end: l.people_end,
                    iron_kg: l.iron_kg,
                    iron_usable_kg: l.iron_usable_kg,
                })
                .collect(),
        }
    }

    pub fn harvest_kg(&self) -> i64 {
        self.years.iter().map(|y| y.harvest_kg).sum()
    }
    pub fn reported_kg(&self) -> i64 {
        self.years.iter().map(|y| y.reported_kg).sum()
    }
    pub fn taken_kg(&self) -> i64 {
        self.years.iter().map(|y| y.taken_kg).sum()
    }
    pub fn deaths(&self) -> i64 {
        self.years.iter().map(|y| y.deaths).sum()
    }
}

/// The seal after each season of a run, given the state hash after each.
pub fn seals(run: &Run, hashes: &[String]) -> Vec<String> {
    let mut seal = crate::fnv(FORMAT.as_bytes(), crate::FNV_START);
    run.seasons
        .iter()
        .zip(hashes)
        .map(|(decisions, hash)| {
            let decisions = serde_json::to_vec(decisions).expect("plain data serializes");
            seal = crate::fnv(&decisions, seal);
            seal = crate::fnv(hash.as_bytes(), seal);
            format!("{seal:016x}")
        })
        .collect()
}

/// The seal over the whole report: the last season's seal, the assignment,
/// the student's details, the outcome and the answers.
pub fn report_seal(r: &Report) -> String {
    let mut h = crate::fnv(r.seals.last().map_or("", String::as_str).as_bytes(), crate::FNV_START);
    let parts =
        serde_json::json!([r.format, r.version, r.assignment, r.code, r.nickname, r.student, r.outcome, r.knowledge]);
    h = crate::fnv(parts.to_string().as_bytes(), h);
    format!("{h:016x}")
}

impl Report {
    /// The report of a game: the run, replayed here so that the seals and the
    /// outcome are exactly what the teacher's view will compute.
    pub fn new(
        data: &sim::Data,
        assignment: &Assignment,
        nickname: Option<String>,
        student: Option<u32>,
        run: &Run,
        knowledge: Knowledge,
    ) -> Result<Report, sim::SimError> {
        let replayed = sim::replay(data, run)?;
        let mut report = Report {
            format: FORMAT.into(),
            version: VERSION,
            game_version: env!("CARGO_PKG_VERSION").into(),
            assignment: assignment.clone(),
            code: assignment.code(),
            nickname: nickname.map(|n| n.chars().take(MAX_NICKNAME_CHARS).collect()),
            student,
            run: run.clone(),
            seals: seals(run, &replayed.hashes),
            hashes: replayed.hashes,
            outcome: Outcome::of(&replayed.state),
            knowledge,
            seal: String::new(),
        };
        report.seal = report_seal(&report);
        Ok(report)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serializes")
    }

    /// A file name that sorts by class and name and says what it is.
    pub fn file_name(&self) -> String {
        let name: String = self
            .nickname
            .as_deref()
            .unwrap_or("student")
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect();
        let name = name.trim_matches('-');
        let name = if name.is_empty() { "student" } else { name };
        format!("great-leap-{}-{}.json", self.code.to_ascii_lowercase(), name)
    }
}
