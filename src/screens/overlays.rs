//! Windows over any screen: the codex of events met so far, the glossary,
//! the sources list and the settings. Escape or the close button shuts them.

use bevy::prelude::*;

use crate::actions::{Act, Overlay, UiAction};
use crate::rules::{Commune, GameData};
use crate::scroll::Scrollable;
use crate::text::Strings;
use crate::theme::{self, ButtonLook, button_with, palette};

pub fn plugin(app: &mut App) {
    for o in [Overlay::Codex, Overlay::Glossary, Overlay::Sources, Overlay::Settings] {
        app.add_systems(OnEnter(o), spawn_overlay);
    }
    app.add_systems(Update, (handle_acts, close_on_escape).run_if(not(in_state(Overlay::None)))).add_systems(
        Update,
        spawn_overlay.run_if(in_state(Overlay::Settings).and_then(resource_changed::<crate::settings::Settings>)),
    );
}

#[derive(Component)]
struct OverlayRoot;

fn close_on_escape(keys: Res<ButtonInput<KeyCode>>, mut overlay: ResMut<NextState<Overlay>>) {
    if keys.just_pressed(KeyCode::Escape) {
        overlay.set(Overlay::None);
    }
}

fn handle_acts(mut acts: MessageReader<Act>, mut overlay: ResMut<NextState<Overlay>>) {
    for Act(action) in acts.read() {
        match action {
            UiAction::CloseOverlay => overlay.set(Overlay::None),
            _ => {}
        }
    }
}

fn spawn_overlay(
    mut commands: Commands,
    roots: Query<Entity, With<OverlayRoot>>,
    overlay: Res<State<Overlay>>,
    strings: Res<Strings>,
    data: Res<GameData>,
    commune: Option<Res<Commune>>,
    settings: Res<crate::settings::Settings>,
    motion: Res<crate::settings::BrowserMotion>,
) {
    for e in &roots {
        commands.entity(e).despawn();
    }
    let which = *overlay.get();
    let s = &*strings;
    let data = &data.0;
    let title = match which {
        Overlay::Codex => "overlay.codex",
        Overlay::Glossary => "overlay.glossary",
        Overlay::Sources => "overlay.sources",
        Overlay::Settings => "overlay.settings",
        Overlay::None => return,
    };
    commands.spawn((OverlayRoot, DespawnOnExit(which), theme::modal_shade(10))).with_children(|shade| {
        shade
            .spawn((
                Node {
                    width: percent(100),
                    max_width: px(900),
                    max_height: percent(100),
                    flex_direction: FlexDirection::Column,
                    row_gap: px(10),
                    padding: UiRect::all(px(16)),
                    ..default()
                },
                BackgroundColor(palette::PAPER),
            ))
            .with_children(|w| {
                w.spawn(Node {
                    justify_content: JustifyContent::SpaceBetween,
                    align_items: AlignItems::Center,
                    ..default()
                })
                .with_children(|h| {
                    h.spawn(theme::heading(s.get(title)));
                    h.spawn(button_with(s.get("button.close"), UiAction::CloseOverlay, ButtonLook::Primary, true));
                });
                w.spawn((
                    Node {
                        flex_direction: FlexDirection::Column,
                        row_gap: px(8),
                        overflow: Overflow::scroll_y(),
                        ..default()
                    },
                    Scrollable,
                    ScrollPosition::default(),
                ))
                .with_children(|list| match which {
                    Overlay::Codex => codex(list, data, commune.as_deref(), s),
                    Overlay::Glossary => {
                        for g in &data.glossary {
                            entry(list, s.data(&g.term), s.data(&g.definition), citation(data, &g.source), s);
                        }
                    }
                    Overlay::Sources => {
                        list.spawn(theme::body(s.get("sources.intro")));
                        for src in &data.sources {
                            entry(list, src.citation.clone(), s.data(&src.note), String::new(), s);
                        }
                    }
                    Overlay::Settings => settings_list(list, &settings, &motion, s),
                    Overlay::None => {}
                });
            });
    });
}

/// Each setting: its name, then its choices as buttons (the chosen one marked).
fn settings_list(
    list: &mut ChildSpawnerCommands,
    settings: &crate::settings::Settings,
    motion: &crate::settings::BrowserMotion,
    s: &Strings,
) {
    use crate::settings::{SettingsMove, TEXT_SCALES};
    let choices = |list: &mut ChildSpawnerCommands, name: &str, options: Vec<(String, SettingsMove, bool)>| {
        list.spawn(theme::body(s.get(name)));
        list.spawn(Node { column_gap: px(8), row_gap: px(8), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(
            |r| {
                for (label, m, on) in options {
                    let look = if on { ButtonLook::Selected } else { ButtonLook::Normal };
                    r.spawn(button_with(label, UiAction::Settings(m), look, true));
                }
            },
        );
    };
    let on_off = |now: bool, make: fn(bool) -> SettingsMove| {
        vec![(s.get("settings.off"), make(false), !now), (s.get("settings.on"), make(true), now)]
    };
    let sizes = TEXT_SCALES.iter().map(|&p| (format!("{p}%"), SettingsMove::TextScale(p), settings.text_scale == p));
    choices(list, "settings.text_size", sizes.collect());
    choices(list, "settings.high_contrast", on_off(settings.high_contrast, SettingsMove::HighContrast));
    choices(list, "settings.reduced_motion", on_off(settings.reduced_motion(motion), SettingsMove::ReducedMotion));
    list.spawn(theme::small(s.get("settings.reduced_motion_note")));
    choices(list, "settings.colour_safe", on_off(settings.colour_safe, SettingsMove::ColourSafe));
    list.spawn(theme::small(s.get("settings.colour_safe_note")));
}

fn citation(data: &sim::Data, key: &str) -> String {
    data.source(key).map(|s| s.citation.clone()).unwrap_or_default()
}

fn entry(list: &mut ChildSpawnerCommands, title: String, body: String, source: String, s: &Strings) {
    list.spawn(theme::card()).with_children(|c| {
        c.spawn(theme::text(title, theme::SIZE_BODY, palette::INK));
        if !body.is_empty() {
            c.spawn(theme::body(body));
        }
        if !source.is_empty() {
            c.spawn(theme::small(s.fill("source.line", &[("source", source)])));
        }
    });
}

/// Events met so far, with what was really happening and the source.
fn codex(list: &mut ChildSpawnerCommands, data: &sim::Data, commune: Option<&Commune>, s: &Strings) {
    let Some(commune) = commune else {
        list.spawn(theme::body(s.get("codex.empty")));
        return;
    };
    let mut any = false;
    for e in commune.met.iter().filter_map(|id| data.events.iter().find(|e| &e.id == id)) {
        any = true;
        let mut body = s.data(&e.body);
        if !e.history.is_empty() {
            body = format!("{body}\n{}", s.fill("codex.history", &[("text", s.data(&e.history))]));
        }
        entry(list, format!("{} — {}", s.data(&e.date), s.data(&e.title)), body, citation(data, &e.source), s);
    }
    if !any {
        list.spawn(theme::body(s.get("codex.empty")));
    }
}
