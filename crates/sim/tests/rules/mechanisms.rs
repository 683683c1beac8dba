//! Each link of the causal chain in GAME.md, tested on its own.

use sim::data::Lever;
use sim::decisions::{LabourPlan, ProcurementResponse, SeasonDecisions};
use sim::policy::Policy;
use sim::state::Sanction;
use sim::turn::{HappeningKind, preview};
use sim::{CommuneState, Data, SimError, advance};

use crate::{decisions, state_at};

fn with_labour(d: &SeasonDecisions, plan: LabourPlan) -> SeasonDecisions {
    SeasonDecisions { labour: vec![plan; d.labour.len()], ..d.clone() }
}

fn happened(log: &[sim::Happening], id: &str) -> bool {
    log.iter().any(|h| h.id == id)
}

/// Play a year with a report of `permille` of the truth at both harvests.
fn year_reporting(data: &Data, start: &CommuneState, permille: i64, seed: u64) -> CommuneState {
    let mut s = start.clone();
    let year = s.now().year;
    while s.now().year == year {
        let mut d = decisions(data, Policy::Historical, &s, seed);
        if d.report_kg.is_some() {
            let p = preview(data, &s, &d, seed).unwrap();
            d.report_kg = Some(p.harvest_kg * permille / 1000);
        }
        s = advance(data, &s, &d, seed).unwrap().0;
    }
    s
}

#[test]
fn inflated_report_raises_next_years_quota() {
    let data = Data::builtin();
    let start = state_at(&data, Policy::Historical, 3, 1958, 0);
    let honest = year_reporting(&data, &start, 1000, 3);
    let inflated = year_reporting(&data, &start, 2000, 3);
    let quota = |s: &CommuneState| {
        let d = decisions(&data, Policy::Historical, s, 3);
        preview(&data, s, &d, 3).unwrap().annual_quota_kg
    };
    assert!(quota(&inflated) > quota(&honest) * 12 / 10, "{} vs {}", quota(&inflated), quota(&honest));
    // ...and the inflated report brought an extra levy in the same year.
    assert!(inflated.ledger_of(1958).unwrap().procured_kg > honest.ledger_of(1958).unwrap().procured_kg);
}

#[test]
fn quota_does_not_fall_when_the_harvest_fails() {
    let data = Data::builtin();
    let s = state_at(&data, Policy::Historical, 4, 1959, 1);
    let d = decisions(&data, Policy::Historical, &s, 4);
    let full = preview(&data, &s, &d, 4).unwrap();
    let starved = preview(&data, &s, &with_labour(&d, LabourPlan::new(30, 40, 20, 10)), 4).unwrap();
    assert!(starved.harvest_kg < full.harvest_kg * 8 / 10);
    assert_eq!(starved.annual_quota_kg, full.annual_quota_kg);
    assert_eq!(
        starved.demand_if_truthful_kg, full.demand_if_truthful_kg,
        "the demand rests on the quota, not the crop"
    );
}

#[test]
fn furnace_labour_at_harvest_leaves_grain_in_fields() {
    let data = Data::builtin();
    let s = state_at(&data, Policy::Historical, 5, 1958, 2);
    let d = decisions(&data, Policy::Historical, &s, 5);
    let fields = preview(&data, &s, &with_labour(&d, LabourPlan::new(90, 0, 0, 10)), 5).unwrap();
    let furnaces = preview(&data, &s, &with_labour(&d, LabourPlan::new(50, 40, 0, 10)), 5).unwrap();
    assert!(furnaces.harvest_kg < fields.harvest_kg * 9 / 10);
    assert!(furnaces.left_in_fields_kg > fields.left_in_fields_kg + 100_000);
}

#[test]
fn furnaces_melt_tools_and_make_mostly_unusable_iron() {
    let data = Data::builtin();
    let s = state_at(&data, Policy::Historical, 6, 1958, 2);
    let d = with_labour(&decisions(&data, Policy::Historical, &s, 6), LabourPlan::new(60, 30, 0, 10));
    let tools_before: i64 = s.brigades.iter().map(|b| b.tools).sum();
    let (next, _) = advance(&data, &s, &d, 6).unwrap();
    let tools_after: i64 = next.brigades.iter().map(|b| b.tools).sum();
    assert!(tools_after < tools_before * 95 / 100);
    let l = next.ledger_of(1958).unwrap();
    assert!(l.iron_kg > 0 && l.iron_usable_kg * 2 < l.iron_kg, "usable {} of {}", l.iron_usable_kg, l.iron_kg);
    assert!(next.woodland < s.woodland);
}

#[test]
fn eat_your_fill_empties_the_granary_sooner() {
    let data = Data::builtin();
    let s = state_at(&data, Policy::Historical, 8, 1958, 2);
    let mut zeal = decisions(&data, Policy::Historical, &s, 8);
    zeal.choices.insert("canteens_1958".into(), "free_meals".into());
    let mut plan = zeal.clone();
    plan.choices.insert("canteens_1958".into(), "ration".into());
    let play_two = |d: &SeasonDecisions| {
        let a = advance(&data, &s, d, 8).unwrap().0;
        let w = decisions(&data, Policy::Historical, &a, 8);
        advance(&data, &a, &w, 8).unwrap().0
    };
    let (free, rationed) = (play_two(&zeal), play_two(&plan));
    assert!(free.granary_kg() * 2 < rationed.granary_kg(), "{} vs {}", free.granary_kg(), rationed.granary_kg());
}

#[test]
fn honest_report_after_lushan_costs_more_standing_than_before() {
    let data = Data::builtin();
    let standing_cost = |year: i64| {
        let s = state_at(&data, Policy::Historical, 10, year, 2);
        let mut d = decisions(&data, Policy::Historical, &s, 10);
        let p = preview(&data, &s, &d, 10).unwrap();
        d.report_kg = Some(p.expected_kg / 2);
        let (_, log) = advance(&data, &s, &d, 10).unwrap();
        log.iter().find(|h| h.id == "report_below_plan").map(|h| h.values["standing"]).unwrap()
    };
    let before = standing_cost(1958);
    let after = standing_cost(1959);
    assert!(after < before * 2, "halving the expected figure cost {before} in 1958 and {after} after Lushan");
}

#[test]
fn low_standing_brings_graded_sanctions_before_removal() {
    let data = Data::builtin();
    let mut purged = 0;
    for seed in 0..20 {
        let mut s = state_at(&data, Policy::Historical, seed, 1959, 2);
        s.standing = 50;
        // Not yet sanctioned: the sanctions begin with a warning, and a
        // season that starts unsanctioned never ends in removal.
        let d = decisions(&data, Policy::Historical, &s, seed);
        let (next, log) = advance(&data, &s, &d, seed).unwrap();
        assert!(next.ending.is_none(), "removed without a warning: {log:?}");
        assert!(next.sanction >= Sanction::Warned);
        assert!(happened(&log, "sanction_warned"));
        // Once demoted, a standing this low ends in removal more often than not.
        s.sanction = Sanction::Demoted;
        let (next, log) = advance(&data, &s, &d, seed).unwrap();
        if matches!(next.ending, Some(sim::Ending::Purged { year: 1959 })) {
            purged += 1;
            assert!(log.iter().any(|h| h.kind == HappeningKind::Ending && h.id == "purged"));
        }
    }
    assert!(purged >= 10, "only {purged} of 20 demoted secretaries removed at standing 50 after Lushan");
}

#[test]
fn the_short_scenario_links_its_reports_to_the_next_quota() {
    // The kiosk game starts in autumn 1958: its one 1958 report must weigh
    // on the 1959 quota (it used to fall back to the pre-Leap figure).
    let data = Data::builtin();
    let quota_1959 = |permille: i64| {
        let mut s = sim::new_game(&data, "kiosk").unwrap();
        while s.now().year == 1958 {
            let mut d = decisions(&data, Policy::Historical, &s, 2);
            if d.report_kg.is_some() {
                d.report_kg = Some(preview(&data, &s, &d, 2).unwrap().harvest_kg * permille / 1000);
            }
            s = advance(&data, &s, &d, 2).unwrap().0;
        }
        let d = decisions(&data, Policy::Historical, &s, 2);
        preview(&data, &s, &d, 2).unwrap().annual_quota_kg
    };
    let (truth, doubled) = (quota_1959(1000), quota_1959(2000));
    assert!(doubled > truth * 11 / 10, "1959 quota {doubled} on twice the truth, {truth} on the truth");
}

#[test]
fn an_honest_report_cannot_bring_the_quota_below_the_pre_leap_share() {
    let data = Data::builtin();
    for year in [1959, 1960] {
        let s = state_at(&data, Policy::Historical, 3, year, 2);
        let d = decisions(&data, Policy::Historical, &s, 3);
        let p = preview(&data, &s, &d, 3).unwrap();
        let share = p.demand_if_truthful_kg * 1000 / p.harvest_kg;
        // (thousandths are rounded down, season by season)
        assert!(share + 1 >= data.baseline.procurement_permille, "{year}: {share}‰ of an honest harvest");
    }
}

#[test]
fn a_report_far_below_the_county_raises_suspicion_and_searches() {
    let data = Data::builtin();
    let s = state_at(&data, Policy::Historical, 5, 1959, 1);
    let mut d = decisions(&data, Policy::Historical, &s, 5);
    let p = preview(&data, &s, &d, 5).unwrap();
    d.report_kg = Some(p.expected_kg / 2);
    let (next, log) = advance(&data, &s, &d, 5).unwrap();
    assert!(happened(&log, "suspected_of_hiding"));
    assert!(next.suspicion > s.suspicion);
}

#[test]
fn the_protector_ending_needs_a_protective_act_that_worked() {
    let data = Data::builtin();
    let s = state_at(&data, Policy::Historical, 6, 1961, 3);
    let d = decisions(&data, Policy::Historical, &s, 6);
    // Few deaths but nothing kept for the villages: no protector.
    let mut quiet = s.clone();
    quiet.baseline_deaths = quiet.years.iter().map(|y| y.deaths).sum();
    quiet.choices.clear();
    quiet.kept = Default::default();
    let (end, _) = advance(&data, &quiet, &d, 6).unwrap();
    assert_ne!(end.ending, Some(sim::Ending::Protector));
    // The same with hidden grain eaten and never found: protector.
    quiet.kept.hidden_eaten_kg = data.params.politics.protector_min_kept_kg_per_head * quiet.start_people;
    let (end, _) = advance(&data, &quiet, &d, 6).unwrap();
    assert_eq!(end.ending, Some(sim::Ending::Protector));
    // ...unless the secretary had every house searched.
    quiet.choices.insert("collection_drive_1959".into(), "search".into());
    let (end, _) = advance(&data, &quiet, &d, 6).unwrap();
    assert_ne!(end.ending, Some(sim::Ending::Protector));
}

#[test]
fn denouncing_the_brigade_leader_costs_the_commune() {
    let data = Data::builtin();
    let s = state_at(&data, Policy::Historical, 7, 1959, 1);
    let mut d = decisions(&data, Policy::Historical, &s, 7);
    let play = |choice: &str, d: &mut SeasonDecisions| {
        d.choices.insert("anti_right_1959".into(), choice.into());
        let mut st = advance(&data, &s, d, 7).unwrap().0;
        for _ in 0..4 {
            let n = decisions(&data, Policy::Historical, &st, 7);
            st = advance(&data, &st, &n, 7).unwrap().0;
        }
        st
    };
    let named = play("denounce", &mut d);
    let silent = play("general", &mut d);
    let harvest = |st: &CommuneState| st.years.iter().map(|y| y.harvest_kg).sum::<i64>();
    assert!(harvest(&named) < harvest(&silent), "{} vs {}", harvest(&named), harvest(&silent));
    let morale = |st: &CommuneState| st.brigades.iter().map(|b| b.morale).sum::<i64>();
    assert!(morale(&named) < morale(&silent));
}

#[test]
fn refusing_the_house_searches_keeps_grain_counted_as_protected() {
    let data = Data::builtin();
    let s = state_at(&data, Policy::Historical, 8, 1959, 3);
    let mut d = decisions(&data, Policy::Historical, &s, 8);
    d.choices.insert("collection_drive_1959".into(), "refuse_search".into());
    let (refused, _) = advance(&data, &s, &d, 8).unwrap();
    assert!(refused.kept.search_refused_kg > 0);
    d.choices.insert("collection_drive_1959".into(), "search".into());
    let (searched, _) = advance(&data, &s, &d, 8).unwrap();
    assert_eq!(searched.kept.search_refused_kg, 0);
    assert!(searched.granary_kg() < refused.granary_kg());
}

#[test]
fn hidden_grain_is_kept_from_procurement_but_can_be_found() {
    let data = Data::builtin();
    let mut found = 0;
    for seed in 0..30 {
        let s = state_at(&data, Policy::Historical, seed, 1958, 2);
        let mut d = decisions(&data, Policy::Historical, &s, seed);
        d.procurement = ProcurementResponse::Hide { permille: 300 };
        let (next, log) = advance(&data, &s, &d, seed).unwrap();
        assert!(happened(&log, "grain_hidden"));
        // The anti-hiding campaign of winter 1958 comes next.
        let w = decisions(&data, Policy::Historical, &next, seed);
        let (_, log) = advance(&data, &next, &w, seed).unwrap();
        found += usize::from(happened(&log, "hidden_found"));
    }
    assert!((2..28).contains(&found), "hidden grain found in {found} of 30 games");
}

#[test]
fn pleading_costs_standing_whether_or_not_granted() {
    let data = Data::builtin();
    let s = state_at(&data, Policy::Historical, 12, 1959, 1);
    let mut d = decisions(&data, Policy::Historical, &s, 12);
    let delivered = advance(&data, &s, &d, 12).unwrap().0;
    d.procurement = ProcurementResponse::Plead;
    let (pleaded, log) = advance(&data, &s, &d, 12).unwrap();
    assert!(happened(&log, "plea_granted") || happened(&log, "plea_refused"));
    assert!(pleaded.standing < delivered.standing);
}

#[test]
fn hunger_kills_nonlinearly_and_suppresses_births() {
    let data = Data::builtin();
    let m = &data.params.mortality;
    let deaths = |food: i64| m.deaths_per_10k.at(m.food_to_health.at(food));
    // Each 50 g a day less costs more lives than the 50 g before it.
    let steps: Vec<i64> = [550, 500, 450, 400, 350, 300, 250].windows(2).map(|w| deaths(w[1]) - deaths(w[0])).collect();
    assert!(steps.windows(2).all(|w| w[1] >= w[0]), "{steps:?}");
    // Steady food of 600 g keeps deaths near the pre-Leap 18 per 1000;
    // 300 g kills about one in ten a year.
    assert!(deaths(600) <= 190 && deaths(300) >= 1000, "{} {}", deaths(600), deaths(300));
    assert!(m.births_per_10k.at(m.food_to_health.at(350)) < m.births_per_10k.at(1000) * 2 / 3);
}

#[test]
fn scapegoating_begins_only_in_late_1960() {
    let data = Data::builtin();
    for (year, season, expect) in [(1960, 1, false), (1960, 2, true)] {
        let mut s = state_at(&data, Policy::Historical, 2, year, season);
        s.baseline_deaths -= 3000; // as if a great many more had died
        let d = decisions(&data, Policy::Historical, &s, 2);
        let (_, log) = advance(&data, &s, &d, 2).unwrap();
        assert_eq!(happened(&log, "inquiry"), expect, "{year}/{season}");
    }
}

#[test]
fn the_retreat_restores_private_plots_and_closes_the_canteens() {
    let data = Data::builtin();
    let before = state_at(&data, Policy::Historical, 1, 1960, 2);
    let s = state_at(&data, Policy::Historical, 1, 1961, 3);
    assert!(s.flag("private_plots"));
    assert!(!s.flag("canteens"));
    assert!(!s.flag("steel_campaign"));
    assert!(s.lever(Lever::Effort) > before.lever(Lever::Effort));
}

#[test]
fn bad_decisions_are_refused_with_a_reason() {
    let data = Data::builtin();
    let s = state_at(&data, Policy::Historical, 1, 1958, 2);
    let good = decisions(&data, Policy::Historical, &s, 1);
    let mut d = good.clone();
    d.labour[0] = LabourPlan::new(90, 20, 0, 0);
    assert_eq!(advance(&data, &s, &d, 1).unwrap_err(), SimError::LabourSum { brigade: 0, sum: 110 });
    let mut d = good.clone();
    d.labour.pop();
    assert!(matches!(advance(&data, &s, &d, 1), Err(SimError::LabourCount { .. })));
    let mut d = good.clone();
    d.choices.clear();
    assert!(matches!(advance(&data, &s, &d, 1), Err(SimError::MissingChoice(_))));
    let mut d = good.clone();
    d.choices.insert("steel_1958".into(), "dance".into());
    assert!(matches!(advance(&data, &s, &d, 1), Err(SimError::UnknownChoice { .. })));
    let mut d = good.clone();
    d.report_kg = Some(-5);
    assert_eq!(advance(&data, &s, &d, 1).unwrap_err(), SimError::ReportOutOfRange(-5));
    let mut d = good.clone();
    d.report_kg = None;
    assert_eq!(advance(&data, &s, &d, 1).unwrap_err(), SimError::MissingReport);
    let mut d = good.clone();
    d.procurement = ProcurementResponse::Hide { permille: 900 };
    assert_eq!(advance(&data, &s, &d, 1).unwrap_err(), SimError::HideOutOfRange(900));
}
