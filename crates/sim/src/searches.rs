//! The anti-hiding campaigns: when the grain the reports promised cannot be
//! found, the state presumes it is hidden and sends teams to search the
//! villages. They take hidden grain, and food grain too.

use crate::data::{Data, Lever};
use crate::dice::{Dice, Stream};
use crate::happening::Happening;
use crate::per_mille;
use crate::state::CommuneState;

pub fn run(data: &Data, state: &mut CommuneState, seed: u64, log: &mut Vec<Happening>) {
    let p = &data.params.hiding;
    let now = state.now();
    let intensity = state.lever(Lever::Searches);
    let mut dice = Dice::new(seed, now.ordinal(), Stream::Searches);
    let arrears = state.quota.arrears_kg;
    let searched = arrears > 0 && dice.chance(per_mille(p.search_on_arrears_permille, intensity));
    let mut seized = 0;
    if searched {
        // The team takes food grain up to what is owed.
        let mut owed = arrears;
        for b in state.brigades.iter_mut() {
            let take = per_mille(b.granary_kg, p.seize_food_permille).min(owed);
            b.granary_kg -= take;
            owed -= take;
            seized += take;
            b.morale = (b.morale - p.search_morale).max(0);
            b.health = (b.health - p.search_health).max(0);
        }
        state.quota.arrears_kg -= seized;
        log.push(Happening::consequence("search_team").with("seized_kg", seized));
    }
    let hidden = state.hidden_kg();
    if hidden > 0 {
        let find = per_mille(p.base_find_permille, intensity) * if searched { 2 } else { 1 };
        if dice.chance(find) {
            for b in state.brigades.iter_mut() {
                b.hidden_kg = 0;
            }
            seized += hidden;
            state.standing = (state.standing - per_mille(p.found_standing, state.lever(Lever::ReportPenalty))).max(0);
            state.ledger(now.year).hidden_found_kg += hidden;
            log.push(Happening::consequence("hidden_found").with("found_kg", hidden));
        }
    }
    if seized > 0 {
        let l = state.ledger(now.year);
        l.seized_kg += seized;
    }
}
