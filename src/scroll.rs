//! Mouse-wheel scrolling for panels marked `Scrollable`.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::picking::hover::HoverMap;
use bevy::prelude::*;

#[derive(Component)]
pub struct Scrollable;

pub fn plugin(app: &mut App) {
    app.add_systems(Update, scroll);
}

fn scroll(
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
        // One panel per pointer: the nearest scrollable ancestor of what it hovers.
        for hits in hover.values() {
            let target = hits.keys().find_map(|&hit| {
                std::iter::successors(Some(hit), |&e| parents.get(e).ok().map(|p| p.parent()))
                    .find(|&e| panels.contains(e))
            });
            if let Some(panel) = target
                && let Ok(mut pos) = panels.get_mut(panel)
            {
                pos.y = (pos.y - dy).max(0.0);
            }
        }
    }
}
