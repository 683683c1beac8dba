//! The limits checked before outside text is parsed, and the scenario data's
//! parser under random input: an answer or a typed error, never a panic.

use proptest::prelude::*;
use sim::Data;
use sim::input::{self, InputError, Limits};

const SCENARIO: &str = include_str!("../../../../assets/data/scenario.json");
const SOURCES: &str = include_str!("../../../../assets/data/sources.json");
const GLOSSARY: &str = include_str!("../../../../assets/data/glossary.json");

#[test]
fn text_over_the_size_limit_is_refused_before_parsing() {
    let limits = Limits { max_bytes: 10, max_depth: 32 };
    assert_eq!(input::check("[1,2,3,4,5]", limits), Err(InputError::TooLarge { bytes: 11, max: 10 }));
    assert_eq!(input::check("[1,2,3,4]", limits), Ok(()));
}

#[test]
fn nesting_is_counted_outside_strings_only() {
    let limits = Limits { max_bytes: 1 << 20, max_depth: 3 };
    assert_eq!(input::check("[[[1]]]", limits), Ok(()));
    assert_eq!(input::check("[[[[1]]]]", limits), Err(InputError::TooDeep { max: 3 }));
    // Brackets inside strings, and escaped quotes, do not count.
    assert_eq!(input::check(r#"[["[[[[[[", "\"[[[[[[\\"]]"#, limits), Ok(()));
    assert_eq!(input::check(r#"[{"a": [{"b": 1}]}]"#, limits), Err(InputError::TooDeep { max: 3 }));
    // Siblings do not add up.
    assert_eq!(input::check("[[[1]],[[2]],[[3]]]", limits), Ok(()));
}

#[test]
fn a_deeply_nested_file_is_refused_with_the_limit_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(input::parse_json::<serde_json::Value>(&deep, input::SAVE), Err(InputError::TooDeep { max: 32 }));
}

#[test]
fn errors_say_what_kind_of_problem_and_where() {
    let e = input::parse_json::<Vec<u32>>("[1, 2,", input::SMALL).unwrap_err();
    assert_eq!(e, InputError::Syntax { line: 1, column: 6 });
    let e = input::parse_json::<Vec<u32>>("[1, \"two\"]", input::SMALL).unwrap_err();
    assert!(matches!(&e, InputError::Shape { detail } if detail.contains("string")), "{e:?}");
    assert_eq!(input::parse_json::<Vec<u32>>(" \n ", input::SMALL), Err(InputError::Empty));
    assert_eq!(e.key().0, "input.shape");
}

#[test]
fn the_shipped_data_is_within_the_data_limits() {
    for text in [SCENARIO, SOURCES, GLOSSARY] {
        assert_eq!(input::check(text, input::DATA), Ok(()));
    }
    assert!(Data::from_json(SCENARIO, SOURCES, GLOSSARY).is_ok());
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(40), "]".repeat(40));
    let e = Data::from_json(&deep, SOURCES, GLOSSARY).unwrap_err();
    assert!(e.to_string().contains("32 levels"), "{e}");
}

proptest! {
    #![proptest_config(testkit::cases(20_000))]

    #[test]
    fn the_limit_check_answers_any_text(text in testkit::any_text(200)) {
        let _ = input::check(&text, Limits { max_bytes: 300, max_depth: 4 });
        let _ = input::parse_json::<serde_json::Value>(&text, Limits { max_bytes: 300, max_depth: 4 });
    }

    #[test]
    fn the_limit_check_agrees_with_a_full_parse_on_json_like_text(text in testkit::json_like(40)) {
        let limits = Limits { max_bytes: 4096, max_depth: 4 };
        match input::parse_json::<serde_json::Value>(&text, limits) {
            // What passes the check and parses nests no deeper than the limit.
            Ok(v) => prop_assert!(depth(&v) <= 4),
            Err(InputError::TooDeep { .. }) => prop_assert!(serde_json::from_str::<serde_json::Value>(&text).map(|v| depth(&v) > 4).unwrap_or(true)),
            Err(_) => {}
        }
    }
}

proptest! {
    #![proptest_config(testkit::cases(300))]

    #[test]
    fn edited_scenario_data_is_read_or_refused_with_a_reason(text in testkit::edited(SCENARIO.to_string(), 3)) {
        if let Err(e) = Data::from_json(&text, SOURCES, GLOSSARY) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn scenario_data_with_a_number_changed_is_read_or_refused(text in testkit::numbers_changed(SCENARIO.to_string())) {
        let _ = Data::from_json(&text, SOURCES, GLOSSARY);
    }
}

fn depth(v: &serde_json::Value) -> usize {
    match v {
        serde_json::Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        serde_json::Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}
