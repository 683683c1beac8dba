//! Handing in: the report file to download, a summary to print, and the
//! way there from the season, the ending or the debrief (the knowledge
//! check first, if it is still due).

use bevy::prelude::*;

use super::parts::notice_card;
use crate::core::action::{Act, ClassAction, UiAction};
use crate::core::flow::Screen;
use crate::core::sets::AppSystems;
use crate::core::text::Strings;
use crate::game::lesson::{CheckDraft, CheckStage, Download, Outbox, Questions, Student, current_report};
use crate::game::notices::LessonNotice;
use crate::game::session::Commune;
use crate::ui::print;
use crate::ui::{self, ButtonLook, button, button_with, page, palette};

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::HandIn), spawn_hand_in)
        .add_systems(
            Update,
            spawn_hand_in
                .in_set(AppSystems::View)
                .run_if(in_state(Screen::HandIn).and_then(resource_changed::<LessonNotice>)),
        )
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::HandIn)))
        .add_systems(
            Update,
            hand_in_from_the_game
                .in_set(AppSystems::HandleActs)
                .run_if(in_state(Screen::Season).or_else(in_state(Screen::Ending)).or_else(in_state(Screen::Debrief))),
        );
}

/// The screen's root, drawn again when its notice changes.
#[derive(Component)]
struct Root;

fn spawn_hand_in(
    mut commands: Commands,
    roots: Query<Entity, With<Root>>,
    strings: Res<Strings>,
    commune: Option<Res<Commune>>,
    student: Res<Student>,
    notice: Res<LessonNotice>,
) {
    for e in &roots {
        commands.entity(e).despawn();
    }
    let s = &*strings;
    let report = commune.as_ref().and_then(|c| current_report(c, &student));
    let root = page(&mut commands, Screen::HandIn, |p| {
        p.spawn(ui::text(s.get("handin.heading"), ui::SIZE_TITLE - 8.0, palette::ACCENT));
        let Some(report) = report else {
            p.spawn(ui::body(s.get("handin.nothing")));
            p.spawn(button(s.get("button.title"), UiAction::ToTitle));
            return;
        };
        let o = &report.outcome;
        p.spawn(ui::card()).with_children(|c| {
            c.spawn(ui::body(s.fill("handin.code", &[("code", report.code.clone())])));
            if let Some(name) = &report.nickname {
                c.spawn(ui::body(s.fill("handin.nickname", &[("name", name.clone())])));
            }
            if o.finished {
                let ending = o.ending.as_deref().map(classroom::verify::ending_id).unwrap_or_default();
                let title = commune.as_ref().and_then(|c| c.data.ending(ending)).map(|e| s.data(&e.title));
                c.spawn(ui::body(s.fill("handin.finished", &[("ending", title.unwrap_or_default())])));
            } else {
                c.spawn(ui::body(s.fill(
                    "handin.unfinished",
                    &[("played", o.seasons_played.to_string()), ("total", o.seasons_total.to_string())],
                )));
            }
            c.spawn(ui::small(s.fill("handin.file", &[("file", report.file_name())])));
        });
        p.spawn(ui::body(s.get("handin.how")));
        notice_card(p, &notice.0);
        p.spawn(Node { column_gap: px(10), row_gap: px(8), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(
            |r| {
                r.spawn(button_with(
                    s.get("handin.download"),
                    UiAction::Class(ClassAction::DownloadReport),
                    ButtonLook::Primary,
                    true,
                ));
                r.spawn(button(s.get("handin.print"), UiAction::Class(ClassAction::PrintSummary)));
                if o.finished {
                    r.spawn(button(s.get("button.debrief"), UiAction::ShowDebrief));
                } else {
                    r.spawn(button(s.get("handin.back"), UiAction::Class(ClassAction::BackToGame)));
                }
            },
        );
    });
    commands.entity(root).insert(Root);
}

/// Where "Hand in" leads: the knowledge check first if it is still due.
fn hand_in(student: &Student, stage: &mut CheckStage, draft: &mut CheckDraft) -> Screen {
    if student.check_after_due() {
        *stage = CheckStage::After;
        draft.0.clear();
        Screen::Knowledge
    } else {
        Screen::HandIn
    }
}

fn hand_in_from_the_game(
    mut acts: MessageReader<Act>,
    student: Res<Student>,
    mut stage: ResMut<CheckStage>,
    mut draft: ResMut<CheckDraft>,
    mut notice: ResMut<LessonNotice>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for Act(action) in acts.read() {
        if *action == UiAction::Class(ClassAction::HandIn) && student.assignment.is_some() {
            notice.0 = None;
            screen.set(hand_in(&student, &mut stage, &mut draft));
        }
    }
}

fn handle_acts(
    mut acts: MessageReader<Act>,
    student: Res<Student>,
    mut notice: ResMut<LessonNotice>,
    mut outbox: ResMut<Outbox>,
    questions: Res<Questions>,
    commune: Option<Res<Commune>>,
    strings: Res<Strings>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::ToTitle => {
                notice.0 = None;
                screen.set(Screen::Title);
            }
            UiAction::ShowDebrief => screen.set(Screen::Debrief),
            UiAction::Class(ClassAction::DownloadReport) => {
                if let Some(report) = commune.as_ref().and_then(|c| current_report(c, &student)) {
                    let name = report.file_name();
                    outbox.downloads.push(Download {
                        name: name.clone(),
                        mime: "application/json",
                        text: report.to_json(),
                    });
                    notice.0 = Some(strings.fill("handin.downloaded", &[("file", name)]));
                }
            }
            UiAction::Class(ClassAction::PrintSummary) => {
                if let Some(c) = commune.as_ref()
                    && let Some(report) = current_report(c, &student)
                {
                    outbox.prints.push(print::student_summary(&report, c, &questions.0, &strings));
                }
            }
            UiAction::Class(ClassAction::BackToGame) => screen.set(Screen::Season),
            _ => {}
        }
    }
}
