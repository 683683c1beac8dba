//! The rules the screens show: the labour steppers and the season's first
//! plans, the steel quota, the field labour and seed a season needs, and the
//! shares the player can hide. Each gives what the game computed itself
//! before it moved here.

use sim::calendar::Season;
use sim::data::Effect;
use sim::decisions::{Activity, LabourPlan, ProcurementResponse};
use sim::policy::{Policy, decide};
use sim::{CommuneState, Data, advance, events, harvest, labour, new_game};

use crate::{decisions, state_at};

/// Every plan in steps of 5 whose shares add up to 100.
fn plans_in_fives() -> Vec<LabourPlan> {
    let mut out = Vec::new();
    for fields in (0..=100).step_by(5) {
        for furnaces in (0..=100 - fields).step_by(5) {
            for water in (0..=100 - fields - furnaces).step_by(5) {
                out.push(LabourPlan::new(fields, furnaces, water, 100 - fields - furnaces - water));
            }
        }
    }
    out
}

#[test]
fn get_and_set_name_the_four_shares() {
    let mut p = LabourPlan::new(1, 2, 3, 4);
    let got: Vec<u16> = Activity::ALL.iter().map(|&a| p.get(a)).collect();
    assert_eq!(got, [1, 2, 3, 4]);
    for (i, a) in Activity::ALL.into_iter().enumerate() {
        p.set(a, 10 * (i as u16 + 1));
    }
    assert_eq!(p, LabourPlan::new(10, 20, 30, 40));
}

#[test]
fn a_step_moves_hands_between_the_fields_and_one_activity() {
    let step = LabourPlan::STEP;
    assert_eq!(step, 5);
    let mut p = LabourPlan::new(85, 0, 5, 10);
    p.shift(Activity::Furnaces, step);
    assert_eq!(p, LabourPlan::new(80, 5, 5, 10));
    p.shift(Activity::Water, -step);
    assert_eq!(p, LabourPlan::new(85, 5, 0, 10));
    // The fields trade with the sidelines.
    p.shift(Activity::Fields, step);
    assert_eq!(p, LabourPlan::new(90, 5, 0, 5));
    p.shift(Activity::Fields, -step);
    assert_eq!(p, LabourPlan::new(85, 5, 0, 10));
    p.shift(Activity::Sideline, step);
    assert_eq!(p, LabourPlan::new(80, 5, 0, 15));
}

#[test]
fn a_step_stops_at_nothing_and_at_everything() {
    // Nothing left to take out.
    let mut p = LabourPlan::new(90, 0, 0, 10);
    p.shift(Activity::Furnaces, -5);
    assert_eq!(p, LabourPlan::new(90, 0, 0, 10));
    let mut p = LabourPlan::new(90, 3, 0, 7);
    p.shift(Activity::Furnaces, -5);
    assert_eq!(p, LabourPlan::new(93, 0, 0, 7));
    // Nobody left in the fields (or the sidelines) to move.
    let mut p = LabourPlan::new(0, 60, 40, 0);
    p.shift(Activity::Water, 5);
    assert_eq!(p, LabourPlan::new(0, 60, 40, 0));
    p.shift(Activity::Fields, 5);
    assert_eq!(p, LabourPlan::new(0, 60, 40, 0));
    let mut p = LabourPlan::new(2, 60, 38, 0);
    p.shift(Activity::Water, 5);
    assert_eq!(p, LabourPlan::new(0, 60, 40, 0));
    // Everyone in one activity.
    let mut p = LabourPlan::new(100, 0, 0, 0);
    p.shift(Activity::Fields, 5);
    assert_eq!(p, LabourPlan::new(100, 0, 0, 0));
    let mut p = LabourPlan::new(0, 0, 0, 100);
    p.shift(Activity::Sideline, 5);
    assert_eq!(p, LabourPlan::new(0, 0, 0, 100));
    let mut p = LabourPlan::new(5, 95, 0, 0);
    p.shift(Activity::Furnaces, 100);
    assert_eq!(p, LabourPlan::new(0, 100, 0, 0));
    p.shift(Activity::Furnaces, -100);
    assert_eq!(p, LabourPlan::new(100, 0, 0, 0));
}

#[test]
fn any_step_keeps_every_share_between_0_and_100_and_the_total_at_100() {
    for start in plans_in_fives() {
        for a in Activity::ALL {
            for delta in [-100, -7, -5, -1, 0, 1, 5, 7, 100, i16::MIN, i16::MAX] {
                let mut p = start;
                p.shift(a, delta);
                assert_eq!(p.sum(), 100, "{start:?} {a:?} {delta}");
                assert!(Activity::ALL.iter().all(|&x| p.get(x) <= 100), "{start:?} {a:?} {delta}");
                let other = if a == Activity::Fields { Activity::Sideline } else { Activity::Fields };
                for x in Activity::ALL.into_iter().filter(|&x| x != a && x != other) {
                    assert_eq!(p.get(x), start.get(x), "{start:?} {a:?} {delta}: only two shares move");
                }
                let moved = i32::from(p.get(a)) - i32::from(start.get(a));
                assert!(moved == 0 || moved.signum() == i32::from(delta).signum());
                assert!(moved.abs() <= i32::from(delta).abs());
            }
        }
    }
}

#[test]
fn a_season_starts_from_its_default_plan() {
    assert_eq!(LabourPlan::default_for(Season::Winter), LabourPlan::new(45, 0, 35, 20));
    for season in [Season::Spring, Season::Summer, Season::Autumn] {
        assert_eq!(LabourPlan::default_for(season), LabourPlan::new(85, 0, 5, 10));
    }
    for season in Season::ALL {
        assert_eq!(LabourPlan::default_for(season).sum(), 100);
    }
}

#[test]
fn the_last_plans_carry_over_within_the_growing_season_only() {
    let data = Data::builtin();
    let spring = new_game(&data, "full").unwrap();
    assert_eq!(spring.now().season, Season::Spring);
    let n = spring.brigades.len();
    let previous: Vec<LabourPlan> = (0..n).map(|i| LabourPlan::new(60, i as u16, 0, 40 - i as u16)).collect();
    let default_of = |season| vec![LabourPlan::default_for(season); n];
    // Spring follows winter: it starts from the growing season's default,
    // never from the winter plan (45% in the fields).
    assert_eq!(labour::plans_for_season(&data, &spring, None), default_of(Season::Spring));
    assert_eq!(labour::plans_for_season(&data, &spring, Some(&default_of(Season::Winter))), default_of(Season::Spring));
    assert_eq!(labour::plans_for_season(&data, &spring, Some(&previous)), default_of(Season::Spring));

    let summer = state_at(&data, Policy::Historical, 1, 1958, 1);
    assert_eq!(labour::plans_for_season(&data, &summer, Some(&previous)), previous);
    // Plans for another number of brigades are not kept.
    assert_eq!(labour::plans_for_season(&data, &summer, Some(&previous[1..])), default_of(Season::Summer));
    assert_eq!(labour::plans_for_season(&data, &summer, Some(&[])), default_of(Season::Summer));
    let autumn = state_at(&data, Policy::Historical, 1, 1959, 2);
    assert_eq!(labour::plans_for_season(&data, &autumn, Some(&previous)), previous);
    // When the county demands steel, the season starts from its plan.
    let steel = state_at(&data, Policy::Historical, 1, 1958, 2);
    let county = labour::plans_for_season(&data, &steel, Some(&previous));
    assert_eq!(county, labour::county_plan(&data, &steel));
    assert!(county.iter().all(|p| p.furnaces > 0 && p.sum() == 100), "{county:?}");
    let made = labour::preview(&data, &steel, &county).iron_kg;
    assert!(made >= events::steel_quota(&data, &steel), "{made}");

    let winter = state_at(&data, Policy::Historical, 1, 1959, 3);
    assert_eq!(winter.now().season, Season::Winter);
    assert_eq!(labour::plans_for_season(&data, &winter, Some(&previous)), default_of(Season::Winter));
    assert_eq!(labour::plans_for_season(&data, &winter, None), default_of(Season::Winter));
}

#[test]
fn a_player_who_never_opens_the_labour_screen_keeps_the_fields_manned() {
    // Each season's plan comes from the last, as the game's draft does.
    let data = Data::builtin();
    let mut state = new_game(&data, "full").unwrap();
    let mut last: Option<Vec<LabourPlan>> = None;
    while state.now().year < 1960 {
        let plans = labour::plans_for_season(&data, &state, last.as_deref());
        if state.now().season != Season::Winter && events::steel_quota(&data, &state) == 0 {
            assert!(plans.iter().all(|p| p.fields >= 85), "{}: {plans:?}", state.now());
        }
        let mut d = decisions(&data, Policy::Historical, &state, 1);
        d.labour = plans.clone();
        if state.now().season.is_harvest() {
            d.report_kg = Some(sim::turn::preview(&data, &state, &d, 1).unwrap().harvest_kg);
        }
        state = advance(&data, &state, &d, 1).unwrap().0;
        last = Some(plans);
    }
}

#[test]
fn the_labour_preview_counts_hunger_and_fuel() {
    let data = Data::builtin();
    let fed = new_game(&data, "full").unwrap();
    let plans = vec![LabourPlan::new(85, 10, 0, 5); fed.brigades.len()];
    let healthy = labour::preview(&data, &fed, &plans);
    assert_eq!(healthy.field_workers, fed.brigades.iter().map(|b| b.workers * 85 / 100).sum::<i64>());
    let mut hungry = fed.clone();
    for b in &mut hungry.brigades {
        b.health = 400;
    }
    hungry.woodland = data.params.furnaces.woodland_low - 1;
    let weak = labour::preview(&data, &hungry, &plans);
    assert_eq!(weak.field_workers, healthy.field_workers);
    assert!(weak.field_hands * 10 < healthy.field_hands * 9, "{weak:?} vs {healthy:?}");
    assert!(weak.iron_kg * 10 < healthy.iron_kg * 6, "{weak:?} vs {healthy:?}");
}

/// Before and after every season of some scripted games.
fn seasons_played(data: &Data) -> Vec<(CommuneState, CommuneState)> {
    let mut out = Vec::new();
    for policy in Policy::ALL {
        for (scenario, seed) in [("full", 3), ("full", 8), ("kiosk", 2)] {
            let mut state = new_game(data, scenario).unwrap();
            while !state.is_over() {
                let d = decide(policy, data, &state, seed).unwrap();
                let next = advance(data, &state, &d, seed).unwrap().0;
                out.push((state, next.clone()));
                state = next;
            }
        }
    }
    out
}

#[test]
fn the_steel_quota_shown_is_the_one_the_furnaces_answer_to() {
    let data = Data::builtin();
    // How the season screen added it up.
    let screen = |s: &CommuneState| -> i64 {
        let workers = s.workers();
        events::this_season(&data, s)
            .iter()
            .flat_map(|e| e.effects.iter())
            .filter_map(
                |e| if let Effect::SteelQuota { kg_per_worker } = e { Some(kg_per_worker * workers) } else { None },
            )
            .sum()
    };
    let mut with_quota = 0;
    for (before, after) in seasons_played(&data) {
        let quota = events::steel_quota(&data, &before);
        assert_eq!(quota, screen(&before));
        assert_eq!(quota, after.steel_quota_kg, "{}", before.now());
        with_quota += usize::from(quota > 0);
    }
    assert!(with_quota > 0);
}

#[test]
fn the_shipped_data_sets_at_most_one_steel_quota_a_season_and_never_in_a_choice() {
    let data = Data::builtin();
    let is_quota = |e: &Effect| matches!(e, Effect::SteelQuota { .. });
    for e in &data.events {
        assert!(e.choices.iter().all(|c| !c.effects.iter().any(is_quota)), "{}", e.id);
        let same_season = data.events.iter().filter(|o| o.at == e.at);
        assert!(same_season.flat_map(|o| o.effects.iter()).filter(|f| is_quota(f)).count() <= 1, "{}", e.id);
    }
    let mut broken = data.clone();
    let directive = broken.events.iter_mut().find(|e| !e.choices.is_empty()).unwrap();
    directive.choices[0].effects.push(Effect::SteelQuota { kg_per_worker: 1 });
    assert!(broken.validate().iter().any(|p| p.contains("steel quota")), "{:?}", broken.validate());
}

#[test]
fn field_need_and_seed_add_up_the_brigades_as_the_screens_did() {
    let data = Data::builtin();
    for (before, _) in seasons_played(&data) {
        let season = before.now().season;
        let need: i64 = before
            .brigades
            .iter()
            .map(|b| b.farmland_mu * data.params.labour.need_per_1000_mu.get(season) / 1000)
            .sum();
        assert_eq!(labour::field_need(&data, &before), need);
        let seed =
            before.brigades.iter().map(|b| b.farmland_mu).sum::<i64>() * data.params.harvest.seed_kg_per_mu.get(season);
        assert_eq!(harvest::seed_for(&data, &before), seed);
        assert_eq!(seed > 0, season.is_harvest());
    }
}

#[test]
fn the_shares_to_hide_run_from_50_to_500_in_fifties_from_200() {
    let data = Data::builtin();
    let h = &data.params.hiding;
    assert_eq!((h.min_hide_permille, h.hide_step_permille, h.default_hide_permille), (50, 50, 200));
    assert_eq!(h.max_hide_permille, 500);
    assert_eq!(h.clamp_hide(-1000), 50);
    assert_eq!(h.clamp_hide(0), 50);
    assert_eq!(h.clamp_hide(250), 250);
    assert_eq!(h.clamp_hide(550), 500);
    assert_eq!(h.clamp_hide(i64::MAX), 500);
    // The screen's stepper, as it was: from 200, 50 at a time, within 50..=500.
    for start in (0..=600).step_by(50) {
        for step in [-50i16, 50] {
            let old = (start as i16 + step).clamp(50, 500) as u16;
            assert_eq!(h.clamp_hide(start + i64::from(step)), old);
        }
    }
    let mut broken = data.clone();
    broken.params.hiding.default_hide_permille = 600;
    assert!(broken.validate().iter().any(|p| p.contains("hide")));
}

#[test]
fn the_rules_take_every_share_the_player_can_choose() {
    let data = Data::builtin();
    let state = state_at(&data, Policy::Historical, 4, 1958, 1);
    let h = &data.params.hiding;
    let mut d = decisions(&data, Policy::Historical, &state, 4);
    for permille in [h.min_hide_permille, h.default_hide_permille, h.max_hide_permille] {
        d.procurement = ProcurementResponse::Hide { permille: h.clamp_hide(permille) };
        assert!(advance(&data, &state, &d, 4).is_ok(), "{permille}");
    }
    d.procurement = ProcurementResponse::Hide { permille: h.clamp_hide(h.max_hide_permille) + 1 };
    assert!(advance(&data, &state, &d, 4).is_err());
}

#[test]
fn happenings_are_the_same_type_under_every_path() {
    let kind: sim::turn::HappeningKind = sim::happening::HappeningKind::Ending;
    let h: sim::Happening = sim::turn::Happening::consequence("harvest");
    let _: sim::happening::Happening = h;
    assert_eq!(kind, sim::happening::HappeningKind::Ending);
}
