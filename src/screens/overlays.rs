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
        spawn_overlay.run_if(in_state(Overlay::Settings).and_then(resource_changed::<crate::kiosk::TextScale>)),
    );
}

#[derive(Component)]
struct OverlayRoot;

fn close_on_escape(keys: Res<ButtonInput<KeyCode>>, mut overlay: ResMut<NextState<Overlay>>) {
    if keys.just_pressed(KeyCode::Escape) {
        overlay.set(Overlay::None);
    }
}

fn handle_acts(
    mut acts: MessageReader<Act>,
    mut overlay: ResMut<NextState<Overlay>>,
    mut scale: ResMut<crate::kiosk::TextScale>,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::CloseOverlay => overlay.set(Overlay::None),
            UiAction::TextScale(percent) => scale.0 = *percent,
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
    scale: Res<crate::kiosk::TextScale>,
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
                    Overlay::Settings => {
                        list.spawn(theme::body(s.get("settings.text_size")));
                        list.spawn(Node { column_gap: px(8), ..default() }).with_children(|r| {
                            for pct in [100u16, 125, 150, 200] {
                                let on = scale.0 == pct;
                                r.spawn(button_with(
                                    format!("{pct}%"),
                                    UiAction::TextScale(pct),
                                    if on { ButtonLook::Selected } else { ButtonLook::Normal },
                                    true,
                                ));
                            }
                        });
                    }
                    Overlay::None => {}
                });
            });
    });
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
