//! Backyard furnaces: labour, woodland and melted-down tools in, mostly
//! unusable iron out.

use crate::data::{Data, Lever};
use crate::dice::{Dice, Stream};
use crate::happening::Happening;
use crate::labour::Workforce;
use crate::state::CommuneState;
use crate::{per_mille, ratio_permille};

/// Iron that `hands` effective furnace workers make this season, kg: half
/// as much once the woods are gone.
pub fn iron_from(data: &Data, state: &CommuneState, hands: i64) -> i64 {
    let p = &data.params.furnaces;
    let fuel_factor = if state.woodland < p.woodland_low { 500 } else { 1000 };
    per_mille(hands * p.iron_kg_per_worker, fuel_factor)
}

pub fn run(data: &Data, state: &mut CommuneState, work: &[Workforce], seed: u64, log: &mut Vec<Happening>) {
    let p = &data.params.furnaces;
    let now = state.now();
    let furnace_workers: i64 = work.iter().map(|w| w.furnaces).sum();
    let quota = state.steel_quota_kg;
    if furnace_workers == 0 && quota == 0 {
        return;
    }
    let mut dice = Dice::new(seed, now.ordinal(), Stream::Furnaces);
    let fuel_factor = if state.woodland < p.woodland_low { 500 } else { 1000 };
    let iron = iron_from(data, state, furnace_workers);
    let usable_share = dice.range(p.usable_permille.0, p.usable_permille.1);
    let usable = per_mille(iron, usable_share);

    // Where there is no ore, woks, hoes and ploughshares go into the furnace.
    let zeal = state.lever(Lever::FurnaceTools);
    let (mut tools_before, mut tools_after) = (0, 0);
    for (b, w) in state.brigades.iter_mut().zip(work) {
        let share = ratio_permille(w.furnaces, b.workers.max(1));
        let melted = per_mille(per_mille(share, p.tools_melted_permille), zeal).min(1000);
        tools_before += b.tools;
        b.tools -= per_mille(b.tools, melted);
        tools_after += b.tools;
    }
    let burned = furnace_workers * p.woodland_per_1000_workers / 1000;
    state.woodland = (state.woodland - burned).max(0);

    let ledger = state.ledger(now.year);
    ledger.iron_kg += iron;
    ledger.iron_usable_kg += usable;
    ledger.tools_lost_permille += ratio_permille(tools_before - tools_after, tools_before.max(1));
    log.push(Happening::consequence("furnaces_output").with("iron_kg", iron).with("usable_kg", usable));
    if fuel_factor < 1000 {
        log.push(Happening::consequence("furnaces_no_fuel"));
    }
    if quota > 0 {
        let met = ratio_permille(iron, quota);
        let wanted = if met >= 1000 { p.quota_met_standing } else { -per_mille(1000 - met, p.quota_missed_standing) };
        let delta = crate::politics::shift_standing(data, state, wanted);
        log.push(
            Happening::consequence(if met >= 1000 { "steel_quota_met" } else { "steel_quota_missed" })
                .with("quota_kg", quota)
                .with("iron_kg", iron)
                .with("standing", delta),
        );
    }
}
