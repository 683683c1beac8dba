//! The museum kiosk: its settings from the link, the attract loop, a
//! visitor's game and the reset after idle time.

use great_leap::core::action::{KioskAction, UiAction};
use great_leap::core::flow::Screen;
use great_leap::core::launch::Kiosk;
use great_leap::core::storage::MemoryStore;
use great_leap::core::text::Lang;
use great_leap::game::draft::Draft;
use great_leap::game::lesson::Launch;
use great_leap::game::mirror::Labour;
use great_leap::game::save::SaveStatus;
use great_leap::game::session::{Commune, GameData};
use great_leap::kiosk::Idle;
use great_leap::screens::attract::{self, Attract, CAPTION_SECONDS};

use crate::{act, app_from_link, play_to_ending, screen, texts};

/// The kiosk: the attract loop first, a visitor's game of the short
/// scenario, nothing saved, the countdown after idle time, then the loop again.
#[test]
fn a_kiosk_loops_plays_the_short_game_and_starts_again_after_idle_time() {
    let store = MemoryStore::default();
    let mut app = app_from_link(store.clone(), "?kiosk=1&idle=60&countdown=25");
    // The kiosk keeps time by the clock on the wall; here each frame is
    // a millisecond of it, however slowly the machine runs the test, and
    // the test moves the clock on by itself where it needs to.
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(std::time::Duration::from_millis(1)));
    app.update();
    assert_eq!(screen(&app), Screen::Attract);
    let kiosk = app.world().resource::<Kiosk>().clone();
    assert!(kiosk.on && kiosk.idle_secs == 60 && kiosk.countdown_secs == 25 && kiosk.problems.is_empty());
    // The recorded game is a whole game of the kiosk scenario.
    let recorded = app.world().resource::<Attract>().run.clone();
    let data = app.world().resource::<GameData>().0.clone();
    let whole = attract::replay_to(&data, &recorded, recorded.seasons.len()).unwrap();
    assert!(recorded.scenario_id == "kiosk" && whole.state.is_over());
    // The loop replays it a season at a time, with captions.
    let first = texts(&app);
    assert!(first.contains("recorded game"), "{first}");
    for step in 1..=3 {
        app.world_mut().resource_mut::<Attract>().since -= CAPTION_SECONDS;
        app.update();
        app.update();
        assert_eq!(app.world().resource::<Attract>().step, step);
        assert_eq!(app.world().resource::<Commune>().run.seasons.len(), step);
        assert!(texts(&app).contains("Workers:"), "{}", texts(&app));
        // The map's labour bars show the plan the recorded game played, not
        // everyone in the fields.
        let mut shown: Vec<_> =
            app.world_mut().query::<&Labour>().iter(app.world()).map(|l| (l.brigade, l.plan)).collect();
        shown.sort_by_key(|(b, _)| *b);
        let played: Vec<_> = recorded.seasons[step - 1].labour.iter().copied().enumerate().collect();
        assert_eq!(shown, played, "the map shows season {step}'s recorded plan");
    }
    // Idle time in the loop is not a visit.
    app.world_mut().resource_mut::<Idle>().last_input -= 1000.0;
    app.update();
    assert!(!app.world().resource::<Idle>().asking);
    // A visitor plays the short scenario to its interim account.
    act(&mut app, UiAction::Kiosk(KioskAction::Play));
    assert_eq!(screen(&app), Screen::Briefing);
    act(&mut app, UiAction::Begin);
    assert_eq!(app.world().resource::<Commune>().run.scenario_id, "kiosk");
    assert!(texts(&app).contains("Finish"));
    play_to_ending(&mut app);
    assert!(texts(&app).contains("The account so far"), "{}", texts(&app));
    // Nothing reached the browser's storage.
    assert!(store.0.lock().unwrap().is_empty());
    // The visitor walks away: the question, with its countdown.
    app.world_mut().resource_mut::<Idle>().last_input -= 61.0;
    app.update();
    app.update();
    assert!(app.world().resource::<Idle>().asking);
    assert!(texts(&app).contains("Still playing?"), "{}", texts(&app));
    assert!(texts(&app).contains("25 seconds") || texts(&app).contains("24 seconds"), "{}", texts(&app));
    // Yes: back to the game where it was.
    act(&mut app, UiAction::Kiosk(KioskAction::KeepPlaying));
    assert!(!texts(&app).contains("Still playing?"));
    assert_eq!(screen(&app), Screen::Ending);
    // No answer: back to the loop, the visit forgotten.
    app.world_mut().resource_mut::<Idle>().last_input -= 61.0 + 25.0;
    app.update();
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Attract);
    assert_eq!(app.world().resource::<Commune>().run.seasons.len(), 0, "the loop starts from its beginning");
    assert_eq!(*app.world().resource::<SaveStatus>(), SaveStatus::None);
    assert!(!app.world().contains_resource::<Draft>());
    // "Back" from the briefing and "Finish" in a season lead there too.
    act(&mut app, UiAction::Kiosk(KioskAction::Play));
    act(&mut app, UiAction::ToTitle);
    app.update();
    assert_eq!(screen(&app), Screen::Attract);
    act(&mut app, UiAction::Kiosk(KioskAction::Play));
    act(&mut app, UiAction::Begin);
    act(&mut app, UiAction::Kiosk(KioskAction::Leave));
    assert!(texts(&app).contains("Still playing?"));
    act(&mut app, UiAction::Kiosk(KioskAction::StartOver));
    app.update();
    assert_eq!(screen(&app), Screen::Attract);
}

#[test]
fn kiosk_settings_that_cannot_be_used_are_named_and_the_defaults_kept() {
    let k = Kiosk::from_query("?kiosk=1&idle=5&countdown=abc&lang=fr");
    assert!(k.on);
    assert_eq!((k.idle_secs, k.countdown_secs, k.lang), (90, 30, None));
    let named: Vec<&str> = k.problems.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(named, ["idle", "countdown", "lang"]);
    assert_eq!(Kiosk::from_query("?kiosk=yes").problems.len(), 1);
    assert!(!Kiosk::from_query("?kiosk=0&lang=zh-CN").on);
    assert_eq!(Kiosk::from_query("?lang=zh-Hans").lang, Some(Lang::Zh));
    // On screen, with the game still running; an assignment in a kiosk link is not opened.
    let mut app = app_from_link(MemoryStore::default(), "?kiosk=1&idle=5&scenario=full&seed=3");
    app.update();
    assert_eq!(screen(&app), Screen::Attract);
    assert!(texts(&app).contains("idle=5"), "{}", texts(&app));
    assert!(app.world().resource::<Launch>().assignment.is_none());
}
