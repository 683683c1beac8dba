//! English or Simplified Chinese. The words are in `assets/i18n/<lang>.json`
//! and in the data; the Chinese font (a subset of Noto Sans SC) is a separate
//! download, fetched only when Chinese is chosen. The switch happens once the
//! font is in place, and from then on every text draws with it: Bevy does not
//! fall back from one font to another glyph by glyph, so one font must cover
//! everything on screen.

use bevy::asset::uuid_handle;
use bevy::prelude::*;
use bevy::text::FontSource;

use crate::actions::{Act, UiAction};
use crate::kiosk::Kiosk;
use crate::save::Storage;
use crate::screens::Screen;
use crate::text::{Lang, Strings};

/// Where the player's choice is remembered (not in kiosk mode).
pub const PREF_KEY: &str = "great-leap.lang";
/// The Chinese font, under `assets/`.
pub const ZH_FONT: &str = "fonts/NotoSansSC-subset.otf";

/// A few kilobytes: the letters of the language button's two labels, so
/// that the English screens can offer Chinese (in Chinese) before the
/// Chinese font is downloaded.
const LABEL_FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-label.otf");
pub const LABEL_FONT: Handle<Font> = uuid_handle!("6a0f3c7e-2d4b-4e59-9a51-3c1b8d2e7f40");

/// A text that keeps its own font whatever the language.
#[derive(Component)]
pub struct OwnFont;

pub fn plugin(app: &mut App) {
    app.add_systems(Startup, |mut fonts: ResMut<Assets<Font>>| {
        let _ = fonts.insert(LABEL_FONT.id(), Font::from_bytes(LABEL_FONT_BYTES.to_vec()));
    });
    app.init_resource::<GameFont>()
        .init_resource::<BrowserLang>()
        .init_resource::<Language>()
        .add_systems(Startup, choose_first)
        .add_systems(Update, (switch_on_request, settle).chain())
        .add_systems(PostUpdate, draw_with_game_font.before(bevy::text::load_font_assets_into_font_collection));
}

/// The languages the browser asks for, best first (set by the browser glue).
#[derive(Resource, Default, Clone, Debug)]
pub struct BrowserLang(pub Vec<String>);

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
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
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
                crate::platform::warn("the Chinese font could not be loaded; staying in English");
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
    // Redraw the screen in the new words (the season's phase is kept by
    // drawing it again only when the phase changes, so it is left alone).
    let now = *screen.get();
    if !matches!(now, Screen::Loading | Screen::Season) {
        next.set(now);
    }
}

/// Every text uses the game's font: new texts as they appear, and all of
/// them when the font changes.
fn draw_with_game_font(font: Res<GameFont>, mut texts: Query<&mut TextFont, Without<OwnFont>>) {
    let all = font.is_changed();
    for mut text in &mut texts {
        if !(all || text.is_added()) {
            continue;
        }
        let same = matches!(&text.bypass_change_detection().font, FontSource::Handle(h) if *h == font.0);
        if !same {
            text.font = FontSource::Handle(font.0.clone());
        }
    }
}

/// The button that switches to the other language, labelled in that language.
pub fn switch_button(s: &Strings, language: &Language, node: Node, size: f32) -> impl Bundle {
    let other = match language.shown {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    };
    let label = (
        Text::new(s.get("language.switch")),
        TextFont { font: FontSource::Handle(LABEL_FONT), font_size: bevy::text::FontSize::Px(size), ..default() },
        TextColor(crate::theme::palette::ON_BUTTON),
        OwnFont,
        Pickable::IGNORE,
    );
    crate::theme::button_made(
        node,
        label,
        UiAction::Language(other),
        crate::theme::ButtonLook::Normal,
        language.settled(),
    )
}
