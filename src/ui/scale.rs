//! The interface scale: the player's text size, and on a kiosk screen wider
//! than the layout was drawn for, the growth that fills it.

use bevy::prelude::*;
use bevy::window::WindowResized;

use crate::core::launch::Kiosk;
use crate::core::sets::AppSystems;
use crate::game::settings::Settings;

/// The layout the screens are drawn for; a wider kiosk screen scales up.
pub const DESIGN_WIDTH: f32 = 1280.0;

pub fn plugin(app: &mut App) {
    app.add_systems(Update, scale_ui.in_set(AppSystems::View));
}

/// The interface scale: the player's text size, times the kiosk's growth on a
/// screen wider than the layout's design (1920 px wide: 1.5, so body text is
/// 27 px and the smallest target 66 px).
fn scale_ui(
    kiosk: Res<Kiosk>,
    choice: Res<Settings>,
    windows: Query<&Window>,
    mut resized: MessageReader<WindowResized>,
    mut scale: ResMut<UiScale>,
) {
    let resized = resized.read().count() > 0;
    if !(resized || choice.is_changed() || kiosk.is_changed()) {
        return;
    }
    let base =
        if kiosk.on { windows.iter().next().map_or(1.0, |w| (w.width() / DESIGN_WIDTH).clamp(1.0, 3.0)) } else { 1.0 };
    let want = base * f32::from(choice.text_scale) / 100.0;
    if (scale.0 - want).abs() > 0.001 {
        scale.0 = want;
    }
}
