//! The scenario data: every claim names a source that resolves.

use std::collections::BTreeSet;

use sim::Data;
use sim::policy::{Policy, play};
use sim::turn::HappeningKind;

#[test]
fn shipped_data_loads_and_validates() {
    let data = Data::builtin();
    assert!(data.validate().is_empty(), "{:?}", data.validate());
    assert!((5..=8).contains(&data.commune.brigades.len()));
    assert!(data.scenario("full").unwrap().seasons == 16);
    assert!(data.scenario("kiosk").is_ok());
}

#[test]
fn every_source_key_resolves_and_none_is_missing() {
    let data = Data::builtin();
    let keys: BTreeSet<&str> = data.sources.iter().map(|s| s.key.as_str()).collect();
    let refs = data.source_references();
    assert!(refs.len() > 100, "events, choices, consequences, glossary and parameters all cite");
    for (place, key) in refs {
        assert!(keys.contains(key.as_str()), "{place} cites unknown source '{key}'");
    }
    for s in &data.sources {
        assert!(!s.citation.trim().is_empty(), "source {} has no citation", s.key);
    }
}

#[test]
fn a_missing_or_unknown_source_is_reported() {
    let scenario = include_str!("../../../../assets/data/scenario.json");
    let sources = include_str!("../../../../assets/data/sources.json");
    let glossary = include_str!("../../../../assets/data/glossary.json");
    let broken = scenario.replacen("\"source\": \"seed_002\"", "\"source\": \"no_such_source\"", 1);
    let err = Data::from_json(&broken, sources, glossary).unwrap_err().to_string();
    assert!(err.contains("no_such_source"), "{err}");
    let empty = scenario.replacen("\"source\": \"seed_002\"", "\"source\": \"\"", 1);
    let err = Data::from_json(&empty, sources, glossary).unwrap_err().to_string();
    assert!(err.contains("has no source"), "{err}");
    let err = Data::from_json("{ not json", sources, glossary).unwrap_err().to_string();
    assert!(err.contains("scenario"), "{err}");
}

#[test]
fn every_happening_the_rules_emit_has_a_text_and_a_source() {
    let data = Data::builtin();
    let mut seen = BTreeSet::new();
    for policy in Policy::ALL {
        for seed in 0..12 {
            for scenario in ["full", "kiosk"] {
                let (run, _) = play(policy, &data, scenario, seed).unwrap();
                for season in sim::replay(&data, &run).unwrap().log {
                    for h in season {
                        seen.insert((h.kind, h.id));
                    }
                }
            }
        }
    }
    for (kind, id) in &seen {
        let source = match kind {
            HappeningKind::Event => data.event(id).map(|e| &e.source),
            HappeningKind::Choice => {
                let (event, choice) = id.split_once('/').unwrap();
                data.event(event).and_then(|e| e.choices.iter().find(|c| c.id == choice)).map(|c| &c.source)
            }
            HappeningKind::Consequence => data.consequence(id).map(|c| &c.source),
            HappeningKind::Ending => data.ending(id).map(|e| &e.source),
        };
        let source = source.unwrap_or_else(|| panic!("{kind:?} {id} has no entry in the data"));
        assert!(data.source(source).is_some(), "{kind:?} {id} cites unknown {source}");
    }
    // The scripted games reach the mechanisms the debrief talks about.
    for needed in
        ["harvest_left_in_fields", "furnaces_output", "search_team", "relief_grain", "famine_edema", "no_flight"]
    {
        assert!(seen.iter().any(|(_, id)| id == needed), "no game produced {needed}");
    }
}

#[test]
fn every_ending_the_rules_can_reach_is_described() {
    let data = Data::builtin();
    for id in ["purged", "scapegoated", "survived_broken", "survived_intact", "protector", "interim"] {
        let e = data.ending(id).unwrap_or_else(|| panic!("ending {id} missing"));
        assert!(!e.history.get("en").unwrap().is_empty());
    }
}

#[test]
fn glossary_defines_the_period_words_the_game_uses() {
    let data = Data::builtin();
    for term in
        ["procurement", "satellite", "rightist", "production_brigade", "work_points", "backyard_furnace", "hukou"]
    {
        assert!(data.glossary.iter().any(|g| g.id == term), "glossary lacks {term}");
    }
}
