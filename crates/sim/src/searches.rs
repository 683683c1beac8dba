//! The anti-hiding campaigns: when the grain the reports promised cannot be
//! found, or a report falls far below the county's figure, the state
//! presumes grain is hidden and sends teams to search the villages. They take
//! food grain toward what is owed, and hidden grain when they find it. A find
//! is more likely in the campaigns and the more is hidden; being found costs
//! the grain, standing and a criticism, and in the worst campaigns the post.

use crate::data::{Data, Lever};
use crate::dice::{Dice, Stream};
use crate::happening::Happening;
use crate::state::{CommuneState, Ending, Sanction};
use crate::{per_mille, politics, ratio_permille};

pub fn run(data: &Data, state: &mut CommuneState, seed: u64, log: &mut Vec<Happening>) -> Option<Ending> {
    let p = &data.params.hiding;
    let now = state.now();
    let intensity = state.lever(Lever::Searches);
    let mut dice = Dice::new(seed, now.ordinal(), Stream::Searches);
    let arrears = state.quota.arrears_kg;
    let mut chance = per_mille(state.suspicion, p.search_per_suspicion_permille);
    if arrears > 0 {
        chance += p.search_on_arrears_permille;
    }
    let searched = dice.chance(per_mille(chance, intensity));
    let mut seized = 0;
    if searched && arrears > 0 {
        // The team takes food grain up to what is owed, by force.
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
    } else if searched {
        // Nothing is owed: the team looks for hidden grain and frightens people.
        for b in state.brigades.iter_mut() {
            b.morale = (b.morale - p.search_morale / 2).max(0);
        }
        log.push(Happening::consequence("search_for_hidden"));
    }
    let hidden = state.hidden_kg();
    let mut ending = None;
    if hidden > 0 {
        let share = ratio_permille(hidden, state.granary_kg() + hidden);
        let find = per_mille(p.base_find_permille + per_mille(share, p.find_per_share_permille), intensity)
            * if searched { 2 } else { 1 };
        if dice.chance(find) {
            for b in state.brigades.iter_mut() {
                b.hidden_kg = 0;
            }
            seized += hidden;
            let climate = state.lever(Lever::ReportPenalty);
            let delta = politics::shift_standing(data, state, -per_mille(p.found_standing, climate));
            state.sanction = state.sanction.max(Sanction::Criticised);
            state.ledger(now.year).hidden_found_kg += hidden;
            log.push(
                Happening::consequence("hidden_found")
                    .with("found_kg", hidden)
                    .with("standing", delta)
                    .with("climate_permille", climate),
            );
            if intensity >= p.campaign_searches_permille && dice.chance(p.found_removal_permille) {
                log.push(Happening::consequence("removed_for_hiding"));
                ending = Some(Ending::Purged { year: now.year });
            }
        }
    }
    if seized > 0 {
        state.ledger(now.year).seized_kg += seized;
    }
    ending
}
