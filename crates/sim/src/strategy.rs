//! Rule-based players written as data: a small JSON file says how the
//! secretary answers the directives, shares out labour, reports the harvest
//! and answers the procurement team, and the command-line simulator plays it
//! over many seeds. Like the scripted players of `policy.rs`, a strategy
//! sows each season once, looks at the harvest, then finishes the season;
//! every decision goes through the same rules a person's decisions do.
//!
//! ```json
//! {"directives": {"default": "paper", "anti_right_1959": "zeal"},
//!  "labour": "default",
//!  "report": {"of": "truth", "permille": 1000},
//!  "procurement": {"rule": "plead_when_heavy", "share_permille": 333}}
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use thiserror::Error;

use crate::calendar::Season;
use crate::data::{Data, EventKind, Stance};
use crate::decisions::{LabourPlan, ProcurementResponse, SeasonDecisions};
use crate::error::SimError;
use crate::policy::{self, Policy};
use crate::replay::Run;
use crate::state::{CommuneState, Ending};
use crate::summary::{Aggregate, aggregate_games};
use crate::turn::{Sown, new_game, sow};
use crate::{events, input, labour, per_mille};

/// The widest report a strategy can ask for: fifty times its base, the
/// rules' own limit for a "satellite" report.
pub const MAX_REPORT_PERMILLE: i64 = 50_000;
/// The heaviest demand `plead_when_heavy` can wait for: ten harvests.
pub const MAX_SHARE_PERMILLE: i64 = 10_000;

/// A rule-based player, as read from its file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// The stance taken on each directive by id; `default` for the rest.
    pub directives: BTreeMap<String, Stance>,
    pub labour: LabourFamily,
    pub report: ReportRule,
    pub procurement: ProcurementRule,
}

/// How the brigades' workers are shared out each season (`docs/model.md`
/// defines each family exactly).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabourFamily {
    /// The plan the game proposes: the last season's, winter from its default.
    Default,
    /// Every hand the season can use in the fields.
    AllFields,
    /// Enough furnace workers to meet the season's steel quota.
    MeetSteel,
    /// Enough for half of it.
    HalfSteel,
    /// The average commune of the time (`historical_policy.labour`).
    Historical,
    /// The scripted zealot's plan.
    Zealot,
}

impl LabourFamily {
    pub const ALL: [LabourFamily; 6] = [
        LabourFamily::Default,
        LabourFamily::AllFields,
        LabourFamily::MeetSteel,
        LabourFamily::HalfSteel,
        LabourFamily::Historical,
        LabourFamily::Zealot,
    ];

    pub fn key(self) -> &'static str {
        match self {
            LabourFamily::Default => "default",
            LabourFamily::AllFields => "all_fields",
            LabourFamily::MeetSteel => "meet_steel",
            LabourFamily::HalfSteel => "half_steel",
            LabourFamily::Historical => "historical",
            LabourFamily::Zealot => "zealot",
        }
    }

    pub fn parse(s: &str) -> Option<LabourFamily> {
        LabourFamily::ALL.into_iter().find(|f| f.key() == s)
    }
}

/// The figure reported to the county: a base times `permille` / 1000.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRule {
    pub of: ReportBase,
    pub permille: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportBase {
    /// The true harvest.
    Truth,
    /// The county's expectation.
    County,
}

/// The answer to the procurement team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum ProcurementRule {
    Deliver,
    Plead,
    /// Plead when the demand on the report exceeds this share of the true
    /// harvest (thousandths), else deliver.
    PleadWhenHeavy {
        share_permille: i64,
    },
    /// Hide this share of the harvest (thousandths); 0 delivers.
    Hide {
        permille: i64,
    },
}

/// What is wrong with a strategy file: the field, then the problem.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("{field}: {problem}")]
pub struct StrategyError {
    /// `strategy` for the file as a whole, else a path such as `report.permille`.
    pub field: String,
    pub problem: String,
}

fn fail<T>(field: &str, problem: impl Into<String>) -> Result<T, StrategyError> {
    Err(StrategyError { field: field.to_string(), problem: problem.into() })
}

fn kind_of(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// An object with exactly these keys: none unknown, every one present.
fn object<'a>(
    v: &'a Value,
    field: &str,
    keys: &[&str],
    context: &str,
) -> Result<&'a Map<String, Value>, StrategyError> {
    let Value::Object(map) = v else { return fail(field, format!("expected an object, found {}", kind_of(v))) };
    if let Some(k) = map.keys().find(|k| !keys.contains(&k.as_str())) {
        return fail(field, format!("unknown key '{k}'{context}"));
    }
    if let Some(k) = keys.iter().find(|k| !map.contains_key(**k)) {
        return fail(field, format!("missing key '{k}'{context}"));
    }
    Ok(map)
}

fn string<'a>(v: &'a Value, field: &str) -> Result<&'a str, StrategyError> {
    v.as_str().map_or_else(|| fail(field, format!("expected a string, found {}", kind_of(v))), Ok)
}

fn in_range(field: &str, n: i64, lo: i64, hi: i64, why: &str) -> Result<(), StrategyError> {
    if n < lo || n > hi { fail(field, format!("{n} is outside {lo}..={hi}{why}")) } else { Ok(()) }
}

fn whole(v: &Value, field: &str, lo: i64, hi: i64, why: &str) -> Result<i64, StrategyError> {
    match v {
        Value::Number(n) => match n.as_i64() {
            Some(n) => in_range(field, n, lo, hi, why).map(|_| n),
            // A whole number too big for the rules' arithmetic.
            None if n.is_u64() => fail(field, format!("{n} is outside {lo}..={hi}{why}")),
            None => fail(field, format!("expected a whole number, found {n}")),
        },
        _ => fail(field, format!("expected a whole number, found {}", kind_of(v))),
    }
}

fn one_of<T: Copy>(field: &str, what: &str, s: &str, options: &[(&str, T)]) -> Result<T, StrategyError> {
    match options.iter().find(|(k, _)| *k == s) {
        Some((_, t)) => Ok(*t),
        None => {
            let names: Vec<&str> = options.iter().map(|(k, _)| *k).collect();
            fail(field, format!("unknown {what} '{s}' ({})", names.join(", ")))
        }
    }
}

const STANCES: [(&str, ()); 3] = [("zeal", ()), ("paper", ()), ("resist", ())];
const KEYS: [&str; 4] = ["directives", "labour", "report", "procurement"];

fn hide_why(data: &Data) -> String {
    format!(" (params.hiding.max_hide_permille is {})", data.params.hiding.max_hide_permille)
}

impl Strategy {
    /// Read a strategy file: the input limits first, then every key and
    /// value checked with its place named, then the checks against the data.
    pub fn from_json(text: &str, data: &Data) -> Result<Strategy, StrategyError> {
        let value: Value = input::parse_json(text, input::REPORT)
            .or_else(|e| fail("strategy", e.to_string().replace("the text", "the file")))?;
        check_shape(&value, data)?;
        let strategy: Strategy = serde_json::from_value(value).or_else(|e| fail("strategy", e.to_string()))?;
        strategy.validate(data)?;
        Ok(strategy)
    }

    /// The checks that need the data (and the ranges, for a strategy built in
    /// code): every directive named exists, every number is in its range.
    pub fn validate(&self, data: &Data) -> Result<(), StrategyError> {
        if !self.directives.contains_key("default") {
            return fail("directives", "missing key 'default'");
        }
        for id in self.directives.keys().filter(|k| *k != "default") {
            if !data.events.iter().any(|e| &e.id == id && e.kind == EventKind::Directive) {
                return fail(&format!("directives.{id}"), "no such directive");
            }
        }
        in_range("report.permille", self.report.permille, 0, MAX_REPORT_PERMILLE, "")?;
        match self.procurement {
            ProcurementRule::PleadWhenHeavy { share_permille } => {
                in_range("procurement.share_permille", share_permille, 0, MAX_SHARE_PERMILLE, "")
            }
            ProcurementRule::Hide { permille } => {
                let max = data.params.hiding.max_hide_permille;
                in_range("procurement.permille", permille, 0, max, &hide_why(data))
            }
            ProcurementRule::Deliver | ProcurementRule::Plead => Ok(()),
        }
    }

    /// The stance taken on a directive.
    pub fn stance(&self, directive: &str) -> &Stance {
        self.directives.get(directive).or_else(|| self.directives.get("default")).unwrap_or(&Stance::Paper)
    }

    /// The answers to this season's directives: the choice of the wanted
    /// stance, or the directive's first choice when it offers none.
    pub fn choices(&self, data: &Data, state: &CommuneState) -> BTreeMap<String, String> {
        events::directives(data, state)
            .into_iter()
            .map(|d| {
                let want = self.stance(&d.id);
                let pick = d.choices.iter().find(|c| &c.stance == want).unwrap_or(&d.choices[0]);
                (d.id.clone(), pick.id.clone())
            })
            .collect()
    }

    /// The season's first half of decisions: labour plans and directive
    /// answers, with no report and a plain delivery. `proposed` is the plan
    /// the game proposes this season (`labour::plans_for_season` on the
    /// proposals of the season before), which `default` plays and
    /// `meet_steel` and `half_steel` build on.
    pub fn plans(&self, data: &Data, state: &CommuneState, proposed: &[LabourPlan], seed: u64) -> SeasonDecisions {
        let mut d = SeasonDecisions {
            labour: proposed.to_vec(),
            choices: self.choices(data, state),
            report_kg: None,
            procurement: ProcurementResponse::Deliver,
        };
        d.labour = self.labour(data, state, &d, seed);
        d
    }

    fn labour(&self, data: &Data, state: &CommuneState, d: &SeasonDecisions, seed: u64) -> Vec<LabourPlan> {
        let n = state.brigades.len();
        let season = state.now().season;
        match self.labour {
            LabourFamily::Default => d.labour.clone(),
            LabourFamily::AllFields => vec![all_fields(season); n],
            LabourFamily::Historical => vec![historical_labour(data, state); n],
            LabourFamily::Zealot => vec![zealot_labour(data, state); n],
            LabourFamily::MeetSteel | LabourFamily::HalfSteel => {
                // From the season's default, not the county's plan, with the
                // workers as the season's news and answers leave them.
                let base = LabourPlan::default_for(season);
                let quota = events::steel_quota(data, state);
                let target = if self.labour == LabourFamily::MeetSteel { quota } else { quota - quota / 2 };
                let mut probe = state.clone();
                events::apply(data, &mut probe, d, seed, &mut Vec::new());
                vec![base.with_furnaces(labour::furnace_share(data, &probe, base, target)); n]
            }
        }
    }

    /// The figure reported on this harvest, kg.
    pub fn report_kg(&self, harvest_kg: i64, expected_kg: i64) -> i64 {
        let base = match self.report.of {
            ReportBase::Truth => harvest_kg,
            ReportBase::County => expected_kg,
        };
        // Within what the rules accept: nothing to fifty times the truth.
        per_mille(base, self.report.permille).clamp(0, harvest_kg.max(1_000).saturating_mul(50))
    }

    /// The report and the answer to procurement, once the harvest is seen.
    pub fn answer(&self, data: &Data, sown: &Sown, d: &mut SeasonDecisions) {
        let preview = sown.preview(data);
        let report = self.report_kg(preview.harvest_kg, preview.expected_kg);
        d.report_kg = Some(report);
        d.procurement = match self.procurement {
            ProcurementRule::Deliver => ProcurementResponse::Deliver,
            ProcurementRule::Plead => ProcurementResponse::Plead,
            ProcurementRule::PleadWhenHeavy { share_permille } => {
                if sown.demand(data, report) > per_mille(preview.harvest_kg, share_permille) {
                    ProcurementResponse::Plead
                } else {
                    ProcurementResponse::Deliver
                }
            }
            ProcurementRule::Hide { permille: 0 } => ProcurementResponse::Deliver,
            ProcurementRule::Hide { permille } => {
                ProcurementResponse::Hide { permille: u16::try_from(permille).unwrap_or(u16::MAX) }
            }
        };
    }
}

/// Keys, types and ranges, each problem with its place.
fn check_shape(v: &Value, data: &Data) -> Result<(), StrategyError> {
    let top = object(v, "strategy", &KEYS, "")?;

    let Value::Object(directives) = &top["directives"] else {
        return fail("directives", format!("expected an object, found {}", kind_of(&top["directives"])));
    };
    for (id, stance) in directives {
        let field = format!("directives.{id}");
        one_of(&field, "stance", string(stance, &field)?, &STANCES)?;
    }
    if !directives.contains_key("default") {
        return fail("directives", "missing key 'default'");
    }

    let families: Vec<(&str, LabourFamily)> = LabourFamily::ALL.iter().map(|f| (f.key(), *f)).collect();
    one_of("labour", "family", string(&top["labour"], "labour")?, &families)?;

    let report = object(&top["report"], "report", &["of", "permille"], "")?;
    one_of("report.of", "base", string(&report["of"], "report.of")?, &[("truth", ()), ("county", ())])?;
    whole(&report["permille"], "report.permille", 0, MAX_REPORT_PERMILLE, "")?;

    let p = &top["procurement"];
    let Value::Object(map) = p else {
        return fail("procurement", format!("expected an object, found {}", kind_of(p)));
    };
    let Some(rule) = map.get("rule") else { return fail("procurement", "missing key 'rule'") };
    let rules = [("deliver", 0u8), ("plead", 1), ("plead_when_heavy", 2), ("hide", 3)];
    let rule_name = string(rule, "procurement.rule")?;
    let context = format!(" for rule '{rule_name}'");
    match one_of("procurement.rule", "rule", rule_name, &rules)? {
        0 | 1 => {
            object(p, "procurement", &["rule"], &context)?;
        }
        2 => {
            let m = object(p, "procurement", &["rule", "share_permille"], &context)?;
            whole(&m["share_permille"], "procurement.share_permille", 0, MAX_SHARE_PERMILLE, "")?;
        }
        _ => {
            let m = object(p, "procurement", &["rule", "permille"], &context)?;
            let max = data.params.hiding.max_hide_permille;
            whole(&m["permille"], "procurement.permille", 0, max, &hide_why(data))?;
        }
    }
    Ok(())
}

/// `all_fields`: 90 % fields and 10 % sidelines (the canteens' cooks) from
/// spring to autumn; in winter, when the fields take few hands, the winter
/// default 45 / 0 / 35 / 20.
pub fn all_fields(season: Season) -> LabourPlan {
    match season {
        Season::Winter => LabourPlan::default_for(Season::Winter),
        _ => LabourPlan::new(90, 0, 0, 10),
    }
}

/// `historical`: the average commune's plan (`policy::historical_labour`).
pub fn historical_labour(data: &Data, state: &CommuneState) -> LabourPlan {
    policy::historical_labour(data, state)
}

/// `zealot`: the zealot's plan (`policy::zealot_labour`).
pub fn zealot_labour(data: &Data, state: &CommuneState) -> LabourPlan {
    policy::zealot_labour(data, state)
}

/// Play a whole scenario with a strategy. Each season is sown once: the
/// player looks at the harvest, then the same season is finished.
pub fn play_strategy(
    strategy: &Strategy,
    data: &Data,
    scenario_id: &str,
    seed: u64,
) -> Result<(Run, CommuneState), SimError> {
    let mut state = new_game(data, scenario_id)?;
    let mut run =
        Run { scenario_id: scenario_id.to_string(), scenario_version: data.version, seed, seasons: Vec::new() };
    let mut proposed: Option<Vec<LabourPlan>> = None;
    while !state.is_over() {
        let now = state.now();
        let this_season = labour::plans_for_season(data, &state, proposed.as_deref());
        let mut d = strategy.plans(data, &state, &this_season, seed);
        proposed = Some(this_season);
        let sown = sow(data, state, &d, seed)?;
        if now.season.is_harvest() {
            strategy.answer(data, &sown, &mut d);
        }
        let (next, _) = sown.finish(data, &d)?;
        run.seasons.push(d);
        state = next;
    }
    Ok((run, state))
}

/// Many games of a strategy, the same account `summary::aggregate` gives
/// for a scripted policy (its `policy` is "strategy").
pub fn aggregate_strategy(
    strategy: &Strategy,
    data: &Data,
    scenario: &str,
    seed: u64,
    seeds: u64,
) -> Result<Aggregate, SimError> {
    Ok(tally_strategy(strategy, data, scenario, seed, seeds)?.aggregate)
}

/// The least and the most of a figure over the games.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Range {
    pub min: i64,
    pub max: i64,
}

/// Many games: the `Aggregate`, plus what the command line adds to it.
#[derive(Clone, Debug, Serialize)]
pub struct Tally {
    #[serde(flatten)]
    pub aggregate: Aggregate,
    /// The strategy played, as read; None for a scripted policy.
    pub strategy: Option<Strategy>,
    /// How the games ended by kind (`Ending::data_id`), every kind listed.
    pub endings_by_kind: BTreeMap<String, u64>,
    /// The least and the most excess deaths per 1000 of one game.
    pub excess_deaths_range: Range,
}

/// Every kind of ending, as `Ending::data_id` names them.
pub fn ending_kinds() -> [&'static str; 6] {
    [
        Ending::Purged { year: 0 },
        Ending::Scapegoated { year: 0 },
        Ending::SurvivedBroken,
        Ending::SurvivedIntact,
        Ending::Protector,
        Ending::Interim,
    ]
    .map(|e| e.data_id())
}

pub fn tally_strategy(
    strategy: &Strategy,
    data: &Data,
    scenario: &str,
    seed: u64,
    seeds: u64,
) -> Result<Tally, SimError> {
    let mut t = tally(data, scenario, "strategy", seed, seeds, |s| Ok(play_strategy(strategy, data, scenario, s)?.1))?;
    t.strategy = Some(strategy.clone());
    Ok(t)
}

pub fn tally_policy(p: Policy, data: &Data, scenario: &str, seed: u64, seeds: u64) -> Result<Tally, SimError> {
    tally(data, scenario, p.name(), seed, seeds, |s| Ok(policy::play(p, data, scenario, s)?.1))
}

/// Play `seeds` games from `seed` on with `play_one` (a seed -> the game's
/// last state) and account for them as `summary::aggregate` does, with the
/// endings by kind and the range of excess deaths.
pub fn tally(
    data: &Data,
    scenario: &str,
    name: &str,
    seed: u64,
    seeds: u64,
    play_one: impl FnMut(u64) -> Result<CommuneState, SimError>,
) -> Result<Tally, SimError> {
    let mut by_kind: BTreeMap<String, u64> = ending_kinds().iter().map(|k| (k.to_string(), 0)).collect();
    let mut range: Option<Range> = None;
    let aggregate = aggregate_games(data, scenario, name, seed, seeds, play_one, |end| {
        let kind = end.ending.as_ref().map_or("unfinished", |e| e.data_id());
        *by_kind.entry(kind.to_string()).or_insert(0) += 1;
        let x = end.excess_deaths_per_1000();
        range = Some(range.map_or(Range { min: x, max: x }, |r| Range { min: r.min.min(x), max: r.max.max(x) }));
    })?;
    Ok(Tally { aggregate, strategy: None, endings_by_kind: by_kind, excess_deaths_range: range.unwrap_or_default() })
}
