//! The teacher's check of a handed-in report: read it within limits, replay
//! its decisions with the rules core, and compare every seal and the outcome
//! with what the replay gives. Then the class side by side, and as CSV.
//!
//! A verified report is a game that these rules really produce from these
//! decisions. It cannot prove who played it: without a server there is no
//! secret to sign with.

use sim::Data;
use sim::input::{self, InputError};

use crate::assignment::Assignment;
use crate::knowledge::KnowledgeCheck;
use crate::report::{self, Outcome, Report};

/// A teacher may load a whole year's classes at once, but not without end.
pub const MAX_REPORTS: usize = 400;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    TooLarge {
        bytes: usize,
    },
    /// Nested deeper than any report can be.
    TooDeep {
        max: usize,
    },
    Empty,
    /// Not JSON, or JSON cut short, at this place.
    NotJson {
        line: usize,
        column: usize,
    },
    /// The browser could not read the file.
    Unread,
    NotAReport,
    NewerFormat {
        version: u32,
    },
    Damaged {
        detail: String,
    },
    WrongScenarioVersion {
        found: u32,
        expected: u32,
    },
    CodeDisagrees,
    SeedDisagrees,
    DoesNotReplay {
        detail: String,
    },
    SealCount {
        found: usize,
        expected: usize,
    },
    Seal {
        season: usize,
    },
    /// The state hash recorded for this season is not the replay's.
    Hash {
        season: usize,
    },
    /// The name, the answers or another detail outside the seasons changed.
    ReportSeal,
    Outcome {
        field: &'static str,
    },
    Knowledge,
    NicknameTooLong,
}

impl Problem {
    /// The interface string for this problem, and its values.
    pub fn key(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Problem::TooLarge { bytes } => (
                "teacher.problem.too_large",
                vec![("size", format!("{:.1}", *bytes as f64 / 1_048_576.0)), ("max", "1".into())],
            ),
            Problem::Empty => ("teacher.problem.empty", vec![]),
            Problem::TooDeep { max } => ("teacher.problem.too_deep", vec![("max", max.to_string())]),
            Problem::NotJson { line, column } => {
                ("teacher.problem.not_json", vec![("line", line.to_string()), ("column", column.to_string())])
            }
            Problem::Unread => ("teacher.problem.unread", vec![]),
            Problem::NotAReport => ("teacher.problem.not_a_report", vec![]),
            Problem::NewerFormat { version } => ("teacher.problem.newer", vec![("version", version.to_string())]),
            Problem::Damaged { detail } => ("teacher.problem.damaged", vec![("detail", detail.clone())]),
            Problem::WrongScenarioVersion { found, expected } => (
                "teacher.problem.scenario_version",
                vec![("found", found.to_string()), ("expected", expected.to_string())],
            ),
            Problem::CodeDisagrees => ("teacher.problem.code", vec![]),
            Problem::SeedDisagrees => ("teacher.problem.seed", vec![]),
            Problem::DoesNotReplay { detail } => ("teacher.problem.replay", vec![("detail", detail.clone())]),
            Problem::SealCount { found, expected } => {
                ("teacher.problem.seal_count", vec![("found", found.to_string()), ("expected", expected.to_string())])
            }
            Problem::Seal { season } => ("teacher.problem.seal", vec![("season", season.to_string())]),
            Problem::Hash { season } => ("teacher.problem.hash", vec![("season", season.to_string())]),
            Problem::ReportSeal => ("teacher.problem.report_seal", vec![]),
            Problem::Outcome { field } => ("teacher.problem.outcome", vec![("field", field.to_string())]),
            Problem::Knowledge => ("teacher.problem.knowledge", vec![]),
            Problem::NicknameTooLong => ("teacher.problem.nickname", vec![]),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The replay reproduces every seal and the outcome.
    Verified,
    /// Something in the file is not what its decisions produce.
    Edited(Vec<Problem>),
    /// A sound report, but for a different assignment (its class code).
    OtherAssignment(String),
    /// The file could not be read as a report.
    Unreadable(Problem),
}

impl Verdict {
    pub fn key(&self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Edited(_) => "edited",
            Verdict::OtherAssignment(_) => "other_assignment",
            Verdict::Unreadable(_) => "unreadable",
        }
    }
}

/// One file as the teacher's view shows it.
#[derive(Clone, Debug)]
pub struct Checked {
    pub file: String,
    pub verdict: Verdict,
    pub report: Option<Report>,
}

impl Checked {
    pub fn outcome(&self) -> Option<&Outcome> {
        self.report.as_ref().map(|r| &r.outcome)
    }
}

/// Check one file's text against the class's assignment.
pub fn check_report(file: &str, text: &str, data: &Data, assignment: &Assignment) -> Checked {
    let unreadable = |p| Checked { file: file.into(), verdict: Verdict::Unreadable(p), report: None };
    let not_read = |e: InputError| match e {
        InputError::TooLarge { bytes, .. } => Problem::TooLarge { bytes },
        InputError::TooDeep { max } => Problem::TooDeep { max },
        InputError::Empty => Problem::Empty,
        InputError::Syntax { line, column } => Problem::NotJson { line, column },
        InputError::Shape { .. } => Problem::NotAReport,
    };
    let value: serde_json::Value = match input::parse_json(text, input::REPORT) {
        Ok(v) => v,
        Err(e) => return unreadable(not_read(e)),
    };
    // The header first: a report of this game, of a format this view reads.
    if value.get("format").and_then(|f| f.as_str()) != Some(report::FORMAT) {
        return unreadable(Problem::NotAReport);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(report::VERSION) => {}
        Some(v) if v > u64::from(report::VERSION) => {
            return unreadable(Problem::NewerFormat { version: u32::try_from(v).unwrap_or(u32::MAX) });
        }
        _ => return unreadable(Problem::NotAReport),
    }
    let report: Report = match input::from_value(value) {
        Ok(r) => r,
        Err(InputError::Shape { detail }) => return unreadable(Problem::Damaged { detail }),
        Err(e) => return unreadable(not_read(e)),
    };
    let verdict = verdict(&report, data, assignment);
    Checked { file: file.into(), verdict, report: Some(report) }
}

/// The verdict on a report already read: replay it and compare.
pub fn verdict(report: &Report, data: &Data, assignment: &Assignment) -> Verdict {
    let mut problems = Vec::new();
    if report.code != report.assignment.code() {
        problems.push(Problem::CodeDisagrees);
    }
    if report.run.seed != report.assignment.game_seed(report.student)
        || report.run.scenario_id != report.assignment.scenario
    {
        problems.push(Problem::SeedDisagrees);
    }
    if report.nickname.as_ref().is_some_and(|n| n.chars().count() > report::MAX_NICKNAME_CHARS) {
        problems.push(Problem::NicknameTooLong);
    }
    let check = KnowledgeCheck::builtin();
    if ![&report.knowledge.before, &report.knowledge.after].into_iter().flatten().all(|a| check.valid(a)) {
        problems.push(Problem::Knowledge);
    }
    match sim::replay(data, &report.run) {
        Err(sim::SimError::WrongVersion { found, expected, .. }) => {
            problems.push(Problem::WrongScenarioVersion { found, expected })
        }
        Err(e) => problems.push(Problem::DoesNotReplay { detail: e.to_string() }),
        Ok(replayed) => {
            let seals = report::seals(&report.run, &replayed.hashes);
            if seals.len() != report.seals.len() {
                problems.push(Problem::SealCount { found: report.seals.len(), expected: seals.len() });
            } else if let Some(i) = seals.iter().zip(&report.seals).position(|(a, b)| a != b) {
                problems.push(Problem::Seal { season: i + 1 });
            }
            if report.hashes.len() != replayed.hashes.len() {
                problems.push(Problem::SealCount { found: report.hashes.len(), expected: replayed.hashes.len() });
            } else if let Some(i) = replayed.hashes.iter().zip(&report.hashes).position(|(a, b)| a != b) {
                problems.push(Problem::Hash { season: i + 1 });
            }
            if let Some(field) = outcome_difference(&Outcome::of(&replayed.state), &report.outcome) {
                problems.push(Problem::Outcome { field });
            }
        }
    }
    if problems.is_empty() && report.seal != report::report_seal(report) {
        problems.push(Problem::ReportSeal);
    }
    if !problems.is_empty() {
        Verdict::Edited(problems)
    } else if report.assignment != *assignment {
        Verdict::OtherAssignment(report.code.clone())
    } else {
        Verdict::Verified
    }
}

/// The first part of a claimed outcome that differs from the replayed one.
fn outcome_difference(replayed: &Outcome, claimed: &Outcome) -> Option<&'static str> {
    let fields: [(&'static str, bool); 7] = [
        ("finished", replayed.finished == claimed.finished),
        (
            "seasons",
            replayed.seasons_played == claimed.seasons_played && replayed.seasons_total == claimed.seasons_total,
        ),
        ("ending", replayed.ending == claimed.ending),
        ("purged", replayed.purged == claimed.purged),
        ("people", replayed.people_start == claimed.people_start && replayed.people_end == claimed.people_end),
        ("years", replayed.years.len() == claimed.years.len()),
        ("figures", replayed.years == claimed.years),
    ];
    fields.iter().find(|(_, same)| !same).map(|(name, _)| *name)
}

/// The class at a glance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClassSummary {
    pub files: usize,
    pub verified: usize,
    pub edited: usize,
    pub other: usize,
    pub unreadable: usize,
    pub finished: usize,
    pub purged: usize,
    /// Ending key -> how many verified games ended so.
    pub endings: Vec<(String, usize)>,
    /// Mean knowledge-check scores of verified reports that answered it.
    pub knowledge_before: Option<f64>,
    pub knowledge_after: Option<f64>,
    pub questions: usize,
}

/// Counts and means over the verified reports; the others are counted only.
pub fn summarize(checked: &[Checked], check: &KnowledgeCheck) -> ClassSummary {
    let mut s = ClassSummary { files: checked.len(), questions: check.len(), ..Default::default() };
    let mut before = Vec::new();
    let mut after = Vec::new();
    for c in checked {
        match &c.verdict {
            Verdict::Verified => s.verified += 1,
            Verdict::Edited(_) => s.edited += 1,
            Verdict::OtherAssignment(_) => s.other += 1,
            Verdict::Unreadable(_) => s.unreadable += 1,
        }
        let (Verdict::Verified, Some(r)) = (&c.verdict, &c.report) else { continue };
        s.finished += usize::from(r.outcome.finished);
        s.purged += usize::from(r.outcome.purged);
        if let Some(key) = &r.outcome.ending {
            let id = ending_id(key);
            match s.endings.iter_mut().find(|(k, _)| k == id) {
                Some((_, n)) => *n += 1,
                None => s.endings.push((id.to_string(), 1)),
            }
        }
        if let Some(a) = &r.knowledge.before {
            before.push(check.score(a) as f64);
        }
        if let Some(a) = &r.knowledge.after {
            after.push(check.score(a) as f64);
        }
    }
    let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    s.knowledge_before = mean(&before);
    s.knowledge_after = mean(&after);
    s.endings.sort();
    s
}

/// The data entry of an ending key: `purged_1959` -> `purged`.
pub fn ending_id(key: &str) -> &str {
    key.rsplit_once('_').filter(|(_, y)| y.parse::<i64>().is_ok()).map_or(key, |(id, _)| id)
}

/// The class as CSV, one row per file, for a spreadsheet. Cells that a
/// spreadsheet would read as a formula are quoted with a leading apostrophe.
pub fn csv(checked: &[Checked], check: &KnowledgeCheck, status_words: &dyn Fn(&Verdict) -> String) -> String {
    let mut out = String::from(
        "file,nickname,check,detail,class_code,seed,finished,seasons_played,ending,purged,\
         harvest_t,reported_t,taken_t,deaths,people_start,people_end,knowledge_before,knowledge_after,questions\n",
    );
    for c in checked {
        let r = c.report.as_ref();
        let o = c.outcome();
        let score = |a: Option<&crate::Answers>| a.map(|a| check.score(a).to_string()).unwrap_or_default();
        let t = |kg: i64| format!("{:.1}", kg as f64 / 1000.0);
        let row = [
            c.file.clone(),
            r.and_then(|r| r.nickname.clone()).unwrap_or_default(),
            c.verdict.key().to_string(),
            status_words(&c.verdict),
            r.map(|r| r.code.clone()).unwrap_or_default(),
            r.map(|r| r.run.seed.to_string()).unwrap_or_default(),
            o.map(|o| o.finished.to_string()).unwrap_or_default(),
            o.map(|o| o.seasons_played.to_string()).unwrap_or_default(),
            o.and_then(|o| o.ending.clone()).unwrap_or_default(),
            o.map(|o| o.purged.to_string()).unwrap_or_default(),
            o.map(|o| t(o.harvest_kg())).unwrap_or_default(),
            o.map(|o| t(o.reported_kg())).unwrap_or_default(),
            o.map(|o| t(o.taken_kg())).unwrap_or_default(),
            o.map(|o| o.deaths().to_string()).unwrap_or_default(),
            o.map(|o| o.people_start.to_string()).unwrap_or_default(),
            o.map(|o| o.people_end.to_string()).unwrap_or_default(),
            score(r.and_then(|r| r.knowledge.before.as_ref())),
            score(r.and_then(|r| r.knowledge.after.as_ref())),
            check.len().to_string(),
        ];
        let cells: Vec<String> = row.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn csv_cell(cell: &str) -> String {
    let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_string() };
    if cell.contains([',', '"', '\n', '\r']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell }
}
