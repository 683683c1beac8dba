//! Dated news and directives, and what their choices do. The texts and the
//! effects are data; this file only applies them.

use crate::data::{Data, Effect, EventDef, EventKind, Stance};
use crate::decisions::SeasonDecisions;
use crate::dice::{Dice, Stream};
use crate::error::SimError;
use crate::happening::Happening;
use crate::per_mille;
use crate::state::CommuneState;

fn requirement_met(state: &CommuneState, requires: &Option<String>) -> bool {
    match requires.as_deref() {
        None => true,
        Some(r) => match r.strip_prefix('!') {
            Some(flag) => !state.flag(flag),
            None => state.flag(r),
        },
    }
}

/// The news and directives that arrive this season.
pub fn this_season<'a>(data: &'a Data, state: &CommuneState) -> Vec<&'a EventDef> {
    let now = state.now();
    let left_out = data.scenario(&state.scenario_id).map(|s| s.leaves_out.as_slice()).unwrap_or_default();
    data.events
        .iter()
        .filter(|e| e.at == now && requirement_met(state, &e.requires) && !left_out.contains(&e.id))
        .collect()
}

/// The directives of this season, which each need an answer.
pub fn directives<'a>(data: &'a Data, state: &CommuneState) -> Vec<&'a EventDef> {
    this_season(data, state).into_iter().filter(|e| e.kind == EventKind::Directive).collect()
}

pub fn check_choices(data: &Data, state: &CommuneState, decisions: &SeasonDecisions) -> Result<(), SimError> {
    let offered = directives(data, state);
    for d in &offered {
        let choice = decisions.choices.get(&d.id).ok_or_else(|| SimError::MissingChoice(d.id.clone()))?;
        if !d.choices.iter().any(|c| &c.id == choice) {
            return Err(SimError::UnknownChoice { directive: d.id.clone(), choice: choice.clone() });
        }
    }
    for id in decisions.choices.keys() {
        if !offered.iter().any(|d| &d.id == id) {
            return Err(SimError::UnexpectedDirective(id.clone()));
        }
    }
    Ok(())
}

/// The steel the county demands this season, kg: the steel quotas (kg per
/// worker) of this season's news and directives, times the commune's
/// workers. `apply` sets the season's quota from here.
pub fn steel_quota(data: &Data, state: &CommuneState) -> i64 {
    let workers = state.workers();
    this_season(data, state)
        .iter()
        .flat_map(|e| e.effects.iter())
        .filter_map(|e| if let Effect::SteelQuota { kg_per_worker } = e { Some(kg_per_worker * workers) } else { None })
        .sum()
}

/// Apply this season's news and the chosen answers to its directives.
pub fn apply(data: &Data, state: &mut CommuneState, decisions: &SeasonDecisions, seed: u64, log: &mut Vec<Happening>) {
    state.steel_quota_kg = steel_quota(data, state);
    let mut dice = Dice::new(seed, state.now().ordinal(), Stream::Directives);
    for event in this_season(data, state) {
        let (before, at) = (state.standing, log.len());
        log.push(Happening::event(&event.id));
        for effect in &event.effects {
            apply_effect(data, state, effect, &event.id, log);
        }
        if state.standing != before {
            log[at].values.insert("standing".into(), state.standing - before);
        }
        if event.kind != EventKind::Directive {
            continue;
        }
        let Some(choice_id) = decisions.choices.get(&event.id) else { continue };
        let Some(choice) = event.choices.iter().find(|c| &c.id == choice_id) else { continue };
        state.choices.insert(event.id.clone(), choice.id.clone());
        let before = state.standing;
        let at = log.len();
        log.push(Happening::choice(&event.id, &choice.id));
        for effect in &choice.effects {
            apply_effect(data, state, effect, &event.id, log);
        }
        // The choice's own change of standing, as its reason.
        if state.standing != before {
            log[at].values.insert("standing".into(), state.standing - before);
        }
        if choice.stance == Stance::Paper && dice.chance(choice.caught_permille) {
            let cost =
                per_mille(data.params.politics.paper_caught_standing, state.lever(crate::data::Lever::ReportPenalty));
            let delta = crate::politics::shift_standing(data, state, -cost);
            log.push(Happening::consequence("caught_on_paper").with("standing", delta));
        }
    }
}

pub fn apply_effect(data: &Data, state: &mut CommuneState, effect: &Effect, origin: &str, log: &mut Vec<Happening>) {
    let max = data.params.politics.max_standing;
    match effect {
        Effect::Standing { delta } => state.standing = (state.standing + delta).clamp(0, max),
        Effect::Shield { permille } => {
            let kept: i64 = state.brigades.iter().map(|b| per_mille(b.granary_kg, *permille)).sum();
            state.kept.search_refused_kg += kept;
        }
        Effect::Flag { flag, on } => {
            if *on {
                state.flags.insert(flag.clone());
            } else {
                state.flags.remove(flag);
            }
        }
        Effect::Modifier { lever, permille, seasons } => state.add_modifier(*lever, *permille, *seasons, origin),
        Effect::Tools { permille } => {
            for b in &mut state.brigades {
                b.tools = per_mille(b.tools, *permille).clamp(0, 1000);
            }
        }
        Effect::Morale { delta } => {
            for b in &mut state.brigades {
                b.morale = (b.morale + delta).clamp(0, 1000);
            }
        }
        Effect::Health { delta } => {
            for b in &mut state.brigades {
                b.health = (b.health + delta).clamp(0, 1000);
            }
        }
        // Set once for the season by `apply`, from `steel_quota`; a choice
        // cannot carry one (`Data::validate`).
        Effect::SteelQuota { .. } => {}
        Effect::Soil { delta } => state.soil = (state.soil + delta).clamp(500, 1000),
        Effect::WorksRisk { delta } => state.works_risk = (state.works_risk + delta).clamp(0, 1000),
        Effect::SeizeFood { permille } => {
            let mut taken = 0;
            for b in &mut state.brigades {
                let t = per_mille(b.granary_kg, *permille);
                b.granary_kg -= t;
                taken += t;
            }
            let year = state.now().year;
            state.ledger(year).procured_kg += taken;
            state.quota.delivered_kg += taken;
            state.quota.arrears_kg = (state.quota.arrears_kg - taken).max(0);
            log.push(Happening::consequence("own_villages_searched").with("seized_kg", taken));
        }
    }
}
