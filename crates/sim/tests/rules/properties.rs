//! For any decisions and seed: no stock or population goes negative, people
//! are conserved season by season, and every game ends by January 1962 in
//! one of the documented endings.

use proptest::prelude::*;
use sim::decisions::{LabourPlan, ProcurementResponse, SeasonDecisions};
use sim::{Data, advance, events, new_game};

#[derive(Clone, Debug)]
struct Season {
    splits: Vec<(u16, u16, u16)>,
    choice: Vec<usize>,
    report_permille: i64,
    response: u8,
    hide: u16,
}

fn season() -> impl Strategy<Value = Season> {
    (
        prop::collection::vec((0u16..=100, 0u16..=100, 0u16..=100), 6),
        prop::collection::vec(0usize..3, 3),
        0i64..5000,
        0u8..3,
        0u16..=500,
    )
        .prop_map(|(splits, choice, report_permille, response, hide)| Season {
            splits,
            choice,
            report_permille,
            response,
            hide,
        })
}

fn plan((a, b, c): (u16, u16, u16)) -> LabourPlan {
    let fields = a;
    let furnaces = b.min(100 - fields);
    let water = c.min(100 - fields - furnaces);
    LabourPlan::new(fields, furnaces, water, 100 - fields - furnaces - water)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The 64-bit shortcut of the scaling helpers gives what the 128-bit
    /// arithmetic gives, near the overflow edge too.
    #[test]
    fn scaling_matches_wide_arithmetic(value in any::<i64>(), permille in -1_000_000i64..1_000_000, small in -10_000_000_000i64..10_000_000_000) {
        for v in [value, small] {
            prop_assert_eq!(sim::per_mille(v, permille), ((i128::from(v) * i128::from(permille)) / 1000) as i64);
            if permille > 0 {
                prop_assert_eq!(sim::ratio_permille(v, permille), ((i128::from(v) * 1000) / i128::from(permille)) as i64);
            }
        }
    }

    #[test]
    fn any_game_keeps_stocks_whole_conserves_people_and_ends(
        seed in any::<u64>(),
        kiosk in any::<bool>(),
        seasons in prop::collection::vec(season(), 16),
    ) {
        let data = Data::builtin();
        let mut state = new_game(&data, if kiosk { "kiosk" } else { "full" }).unwrap();
        for s in &seasons {
            if state.is_over() {
                break;
            }
            let mut d = SeasonDecisions {
                labour: s.splits.iter().map(|&x| plan(x)).collect(),
                choices: Default::default(),
                report_kg: None,
                procurement: match s.response {
                    0 => ProcurementResponse::Deliver,
                    1 => ProcurementResponse::Plead,
                    _ => ProcurementResponse::Hide { permille: s.hide },
                },
            };
            for (i, directive) in events::directives(&data, &state).iter().enumerate() {
                let c = &directive.choices[s.choice[i % s.choice.len()] % directive.choices.len()];
                d.choices.insert(directive.id.clone(), c.id.clone());
            }
            if state.now().season.is_harvest() {
                let p = sim::turn::preview(&data, &state, &d, seed).unwrap();
                d.report_kg = Some(p.harvest_kg * s.report_permille / 1000);
            }
            let (next, log) = advance(&data, &state, &d, seed).unwrap();
            let born: i64 = log.iter().filter(|h| h.id == "deaths_and_births").map(|h| h.values["births"]).sum();
            let died: i64 = log.iter().filter(|h| h.id == "deaths_and_births").map(|h| h.values["deaths"]).sum();
            prop_assert_eq!(next.people(), state.people() + born - died);
            for b in &next.brigades {
                prop_assert!(b.people >= 0 && b.workers >= 0 && b.workers <= b.people);
                prop_assert!(b.granary_kg >= 0 && b.hidden_kg >= 0);
                prop_assert!((0..=1000).contains(&b.tools) && (0..=1000).contains(&b.health) && (0..=1000).contains(&b.morale));
            }
            prop_assert!((0..=1000).contains(&next.standing) && next.woodland >= 0 && next.quota.arrears_kg >= 0);
            for l in &next.years {
                prop_assert!(l.harvest_kg >= 0 && l.procured_kg >= 0 && l.seized_kg >= 0 && l.deaths >= 0 && l.births >= 0);
            }
            state = next;
        }
        prop_assert!(state.is_over(), "no ending after {} seasons", state.step);
        prop_assert!(state.now().ordinal() <= 1962 * 4, "the game ran past January 1962");
        let key = state.ending.as_ref().unwrap().data_id();
        prop_assert!(data.ending(key).is_some());
    }
}

#[test]
fn every_change_of_standing_carries_its_reason() {
    // The happenings of a season that move standing name how much; their
    // sum is the whole change, so the screen can list each with its reason.
    let data = Data::builtin();
    for seed in 0..40 {
        for policy in sim::policy::Policy::ALL {
            let mut state = sim::new_game(&data, "full").unwrap();
            while !state.is_over() {
                let d = sim::policy::decide(policy, &data, &state, seed).unwrap();
                let (next, log) = sim::advance(&data, &state, &d, seed).unwrap();
                let told: i64 = log.iter().filter_map(|h| h.values.get("standing")).sum();
                assert_eq!(next.standing - state.standing, told, "{} {}: {log:?}", policy.name(), state.now());
                state = next;
            }
        }
    }
}
