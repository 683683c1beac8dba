//! The knowledge check, before play and after it, then the answers with
//! their sources.

use bevy::prelude::*;

use crate::core::action::{Act, ClassAction, UiAction};
use crate::core::flow::Screen;
use crate::core::sets::AppSystems;
use crate::core::text::Strings;
use crate::game::lesson::{CheckDraft, CheckStage, Questions, Student};
use crate::game::session::GameData;
use crate::ui::{self, ButtonEnabled, ButtonLook, button_with, page, palette};

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Knowledge), |mut stage: ResMut<CheckStage>| stage.set_changed())
        .add_systems(
            Update,
            (spawn_check.run_if(resource_changed::<CheckStage>), mark_answers)
                .chain()
                .in_set(AppSystems::View)
                .run_if(in_state(Screen::Knowledge)),
        )
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::Knowledge)));
}

/// The screen's root, drawn again when the stage changes.
#[derive(Component)]
struct Root;

fn spawn_check(
    mut commands: Commands,
    roots: Query<Entity, With<Root>>,
    strings: Res<Strings>,
    stage: Res<CheckStage>,
    draft: Res<CheckDraft>,
    questions: Res<Questions>,
    data: Res<GameData>,
) {
    for e in &roots {
        commands.entity(e).despawn();
    }
    let s = &*strings;
    let check = &questions.0;
    let root = page(&mut commands, Screen::Knowledge, |p| {
        let (heading, intro) = match *stage {
            CheckStage::Before => ("check.before", "check.before_intro"),
            CheckStage::After => ("check.after", "check.after_intro"),
            CheckStage::Results => ("check.results", "check.results_intro"),
        };
        p.spawn(ui::text(s.get(heading), ui::SIZE_TITLE - 8.0, palette::ACCENT));
        p.spawn(ui::body(s.get(intro)));
        if *stage == CheckStage::Results {
            p.spawn(ui::heading(s.fill(
                "check.score",
                &[("right", check.score(&draft.0).to_string()), ("of", check.len().to_string())],
            )));
        }
        for (i, q) in check.questions.iter().enumerate() {
            p.spawn(ui::card()).with_children(|c| {
                c.spawn(ui::body(format!("{}. {}", i + 1, s.data(&q.question))));
                if *stage == CheckStage::Results {
                    let chosen = draft.0.get(&q.id).copied();
                    let right = chosen == Some(q.answer);
                    let answer = s.data(&q.options[usize::from(q.answer)]);
                    c.spawn(ui::text(
                        if right {
                            s.fill("check.right", &[("answer", answer)])
                        } else {
                            s.fill("check.wrong", &[("answer", answer)])
                        },
                        ui::SIZE_BODY,
                        if right { palette::REAL } else { palette::ACCENT },
                    ));
                    c.spawn(ui::body(s.data(&q.explanation)));
                    let cite = data.0.source(&q.source).map(|x| x.citation.clone()).unwrap_or_default();
                    c.spawn(ui::small(s.fill("source.line", &[("source", cite)])));
                } else {
                    c.spawn(Node { flex_direction: FlexDirection::Column, row_gap: px(6), ..default() }).with_children(
                        |o| {
                            for (k, option) in q.options.iter().enumerate() {
                                o.spawn(button_with(
                                    s.data(option),
                                    UiAction::Class(ClassAction::Answer(i, k as u8)),
                                    ButtonLook::Normal,
                                    true,
                                ));
                            }
                        },
                    );
                }
            });
        }
        let label = if *stage == CheckStage::Results { "check.continue" } else { "check.done" };
        p.spawn(ui::row(10)).with_children(|r| {
            r.spawn((
                button_with(s.get(label), UiAction::Class(ClassAction::FinishCheck), ButtonLook::Primary, true),
                DoneButton,
            ));
        });
    });
    commands.entity(root).insert(Root);
}

#[derive(Component)]
struct DoneButton;

/// The chosen option of each question is marked, and Done waits for every answer.
fn mark_answers(
    draft: Res<CheckDraft>,
    stage: Res<CheckStage>,
    questions: Res<Questions>,
    mut buttons: Query<(&UiAction, &mut ButtonLook)>,
    mut done: Query<&mut ButtonEnabled, With<DoneButton>>,
    added: Query<(), Added<DoneButton>>,
) {
    if !draft.is_changed() && added.is_empty() {
        return;
    }
    let check = &questions.0;
    for (action, mut look) in &mut buttons {
        if let UiAction::Class(ClassAction::Answer(q, o)) = action {
            let chosen = check.questions.get(*q).and_then(|q| draft.0.get(&q.id)) == Some(o);
            let want = if chosen { ButtonLook::Selected } else { ButtonLook::Normal };
            if *look != want {
                *look = want;
            }
        }
    }
    let complete = *stage == CheckStage::Results || draft.complete(check);
    for mut enabled in &mut done {
        enabled.0 = complete;
    }
}

fn handle_acts(
    mut acts: MessageReader<Act>,
    mut student: ResMut<Student>,
    mut stage: ResMut<CheckStage>,
    mut draft: ResMut<CheckDraft>,
    questions: Res<Questions>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::Class(ClassAction::Answer(q, o)) => {
                if let Some(q) = questions.0.questions.get(*q) {
                    draft.0.insert(q.id.clone(), *o);
                }
            }
            // Done is greyed out until every question has an answer.
            UiAction::Class(ClassAction::FinishCheck)
                if *stage != CheckStage::Results && !draft.complete(&questions.0) => {}
            UiAction::Class(ClassAction::FinishCheck) => match *stage {
                CheckStage::Before => {
                    student.knowledge.before = Some(draft.0.clone());
                    screen.set(Screen::Briefing);
                }
                CheckStage::After => {
                    student.knowledge.after = Some(draft.0.clone());
                    *stage = CheckStage::Results;
                }
                CheckStage::Results => screen.set(Screen::HandIn),
            },
            _ => {}
        }
    }
}
