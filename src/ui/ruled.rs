//! Frames drawn as thin strips instead of Bevy's node-sized border quads.

use bevy::prelude::*;

use crate::core::sets::AppSystems;

pub fn plugin(app: &mut App) {
    app.add_systems(PostUpdate, keep_rules.in_set(AppSystems::Paint));
}

/// Thin rules along some edges of a node, in its border's space (the node
/// keeps its `border` widths for layout, without a `BorderColor`).
///
/// Bevy draws a border as a quad the size of the whole node, so a bordered
/// panel costs its area twice; in a browser without a GPU that is most of a
/// frame's cost (docs/performance.md). These rules are four thin strips and
/// cost only their own pixels. Not for a node that scrolls: its children,
/// the strips too, would scroll and be clipped; frame its parent instead.
#[derive(Component, Clone, Copy, PartialEq, Debug)]
pub struct Ruled {
    pub colour: Color,
    /// Left, top, right, bottom.
    pub edges: [bool; 4],
}

impl Ruled {
    pub fn all(colour: Color) -> Ruled {
        Ruled { colour, edges: [true; 4] }
    }

    pub fn bottom(colour: Color) -> Ruled {
        Ruled { colour, edges: [false, false, false, true] }
    }
}

/// One of the strips a `Ruled` node draws.
#[derive(Component)]
pub struct RuleStrip;

/// Give every ruled node its strips, again when its children were replaced.
fn keep_rules(
    mut commands: Commands,
    ruled: Query<(Entity, Ref<Ruled>, &Node, Option<&Children>)>,
    changed: Query<Entity, (With<Ruled>, Or<(Changed<Ruled>, Changed<Children>, Changed<Node>)>)>,
    mut emptied: RemovedComponents<Children>,
    strips: Query<&Node, With<RuleStrip>>,
) {
    let mut todo: Vec<Entity> = changed.iter().collect();
    todo.extend(emptied.read().filter(|e| ruled.contains(*e)));
    todo.sort();
    todo.dedup();
    for e in todo {
        let Ok((e, ruled, node, children)) = ruled.get(e) else { continue };
        let width = |v: Val| match v {
            Val::Px(w) if w > 0.0 => Some(w),
            _ => None,
        };
        let b = node.border;
        let (l, t, r, bt) = (width(b.left), width(b.top), width(b.right), width(b.bottom));
        let out = |w: Option<f32>| px(-w.unwrap_or(0.0));
        let mut want: Vec<Node> = Vec::new();
        let strip = Node { position_type: PositionType::Absolute, ..default() };
        if let (true, Some(w)) = (ruled.edges[0], l) {
            want.push(Node { left: px(-w), top: out(t), bottom: out(bt), width: px(w), ..strip.clone() });
        }
        if let (true, Some(w)) = (ruled.edges[1], t) {
            want.push(Node { top: px(-w), left: out(l), right: out(r), height: px(w), ..strip.clone() });
        }
        if let (true, Some(w)) = (ruled.edges[2], r) {
            want.push(Node { right: px(-w), top: out(t), bottom: out(bt), width: px(w), ..strip.clone() });
        }
        if let (true, Some(w)) = (ruled.edges[3], bt) {
            want.push(Node { bottom: px(-w), left: out(l), right: out(r), height: px(w), ..strip.clone() });
        }
        let had: Vec<(Entity, &Node)> =
            children.map(|c| c.iter().filter_map(|c| Some((c, strips.get(c).ok()?))).collect()).unwrap_or_default();
        // Spawning the strips changes the children: nothing to do then.
        if !ruled.is_changed() && had.len() == want.len() && had.iter().zip(&want).all(|((_, a), b)| *a == b) {
            continue;
        }
        for (old, _) in had {
            commands.entity(old).despawn();
        }
        commands.entity(e).with_children(|c| {
            for node in want {
                c.spawn((node, BackgroundColor(ruled.colour), RuleStrip, Pickable::IGNORE));
            }
        });
    }
}
