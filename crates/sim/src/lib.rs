//! The rules of one people's commune, spring 1958 to January 1962.
//!
//! Everything here is plain data and pure functions: `state + decisions + seed
//! -> next state + what happened`. No engine, no clock, no global generator.
//! The same code serves the game, the command-line simulator, the teacher's
//! verifier and the tests. One file per mechanism: a reader who wants to know
//! how the purge works opens `politics.rs`.

pub mod calendar;
pub mod canteens;
pub mod data;
pub mod decisions;
pub mod dice;
pub mod error;
pub mod events;
pub mod furnaces;
pub mod happening;
pub mod harvest;
pub mod input;
pub mod labour;
pub mod mortality;
pub mod policy;
pub mod politics;
pub mod procurement;
pub mod replay;
pub mod searches;
pub mod state;
pub mod strategy;
pub mod summary;
pub mod turn;
pub mod water;

pub use calendar::{Season, SeasonRef};
pub use data::Data;
pub use decisions::{Activity, LabourPlan, ProcurementResponse, SeasonDecisions};
pub use error::SimError;
pub use happening::Happening;
pub use input::InputError;
pub use replay::{Run, replay};
pub use state::{CommuneState, Ending};
pub use turn::{advance, new_game};

/// Multiply `value` by `permille / 1000`, rounding toward zero. All scaling in
/// the rules goes through here so that native and wasm builds agree exactly.
pub fn per_mille(value: i64, permille: i64) -> i64 {
    // The product fits in 64 bits for every figure a game reaches; the wide
    // division (slow) is kept for the rest. Both round toward zero.
    match value.checked_mul(permille) {
        Some(p) => p / 1000,
        None => ((value as i128 * permille as i128) / 1000) as i64,
    }
}

/// `num / den` in thousandths, 0 when the denominator is not positive.
pub fn ratio_permille(num: i64, den: i64) -> i64 {
    if den <= 0 {
        0
    } else {
        match num.checked_mul(1000) {
            Some(p) => p / den,
            None => ((num as i128 * 1000) / den as i128) as i64,
        }
    }
}
