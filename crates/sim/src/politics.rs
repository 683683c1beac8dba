//! Political standing and what it leads to. A report below what the county
//! expects is read as right-leaning pessimism, far more dangerously after the
//! Lushan plenum of summer 1959; a standing that falls too low ends in a
//! purge. From late 1960 the centre blamed local cadres for the deaths. No
//! strategy is safe.

use crate::data::{Data, Lever};
use crate::dice::{Dice, Stream};
use crate::happening::Happening;
use crate::state::{CommuneState, Ending};
use crate::{per_mille, ratio_permille};

/// The county reads the harvest report.
pub fn judge_report(data: &Data, state: &mut CommuneState, report_kg: i64, expected_kg: i64, log: &mut Vec<Happening>) {
    let p = &data.params.politics;
    let ratio = ratio_permille(report_kg, expected_kg.max(1));
    let delta = if ratio < 1000 {
        -per_mille(per_mille(1000 - ratio, p.report_short_permille), state.lever(Lever::ReportPenalty))
    } else {
        per_mille(ratio - 1000, p.report_over_permille).min(p.report_over_cap)
    };
    state.standing = (state.standing + delta).clamp(0, p.max_standing);
    let id = if ratio < 1000 { "report_below_plan" } else { "report_praised" };
    log.push(
        Happening::consequence(id)
            .with("reported_kg", report_kg)
            .with("expected_kg", expected_kg)
            .with("standing", delta),
    );
}

/// At the end of each season: a purge if standing is too low, and from late
/// 1960 the search for someone to blame for the deaths.
pub fn reckon(data: &Data, state: &mut CommuneState, seed: u64, log: &mut Vec<Happening>) -> Option<Ending> {
    let p = &data.params.politics;
    let now = state.now();
    let mut dice = Dice::new(seed, now.ordinal(), Stream::Reckoning);
    if state.standing < p.purge_threshold {
        let chance =
            per_mille((p.purge_threshold - state.standing) * p.purge_permille_per_point, state.lever(Lever::Purge));
        log.push(
            Happening::consequence("under_suspicion")
                .with("standing", state.standing)
                .with("chance_permille", chance.min(1000)),
        );
        if dice.chance(chance) {
            return Some(Ending::Purged { year: now.year });
        }
    }
    if now.ordinal() >= p.scapegoat_from.ordinal() {
        let excess = state.excess_deaths_per_1000();
        if excess > p.scapegoat_threshold_per_1000 {
            let chance = (excess - p.scapegoat_threshold_per_1000) * p.scapegoat_permille_per_point;
            log.push(
                Happening::consequence("inquiry")
                    .with("excess_per_1000", excess)
                    .with("chance_permille", chance.min(1000)),
            );
            if dice.chance(chance) {
                return Some(Ending::Scapegoated { year: now.year });
            }
        }
    }
    None
}

/// At the Seven Thousand Cadres Conference, January 1962.
pub fn final_ending(data: &Data, state: &CommuneState) -> Ending {
    let p = &data.params.politics;
    let excess = state.excess_deaths_per_1000();
    // The conference was in January 1962 (winter 1961 here); a scenario that
    // stops earlier has seen only part of the famine and passes no verdict.
    if state.start.plus(state.seasons - 1).year < 1961 {
        return Ending::Interim;
    }
    if excess <= p.protector_max_excess_per_1000 {
        Ending::Protector
    } else if excess >= p.broken_min_excess_per_1000 {
        Ending::SurvivedBroken
    } else {
        Ending::SurvivedIntact
    }
}
