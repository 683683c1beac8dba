//! Languages: switching on the title, remembering the choice, a link's
//! language, and a kiosk's own.

use bevy::prelude::*;
use great_leap::core::action::{KioskAction, UiAction};
use great_leap::core::flow::Screen;
use great_leap::core::storage::MemoryStore;
use great_leap::core::text::Lang;
use great_leap::game::language::{self, GameFont, Language};
use great_leap::ui::fonts::LABEL_FONT;
use great_leap::ui::semantics::OwnFont;

use crate::{Raw, act, app, app_from_link, screen, settle_language, texts};

#[test]
fn the_game_switches_to_chinese_and_back_on_the_title_screen() {
    let store = MemoryStore::default();
    let mut app = app(store.clone());
    assert!(texts(&app).contains("Great Leap"));
    act(&mut app, UiAction::Language(Lang::Zh));
    settle_language(&mut app);
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(app.world().resource::<Language>().shown, Lang::Zh);
    let t = texts(&app);
    assert!(t.contains("大跃进") && t.contains("新游戏"), "{t}");
    // Every text is drawn with the Chinese font, except the language button's own label.
    let font = app.world().resource::<GameFont>().0.clone();
    assert_ne!(font, Handle::default());
    let world = app.world_mut();
    let mut q = world.query::<(&TextFont, Has<OwnFont>)>();
    let mut n = 0;
    for (tf, own) in q.iter(world) {
        let want = if own { LABEL_FONT } else { font.clone() };
        assert_eq!(tf.font, bevy::text::FontSource::Handle(want));
        n += 1;
    }
    assert!(n > 5);
    // The choice is remembered, and a new start comes back in Chinese.
    assert_eq!(store.get_raw(language::PREF_KEY).as_deref(), Some("zh"));
    let mut again = app_from_link(store.clone(), "");
    settle_language(&mut again);
    assert!(texts(&again).contains("大跃进"));
    // A game in Chinese: the briefing and the news come from the data's Chinese.
    act(&mut again, UiAction::NewGame);
    assert!(texts(&again).contains("清河人民公社"), "{}", texts(&again));
    act(&mut again, UiAction::Begin);
    assert_eq!(screen(&again), Screen::Season);
    assert!(texts(&again).contains("消息和指示"));
    act(&mut again, UiAction::ToTitle);
    act(&mut again, UiAction::Language(Lang::En));
    settle_language(&mut again);
    assert!(texts(&again).contains("Great Leap"));
    assert_eq!(again.world().resource::<GameFont>().0, Handle::default());
    // A link's lang wins over the remembered choice.
    let linked = app_from_link(store, "?lang=en");
    assert_eq!(linked.world().resource::<Language>().shown, Lang::En);
}

#[test]
fn a_chinese_kiosk_returns_to_chinese_after_a_visitor_switched_to_english() {
    let mut app = app_from_link(MemoryStore::default(), "?kiosk=1&lang=zh");
    settle_language(&mut app);
    assert_eq!(screen(&app), Screen::Attract);
    assert!(texts(&app).contains("触摸这里开始"), "{}", texts(&app));
    act(&mut app, UiAction::Language(Lang::En));
    settle_language(&mut app);
    assert!(texts(&app).contains("Touch here to play"));
    act(&mut app, UiAction::Kiosk(KioskAction::Play));
    act(&mut app, UiAction::Kiosk(KioskAction::StartOver));
    settle_language(&mut app);
    assert_eq!(app.world().resource::<Language>().shown, Lang::Zh);
    assert!(texts(&app).contains("触摸这里开始"));
}
