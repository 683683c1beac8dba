//! The classroom: what a teacher assigns, what a student hands in, and how the
//! teacher's view checks it. No engine and no browser here: the game, the
//! teacher view and the tests all call these functions.
//!
//! - `assignment.rs`: the settings a teacher chooses, as a link and as a class code.
//! - `knowledge.rs`: the knowledge check, asked before and after play.
//! - `report.rs`: the file a student hands in.
//! - `verify.rs`: re-playing a report with the rules core, and the class table.

pub mod assignment;
pub mod knowledge;
pub mod report;
pub mod verify;

pub use assignment::{Assignment, Intensity, LinkError, Seeds};
pub use knowledge::{Answers, Knowledge, KnowledgeCheck};
pub use report::{Outcome, Report};
pub use verify::{Checked, Problem, Verdict, check_report};

/// A 64-bit FNV-1a hash; the same on every platform.
pub(crate) fn fnv(bytes: &[u8], start: u64) -> u64 {
    let mut h = start;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;
