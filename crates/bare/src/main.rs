//! The yardstick for the benchmark's frame and load figures: one text and one
//! button, built with the same Bevy features and web profile as the game and
//! drawn the same way (reactive updates, the game's font), so the figures of
//! the two can be compared as a ratio on any machine.

use bevy::prelude::*;
use bevy::winit::WinitSettings;

fn main() {
    App::new()
        .add_plugins(
            DefaultPlugins
                .set(WindowPlugin {
                    primary_window: Some(Window {
                        title: "Bare Bevy".into(),
                        canvas: Some("#game".into()),
                        fit_canvas_to_parent: true,
                        prevent_default_event_handling: true,
                        ..default()
                    }),
                    ..default()
                })
                // As the game: no request for a .meta file before the font.
                .set(AssetPlugin { meta_check: bevy::asset::AssetMetaCheck::Never, ..default() }),
        )
        .insert_resource(WinitSettings::desktop_app())
        .add_plugins(great_leap_probe::plugin)
        .add_systems(Startup, setup)
        .add_systems(Update, press)
        .run();
}

#[derive(Component)]
struct Count(u32);

fn setup(mut commands: Commands, assets: Res<AssetServer>, mut ready: ResMut<great_leap_probe::Interactive>) {
    // Bevy's default camera (4x multisampling), as a bare app has it; with
    // `?msaa=off` in the address, without, as the game draws (the benchmark
    // measures both).
    if great_leap_probe::page_flag("msaa=off") {
        commands.spawn((Camera2d, Msaa::Off));
    } else {
        commands.spawn(Camera2d);
    }
    let font = TextFont { font: assets.load("fonts/NotoSans-subset.ttf").into(), ..default() };
    commands
        .spawn(Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            row_gap: px(16),
            ..default()
        })
        .with_children(|root| {
            root.spawn((Text::new("Pressed 0 times"), font.clone(), TextColor(Color::BLACK), Count(0)));
            root.spawn((
                Button,
                Node { padding: UiRect::axes(px(24), px(12)), ..default() },
                BackgroundColor(Color::srgb(0.2, 0.3, 0.5)),
            ))
            .with_child((Text::new("Press"), font, TextColor(Color::WHITE)));
        });
    // Ready as soon as it is spawned; the probe still waits for the font to
    // arrive and the words to be laid out before it counts the screen usable.
    ready.0 = true;
}

fn press(buttons: Query<&Interaction, Changed<Interaction>>, mut text: Query<(&mut Text, &mut Count)>) {
    for interaction in &buttons {
        if *interaction == Interaction::Pressed {
            for (mut text, mut count) in &mut text {
                count.0 += 1;
                text.0 = format!("Pressed {} times", count.0);
            }
        }
    }
}
