//! Fuzzing the game's own parsers: saves, the page's query (kiosk settings,
//! language, the link), and the language files. Any text gets a value or a
//! typed error, never a panic.

use std::sync::{Arc, OnceLock};

use great_leap::core::launch::{COUNTDOWN_RANGE, IDLE_RANGE, Kiosk};
use great_leap::core::text::{Lang, Strings};
use great_leap::game::draft::Draft;
use great_leap::game::lesson::{Student, launch_from};
use great_leap::game::save;
use great_leap::game::session::Commune;
use proptest::prelude::*;

fn data() -> &'static sim::Data {
    static DATA: OnceLock<sim::Data> = OnceLock::new();
    DATA.get_or_init(sim::Data::builtin)
}

/// A save of a game six seasons in, made once.
fn save_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let (mut run, _) = sim::policy::play(sim::policy::Policy::Historical, data(), "full", 12).unwrap();
        run.seasons.truncate(6);
        let commune = Commune::restore(Arc::new(data().clone()), run).unwrap();
        let draft = Draft::for_season(&commune, None);
        serde_json::to_string(&save::of(&commune, &draft, &Student::default())).unwrap()
    })
}

proptest! {
    #![proptest_config(testkit::cases(10_000))]

    #[test]
    fn any_text_in_the_save_slot_is_loaded_or_refused(text in prop_oneof![testkit::any_text(200), testkit::json_like(60)]) {
        if let Err(e) = save::parse(&text, data()) {
            prop_assert!(!e.key().0.is_empty());
        }
    }

    #[test]
    fn any_page_query_gives_kiosk_settings_within_their_ranges(query in prop_oneof![
        testkit::any_text(60),
        "((kiosk|idle|countdown|lang|seed)=[0-9a-z%-]{0,6}&?){0,6}".prop_map(|s| s),
    ]) {
        let k = Kiosk::from_query(&query);
        prop_assert!((IDLE_RANGE.0..=IDLE_RANGE.1).contains(&k.idle_secs));
        prop_assert!((COUNTDOWN_RANGE.0..=COUNTDOWN_RANGE.1).contains(&k.countdown_secs));
        let launch = launch_from(&query);
        prop_assert!(launch.assignment.is_none() || launch.problem.is_none());
    }

    #[test]
    fn any_language_tag_is_a_known_language_or_none(tag in testkit::any_text(20)) {
        if let Some(l) = Lang::from_tag(&tag) {
            prop_assert!(Lang::ALL.contains(&l));
        }
    }
}

proptest! {
    #![proptest_config(testkit::cases(3_000))]

    #[test]
    fn an_edited_save_is_loaded_only_if_it_replays_to_its_own_hash(text in testkit::edited(save_text().to_string(), 3)) {
        if let Ok(s) = save::parse(&text, data()) {
            let replayed = sim::replay(data(), &s.run).unwrap();
            prop_assert_eq!(replayed.hashes.last(), Some(&s.hash));
        }
    }

    #[test]
    fn a_save_with_a_number_changed_is_loaded_only_if_it_replays(text in testkit::numbers_changed(save_text().to_string())) {
        if let Ok(s) = save::parse(&text, data()) {
            prop_assert!(sim::replay(data(), &s.run).is_ok());
        }
    }
}

proptest! {
    #![proptest_config(testkit::cases(1_000))]

    #[test]
    fn an_edited_language_file_is_read_or_refused(
        text in testkit::edited(include_str!("../../assets/i18n/zh.json").to_string(), 3)
    ) {
        let _ = Strings::parse(&text);
    }
}
