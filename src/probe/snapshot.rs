//! A read-only report of the screen for browser tests: where each control is
//! (in CSS pixels of the canvas), which screen and phase are showing, and the
//! run so far with its state hash. Tests read it to know *where* to click;
//! every action still goes through real pointer, touch or keyboard input.

use bevy::prelude::*;
use bevy::ui::{ComputedNode, UiGlobalTransform};
use serde::Serialize;

use bevy::input_focus::InputFocus;
use bevy::text::{EditableText, TextLayoutInfo};

use crate::core::action::UiAction;
use crate::core::flow::{Overlay, Phase, Screen};
use crate::core::sets::AppSystems;
use crate::core::text::Strings;
use crate::game::desk::Desk;
use crate::game::draft::Draft;
use crate::game::lesson::Student;
use crate::game::save::SaveStatus;
use crate::game::session::Commune;
use crate::ui::Scrollable;
use crate::ui::semantics::{ButtonEnabled, ButtonLook, Field};

thread_local! {
    static CSS_PER_PHYSICAL: std::cell::RefCell<f32> = const { std::cell::RefCell::new(1.0) };
}

#[derive(Serialize, Default, Clone, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

#[derive(Serialize, Default, Clone, PartialEq)]
pub struct Control {
    pub id: String,
    pub label: String,
    pub rect: Rect,
    pub enabled: bool,
    /// Shown as the chosen option of a group.
    pub selected: bool,
    /// Index into `scrollables` of the panel that clips this control.
    pub panel: Option<usize>,
}

#[derive(Serialize, Default, Clone, PartialEq)]
pub struct Snapshot {
    pub screen: String,
    pub phase: Option<String>,
    pub overlay: String,
    pub controls: Vec<Control>,
    pub scrollables: Vec<Rect>,
    pub hash: Option<String>,
    pub run: Option<serde_json::Value>,
    pub ending: Option<String>,
    pub season: Option<String>,
    pub save: String,
    /// The year rows the debrief shows (baseline first).
    pub years: Option<serde_json::Value>,
    /// Every text on screen, top to bottom, so tests can check what a
    /// player reads.
    pub texts: Vec<String>,
    /// The size each of those texts is drawn at, in CSS pixels.
    pub text_px: Vec<f32>,
    /// Where each of those texts is laid out.
    pub text_boxes: Vec<Rect>,
    /// Texts that run into what follows, with their sizes: taller than the
    /// box they were given, or past the bottom of a box around them that
    /// does not scroll.
    pub text_overflows: Vec<String>,
    /// The interface scale (text size setting times the kiosk's growth).
    pub ui_scale: f32,
    /// The language on screen.
    pub lang: String,
    /// The season's decisions so far and its phase.
    pub draft: Option<serde_json::Value>,
    /// The control that has keyboard focus.
    pub focus: Option<String>,
    /// Text fields: which, where, and what is typed in them.
    pub fields: Vec<Control>,
    /// The assignment this game is played for (its class code), if any.
    pub assignment: Option<String>,
    /// The teacher's view: the class code being checked, each file's verdict,
    /// and how long the last batch took (ms).
    pub teacher: Option<serde_json::Value>,
    /// When the loading screen gave way to the first screen.
    pub loaded: Option<Loaded>,
}

/// The frame in which the loading screen ended (0 is the first) and the
/// window's size (CSS pixels) then, which the first screen was laid out for.
#[derive(Resource, Serialize, Clone, Copy, PartialEq)]
pub struct Loaded {
    pub frame: u32,
    pub window: [f32; 2],
}

fn note_loaded(frames: Option<Res<bevy::diagnostic::FrameCount>>, windows: Query<&Window>, mut commands: Commands) {
    let window = windows.iter().next().map_or([0.0; 2], |w| [w.width(), w.height()]);
    commands.insert_resource(Loaded { frame: frames.map_or(0, |f| f.0), window });
}

/// The latest snapshot as JSON, rewritten only when it changes.
#[derive(Resource, Default)]
pub struct SnapshotJson(pub String);

pub fn plugin(app: &mut App) {
    app.init_resource::<SnapshotJson>()
        .add_systems(OnExit(Screen::Loading), note_loaded)
        .add_systems(Last, take_snapshot.in_set(AppSystems::Snapshot));
}

/// A node's box in CSS pixels of the canvas (physical pixels over the
/// window's scale factor, whatever the interface scale).
fn rect(node: &ComputedNode, t: &UiGlobalTransform) -> Rect {
    let k = CSS_PER_PHYSICAL.with(|c| *c.borrow());
    let centre = t.affine().translation * k;
    let size = node.size() * k;
    Rect { x: centre.x - size.x / 2.0, y: centre.y - size.y / 2.0, w: size.x, h: size.y }
}

#[allow(clippy::too_many_arguments)]
fn take_snapshot(
    buttons: Query<(
        Entity,
        &UiAction,
        &ComputedNode,
        &UiGlobalTransform,
        &ButtonEnabled,
        Option<&Children>,
        Option<&ButtonLook>,
    )>,
    texts: Query<&Text>,
    shown: Query<(Entity, &Text, &ComputedNode, &UiGlobalTransform, &TextFont, &TextLayoutInfo)>,
    panels: Query<(Entity, &ComputedNode, &UiGlobalTransform), With<Scrollable>>,
    parents: Query<&ChildOf>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<Phase>>>,
    overlay: Res<State<Overlay>>,
    commune: Option<Res<Commune>>,
    save: Res<SaveStatus>,
    draft: Option<Res<Draft>>,
    focus: Option<Res<InputFocus>>,
    actions: Query<&UiAction>,
    fields: Query<(&EditableText, &Field, &ComputedNode, &UiGlobalTransform)>,
    (student, desk, windows, ui_scale, strings, loaded, boxes): (
        Option<Res<Student>>,
        Option<Res<Desk>>,
        Query<&Window>,
        Res<UiScale>,
        Res<Strings>,
        Option<Res<Loaded>>,
        Query<(&ComputedNode, &UiGlobalTransform, &Node)>,
    ),
    mut out: ResMut<SnapshotJson>,
) {
    let window_scale = windows.iter().next().map_or(1.0, |w| w.scale_factor());
    CSS_PER_PHYSICAL.with(|c| *c.borrow_mut() = 1.0 / window_scale.max(0.01));
    let panel_list: Vec<(Entity, Rect)> = panels.iter().map(|(e, n, t)| (e, rect(n, t))).collect();
    let mut controls: Vec<Control> = buttons
        .iter()
        .map(|(e, action, node, t, enabled, children, look)| {
            let label = children
                .and_then(|c| c.iter().find_map(|c| texts.get(c).ok()))
                .map(|t| t.0.clone())
                .unwrap_or_default();
            let panel = std::iter::successors(Some(e), |&x| parents.get(x).ok().map(|p| p.parent()))
                .find_map(|x| panel_list.iter().position(|(p, _)| *p == x));
            let selected = look == Some(&ButtonLook::Selected);
            Control { id: action.id(), label, rect: rect(node, t), enabled: enabled.0, selected, panel }
        })
        .collect();
    controls.sort_by(|a, b| a.rect.y.total_cmp(&b.rect.y).then(a.rect.x.total_cmp(&b.rect.x)));
    let px = |f: &TextFont| match f.font_size {
        bevy::text::FontSize::Px(v) => v * ui_scale.0,
        _ => 0.0,
    };
    let k = CSS_PER_PHYSICAL.with(|c| *c.borrow());
    let mut on_screen: Vec<(Rect, String, f32)> = Vec::new();
    let mut text_overflows = Vec::new();
    for (e, t, n, g, f, layout) in &shown {
        let r = rect(n, g);
        // Taller than its box, or below the bottom of a box around it that
        // does not scroll: the lines run into what follows. (The width can
        // exceed the box by a trailing space's advance, which draws nothing.)
        let outgrown = parents.get(e).ok().and_then(|p| boxes.get(p.parent()).ok()).is_some_and(|(pn, pg, style)| {
            let around = rect(pn, pg);
            style.overflow.y == OverflowAxis::Visible && r.y + r.h > around.y + around.h + 1.0
        });
        if !n.is_empty() && (layout.size.y > n.size().y + 1.0 || outgrown) {
            text_overflows.push(format!(
                "{} (laid out {:.0} x {:.0} px in a {:.0} x {:.0} box)",
                t.0,
                layout.size.x * k,
                layout.size.y * k,
                r.w,
                r.h
            ));
        }
        on_screen.push((r, t.0.clone(), px(f)));
    }
    on_screen.sort_by(|a, b| a.0.y.total_cmp(&b.0.y).then(a.0.x.total_cmp(&b.0.x)));
    let snap = Snapshot {
        screen: format!("{:?}", screen.get()),
        phase: phase.map(|p| format!("{:?}", p.get())),
        overlay: format!("{:?}", overlay.get()),
        controls,
        scrollables: panel_list.into_iter().map(|(_, r)| r).collect(),
        hash: commune.as_ref().map(|c| c.state.hash()),
        run: commune.as_ref().and_then(|c| serde_json::to_value(&c.run).ok()),
        ending: commune.as_ref().and_then(|c| c.state.ending.as_ref().map(|e| e.key())),
        season: commune.as_ref().map(|c| c.state.now().to_string()),
        save: match &*save {
            SaveStatus::None => "none".into(),
            SaveStatus::Ready(_) => "ready".into(),
            SaveStatus::Damaged(reason) => format!("damaged: {reason}"),
        },
        years: commune
            .as_ref()
            .and_then(|c| serde_json::to_value(sim::summary::table(&c.data, &c.start, &c.state)).ok()),
        texts: on_screen.iter().map(|(_, t, _)| t.clone()).collect(),
        text_px: on_screen.iter().map(|(_, _, p)| *p).collect(),
        text_boxes: on_screen.iter().map(|(r, _, _)| r.clone()).collect(),
        text_overflows,
        ui_scale: ui_scale.0,
        lang: strings.lang.clone(),
        draft: draft.and_then(|d| serde_json::to_value(&*d).ok()),
        focus: focus.as_ref().and_then(|f| f.get()).and_then(|e| actions.get(e).ok()).map(UiAction::id),
        fields: fields
            .iter()
            .map(|(t, f, n, g)| Control {
                id: f.id().to_string(),
                label: t.value().to_string(),
                rect: rect(n, g),
                enabled: true,
                selected: false,
                panel: None,
            })
            .collect(),
        assignment: student.and_then(|s| s.assignment.as_ref().map(|a| a.code())),
        teacher: desk.map(|d| {
            serde_json::json!({
                "code": d.assignment.code(),
                "link_query": d.assignment.to_query(),
                "tab": format!("{:?}", d.tab),
                "reports": d.checked.iter().map(|c| serde_json::json!({
                    "file": c.file,
                    "verdict": c.verdict.key(),
                    "detail": format!("{:?}", c.verdict),
                })).collect::<Vec<_>>(),
                "last_batch": d.last_batch.map(|(n, ms)| serde_json::json!({"files": n, "ms": ms})),
            })
        }),
        loaded: loaded.map(|l| *l),
    };
    let json = serde_json::to_string(&snap).unwrap_or_default();
    if json != out.0 {
        out.0 = json;
    }
}
