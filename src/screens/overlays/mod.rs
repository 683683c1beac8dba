//! Windows over any screen: the codex of events met so far, the glossary,
//! the sources list and the settings. Escape or the close button shuts them.

use bevy::prelude::*;

mod lists;
mod settings;

use crate::core::action::{Act, UiAction};
use crate::core::flow::Overlay;
use crate::core::launch::BrowserMotion;
use crate::core::sets::AppSystems;
use crate::core::text::Strings;
use crate::game::session::{Commune, GameData};
use crate::game::settings::Settings;
use crate::ui::{self, ButtonLook, Scrollable, button_with, palette};
use lists::{citation, codex, entry};
use settings::settings_list;

pub fn plugin(app: &mut App) {
    for o in [Overlay::Codex, Overlay::Glossary, Overlay::Sources, Overlay::Settings] {
        app.add_systems(OnEnter(o), spawn_overlay);
    }
    app.add_systems(
        Update,
        (handle_acts, close_on_escape).in_set(AppSystems::HandleActs).run_if(not(in_state(Overlay::None))),
    )
    .add_systems(
        Update,
        spawn_overlay
            .in_set(AppSystems::View)
            .run_if(in_state(Overlay::Settings).and_then(resource_changed::<Settings>)),
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
    settings: Res<Settings>,
    motion: Res<BrowserMotion>,
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
    commands.spawn((OverlayRoot, DespawnOnExit(which), ui::modal_shade(10))).with_children(|shade| {
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
                    h.spawn(ui::heading(s.get(title)));
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
                        list.spawn(ui::body(s.get("sources.intro")));
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
