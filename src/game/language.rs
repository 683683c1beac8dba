//! English or Simplified Chinese. The words are in `assets/i18n/<lang>.json`
//! and in the data; the Chinese font (a subset of Noto Sans SC) is a separate
//! download, fetched only when Chinese is chosen. The switch happens once the
//! font is in place, and from then on every text draws with it: Bevy does not
//! fall back from one font to another glyph by glyph, so one font must cover
//! everything on screen.

use bevy::prelude::*;

use crate::core::action::{Act, UiAction};
use crate::core::flow::LanguageChanged;
use crate::core::launch::{BrowserLang, Kiosk};
use crate::core::platform::warn;
use crate::core::sets::AppSystems;
use crate::core::storage::Storage;
use crate::core::text::{Lang, Strings};

/// Where the player's choice is remembered (not in kiosk mode).
pub const PREF_KEY: &str = "great-leap.lang";
/// The Chinese font, under `assets/`.
pub const ZH_FONT: &str = "fonts/NotoSansSC-subset.otf";

pub fn plugin(app: &mut App) {
    app.init_resource::<GameFont>()
        .init_resource::<BrowserLang>()
        .init_resource::<Language>()
        .add_systems(Startup, choose_first)
        .add_systems(Update, (switch_on_request, settle).chain().in_set(AppSystems::HandleActs));
}

/// The font every text is drawn with: the default (Latin) font, or the
/// Chinese one.
#[derive(Resource, Default, Clone, PartialEq, Debug)]
pub struct GameFont(pub Handle<Font>);

/// The language on screen and the one asked for, while its font loads.
#[derive(Resource, Default, Debug)]
pub struct Language {
    pub shown: Lang,
    pub pending: Option<Lang>,
    zh_font: Option<Handle<Font>>,
    /// The Chinese font could not be loaded; the game stays in English.
    pub failed: bool,
}

impl Language {
    /// Ready to draw (no font still loading).
    pub fn settled(&self) -> bool {
        self.pending.is_none()
    }
}

/// The first language: the link's `lang` (or the kiosk's), then the player's
/// earlier choice, then the browser's preference, then English.
fn choose_first(kiosk: Res<Kiosk>, storage: Res<Storage>, browser: Res<BrowserLang>, mut language: ResMut<Language>) {
    let stored = storage.0.get(PREF_KEY).ok().flatten().and_then(|t| Lang::from_tag(&t));
    let first = kiosk
        .lang
        .or(if kiosk.on { None } else { stored })
        .or_else(|| browser.0.iter().find_map(|t| Lang::from_tag(t)))
        .unwrap_or_default();
    if first != Lang::En {
        language.pending = Some(first);
    }
}

fn switch_on_request(mut acts: MessageReader<Act>, mut language: ResMut<Language>, storage: Res<Storage>) {
    for Act(action) in acts.read() {
        if let UiAction::Language(lang) = action {
            language.pending = Some(*lang);
            language.failed = false;
            let _ = storage.0.set(PREF_KEY, lang.code());
        }
    }
}

/// Apply a pending language once its font is loaded, and redraw the screen.
#[allow(clippy::too_many_arguments)]
fn settle(
    mut language: ResMut<Language>,
    mut strings: ResMut<Strings>,
    mut font: ResMut<GameFont>,
    assets: Option<Res<AssetServer>>,
    fonts: Res<Assets<Font>>,
    mut changed: MessageWriter<LanguageChanged>,
) {
    let Some(want) = language.pending else { return };
    let handle = match want {
        Lang::En => Handle::default(),
        Lang::Zh => {
            let Some(assets) = assets else {
                language.pending = None;
                language.failed = true;
                return;
            };
            let handle = language.zh_font.get_or_insert_with(|| assets.load(ZH_FONT)).clone();
            if assets.load_state(&handle).is_failed() {
                warn("the Chinese font could not be loaded; staying in English");
                language.pending = None;
                language.failed = true;
                return;
            }
            if !fonts.contains(&handle) {
                return;
            }
            handle
        }
    };
    language.pending = None;
    language.shown = want;
    if font.0 != handle {
        font.0 = handle;
    }
    if strings.language() != want {
        let reduced = strings.reduced;
        *strings = Strings::of(want);
        strings.reduced = reduced;
    }
    // The screen showing is drawn again in the new words.
    changed.write(LanguageChanged);
}
