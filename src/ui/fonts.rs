//! The fonts: the game's Latin font, built in and the default; the small
//! font of the language button's labels; every text drawn with the game's
//! font of the moment (`game::language`), and drawn on whole pixels.

use bevy::asset::uuid_handle;
use bevy::prelude::*;
use bevy::text::FontSource;

use super::semantics::OwnFont;
use crate::game::language::GameFont;

/// A few kilobytes: the letters of the language button's two labels, so
/// that the English screens can offer Chinese (in Chinese) before the
/// Chinese font is downloaded.
const LABEL_FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-label.otf");
pub const LABEL_FONT: Handle<Font> = uuid_handle!("6a0f3c7e-2d4b-4e59-9a51-3c1b8d2e7f40");

pub fn plugin(app: &mut App) {
    app.add_systems(Startup, install_fonts)
        .add_systems(PostUpdate, snap_glyphs.after(bevy::ui::widget::text_system))
        .add_systems(PostUpdate, draw_with_game_font.before(bevy::text::load_font_assets_into_font_collection));
}

/// Bevy draws each glyph where the text layout puts it, at a fraction of a
/// pixel, and the glyph's image is then sampled between screen pixels and
/// smeared over two: whole runs of words came out grey and soft beside runs
/// that happened to fall on whole pixels. After layout, every glyph's corner
/// is moved to the nearest whole pixel (at most half a pixel, which no reader
/// sees as spacing), so all text is drawn as crisply as the font allows.
pub fn snap_glyphs(mut texts: Query<&mut bevy::text::TextLayoutInfo, Changed<bevy::text::TextLayoutInfo>>) {
    for mut layout in &mut texts {
        for glyph in &mut layout.glyphs {
            let half = glyph.atlas_info.rect.size() / 2.0;
            glyph.position = (glyph.position - half).round() + half;
        }
    }
}

const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-subset.ttf");

/// The game's font becomes the default font, so every text uses it.
fn install_fonts(mut fonts: ResMut<Assets<Font>>) {
    let _ = fonts.insert(AssetId::default(), Font::from_bytes(NOTO_SANS.to_vec()));
    let _ = fonts.insert(LABEL_FONT.id(), Font::from_bytes(LABEL_FONT_BYTES.to_vec()));
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
