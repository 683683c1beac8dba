//! The teacher's view: create an assignment (a link and a class code), then
//! load the students' report files, check each by replaying it with the rules
//! core, and see the class side by side; export CSV or print. Everything
//! stays in this browser: files are read here and nothing is sent anywhere.

mod create;
mod reports;

use bevy::prelude::*;
use bevy::text::EditableText;
use classroom::assignment::SCENARIOS;
use classroom::verify::{Verdict, csv, summarize};
use classroom::{Assignment, Intensity, Seeds};

use crate::core::action::{Act, ClassAction, TeacherTab, UiAction};
use crate::core::flow::Screen;
use crate::core::launch::PageAddress;
use crate::core::platform::fresh_seed;
use crate::core::sets::AppSystems;
use crate::core::storage::Storage;
use crate::core::text::Strings;
use crate::game::desk::{Desk, recheck};
use crate::game::lesson::{Download, Outbox, Questions, load_teacher_assignment, store_teacher_assignment};
use crate::game::session::GameData;
use crate::screens::parts::settings_lines;
use crate::ui::{self, ButtonLook, Field, Scrollable, button, button_with, palette, print};
use create::{create_tab, link};
use reports::reports_tab;

pub fn plugin(app: &mut App) {
    app.init_resource::<PageAddress>()
        .add_systems(OnEnter(Screen::Teacher), open_desk)
        .add_systems(OnExit(Screen::Teacher), |mut outbox: ResMut<Outbox>| outbox.accept_drops = false)
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::Teacher)))
        .add_systems(
            Update,
            spawn_desk
                .in_set(AppSystems::View)
                .run_if(in_state(Screen::Teacher).and_then(resource_exists_and_changed::<Desk>)),
        );
}

fn open_desk(mut commands: Commands, storage: Res<Storage>, desk: Option<Res<Desk>>, mut outbox: ResMut<Outbox>) {
    outbox.accept_drops = true;
    match desk {
        Some(desk) => commands.insert_resource(Desk { notice: None, ..desk.clone() }),
        None => {
            let assignment = load_teacher_assignment(&storage).unwrap_or_else(|| {
                let a = Assignment::new(fresh_seed() as u32);
                store_teacher_assignment(&storage, &a);
                a
            });
            commands.insert_resource(Desk {
                assignment,
                tab: TeacherTab::Create,
                checked: Vec::new(),
                notice: None,
                last_batch: None,
            });
        }
    }
}

#[derive(Component)]
struct DeskRoot;

#[allow(clippy::too_many_arguments)]
fn spawn_desk(
    mut commands: Commands,
    roots: Query<Entity, With<DeskRoot>>,
    scrolled: Query<&ScrollPosition, With<Scrollable>>,
    desk: Res<Desk>,
    strings: Res<Strings>,
    data: Res<GameData>,
    page: Res<PageAddress>,
    questions: Res<Questions>,
    fields: Query<(&EditableText, &Field)>,
    mut last_tab: Local<Option<TeacherTab>>,
) {
    let typed = ui::field_text(&fields, Field::TeacherCode);
    // Keep the scroll position when the same tab is redrawn.
    let keep = if *last_tab == Some(desk.tab) { scrolled.iter().next().cloned() } else { None };
    *last_tab = Some(desk.tab);
    for e in &roots {
        commands.entity(e).despawn();
    }
    let s = &*strings;
    let a = &desk.assignment;
    commands.spawn((ui::screen_root(), DeskRoot, DespawnOnExit(Screen::Teacher))).with_children(|root| {
        root.spawn(ui::top_bar()).with_children(|bar| {
            bar.spawn(ui::text(s.get("teacher.heading"), ui::SIZE_HEADING, palette::ON_BUTTON));
            bar.spawn(ui::row(6)).with_children(|b| {
                for (tab, key) in
                    [(TeacherTab::Create, "teacher.tab_create"), (TeacherTab::Reports, "teacher.tab_reports")]
                {
                    let look = if desk.tab == tab { ButtonLook::Selected } else { ButtonLook::Normal };
                    b.spawn(button_with(s.get(key), UiAction::Class(ClassAction::TeacherTab(tab)), look, true));
                }
                b.spawn(button(s.get("button.title"), UiAction::ToTitle));
            });
        });
        root.spawn((ui::scroll_column(Node { flex_grow: 1.0, ..default() }), Scrollable, keep.unwrap_or_default()))
            .with_children(|col| {
                col.spawn(Node { max_width: px(1100), width: percent(100), ..ui::column(14) }).with_children(|p| {
                    if let Some(n) = &desk.notice {
                        p.spawn(ui::warning_card()).with_children(|w| {
                            w.spawn(ui::body(n.clone()));
                        });
                    }
                    match desk.tab {
                        TeacherTab::Create => create_tab(p, a, &data.0, &page, s, &typed),
                        TeacherTab::Reports => reports_tab(p, &desk, &data.0, &questions.0, s),
                    }
                });
            });
    });
}

#[allow(clippy::too_many_arguments)]
fn handle_acts(
    mut acts: MessageReader<Act>,
    fields: Query<(&EditableText, &Field)>,
    desk: Option<ResMut<Desk>>,
    mut outbox: ResMut<Outbox>,
    storage: Res<Storage>,
    data: Res<GameData>,
    strings: Res<Strings>,
    page: Res<PageAddress>,
    questions: Res<Questions>,
    mut screen: ResMut<NextState<Screen>>,
) {
    let Some(mut desk) = desk else { return };
    for Act(action) in acts.read() {
        let UiAction::Class(action) = action else {
            if *action == UiAction::ToTitle {
                screen.set(Screen::Title);
            }
            continue;
        };
        let before = desk.assignment.clone();
        desk.notice = None;
        let a = &mut desk.assignment;
        match action {
            ClassAction::TeacherTab(tab) => desk.tab = *tab,
            ClassAction::Scenario(i) => {
                if let Some(id) = SCENARIOS.get(*i) {
                    a.scenario = (*id).into();
                }
            }
            ClassAction::SeedPerStudent(on) => a.seeds = if *on { Seeds::Student } else { Seeds::Class },
            ClassAction::AskNickname(on) => a.nickname = *on,
            ClassAction::Reduced(on) => a.intensity = if *on { Intensity::Reduced } else { Intensity::Standard },
            ClassAction::Check(on) => a.check = *on,
            ClassAction::NewSeed => a.seed = (fresh_seed() % u64::from(classroom::assignment::SEED_LIMIT)) as u32,
            ClassAction::OpenCode => match Assignment::from_code(&ui::field_text(&fields, Field::TeacherCode)) {
                Ok(code) if data.0.scenario(&code.scenario).is_ok() => *a = code,
                _ => desk.notice = Some(strings.get("code.bad")),
            },
            ClassAction::CopyLink => outbox.copies.push(link(&page, a)),
            ClassAction::CopyCode => outbox.copies.push(a.code()),
            ClassAction::PickReports => outbox.pick_files = true,
            ClassAction::ClearReports => {
                desk.checked.clear();
                desk.last_batch = None;
            }
            ClassAction::ExportCsv => {
                let words = |v: &Verdict| print::verdict_words(v, &strings);
                let text = csv(&desk.checked, &questions.0, &words);
                let name = format!("great-leap-class-{}.csv", desk.assignment.code().to_ascii_lowercase());
                outbox.downloads.push(Download { name, mime: "text/csv", text });
            }
            ClassAction::PrintClass => {
                let summary = summarize(&desk.checked, &questions.0);
                let settings = settings_lines(&desk.assignment, &data.0, &strings);
                outbox.prints.push(print::class_sheet(
                    &desk.checked,
                    &summary,
                    &desk.assignment.code(),
                    &settings,
                    &data.0,
                    &questions.0,
                    &strings,
                ));
            }
            _ => {}
        }
        if desk.assignment != before {
            store_teacher_assignment(&storage, &desk.assignment);
            recheck(&mut desk, &data.0);
        }
    }
}
