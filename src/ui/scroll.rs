//! Scrolling for panels marked `Scrollable`: the mouse wheel, and dragging a
//! finger on a touch screen. The panel that moves is the nearest scrollable
//! ancestor of what the pointer is over.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::picking::hover::HoverMap;
use bevy::picking::pointer::PointerId;
use bevy::prelude::*;

#[derive(Component)]
pub struct Scrollable;

pub fn plugin(app: &mut App) {
    app.add_systems(Update, (wheel, touch_drag));
}

fn scroll_under(
    pointer: &PointerId,
    dy: f32,
    hover: &HoverMap,
    parents: &Query<&ChildOf>,
    panels: &mut Query<&mut ScrollPosition, With<Scrollable>>,
) {
    let Some(hits) = hover.get(pointer) else { return };
    let target = hits.keys().find_map(|&hit| {
        std::iter::successors(Some(hit), |&e| parents.get(e).ok().map(|p| p.parent())).find(|&e| panels.contains(e))
    });
    if let Some(panel) = target
        && let Ok(mut pos) = panels.get_mut(panel)
    {
        pos.y = (pos.y - dy).max(0.0);
    }
}

fn wheel(
    mut wheel: MessageReader<MouseWheel>,
    hover: Res<HoverMap>,
    parents: Query<&ChildOf>,
    mut panels: Query<&mut ScrollPosition, With<Scrollable>>,
) {
    for ev in wheel.read() {
        let dy = match ev.unit {
            MouseScrollUnit::Line => ev.y * 40.0,
            MouseScrollUnit::Pixel => ev.y,
        };
        scroll_under(&PointerId::Mouse, dy, &hover, &parents, &mut panels);
    }
}

fn touch_drag(
    touches: Res<Touches>,
    hover: Res<HoverMap>,
    parents: Query<&ChildOf>,
    mut panels: Query<&mut ScrollPosition, With<Scrollable>>,
) {
    for touch in touches.iter() {
        let dy = touch.delta().y;
        if dy != 0.0 {
            scroll_under(&PointerId::Touch(touch.id()), dy, &hover, &parents, &mut panels);
        }
    }
}
