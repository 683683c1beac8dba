//! Strategy files: what they may say, what is refused and how, how each
//! labour family shares out the brigades, that a strategy plays like the
//! scripted players, and the command-line simulator's use of them.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{Value, json};
use sim::policy::{Policy, decide, play};
use sim::strategy::{
    LabourFamily, ProcurementRule, ReportBase, Strategy, aggregate_strategy, ending_kinds, play_strategy, tally_policy,
};
use sim::summary::aggregate;
use sim::{Data, LabourPlan, advance, labour, new_game, replay};

const EXAMPLE: &str = r#"{"directives": {"default": "paper", "anti_right_1959": "zeal"},
 "labour": "default",
 "report": {"of": "truth", "permille": 1000},
 "procurement": {"rule": "plead_when_heavy", "share_permille": 333}}"#;

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

fn with(mut v: Value, pointer: &str, new: Value) -> Value {
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer}")) = new;
    v
}

fn family(f: &str) -> Strategy {
    let v = with(example(), "/labour", json!(f));
    Strategy::from_json(&v.to_string(), &Data::builtin()).unwrap()
}

/// The error a strategy file is refused with, as the simulator prints it.
fn refused(v: &Value) -> String {
    refused_text(&v.to_string())
}

fn refused_text(text: &str) -> String {
    match Strategy::from_json(text, &Data::builtin()) {
        Ok(s) => panic!("accepted {text}: {s:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_example_file_is_read_as_written() {
    let data = Data::builtin();
    let s = Strategy::from_json(EXAMPLE, &data).unwrap();
    assert_eq!(s.labour, LabourFamily::Default);
    assert_eq!(s.report.of, ReportBase::Truth);
    assert_eq!(s.report.permille, 1000);
    assert_eq!(s.procurement, ProcurementRule::PleadWhenHeavy { share_permille: 333 });
    assert_eq!(s.directives.len(), 2);
    // The file as read goes out as it came in, and reads back the same.
    assert_eq!(serde_json::to_value(&s).unwrap(), example());
    assert_eq!(Strategy::from_json(&serde_json::to_string(&s).unwrap(), &data).unwrap(), s);
    // The documentation's second example (docs/model.md).
    let cautious = json!({"directives": {"default": "paper", "collection_drive_1959": "resist"}, "labour": "half_steel",
        "report": {"of": "county", "permille": 1000}, "procurement": {"rule": "hide", "permille": 100}});
    assert_eq!(Strategy::from_json(&cautious.to_string(), &data).unwrap().labour, LabourFamily::HalfSteel);
    for rule in [json!({"rule": "deliver"}), json!({"rule": "plead"}), json!({"rule": "hide", "permille": 0})] {
        let v = with(example(), "/procurement", rule.clone());
        let s = Strategy::from_json(&v.to_string(), &data).unwrap();
        assert_eq!(serde_json::to_value(&s.procurement).unwrap(), rule);
    }
}

#[test]
fn unknown_and_missing_keys_are_refused_with_their_place() {
    let mut v = example();
    v["foo"] = json!(1);
    assert_eq!(refused(&v), "strategy: unknown key 'foo'");
    for key in ["directives", "labour", "report", "procurement"] {
        let mut v = example();
        v.as_object_mut().unwrap().remove(key);
        assert_eq!(refused(&v), format!("strategy: missing key '{key}'"));
    }
    let mut v = example();
    v["report"]["by"] = json!("me");
    assert_eq!(refused(&v), "report: unknown key 'by'");
    let v = with(example(), "/report", json!({"of": "truth"}));
    assert_eq!(refused(&v), "report: missing key 'permille'");
    let v = with(example(), "/directives", json!({"anti_right_1959": "zeal"}));
    assert_eq!(refused(&v), "directives: missing key 'default'");
    let v = with(example(), "/procurement", json!({"share_permille": 3}));
    assert_eq!(refused(&v), "procurement: missing key 'rule'");
    let v = with(example(), "/procurement", json!({"rule": "deliver", "permille": 3}));
    assert_eq!(refused(&v), "procurement: unknown key 'permille' for rule 'deliver'");
    let v = with(example(), "/procurement", json!({"rule": "hide"}));
    assert_eq!(refused(&v), "procurement: missing key 'permille' for rule 'hide'");
    let v = with(example(), "/procurement", json!({"rule": "steal"}));
    assert_eq!(refused(&v), "procurement.rule: unknown rule 'steal' (deliver, plead, plead_when_heavy, hide)");
}

#[test]
fn bad_values_are_refused_with_their_place() {
    let v = with(example(), "/directives/default", json!("zealous"));
    assert_eq!(refused(&v), "directives.default: unknown stance 'zealous' (zeal, paper, resist)");
    let v = with(example(), "/directives/anti_right_1959", json!(3));
    assert_eq!(refused(&v), "directives.anti_right_1959: expected a string, found the number 3");
    let mut v = example();
    v["directives"]["anti_right_2000"] = json!("zeal");
    assert_eq!(refused(&v), "directives.anti_right_2000: no such directive");
    // A news item is not a directive: it asks for no answer.
    let data = Data::builtin();
    let news = data.events.iter().find(|e| e.kind == sim::data::EventKind::News).unwrap();
    let mut v = example();
    v["directives"][&news.id] = json!("zeal");
    assert_eq!(refused(&v), format!("directives.{}: no such directive", news.id));

    let v = with(example(), "/labour", json!("lazy"));
    assert_eq!(
        refused(&v),
        "labour: unknown family 'lazy' (default, all_fields, meet_steel, half_steel, historical, zealot)"
    );
    let v = with(example(), "/report/of", json!("rumour"));
    assert_eq!(refused(&v), "report.of: unknown base 'rumour' (truth, county)");
    for (permille, problem) in [
        (json!(60000), "60000 is outside 0..=50000"),
        (json!(-1), "-1 is outside 0..=50000"),
        (json!(18446744073709551615u64), "18446744073709551615 is outside 0..=50000"),
        (json!(1.5), "expected a whole number, found 1.5"),
        (json!("1000"), "expected a whole number, found a string"),
    ] {
        let v = with(example(), "/report/permille", permille);
        assert_eq!(refused(&v), format!("report.permille: {problem}"));
    }
    let v = with(example(), "/procurement/share_permille", json!(20000));
    assert_eq!(refused(&v), "procurement.share_permille: 20000 is outside 0..=10000");
}

#[test]
fn hiding_more_than_the_rules_allow_is_refused() {
    let data = Data::builtin();
    let max = data.params.hiding.max_hide_permille;
    let ok = with(example(), "/procurement", json!({"rule": "hide", "permille": max}));
    assert!(Strategy::from_json(&ok.to_string(), &data).is_ok());
    for n in [max + 1, -1] {
        let v = with(example(), "/procurement", json!({"rule": "hide", "permille": n}));
        assert_eq!(
            refused(&v),
            format!("procurement.permille: {n} is outside 0..={max} (params.hiding.max_hide_permille is {max})")
        );
    }
}

#[test]
fn text_that_is_not_a_strategy_is_refused_as_a_whole() {
    assert_eq!(refused_text(""), "strategy: the file is empty");
    assert!(refused_text("{\"directives\": ").starts_with("strategy: not readable as JSON (line 1"));
    assert_eq!(refused_text("[1, 2]"), "strategy: expected an object, found a list");
    assert_eq!(refused(&with(example(), "/report", json!(7))), "report: expected an object, found the number 7");
    let deep = "[".repeat(100) + &"]".repeat(100);
    assert!(refused_text(&deep).starts_with("strategy: the file nests more than"));
}

/// Every season's state of the full scenario, whatever the secretary's fate:
/// a game ended early is carried on so that each season is seen.
fn every_season_of_full(data: &Data) -> Vec<sim::CommuneState> {
    let mut state = new_game(data, "full").unwrap();
    let mut out = Vec::new();
    while state.step < state.seasons {
        out.push(state.clone());
        let d = decide(Policy::Historical, data, &state, 3).unwrap();
        state = advance(data, &state, &d, 3).unwrap().0;
        if state.step < state.seasons {
            state.ending = None;
        }
    }
    out
}

#[test]
fn every_labour_family_shares_out_every_brigade_in_every_season() {
    let data = Data::builtin();
    let states = every_season_of_full(&data);
    assert_eq!(states.len() as i64, new_game(&data, "full").unwrap().seasons);
    for f in LabourFamily::ALL {
        let s = family(f.key());
        let mut proposed: Option<Vec<LabourPlan>> = None;
        for state in &states {
            let this_season = labour::plans_for_season(&data, state, proposed.as_deref());
            let d = s.plans(&data, state, &this_season, 3);
            proposed = Some(this_season);
            assert_eq!(d.labour.len(), state.brigades.len(), "{}: {}", f.key(), state.now());
            for plan in &d.labour {
                assert_eq!(plan.sum(), 100, "{}: {}: {plan:?}", f.key(), state.now());
            }
        }
        // And the games it plays are accepted by the rules to their end.
        for seed in 1..=2 {
            let (run, end) = play_strategy(&s, &data, "full", seed).unwrap();
            assert!(end.is_over());
            assert_eq!(replay(&data, &run).unwrap().state, end);
        }
    }
}

#[test]
fn the_labour_families_are_the_plans_they_are_said_to_be() {
    let data = Data::builtin();
    let states = every_season_of_full(&data);
    let (default, fields) = (family("default"), family("all_fields"));
    let (historical, zealot) = (family("historical"), family("zealot"));
    let mut proposed: Option<Vec<LabourPlan>> = None;
    for state in &states {
        let season = state.now().season;
        let this_season = labour::plans_for_season(&data, state, proposed.as_deref());
        let n = state.brigades.len();
        assert_eq!(default.plans(&data, state, &this_season, 3).labour, this_season);
        let all =
            if season == sim::Season::Winter { LabourPlan::new(45, 0, 35, 20) } else { LabourPlan::new(90, 0, 0, 10) };
        assert_eq!(fields.plans(&data, state, &this_season, 3).labour, vec![all; n]);
        // The same plans as the scripted players'.
        assert_eq!(
            historical.plans(&data, state, &this_season, 3).labour,
            decide(Policy::Historical, &data, state, 3).unwrap().labour,
            "{}",
            state.now()
        );
        assert_eq!(
            zealot.plans(&data, state, &this_season, 3).labour,
            decide(Policy::Zealot, &data, state, 3).unwrap().labour,
            "{}",
            state.now()
        );
        proposed = Some(this_season);
    }
    assert_eq!(LabourPlan::new(85, 0, 5, 10).with_furnaces(30), LabourPlan::new(55, 30, 5, 10));
    assert_eq!(LabourPlan::new(10, 0, 5, 85).with_furnaces(30), LabourPlan::new(0, 30, 0, 70));
    assert_eq!(LabourPlan::new(45, 20, 35, 0).with_furnaces(10), LabourPlan::new(45, 20, 35, 0));
}

#[test]
fn meet_steel_meets_the_quota_and_half_steel_half_of_it() {
    let data = Data::builtin();
    for (f, share) in [("meet_steel", 1000), ("half_steel", 500)] {
        let s = family(f);
        let step = furnace_step(&data);
        let mut quotas = 0;
        for seed in 1..=3 {
            let (run, _) = play_strategy(&s, &data, "full", seed).unwrap();
            let replayed = replay(&data, &run).unwrap();
            for (i, log) in replayed.log.iter().enumerate() {
                let furnaces = run.seasons[i].labour.iter().map(|p| p.furnaces).max().unwrap();
                for h in log.iter().filter(|h| h.id.starts_with("steel_quota_")) {
                    quotas += 1;
                    let (quota, iron) = (h.values["quota_kg"], h.values["iron_kg"]);
                    assert!(
                        furnaces == 100 || iron * 1000 >= quota * share,
                        "{f} season {i}: {iron} kg of iron for a quota of {quota} kg"
                    );
                    // And not a share more than it takes.
                    assert!(iron * 1000 < quota * share + step, "{f} season {i}: more furnace workers than it takes");
                }
            }
        }
        assert!(quotas > 0, "{f}: no season had a steel quota");
    }
}

/// More than the iron one percent more of the workers can make, in
/// thousandths of a kg: twice the starting workforce (it grows a little),
/// at the highest work capacity (1.5).
fn furnace_step(data: &Data) -> i64 {
    let workers: i64 = data.commune.brigades.iter().map(|b| b.workers).sum();
    (workers * 2 / 100 + 1) * data.params.furnaces.iron_kg_per_worker * 1500
}

#[test]
fn a_strategy_plays_like_the_scripted_player_it_copies() {
    let data = Data::builtin();
    // The historical policy in 1958: zeal, the historical labour, the harvest
    // reported at 1.5 times, everything delivered. Later years it reports
    // less; this strategy keeps to 1.5.
    let v = json!({"directives": {"default": "zeal"}, "labour": "historical",
                   "report": {"of": "truth", "permille": 1500}, "procurement": {"rule": "deliver"}});
    let s = Strategy::from_json(&v.to_string(), &data).unwrap();
    let seeds = 6;
    let ours = aggregate_strategy(&s, &data, "full", 1, seeds).unwrap();
    let theirs = aggregate(&data, "full", Policy::Historical, 1, seeds).unwrap();
    assert_eq!(ours.policy, "strategy");
    assert_eq!(ours.year(1957), theirs.year(1957));
    assert_eq!(ours.year(1958), theirs.year(1958), "the first year is the historical policy's own");
    // The shape of the famine: the harvest falls, then deaths rise.
    let y = |year: i64| ours.year(year).unwrap();
    assert!(y(1960).grain_actual_t < 0.85 * y(1958).grain_actual_t);
    assert!(y(1960).crude_death_rate_per_1000 > 2.0 * y(1957).crude_death_rate_per_1000);
    assert!(y(1960).grain_per_head_kg < y(1958).grain_per_head_kg);
    assert!(ours.purged_share() <= 0.5, "purged {:.2}", ours.purged_share());
    assert!((ours.excess_deaths_per_1000 - theirs.excess_deaths_per_1000).abs() < 30.0);
}

#[test]
fn the_tally_of_a_policy_is_the_summary_aggregate_and_more() {
    let data = Data::builtin();
    for p in [Policy::Honest, Policy::Zealot] {
        let t = tally_policy(p, &data, "full", 4, 3).unwrap();
        let a = aggregate(&data, "full", p, 4, 3).unwrap();
        assert_eq!(serde_json::to_value(&t.aggregate).unwrap(), serde_json::to_value(&a).unwrap());
        assert!(t.strategy.is_none());
        assert_eq!(t.endings_by_kind.keys().count(), 6);
        assert_eq!(t.endings_by_kind.values().sum::<u64>(), 3);
        let excess: Vec<i64> = (4..7).map(|s| play(p, &data, "full", s).unwrap().1.excess_deaths_per_1000()).collect();
        assert_eq!(t.excess_deaths_range.min, *excess.iter().min().unwrap());
        assert_eq!(t.excess_deaths_range.max, *excess.iter().max().unwrap());
    }
}

/// A strategy file in the temp directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("great-leap-strategy-{}-{name}.json", std::process::id()));
        std::fs::write(&path, text).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn simulate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_simulate")).args(args).output().unwrap()
}

#[test]
fn the_simulator_plays_a_strategy_file_and_says_how_the_games_ended() {
    let file = TempFile::new("good", EXAMPLE);
    let out = simulate(&["--strategy", file.path(), "--scenario", "kiosk", "--seeds", "2", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["strategy"], example());
    assert_eq!(v["strategy_file"], json!(file.path()));
    assert_eq!(v["scenario"], json!("kiosk"));
    assert_eq!(v["seeds"], json!(2));
    let kinds = v["endings_by_kind"].as_object().unwrap();
    assert_eq!(kinds.len(), 6);
    for k in ending_kinds() {
        assert!(kinds.contains_key(k), "{k} missing");
    }
    assert_eq!(kinds.values().map(|n| n.as_u64().unwrap()).sum::<u64>(), 2);
    let total: u64 = v["endings"].as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(total, 2);
    let range = &v["excess_deaths_range"];
    assert!(range["min"].as_i64().unwrap() <= range["max"].as_i64().unwrap());
    assert!(v["years"].as_array().is_some_and(|y| !y.is_empty()));

    let table = simulate(&["--strategy", file.path(), "--scenario", "kiosk"]);
    assert_eq!(table.status.code(), Some(0));
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.starts_with(&format!("Great Leap commune, scenario 'kiosk', strategy '{}'", file.path())));
    assert!(text.contains("endings by kind: "));
}

#[test]
fn the_simulator_adds_the_same_keys_for_a_policy() {
    let out = simulate(&["--policy", "honest", "--scenario", "kiosk", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["policy"], json!("honest"));
    assert!(v["strategy"].is_null());
    assert_eq!(v["endings_by_kind"].as_object().unwrap().len(), 6);
    assert!(v["excess_deaths_range"]["min"].is_i64());
}

#[test]
fn the_simulator_refuses_a_bad_strategy_file_with_its_name_and_exit_code_2() {
    let bad = with(example(), "/report/permille", json!(60000)).to_string();
    for (name, text, problem) in [
        ("range", bad.as_str(), "report.permille: 60000 is outside 0..=50000"),
        ("syntax", "{", "strategy: not readable as JSON"),
        ("empty", "", "strategy: the file is empty"),
    ] {
        let file = TempFile::new(name, text);
        let out = simulate(&["--strategy", file.path(), "--json"]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}: something on stdout");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.starts_with(&format!("simulate: {}: {problem}", file.path())), "{name}: {stderr}");
    }
    let missing = std::env::temp_dir().join("great-leap-strategy-no-such-file.json");
    let out = simulate(&["--strategy", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8(out.stderr).unwrap().starts_with(&format!("simulate: {}: ", missing.display())));
}

#[test]
fn the_simulator_refuses_a_policy_with_a_strategy_and_an_unknown_scenario() {
    let file = TempFile::new("both", EXAMPLE);
    for args in [
        vec!["--policy", "x", "--strategy", "y"],
        vec!["--policy", "honest", "--strategy", file.path()],
        vec!["--strategy", file.path(), "--scenario", "no_such_scenario"],
        vec!["--seeds", "0"],
    ] {
        let out = simulate(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = simulate(&["--policy", "honest", "--strategy", file.path()]);
    assert!(String::from_utf8(out.stderr).unwrap().contains("--policy and --strategy exclude each other"));
}
