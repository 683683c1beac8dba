//! The student's side of an assignment: typing a class code, the assignment's
//! settings before play, the knowledge check before and after, and handing
//! in the report.

use bevy::prelude::*;
use bevy::text::EditableText;
use classroom::{Answers, Assignment, Intensity, KnowledgeCheck, Report, Seeds};

use super::Screen;
use super::debrief::page;
use crate::actions::{Act, ClassAction, UiAction};
use crate::lesson::{Download, Launch, Outbox, Student, print};
use crate::rules::{Commune, GameData};
use crate::save::SaveStatus;
use crate::text::Strings;
use crate::theme::{self, ButtonEnabled, ButtonLook, Field, button, button_with, palette};

pub fn plugin(app: &mut App) {
    app.init_resource::<CheckDraft>()
        .init_resource::<LessonNotice>()
        .insert_resource(Questions(KnowledgeCheck::builtin().clone()))
        .add_systems(OnEnter(Screen::ClassCode), spawn_code)
        .add_systems(OnEnter(Screen::Assignment), spawn_assignment)
        .add_systems(OnEnter(Screen::HandIn), spawn_hand_in)
        .add_systems(
            Update,
            (
                spawn_check.run_if(in_state(Screen::Knowledge).and_then(resource_changed::<CheckStage>)),
                mark_answers.run_if(in_state(Screen::Knowledge)),
                spawn_code.run_if(in_state(Screen::ClassCode).and_then(resource_changed::<LessonNotice>)),
                spawn_assignment.run_if(in_state(Screen::Assignment).and_then(resource_changed::<LessonNotice>)),
                spawn_hand_in.run_if(in_state(Screen::HandIn).and_then(resource_changed::<LessonNotice>)),
            ),
        )
        .add_systems(OnEnter(Screen::Knowledge), |mut stage: ResMut<CheckStage>| stage.set_changed())
        .add_systems(
            Update,
            hand_in_from_the_game
                .run_if(in_state(Screen::Season).or_else(in_state(Screen::Ending)).or_else(in_state(Screen::Debrief))),
        )
        .init_resource::<CheckStage>()
        .add_systems(
            Update,
            handle_acts.run_if(
                in_state(Screen::ClassCode)
                    .or_else(in_state(Screen::Assignment))
                    .or_else(in_state(Screen::Knowledge))
                    .or_else(in_state(Screen::HandIn)),
            ),
        );
}

/// The knowledge check's questions.
#[derive(Resource, Clone)]
pub struct Questions(pub KnowledgeCheck);

/// Which check is being asked, and whether its answers are being shown.
#[derive(Resource, Default, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckStage {
    #[default]
    Before,
    After,
    /// The answers after play, with the right ones and their sources.
    Results,
}

/// The answers being given.
#[derive(Resource, Default, Clone, Debug)]
pub struct CheckDraft(pub Answers);

/// A message on the current lesson screen (a bad code, a missing nickname, a download).
#[derive(Resource, Default, Clone, Debug)]
pub struct LessonNotice(pub Option<String>);

#[derive(Component)]
struct LessonRoot;

fn clear_roots(commands: &mut Commands, roots: &Query<Entity, With<LessonRoot>>) {
    for e in roots {
        commands.entity(e).despawn();
    }
}

fn notice_card(p: &mut ChildSpawnerCommands, notice: &LessonNotice) {
    if let Some(text) = &notice.0 {
        p.spawn(theme::warning_card()).with_children(|w| {
            w.spawn(theme::body(text.clone()));
        });
    }
}

/// The assignment's settings in words, as the student sees them before play.
pub fn settings_lines(a: &Assignment, data: &sim::Data, s: &Strings) -> Vec<String> {
    let scenario = data.scenario(&a.scenario).map(|sc| s.data(&sc.title)).unwrap_or_else(|_| a.scenario.clone());
    vec![
        s.fill("assignment.scenario", &[("scenario", scenario)]),
        s.get(match a.seeds {
            Seeds::Class => "assignment.seeds_class",
            Seeds::Student => "assignment.seeds_student",
        }),
        s.get(if a.nickname { "assignment.nickname_yes" } else { "assignment.nickname_no" }),
        s.get(match a.intensity {
            Intensity::Standard => "assignment.intensity_standard",
            Intensity::Reduced => "assignment.intensity_reduced",
        }),
        s.get(if a.check { "assignment.check_yes" } else { "assignment.check_no" }),
    ]
}

fn spawn_code(
    mut commands: Commands,
    roots: Query<Entity, With<LessonRoot>>,
    fields: Query<(&EditableText, &Field)>,
    strings: Res<Strings>,
    notice: Res<LessonNotice>,
) {
    // A code that was refused stays in the field, to be corrected rather than retyped.
    let typed = theme::field_text(&fields, Field::StudentCode);
    clear_roots(&mut commands, &roots);
    let s = &*strings;
    let root = page(&mut commands, Screen::ClassCode, |p| {
        p.spawn(theme::text(s.get("code.heading"), theme::SIZE_TITLE - 8.0, palette::ACCENT));
        p.spawn(theme::body(s.get("code.intro")));
        p.spawn(theme::text_field(Field::StudentCode, &typed, 12, UiAction::Class(ClassAction::OpenCode)));
        notice_card(p, &notice);
        p.spawn(theme::row(10)).with_children(|r| {
            r.spawn(button(s.get("button.back"), UiAction::ToTitle));
            r.spawn(button_with(s.get("code.open"), UiAction::Class(ClassAction::OpenCode), ButtonLook::Primary, true));
        });
    });
    commands.entity(root).insert(LessonRoot);
}

fn spawn_assignment(
    mut commands: Commands,
    roots: Query<Entity, With<LessonRoot>>,
    fields: Query<(&EditableText, &Field)>,
    strings: Res<Strings>,
    launch: Res<Launch>,
    data: Res<GameData>,
    status: Res<SaveStatus>,
    notice: Res<LessonNotice>,
) {
    let typed = theme::field_text(&fields, Field::Nickname);
    clear_roots(&mut commands, &roots);
    let s = &*strings;
    let Some(a) = launch.assignment.clone() else { return };
    let root = page(&mut commands, Screen::Assignment, |p| {
        p.spawn(theme::text(s.get("assignment.heading"), theme::SIZE_TITLE - 8.0, palette::ACCENT));
        p.spawn(theme::text(s.fill("assignment.code", &[("code", a.code())]), theme::SIZE_HEADING, palette::INK));
        p.spawn(theme::card()).with_children(|c| {
            c.spawn(theme::small(s.get("assignment.settings")));
            for line in settings_lines(&a, &data.0, s) {
                c.spawn(theme::body(format!("• {line}")));
            }
        });
        p.spawn(theme::body(s.get("assignment.privacy")));
        if a.nickname {
            p.spawn(theme::body(s.get("assignment.nickname_prompt")));
            p.spawn(theme::text_field(
                Field::Nickname,
                &typed,
                classroom::report::MAX_NICKNAME_CHARS,
                UiAction::Class(ClassAction::Start),
            ));
        }
        if let SaveStatus::Ready(saved) = &*status
            && !saved.over
        {
            p.spawn(theme::small(s.get("assignment.replaces")));
        }
        notice_card(p, &notice);
        p.spawn(theme::row(10)).with_children(|r| {
            r.spawn(button(s.get("button.back"), UiAction::ToTitle));
            r.spawn(button_with(
                s.get("assignment.start"),
                UiAction::Class(ClassAction::Start),
                ButtonLook::Primary,
                true,
            ));
        });
    });
    commands.entity(root).insert(LessonRoot);
}

fn spawn_check(
    mut commands: Commands,
    roots: Query<Entity, With<LessonRoot>>,
    strings: Res<Strings>,
    stage: Res<CheckStage>,
    draft: Res<CheckDraft>,
    questions: Res<Questions>,
    data: Res<GameData>,
) {
    clear_roots(&mut commands, &roots);
    let s = &*strings;
    let check = &questions.0;
    let root = page(&mut commands, Screen::Knowledge, |p| {
        let (heading, intro) = match *stage {
            CheckStage::Before => ("check.before", "check.before_intro"),
            CheckStage::After => ("check.after", "check.after_intro"),
            CheckStage::Results => ("check.results", "check.results_intro"),
        };
        p.spawn(theme::text(s.get(heading), theme::SIZE_TITLE - 8.0, palette::ACCENT));
        p.spawn(theme::body(s.get(intro)));
        if *stage == CheckStage::Results {
            p.spawn(theme::heading(s.fill(
                "check.score",
                &[("right", check.score(&draft.0).to_string()), ("of", check.len().to_string())],
            )));
        }
        for (i, q) in check.questions.iter().enumerate() {
            p.spawn(theme::card()).with_children(|c| {
                c.spawn(theme::body(format!("{}. {}", i + 1, s.data(&q.question))));
                if *stage == CheckStage::Results {
                    let chosen = draft.0.get(&q.id).copied();
                    let right = chosen == Some(q.answer);
                    let answer = s.data(&q.options[usize::from(q.answer)]);
                    c.spawn(theme::text(
                        if right {
                            s.fill("check.right", &[("answer", answer)])
                        } else {
                            s.fill("check.wrong", &[("answer", answer)])
                        },
                        theme::SIZE_BODY,
                        if right { palette::REAL } else { palette::ACCENT },
                    ));
                    c.spawn(theme::body(s.data(&q.explanation)));
                    let cite = data.0.source(&q.source).map(|x| x.citation.clone()).unwrap_or_default();
                    c.spawn(theme::small(s.fill("source.line", &[("source", cite)])));
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
        p.spawn(theme::row(10)).with_children(|r| {
            r.spawn((
                button_with(s.get(label), UiAction::Class(ClassAction::FinishCheck), ButtonLook::Primary, true),
                DoneButton,
            ));
        });
    });
    commands.entity(root).insert(LessonRoot);
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
    let complete = *stage == CheckStage::Results || check.questions.iter().all(|q| draft.0.contains_key(&q.id));
    for mut enabled in &mut done {
        enabled.0 = complete;
    }
}

/// The report of the game in progress, as it would be handed in now.
pub fn current_report(commune: &Commune, student: &Student) -> Option<Report> {
    let a = student.assignment.as_ref()?;
    Report::new(&commune.data, a, student.nickname.clone(), student.student, &commune.run, student.knowledge.clone())
        .ok()
}

fn spawn_hand_in(
    mut commands: Commands,
    roots: Query<Entity, With<LessonRoot>>,
    strings: Res<Strings>,
    commune: Option<Res<Commune>>,
    student: Res<Student>,
    notice: Res<LessonNotice>,
) {
    clear_roots(&mut commands, &roots);
    let s = &*strings;
    let report = commune.as_ref().and_then(|c| current_report(c, &student));
    let root = page(&mut commands, Screen::HandIn, |p| {
        p.spawn(theme::text(s.get("handin.heading"), theme::SIZE_TITLE - 8.0, palette::ACCENT));
        let Some(report) = report else {
            p.spawn(theme::body(s.get("handin.nothing")));
            p.spawn(button(s.get("button.title"), UiAction::ToTitle));
            return;
        };
        let o = &report.outcome;
        p.spawn(theme::card()).with_children(|c| {
            c.spawn(theme::body(s.fill("handin.code", &[("code", report.code.clone())])));
            if let Some(name) = &report.nickname {
                c.spawn(theme::body(s.fill("handin.nickname", &[("name", name.clone())])));
            }
            if o.finished {
                let ending = o.ending.as_deref().map(classroom::verify::ending_id).unwrap_or_default();
                let title = commune.as_ref().and_then(|c| c.data.ending(ending)).map(|e| s.data(&e.title));
                c.spawn(theme::body(s.fill("handin.finished", &[("ending", title.unwrap_or_default())])));
            } else {
                c.spawn(theme::body(s.fill(
                    "handin.unfinished",
                    &[("played", o.seasons_played.to_string()), ("total", o.seasons_total.to_string())],
                )));
            }
            c.spawn(theme::small(s.fill("handin.file", &[("file", report.file_name())])));
        });
        p.spawn(theme::body(s.get("handin.how")));
        notice_card(p, &notice);
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
    commands.entity(root).insert(LessonRoot);
}

/// Where "Hand in" leads: the knowledge check first if it is still due.
pub fn hand_in(student: &Student, stage: &mut CheckStage, draft: &mut CheckDraft) -> Screen {
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

#[allow(clippy::too_many_arguments)]
fn handle_acts(
    mut commands: Commands,
    mut acts: MessageReader<Act>,
    fields: Query<(&EditableText, &Field)>,
    mut launch: ResMut<Launch>,
    mut student: ResMut<Student>,
    mut stage: ResMut<CheckStage>,
    mut draft: ResMut<CheckDraft>,
    mut notice: ResMut<LessonNotice>,
    mut outbox: ResMut<Outbox>,
    questions: Res<Questions>,
    commune: Option<Res<Commune>>,
    data: Res<GameData>,
    strings: Res<Strings>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for Act(action) in acts.read() {
        let UiAction::Class(action) = action else {
            if *action == UiAction::ToTitle {
                notice.0 = None;
                screen.set(Screen::Title);
            } else if *action == UiAction::ShowDebrief {
                screen.set(Screen::Debrief);
            }
            continue;
        };
        match action {
            ClassAction::OpenCode => {
                let typed = theme::field_text(&fields, Field::StudentCode);
                match Assignment::from_code(&typed) {
                    Ok(a) if data.0.scenario(&a.scenario).is_ok() => {
                        launch.assignment = Some(a);
                        launch.problem = None;
                        notice.0 = None;
                        screen.set(Screen::Assignment);
                    }
                    _ => notice.0 = Some(strings.get("code.bad")),
                }
            }
            ClassAction::Start => {
                let Some(a) = launch.assignment.clone() else { continue };
                let nickname = theme::field_text(&fields, Field::Nickname);
                if a.nickname && nickname.is_empty() {
                    notice.0 = Some(strings.get("assignment.nickname_needed"));
                    continue;
                }
                notice.0 = None;
                // The assignment's game starts fresh: no earlier game may be saved under it.
                commands.remove_resource::<Commune>();
                commands.remove_resource::<crate::screens::season::Draft>();
                *student = Student {
                    student: (a.seeds == Seeds::Student)
                        .then(|| (crate::platform::fresh_seed() % u64::from(u32::MAX)) as u32),
                    nickname: a.nickname.then_some(nickname),
                    knowledge: default(),
                    assignment: Some(a.clone()),
                };
                if a.check {
                    *stage = CheckStage::Before;
                    draft.0.clear();
                    screen.set(Screen::Knowledge);
                } else {
                    screen.set(Screen::Briefing);
                }
            }
            ClassAction::Answer(q, o) => {
                if let Some(q) = questions.0.questions.get(*q) {
                    draft.0.insert(q.id.clone(), *o);
                }
            }
            ClassAction::FinishCheck
                if *stage != CheckStage::Results
                    && !questions.0.questions.iter().all(|q| draft.0.contains_key(&q.id)) =>
            {
                // Done is greyed out until every question has an answer.
            }
            ClassAction::FinishCheck => match *stage {
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
            ClassAction::DownloadReport => {
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
            ClassAction::PrintSummary => {
                if let Some(c) = commune.as_ref()
                    && let Some(report) = current_report(c, &student)
                {
                    outbox.prints.push(print::student_summary(&report, c, &questions.0, &strings));
                }
            }
            ClassAction::BackToGame => screen.set(Screen::Season),
            _ => {}
        }
    }
}
