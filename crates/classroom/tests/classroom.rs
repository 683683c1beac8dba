//! The classroom's rules: links and class codes, reports, and the teacher's check.

use classroom::assignment::{Query, SEED_LIMIT};
use classroom::report::{self, Report};
use classroom::verify::{self, Problem, Verdict, check_report, csv, summarize};
use classroom::{Answers, Assignment, Intensity, Knowledge, KnowledgeCheck, LinkError, Seeds};
use sim::Data;
use sim::policy::{Policy, play};

fn data() -> Data {
    Data::builtin()
}

fn assignment() -> Assignment {
    Assignment { nickname: true, ..Assignment::new(424_242) }
}

fn answers(check: &KnowledgeCheck, right: usize) -> Answers {
    check
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.clone(), if i < right { q.answer } else { (q.answer + 1) % q.options.len() as u8 }))
        .collect()
}

/// A whole game played by the historical policy, handed in.
fn handed_in(a: &Assignment, student: Option<u32>) -> Report {
    let data = data();
    let (run, _) = play(Policy::Historical, &data, &a.scenario, a.game_seed(student)).unwrap();
    let check = KnowledgeCheck::builtin();
    let knowledge = Knowledge { before: Some(answers(check, 3)), after: Some(answers(check, 6)) };
    Report::new(&data, a, Some("Lin".into()), student, &run, knowledge).unwrap()
}

fn verdict_of(r: &Report, a: &Assignment) -> Verdict {
    check_report("r.json", &r.to_json(), &data(), a).verdict
}

fn is_edited(v: &Verdict) -> bool {
    matches!(v, Verdict::Edited(_))
}

#[test]
fn class_code_carries_every_setting() {
    for seed in [0, 1, 77, 424_242, SEED_LIMIT - 1] {
        for bits in 0..64u32 {
            let a = Assignment {
                scenario: ["full", "kiosk", "lesson"][(bits & 1 | (bits >> 4) & 2) as usize % 3].into(),
                seed,
                seeds: if bits & 2 == 0 { Seeds::Class } else { Seeds::Student },
                nickname: bits & 4 != 0,
                intensity: if bits & 8 == 0 { Intensity::Standard } else { Intensity::Reduced },
                check: bits & 16 != 0,
            };
            let code = a.code();
            assert_eq!(code.len(), 9, "{code}");
            assert_eq!(Assignment::from_code(&code), Ok(a));
        }
    }
}

#[test]
fn class_code_forgives_how_it_is_typed_but_not_typos() {
    let a = assignment();
    let code = a.code();
    let sloppy = code.replace('-', " ").to_lowercase().replace('0', "o").replace('1', "l");
    assert_eq!(Assignment::from_code(&sloppy), Ok(a.clone()));
    let mut accepted = 0;
    let mut tried = 0;
    for i in [0, 1, 2, 3, 5, 6, 7, 8] {
        for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ".chars() {
            if code.as_bytes()[i] as char == c {
                continue;
            }
            let mut typo = code.clone();
            typo.replace_range(i..i + 1, &c.to_string());
            tried += 1;
            if Assignment::from_code(&typo).is_ok() {
                accepted += 1;
            }
        }
    }
    assert!(accepted * 50 < tried, "{accepted} of {tried} one-letter typos were taken as codes");
    assert_eq!(Assignment::from_code("ABCD-EFG"), Err(LinkError::BadCode));
    assert_eq!(Assignment::from_code("ABCD-EFG!"), Err(LinkError::BadCode));
    assert_eq!(Assignment::from_code(&"A".repeat(400)), Err(LinkError::BadCode));
}

#[test]
fn link_round_trips_through_its_parameters() {
    let a = Assignment { seeds: Seeds::Student, intensity: Intensity::Reduced, ..assignment() };
    let query = Query::parse(&format!("?{}", a.to_query())).unwrap();
    assert_eq!(Assignment::from_query(&query), Ok(Some(a.clone())));
    // The code alone is enough, and so are the written settings alone.
    let code_only = Query::parse(&format!("code={}", a.code())).unwrap();
    assert_eq!(Assignment::from_query(&code_only), Ok(Some(a.clone())));
    let defaults = Query::parse("seed=5").unwrap();
    assert_eq!(Assignment::from_query(&defaults), Ok(Some(Assignment::new(5))));
    assert_eq!(Assignment::from_query(&Query::parse("").unwrap()), Ok(None));
    assert_eq!(Assignment::from_query(&Query::parse("lang=en").unwrap()), Ok(None));
}

#[test]
fn bad_links_are_refused_with_the_reason() {
    let refused = |q: &str| Query::parse(q).and_then(|q| Assignment::from_query(&q)).unwrap_err();
    assert_eq!(refused(&format!("seed=1&x={}", "a".repeat(600))), LinkError::TooLong);
    assert_eq!(
        refused(&(0..20).map(|i| format!("k{i}=1")).collect::<Vec<_>>().join("&")),
        LinkError::TooManyParameters
    );
    assert_eq!(refused("seed=1&seed=2"), LinkError::Repeated("seed".into()));
    assert_eq!(refused("seed=-1"), LinkError::BadValue("seed".into()));
    assert_eq!(refused(&format!("seed={SEED_LIMIT}")), LinkError::BadValue("seed".into()));
    assert_eq!(refused("seed=99999999999999"), LinkError::BadValue("seed".into()));
    assert_eq!(refused("seed=1&scenario=moon"), LinkError::BadValue("scenario".into()));
    assert_eq!(refused("seed=1&nickname=maybe"), LinkError::BadValue("nickname".into()));
    assert_eq!(refused("seed=%E4%BD%A0"), LinkError::BadValue("seed".into()));
    assert_eq!(refused("seed=1%"), LinkError::BadValue("seed".into()));
    assert_eq!(refused("scenario=full"), LinkError::MissingSeed);
    assert_eq!(refused("code=NOPE"), LinkError::BadCode);
    let other = Assignment::new(6).code();
    assert_eq!(refused(&format!("seed=5&code={other}")), LinkError::CodeDisagrees);
    // Parameters for other features are kept for them, and unknown ones can be named.
    let q = Query::parse("seed=5&kiosk=1&zzz=2").unwrap();
    assert_eq!(q.unknown(&["seed", "kiosk"]).collect::<Vec<_>>(), vec!["zzz"]);
}

#[test]
fn per_student_seeds_differ_and_are_reproducible() {
    let a = Assignment { seeds: Seeds::Student, ..assignment() };
    assert_ne!(a.game_seed(Some(1)), a.game_seed(Some(2)));
    assert_eq!(a.game_seed(Some(1)), a.game_seed(Some(1)));
    assert_eq!(assignment().game_seed(Some(1)), 424_242);
    let r = handed_in(&a, Some(99));
    assert_eq!(verdict_of(&r, &a), Verdict::Verified);
    let mut swapped = r.clone();
    swapped.student = Some(100);
    assert!(is_edited(&verdict_of(&swapped, &a)));
}

#[test]
fn report_round_trips_and_verifies() {
    let a = assignment();
    let r = handed_in(&a, None);
    assert!(r.outcome.finished);
    assert_eq!(r.seals.len(), r.run.seasons.len());
    assert_eq!(r.seals.len(), 16);
    assert_eq!(r.hashes, sim::replay(&data(), &r.run).unwrap().hashes, "the state hash after every season");
    let text = r.to_json();
    let back: Report = serde_json::from_str(&text).unwrap();
    assert_eq!(back, r);
    let checked = check_report("lin.json", &text, &data(), &a);
    assert_eq!(checked.verdict, Verdict::Verified);
    assert_eq!(checked.report.as_ref(), Some(&r));
    assert!(r.file_name().starts_with("great-leap-") && r.file_name().ends_with("-lin.json"), "{}", r.file_name());
}

#[test]
fn an_unfinished_game_can_be_handed_in_and_verified() {
    let a = assignment();
    let data = data();
    let (mut run, _) = play(Policy::Honest, &data, "full", a.game_seed(None)).unwrap();
    run.seasons.truncate(5);
    let r = Report::new(&data, &a, None, None, &run, Knowledge::default()).unwrap();
    assert!(!r.outcome.finished);
    assert_eq!(r.outcome.seasons_played, 5);
    assert_eq!(verdict_of(&r, &a), Verdict::Verified);
}

#[test]
fn any_edited_decision_or_outcome_is_flagged() {
    let a = assignment();
    let r = handed_in(&a, None);
    let mut edits: Vec<(&str, Report)> = Vec::new();
    for season in [0, 5, 15] {
        let mut e = r.clone();
        let plan = &mut e.run.seasons[season].labour[0];
        if plan.fields >= 5 {
            plan.fields -= 5;
            plan.water += 5;
        } else {
            plan.water -= 5;
            plan.fields += 5;
        }
        edits.push(("labour", e));
    }
    let mut e = r.clone();
    let harvest_season = e.run.seasons.iter().position(|s| s.report_kg.is_some()).unwrap();
    *e.run.seasons[harvest_season].report_kg.as_mut().unwrap() += 1;
    edits.push(("report", e));
    let mut e = r.clone();
    let choice = e.run.seasons.iter_mut().find_map(|s| s.choices.values_mut().next()).unwrap();
    choice.push('x');
    edits.push(("choice", e));
    let mut e = r.clone();
    e.run.seasons[8].procurement = sim::ProcurementResponse::Plead;
    edits.push(("procurement", e));
    let mut e = r.clone();
    e.run.seasons.pop();
    edits.push(("a season removed", e));
    let mut e = r.clone();
    e.outcome.years[2].deaths -= 1;
    edits.push(("deaths", e));
    let mut e = r.clone();
    e.outcome.ending = Some("protector".into());
    edits.push(("ending", e));
    let mut e = r.clone();
    e.outcome.purged = !e.outcome.purged;
    edits.push(("purged", e));
    let mut e = r.clone();
    e.seals[3] = "0000000000000000".into();
    edits.push(("seal", e));
    let mut e = r.clone();
    e.hashes[7] = "0000000000000000".into();
    edits.push(("state hash", e));
    let mut e = r.clone();
    e.knowledge.after = Some(answers(KnowledgeCheck::builtin(), 8));
    edits.push(("answers", e));
    let mut e = r.clone();
    e.nickname = Some("Someone else".into());
    edits.push(("nickname", e));
    let mut e = r.clone();
    e.run.seed += 1;
    edits.push(("seed", e));
    let mut e = r.clone();
    e.code = Assignment::new(1).code();
    edits.push(("code", e));
    for (what, edited) in edits {
        let v = verdict_of(&edited, &a);
        assert!(is_edited(&v), "{what}: {v:?}");
    }
    // Other scenario data: named as such, not as a failed replay.
    let mut e = r.clone();
    e.run.scenario_version += 1;
    match verdict_of(&e, &a) {
        Verdict::Edited(p) => assert!(p.iter().any(|p| matches!(p, Problem::WrongScenarioVersion { .. })), "{p:?}"),
        v => panic!("{v:?}"),
    }
    // The seal names the first season whose decisions were changed.
    let mut e = r.clone();
    e.run.seasons[5].procurement = sim::ProcurementResponse::Hide { permille: 100 };
    match verdict_of(&e, &a) {
        Verdict::Edited(p) => {
            assert!(p.contains(&Problem::Seal { season: 6 }) || matches!(p[0], Problem::DoesNotReplay { .. }), "{p:?}")
        }
        v => panic!("{v:?}"),
    }
}

#[test]
fn a_report_from_another_assignment_is_flagged() {
    let mine = assignment();
    let theirs = Assignment { seed: 7, ..assignment() };
    let r = handed_in(&theirs, None);
    assert_eq!(verdict_of(&r, &mine), Verdict::OtherAssignment(theirs.code()));
    assert_eq!(verdict_of(&r, &theirs), Verdict::Verified);
}

#[test]
fn unreadable_files_get_a_reason_and_do_not_stop_the_rest() {
    let a = assignment();
    let good = handed_in(&a, None).to_json();
    let big = format!("{{\"format\":\"great-leap-report\",\"pad\":\"{}\"}}", "x".repeat(report::MAX_BYTES));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let files: Vec<(&str, String)> = vec![
        ("good.json", good.clone()),
        ("big.json", big),
        ("empty.json", "  ".into()),
        ("notes.txt", "these are my notes".into()),
        ("other.json", "{\"name\":\"a save\"}".into()),
        ("future.json", "{\"format\":\"great-leap-report\",\"version\":9}".into()),
        ("cut.json", good[..good.len() / 2].to_string()),
        ("deep.json", deep),
        ("wrong-types.json", good.replacen("\"seed\": ", "\"seed\": \"x", 1)),
        ("good-again.json", good),
    ];
    let checked: Vec<_> = files.iter().map(|(name, text)| check_report(name, text, &data(), &a)).collect();
    let verdicts: Vec<_> = checked.iter().map(|c| c.verdict.clone()).collect();
    assert_eq!(verdicts[0], Verdict::Verified);
    assert!(matches!(verdicts[1], Verdict::Unreadable(Problem::TooLarge { .. })));
    assert_eq!(verdicts[2], Verdict::Unreadable(Problem::Empty));
    assert!(matches!(verdicts[3], Verdict::Unreadable(Problem::NotJson { .. })));
    assert_eq!(verdicts[4], Verdict::Unreadable(Problem::NotAReport));
    assert_eq!(verdicts[5], Verdict::Unreadable(Problem::NewerFormat { version: 9 }));
    assert!(matches!(verdicts[6], Verdict::Unreadable(Problem::NotJson { .. })));
    assert_eq!(verdicts[7], Verdict::Unreadable(Problem::TooDeep { max: 32 }));
    assert!(matches!(verdicts[8], Verdict::Unreadable(_)), "{:?}", verdicts[8]);
    assert_eq!(verdicts[9], Verdict::Verified);
    let s = summarize(&checked, KnowledgeCheck::builtin());
    assert_eq!((s.files, s.verified, s.unreadable), (10, 2, 8));
}

#[test]
fn class_summary_and_csv() {
    let a = assignment();
    let check = KnowledgeCheck::builtin();
    let mut named = handed_in(&a, None);
    named.nickname = Some("=HYPERLINK(\"x\"), \"Bo\"".into());
    named.seal = report::report_seal(&named);
    let checked = vec![
        check_report("a.json", &handed_in(&a, None).to_json(), &data(), &a),
        check_report("b.json", &named.to_json(), &data(), &a),
        check_report("c.json", "nonsense", &data(), &a),
    ];
    assert_eq!(checked[1].verdict, Verdict::Verified);
    let s = summarize(&checked, check);
    assert_eq!((s.verified, s.unreadable, s.finished), (2, 1, 2));
    assert_eq!(s.knowledge_before, Some(3.0));
    assert_eq!(s.knowledge_after, Some(6.0));
    assert_eq!(s.endings.iter().map(|(_, n)| n).sum::<usize>(), 2);
    let table = csv(&checked, check, &|v| v.key().to_uppercase());
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("file,nickname,check,"));
    assert!(lines[1].starts_with("a.json,Lin,verified,VERIFIED,"));
    // A nickname cannot become a spreadsheet formula, and commas and quotes stay in their cell.
    assert!(lines[2].starts_with("b.json,\"'=HYPERLINK(\"\"x\"\"), \"\"Bo\"\"\",verified,"), "{}", lines[2]);
    assert!(lines[3].starts_with("c.json,,unreadable,"));
    assert_eq!(verify::ending_id("purged_1959"), "purged");
    assert_eq!(verify::ending_id("survived_intact"), "survived_intact");
}

#[test]
fn knowledge_check_questions_are_sourced_and_answerable() {
    let check = KnowledgeCheck::builtin();
    let data = data();
    assert!((5..=8).contains(&check.len()), "{} questions", check.len());
    let mut ids: Vec<_> = check.questions.iter().map(|q| &q.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), check.len());
    for q in &check.questions {
        assert!(data.source(&q.source).is_some(), "{}: unknown source {}", q.id, q.source);
        assert!((3..=5).contains(&q.options.len()), "{}", q.id);
        assert!(usize::from(q.answer) < q.options.len(), "{}", q.id);
        for text in std::iter::once(&q.question).chain(&q.options).chain(std::iter::once(&q.explanation)) {
            assert!(!text.get("en").is_none_or(|t| t.trim().is_empty()), "{}", q.id);
        }
    }
    assert_eq!(check.score(&answers(check, 4)), 4);
    assert!(!check.valid(&[("nope".to_string(), 0)].into_iter().collect()));
    assert!(!check.valid(&[(check.questions[0].id.clone(), 9)].into_iter().collect()));
}

// ---------------------------------------------------------------------------
// Fuzzing: every parser of outside input answers anything with a value or a
// reason, never a panic. Links, class codes, report files, the knowledge data.

mod fuzz {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// A report, once for all cases (playing a game per case would be slow).
    fn report_text() -> &'static str {
        static TEXT: OnceLock<String> = OnceLock::new();
        TEXT.get_or_init(|| handed_in(&assignment(), None).to_json())
    }

    /// The report means what the handed-in one meant. The game version it
    /// names is for the reader only and is not sealed (docs/security.md).
    fn unchanged(report: Option<&Report>) -> bool {
        let original: Report = serde_json::from_str(report_text()).unwrap();
        report.is_some_and(|r| Report { game_version: original.game_version.clone(), ..r.clone() } == original)
    }

    fn shared_data() -> &'static Data {
        static DATA: OnceLock<Data> = OnceLock::new();
        DATA.get_or_init(Data::builtin)
    }

    /// A query string of link-like parameters, some of them known ones.
    fn link_like() -> impl Strategy<Value = String> {
        let name = prop_oneof![
            Just("scenario".to_string()),
            Just("seed".to_string()),
            Just("seeds".to_string()),
            Just("code".to_string()),
            Just("kiosk".to_string()),
            Just("lang".to_string()),
            "[a-z%0-9]{0,6}".prop_map(|s| s),
        ];
        let value = prop_oneof![testkit::any_text(8), "[A-Za-z0-9%+-]{0,30}".prop_map(|s| s)];
        prop::collection::vec((name, value), 0..16)
            .prop_map(|pairs| pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"))
    }

    proptest! {
        #![proptest_config(testkit::cases(20_000))]

        #[test]
        fn any_link_is_read_or_refused_with_a_reason(query in prop_oneof![testkit::any_text(80), link_like()]) {
            match Query::parse(&query) {
                Ok(q) => {
                    // What a parsed link holds stays within the limits.
                    prop_assert!(q.0.len() <= classroom::assignment::MAX_PARAMS);
                    if let Ok(Some(a)) = Assignment::from_query(&q) {
                        prop_assert!(a.seed < SEED_LIMIT);
                        // An accepted assignment's code reads back as itself.
                        prop_assert_eq!(Assignment::from_code(&a.code()), Ok(a));
                    }
                }
                Err(e) => prop_assert!(!e.key().0.is_empty()),
            }
        }

        #[test]
        fn any_typed_class_code_is_read_or_refused(code in prop_oneof![testkit::any_text(14), "[0-9A-Za-z -]{0,12}".prop_map(|s| s)]) {
            if let Ok(a) = Assignment::from_code(&code) {
                prop_assert!(a.seed < SEED_LIMIT);
                prop_assert_eq!(Assignment::from_code(&a.code()), Ok(a));
            }
        }
    }

    proptest! {
        #![proptest_config(testkit::cases(10_000))]

        #[test]
        fn any_file_dropped_on_the_teacher_view_gets_a_verdict(text in prop_oneof![testkit::any_text(300), testkit::json_like(60)]) {
            let checked = check_report("dropped.json", &text, shared_data(), &assignment());
            prop_assert!(!matches!(checked.verdict, Verdict::Verified));
        }
    }

    proptest! {
        #![proptest_config(testkit::cases(4_000))]

        #[test]
        fn an_edited_report_is_never_verified_unless_nothing_that_counts_changed(text in testkit::edited(report_text().to_string(), 3)) {
            let checked = check_report("edited.json", &text, shared_data(), &assignment());
            if checked.verdict == Verdict::Verified {
                // Only an edit that leaves the report's meaning as it was (a
                // space, a key order) can pass.
                prop_assert!(unchanged(checked.report.as_ref()), "an edited report was verified:\n{}", text);
            }
        }

        #[test]
        fn a_report_with_a_number_changed_is_flagged_or_unchanged(text in testkit::numbers_changed(report_text().to_string())) {
            let checked = check_report("changed.json", &text, shared_data(), &assignment());
            if checked.verdict == Verdict::Verified {
                prop_assert!(unchanged(checked.report.as_ref()), "a changed report was verified:\n{}", text);
            }
        }
    }

    proptest! {
        #![proptest_config(testkit::cases(500))]

        #[test]
        fn edited_knowledge_data_is_read_or_refused(
            text in testkit::edited(include_str!("../../../assets/data/knowledge.json").to_string(), 3)
        ) {
            if let Ok(check) = KnowledgeCheck::parse(&text) {
                let _ = check.score(&Answers::new());
            }
        }
    }
}
