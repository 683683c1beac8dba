//! Scripted players: the average commune of the time (for calibration), the
//! honest and cautious secretary, the zealot, and a random one. The game's
//! attract loop and the tests use them; every decision goes through the same
//! `advance` a person's decisions do.

use std::collections::BTreeMap;

use crate::calendar::Season;
use crate::data::{Data, Stance};
use crate::decisions::{LabourPlan, ProcurementResponse, SeasonDecisions};
use crate::dice::{Dice, Stream};
use crate::error::SimError;
use crate::replay::Run;
use crate::state::CommuneState;
use crate::turn::{HarvestPreview, new_game, sow};
use crate::{events, per_mille};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    Historical,
    Honest,
    Zealot,
    Random,
}

impl Policy {
    pub const ALL: [Policy; 4] = [Policy::Historical, Policy::Honest, Policy::Zealot, Policy::Random];

    pub fn parse(s: &str) -> Option<Policy> {
        match s {
            "historical" => Some(Policy::Historical),
            "honest" => Some(Policy::Honest),
            "zealot" => Some(Policy::Zealot),
            "random" => Some(Policy::Random),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Policy::Historical => "historical",
            Policy::Honest => "honest",
            Policy::Zealot => "zealot",
            Policy::Random => "random",
        }
    }
}

/// The average commune's labour plan for the season (the data's
/// `historical_policy.labour`; 40/0/40/20 in a winter it does not list,
/// 85/0/5/10 in another season).
pub fn historical_labour(data: &Data, state: &CommuneState) -> LabourPlan {
    let now = state.now();
    data.historical_policy
        .labour
        .iter()
        .find(|l| l.at == now)
        .map(|l| LabourPlan::new(l.fields, l.furnaces, l.water, l.sideline))
        .unwrap_or(match now.season {
            Season::Winter => LabourPlan::new(40, 0, 40, 20),
            _ => LabourPlan::new(85, 0, 5, 10),
        })
}

/// The zealot's plan: the average commune's pushed further. Where it has
/// furnace workers, 15 points more of them (at most 50), its water share,
/// 5% sidelines and the rest in the fields; where it has none, 15 points
/// moved from the fields to the water works. Data where the shares cannot
/// come to 100 keeps the average commune's plan.
pub fn zealot_labour(data: &Data, state: &CommuneState) -> LabourPlan {
    let base = historical_labour(data, state);
    let plan = if base.furnaces > 0 {
        let furnaces = (base.furnaces + 15).min(50);
        let sideline = 5;
        LabourPlan::new(100u16.saturating_sub(furnaces + base.water + sideline), furnaces, base.water, sideline)
    } else {
        LabourPlan::new(base.fields.saturating_sub(15), 0, base.water + 15, base.sideline)
    };
    if plan.sum() == 100 { plan } else { base }
}

fn labour(policy: Policy, data: &Data, state: &CommuneState, dice: &mut Dice) -> Vec<LabourPlan> {
    let base = historical_labour(data, state);
    let winter = state.now().season == Season::Winter;
    state
        .brigades
        .iter()
        .map(|_| match policy {
            Policy::Historical => base,
            Policy::Honest => {
                // Hands in the fields; a token crew at the furnaces when the
                // county demands steel, works only in the slack season.
                let token = if base.furnaces > 0 { 8 } else { 0 };
                if winter {
                    LabourPlan::new(45, token, 35, 20 - token)
                } else {
                    LabourPlan::new(85 - token, token, 3, 12)
                }
            }
            Policy::Zealot => zealot_labour(data, state),
            Policy::Random => {
                let fields = dice.range(30, 95) as u16;
                let furnaces = dice.range(0, i64::from(100 - fields)) as u16;
                let water = dice.range(0, i64::from(100 - fields - furnaces)) as u16;
                LabourPlan::new(fields, furnaces, water, 100 - fields - furnaces - water)
            }
        })
        .collect()
}

fn choices(policy: Policy, data: &Data, state: &CommuneState, dice: &mut Dice) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for d in events::directives(data, state) {
        let want = match policy {
            Policy::Historical | Policy::Zealot => Some(Stance::Zeal),
            Policy::Honest => Some(Stance::Paper),
            Policy::Random => None,
        };
        let pick = match want {
            Some(stance) => d.choices.iter().find(|c| c.stance == stance).unwrap_or(&d.choices[0]),
            None => &d.choices[dice.range(0, d.choices.len() as i64 - 1) as usize],
        };
        out.insert(d.id.clone(), pick.id.clone());
    }
    out
}

fn report_permille(policy: Policy, data: &Data, year: i64, dice: &mut Dice) -> i64 {
    let historical = data.historical_policy.report_permille.get(&year.to_string()).copied().unwrap_or(1000);
    match policy {
        Policy::Historical => historical,
        Policy::Honest => 1000,
        Policy::Zealot => 1000 + (historical - 1000) * 2,
        Policy::Random => dice.range(500, 3000),
    }
}

/// The decisions a scripted player makes this season.
pub fn decide(policy: Policy, data: &Data, state: &CommuneState, seed: u64) -> Result<SeasonDecisions, SimError> {
    let mut dice = Dice::new(seed, state.now().ordinal(), Stream::Policy);
    let mut d = plans(policy, data, state, &mut dice);
    if state.now().season.is_harvest() {
        let sown = sow(data, state.clone(), &d, seed)?;
        answer(policy, data, &sown.preview(data), state.now().year, &mut dice, &mut d);
    }
    Ok(d)
}

/// The labour plans and directive answers, before the harvest is seen.
fn plans(policy: Policy, data: &Data, state: &CommuneState, dice: &mut Dice) -> SeasonDecisions {
    SeasonDecisions {
        labour: labour(policy, data, state, dice),
        choices: choices(policy, data, state, dice),
        report_kg: None,
        procurement: ProcurementResponse::Deliver,
    }
}

/// The report and the answer to procurement, once the harvest is seen.
fn answer(policy: Policy, data: &Data, p: &HarvestPreview, year: i64, dice: &mut Dice, d: &mut SeasonDecisions) {
    d.report_kg = Some(per_mille(p.harvest_kg, report_permille(policy, data, year, dice)));
    d.procurement = match policy {
        Policy::Historical | Policy::Zealot => ProcurementResponse::Deliver,
        Policy::Honest => {
            // Plead when the state would take more than a third of the crop.
            if p.demand_if_truthful_kg * 3 > p.harvest_kg {
                ProcurementResponse::Plead
            } else {
                ProcurementResponse::Deliver
            }
        }
        Policy::Random => match dice.range(0, 2) {
            0 => ProcurementResponse::Deliver,
            1 => ProcurementResponse::Plead,
            _ => ProcurementResponse::Hide { permille: dice.range(0, 500) as u16 },
        },
    };
}

/// Play a whole scenario with a scripted player. Each season is sown once:
/// the player looks at the harvest, then the same season is finished.
pub fn play(policy: Policy, data: &Data, scenario_id: &str, seed: u64) -> Result<(Run, CommuneState), SimError> {
    play_as(policy, data, scenario_id, seed, false)
}

/// Excess deaths per 1000 of the historical policy on this seed: what the
/// *protector* verdict weighs a game against.
pub fn reference_excess(data: &Data, scenario_id: &str, seed: u64) -> Result<i64, SimError> {
    Ok(play_as(Policy::Historical, data, scenario_id, seed, true)?.1.excess_deaths_per_1000())
}

fn play_as(
    policy: Policy,
    data: &Data,
    scenario_id: &str,
    seed: u64,
    reference: bool,
) -> Result<(Run, CommuneState), SimError> {
    let mut state = new_game(data, scenario_id)?;
    let mut run =
        Run { scenario_id: scenario_id.to_string(), scenario_version: data.version, seed, seasons: Vec::new() };
    while !state.is_over() {
        let now = state.now();
        let mut dice = Dice::new(seed, now.ordinal(), Stream::Policy);
        let mut d = plans(policy, data, &state, &mut dice);
        let mut sown = sow(data, state, &d, seed)?;
        if reference {
            sown = sown.as_reference();
        }
        if now.season.is_harvest() {
            answer(policy, data, &sown.preview(data), now.year, &mut dice, &mut d);
        }
        let (next, _) = sown.finish(data, &d)?;
        run.seasons.push(d);
        state = next;
    }
    Ok((run, state))
}
