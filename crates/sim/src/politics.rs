//! Political standing and what it leads to. A report below what the county
//! expects is read as right-leaning pessimism, far more dangerously after the
//! Lushan plenum of summer 1959, and a report far below it as grain hidden.
//! A standing that stays low brings graded sanctions, one step a season: a
//! warning, a criticism meeting, demotion, and at last removal. From late
//! 1960 the centre blamed local cadres for the deaths. No strategy is safe.

use crate::data::{Data, Lever};
use crate::dice::{Dice, Stream};
use crate::happening::Happening;
use crate::state::{CommuneState, Ending, Sanction};
use crate::{per_mille, ratio_permille};

/// Change standing by `delta`, within its bounds; returns the change made.
pub fn shift_standing(data: &Data, state: &mut CommuneState, delta: i64) -> i64 {
    let before = state.standing;
    state.standing = (state.standing + delta).clamp(0, data.params.politics.max_standing);
    state.standing - before
}

/// The county reads the harvest report.
pub fn judge_report(data: &Data, state: &mut CommuneState, report_kg: i64, expected_kg: i64, log: &mut Vec<Happening>) {
    let p = &data.params.politics;
    let ratio = ratio_permille(report_kg, expected_kg.max(1));
    let climate = state.lever(Lever::ReportPenalty);
    let wanted = if ratio < 1000 {
        -per_mille(per_mille(1000 - ratio, p.report_short_permille).min(p.report_short_cap), climate)
    } else {
        per_mille(ratio - 1000, p.report_over_permille).min(p.report_over_cap)
    };
    let delta = shift_standing(data, state, wanted);
    let id = if ratio < 1000 { "report_below_plan" } else { "report_praised" };
    log.push(
        Happening::consequence(id)
            .with("reported_kg", report_kg)
            .with("expected_kg", expected_kg)
            .with("standing", delta)
            .with("climate_permille", climate),
    );
    // Far below the county's figure, a report reads as grain hidden.
    let line = per_mille(expected_kg, p.suspicion_below_permille);
    if report_kg < line {
        let short = ratio_permille(line - report_kg, expected_kg.max(1));
        let rise = per_mille(short * p.suspicion_per_short, climate);
        state.suspicion = (state.suspicion + rise).min(1000);
        log.push(Happening::consequence("suspected_of_hiding").with("suspicion", state.suspicion));
    }
}

/// At the end of each season: suspicion fades a little; a standing below a
/// sanction's line brings the next sanction, and once demoted, removal;
/// from late 1960, the search for someone to blame for the deaths.
pub fn reckon(data: &Data, state: &mut CommuneState, seed: u64, log: &mut Vec<Happening>) -> Option<Ending> {
    let p = &data.params.politics;
    let now = state.now();
    let mut dice = Dice::new(seed, now.ordinal(), Stream::Reckoning);
    state.suspicion -= per_mille(state.suspicion, p.suspicion_fade_permille);
    if state.standing < p.recovers_to && p.recovery_per_season > 0 {
        let delta = shift_standing(data, state, p.recovery_per_season.min(p.recovers_to - state.standing));
        log.push(Happening::consequence("standing_recovers").with("standing", delta));
    }

    // The sanctions climb as far as the standing has fallen, each step with
    // its chance; a demoted secretary below the last line may be removed.
    let before = state.sanction;
    while let Some(sanction) = state.sanction.next() {
        let def = &p.sanctions[sanction.step() - 1];
        if state.standing >= def.below || !dice.chance(def.chance_permille) {
            break;
        }
        state.sanction = sanction;
        match sanction {
            // A work team stays in the commune after the meeting.
            Sanction::Criticised => state.suspicion = (state.suspicion + 100).min(1000),
            // A demoted secretary's pleas carry less weight.
            Sanction::Demoted => state.add_modifier(Lever::Plea, 500, 0, "demoted"),
            _ => {}
        }
        log.push(Happening::consequence(&format!("sanction_{}", sanction.key())).with("standing_now", state.standing));
    }
    if state.sanction == before && state.standing > p.forgiven_above && state.sanction.previous() != state.sanction {
        state.sanction = state.sanction.previous();
        log.push(Happening::consequence("sanction_lifted").with("standing_now", state.standing));
    }
    if before == Sanction::Demoted && state.standing < p.removal_below {
        let chance =
            per_mille((p.removal_below - state.standing) * p.removal_permille_per_point, state.lever(Lever::Purge));
        log.push(
            Happening::consequence("under_suspicion")
                .with("standing_now", state.standing)
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

/// Whether the secretary's protective acts kept enough grain, measured, to
/// be weighed for the *protector* ending.
pub fn kept_enough(data: &Data, state: &CommuneState) -> bool {
    let p = &data.params.politics;
    let barred = p
        .protector_barred_by
        .iter()
        .any(|id| id.split_once('/').is_some_and(|(d, c)| state.choices.get(d).is_some_and(|chosen| chosen == c)));
    !barred && state.kept.total() >= p.protector_min_kept_kg_per_head * state.start_people
}

/// At the Seven Thousand Cadres Conference, January 1962. `reference` is
/// the historical policy's excess deaths per 1000 on the same seed, when the
/// secretary kept enough for it to matter.
pub fn final_ending(data: &Data, state: &CommuneState, reference: Option<i64>) -> Ending {
    let p = &data.params.politics;
    let excess = state.excess_deaths_per_1000();
    // The conference was in January 1962 (winter 1961 here); a scenario that
    // stops earlier has seen only part of the famine and passes no verdict.
    if state.start.plus(state.seasons - 1).year < 1961 {
        return Ending::Interim;
    }
    let protected = reference
        .is_some_and(|r| kept_enough(data, state) && excess <= per_mille(r, p.protector_max_of_reference_permille));
    if protected {
        Ending::Protector
    } else if excess >= p.broken_min_excess_per_1000 {
        Ending::SurvivedBroken
    } else {
        Ending::SurvivedIntact
    }
}
