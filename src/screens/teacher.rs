//! The teacher's view: create an assignment (a link and a class code), then
//! load the students' report files, check each by replaying it with the rules
//! core, and see the class side by side; export CSV or print. Everything
//! stays in this browser: files are read here and nothing is sent anywhere.

use bevy::platform::time::Instant;
use bevy::prelude::*;
use bevy::text::EditableText;
use classroom::assignment::SCENARIOS;
use classroom::verify::{Checked, Problem, Verdict, check_report, csv, summarize};
use classroom::{Assignment, Intensity, Seeds};

use super::Screen;
use super::lesson::{Questions, settings_lines};
use crate::actions::{Act, ClassAction, TeacherTab, UiAction};
use crate::lesson::{
    Download, Inbox, IncomingFile, Outbox, PageAddress, load_teacher_assignment, print, store_teacher_assignment,
};
use crate::rules::GameData;
use crate::save::Storage;
use crate::scroll::Scrollable;
use crate::text::Strings;
use crate::theme::{self, ButtonLook, Field, button, button_with, palette};

/// A teacher may load a whole year's classes, but not without end.
pub const MAX_REPORTS: usize = 400;

pub fn plugin(app: &mut App) {
    app.init_resource::<PageAddress>()
        .add_systems(OnEnter(Screen::Teacher), open_desk)
        .add_systems(OnExit(Screen::Teacher), |mut outbox: ResMut<Outbox>| outbox.accept_drops = false)
        .add_systems(
            Update,
            (
                receive_files,
                handle_acts.run_if(in_state(Screen::Teacher)),
                spawn_desk.run_if(in_state(Screen::Teacher).and_then(resource_exists_and_changed::<Desk>)),
            )
                .chain(),
        );
}

/// The teacher's working state.
#[derive(Resource, Clone, Debug)]
pub struct Desk {
    pub assignment: Assignment,
    pub tab: TeacherTab,
    pub checked: Vec<Checked>,
    pub notice: Option<String>,
    /// How long checking the last batch of files took, and how many there were.
    pub last_batch: Option<(usize, f64)>,
}

fn open_desk(mut commands: Commands, storage: Res<Storage>, desk: Option<Res<Desk>>, mut outbox: ResMut<Outbox>) {
    outbox.accept_drops = true;
    match desk {
        Some(desk) => commands.insert_resource(Desk { notice: None, ..desk.clone() }),
        None => {
            let assignment = load_teacher_assignment(&storage).unwrap_or_else(|| {
                let a = Assignment::new(crate::platform::fresh_seed() as u32);
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

/// The full link for an assignment.
pub fn link(page: &PageAddress, a: &Assignment) -> String {
    format!("{}?{}", page.0, a.to_query())
}

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
    let typed = theme::field_text(&fields, Field::TeacherCode);
    // Keep the scroll position when the same tab is redrawn.
    let keep = if *last_tab == Some(desk.tab) { scrolled.iter().next().cloned() } else { None };
    *last_tab = Some(desk.tab);
    for e in &roots {
        commands.entity(e).despawn();
    }
    let s = &*strings;
    let a = &desk.assignment;
    commands.spawn((theme::screen_root(), DeskRoot, DespawnOnExit(Screen::Teacher))).with_children(|root| {
        root.spawn(theme::top_bar()).with_children(|bar| {
            bar.spawn(theme::text(s.get("teacher.heading"), theme::SIZE_HEADING, palette::ON_BUTTON));
            bar.spawn(theme::row(6)).with_children(|b| {
                for (tab, key) in
                    [(TeacherTab::Create, "teacher.tab_create"), (TeacherTab::Reports, "teacher.tab_reports")]
                {
                    let look = if desk.tab == tab { ButtonLook::Selected } else { ButtonLook::Normal };
                    b.spawn(button_with(s.get(key), UiAction::Class(ClassAction::TeacherTab(tab)), look, true));
                }
                b.spawn(button(s.get("button.title"), UiAction::ToTitle));
            });
        });
        root.spawn((theme::scroll_column(Node { flex_grow: 1.0, ..default() }), Scrollable, keep.unwrap_or_default()))
            .with_children(|col| {
                col.spawn(Node { max_width: px(1100), width: percent(100), ..theme::column(14) }).with_children(|p| {
                    if let Some(n) = &desk.notice {
                        p.spawn(theme::warning_card()).with_children(|w| {
                            w.spawn(theme::body(n.clone()));
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

fn choice_row(p: &mut ChildSpawnerCommands, label: String, options: Vec<(String, UiAction, bool)>) {
    p.spawn(Node { flex_direction: FlexDirection::Column, row_gap: px(4), ..default() }).with_children(|r| {
        r.spawn(theme::small(label));
        r.spawn(Node { column_gap: px(8), row_gap: px(6), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(
            |b| {
                for (text, action, selected) in options {
                    let look = if selected { ButtonLook::Selected } else { ButtonLook::Normal };
                    b.spawn(button_with(text, action, look, true));
                }
            },
        );
    });
}

fn create_tab(
    p: &mut ChildSpawnerCommands,
    a: &Assignment,
    data: &sim::Data,
    page: &PageAddress,
    s: &Strings,
    typed_code: &str,
) {
    p.spawn(theme::body(s.get("teacher.create_intro")));
    p.spawn(theme::card()).with_children(|c| {
        let scenarios = SCENARIOS
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let sc = data.scenario(id).ok()?;
                let label =
                    format!("{} ({})", s.data(&sc.title), s.fill("teacher.seasons", &[("n", sc.seasons.to_string())]));
                Some((label, UiAction::Class(ClassAction::Scenario(i)), a.scenario == *id))
            })
            .collect();
        choice_row(c, s.get("teacher.scenario"), scenarios);
        let class = ClassAction::SeedPerStudent;
        choice_row(
            c,
            s.get("teacher.seeds"),
            vec![
                (s.get("teacher.seeds_class"), UiAction::Class(class(false)), a.seeds == Seeds::Class),
                (s.get("teacher.seeds_student"), UiAction::Class(class(true)), a.seeds == Seeds::Student),
            ],
        );
        choice_row(
            c,
            s.get("teacher.nickname"),
            vec![
                (s.get("teacher.nickname_no"), UiAction::Class(ClassAction::AskNickname(false)), !a.nickname),
                (s.get("teacher.nickname_yes"), UiAction::Class(ClassAction::AskNickname(true)), a.nickname),
            ],
        );
        choice_row(
            c,
            s.get("teacher.intensity"),
            vec![
                (
                    s.get("teacher.intensity_standard"),
                    UiAction::Class(ClassAction::Reduced(false)),
                    a.intensity == Intensity::Standard,
                ),
                (
                    s.get("teacher.intensity_reduced"),
                    UiAction::Class(ClassAction::Reduced(true)),
                    a.intensity == Intensity::Reduced,
                ),
            ],
        );
        c.spawn(theme::small(s.get("teacher.intensity_note")));
        choice_row(
            c,
            s.get("teacher.check"),
            vec![
                (s.get("teacher.check_yes"), UiAction::Class(ClassAction::Check(true)), a.check),
                (s.get("teacher.check_no"), UiAction::Class(ClassAction::Check(false)), !a.check),
            ],
        );
        c.spawn(theme::row(10)).with_children(|r| {
            r.spawn(theme::body(s.fill("teacher.seed", &[("seed", a.seed.to_string())])));
            r.spawn(button(s.get("teacher.new_seed"), UiAction::Class(ClassAction::NewSeed)));
        });
    });
    p.spawn(theme::card_with(theme::card_node(), palette::PANEL, palette::ACCENT)).with_children(|c| {
        c.spawn(theme::small(s.get("teacher.code_label")));
        c.spawn(theme::text(a.code(), theme::SIZE_TITLE, palette::ACCENT));
        c.spawn(theme::small(s.get("teacher.link_label")));
        c.spawn(theme::body(link(page, a)));
        c.spawn(Node { column_gap: px(10), row_gap: px(6), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(
            |r| {
                r.spawn(button_with(
                    s.get("teacher.copy_link"),
                    UiAction::Class(ClassAction::CopyLink),
                    ButtonLook::Primary,
                    true,
                ));
                r.spawn(button(s.get("teacher.copy_code"), UiAction::Class(ClassAction::CopyCode)));
                r.spawn(button(
                    s.get("teacher.to_reports"),
                    UiAction::Class(ClassAction::TeacherTab(TeacherTab::Reports)),
                ));
            },
        );
        c.spawn(theme::small(s.get("teacher.share_hint")));
    });
    p.spawn(theme::card()).with_children(|c| {
        c.spawn(theme::body(s.get("teacher.open_code")));
        c.spawn(Node { column_gap: px(10), row_gap: px(6), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(
            |r| {
                r.spawn(theme::text_field(Field::TeacherCode, typed_code, 12, UiAction::Class(ClassAction::OpenCode)));
                r.spawn(button(s.get("code.open"), UiAction::Class(ClassAction::OpenCode)));
            },
        );
    });
}

fn verdict_colour(v: &Verdict) -> Color {
    match v {
        Verdict::Verified => palette::REAL,
        Verdict::Edited(_) => palette::ACCENT,
        Verdict::OtherAssignment(_) => palette::NATIONAL,
        Verdict::Unreadable(_) => palette::MUTED,
    }
}

const COLUMNS: [(&str, f32); 6] = [
    ("teacher.col_student", 16.0),
    ("teacher.col_check", 24.0),
    ("teacher.col_ending", 18.0),
    ("teacher.col_grain", 18.0),
    ("teacher.col_deaths", 10.0),
    ("teacher.col_knowledge", 14.0),
];

fn reports_tab(
    p: &mut ChildSpawnerCommands,
    desk: &Desk,
    data: &sim::Data,
    check: &classroom::KnowledgeCheck,
    s: &Strings,
) {
    let a = &desk.assignment;
    p.spawn(theme::heading(s.fill("teacher.checking", &[("code", a.code())])));
    p.spawn(theme::small(settings_lines(a, data, s).join(" · ")));
    p.spawn(Node { column_gap: px(10), row_gap: px(6), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(|r| {
        r.spawn(button_with(
            s.get("teacher.choose_files"),
            UiAction::Class(ClassAction::PickReports),
            ButtonLook::Primary,
            true,
        ));
        let any = !desk.checked.is_empty();
        r.spawn(button_with(
            s.get("teacher.export_csv"),
            UiAction::Class(ClassAction::ExportCsv),
            ButtonLook::Normal,
            any,
        ));
        r.spawn(button_with(s.get("teacher.print"), UiAction::Class(ClassAction::PrintClass), ButtonLook::Normal, any));
        r.spawn(button_with(
            s.get("teacher.clear"),
            UiAction::Class(ClassAction::ClearReports),
            ButtonLook::Normal,
            any,
        ));
    });
    p.spawn(theme::small(s.get("teacher.drop_hint")));
    if desk.checked.is_empty() {
        p.spawn(theme::card()).with_children(|c| {
            c.spawn(theme::body(s.get("teacher.no_reports")));
        });
        return;
    }
    let summary = summarize(&desk.checked, check);
    p.spawn(theme::card()).with_children(|c| {
        c.spawn(theme::body(print::summary_line(&summary, s)));
        if !summary.endings.is_empty() {
            let endings: Vec<String> = summary
                .endings
                .iter()
                .map(|(id, n)| {
                    format!("{}: {n}", data.ending(id).map(|d| s.data(&d.title)).unwrap_or_else(|| id.clone()))
                })
                .collect();
            c.spawn(theme::body(s.fill("teacher.endings", &[("endings", endings.join(" · "))])));
        }
        if let Some((n, ms)) = desk.last_batch {
            c.spawn(theme::small(s.fill("teacher.timing", &[("files", n.to_string()), ("ms", format!("{ms:.0}"))])));
        }
    });
    let rows = print::rows(&desk.checked, data, check, s);
    p.spawn(theme::card()).with_children(|t| {
        t.spawn(Node { column_gap: px(8), border: UiRect::bottom(px(1)), padding: UiRect::bottom(px(4)), ..default() })
            .insert(theme::Ruled::bottom(palette::RULE))
            .with_children(|h| {
                for (key, w) in COLUMNS {
                    h.spawn(Node { width: percent(w), ..default() }).with_children(|cell| {
                        cell.spawn(theme::small(s.get(key)));
                    });
                }
            });
        for (row, c) in rows.into_iter().zip(&desk.checked) {
            t.spawn((
                Node {
                    column_gap: px(8),
                    padding: UiRect::vertical(px(4)),
                    border: UiRect::bottom(px(1)),
                    ..default()
                },
                theme::Ruled::bottom(palette::RULE),
                ReportRow(c.file.clone()),
            ))
            .with_children(|r| {
                for (i, (cell, (_, w))) in row.into_iter().zip(COLUMNS).enumerate() {
                    let colour = if i == 1 { verdict_colour(&c.verdict) } else { palette::INK };
                    r.spawn(Node { width: percent(w), ..default() }).with_children(|cellnode| {
                        cellnode.spawn(theme::text(cell, theme::SIZE_SMALL, colour));
                    });
                }
            });
        }
    });
}

/// A row of the class table, named by its file (for tests and the DOM mirror).
#[derive(Component, Clone, Debug)]
pub struct ReportRow(pub String);

/// Check incoming report files and add them to the class, a file with the
/// same name replacing the earlier one.
fn receive_files(mut inbox: ResMut<Inbox>, desk: Option<ResMut<Desk>>, data: Res<GameData>, strings: Res<Strings>) {
    if inbox.files.is_empty() && inbox.notices.is_empty() {
        return;
    }
    let Some(mut desk) = desk else {
        inbox.files.clear();
        inbox.notices.clear();
        return;
    };
    for key in inbox.notices.drain(..) {
        desk.notice = Some(strings.get(&key));
    }
    if inbox.files.is_empty() {
        return;
    }
    let files: Vec<IncomingFile> = inbox.files.drain(..).collect();
    let started = Instant::now();
    let count = files.len();
    for file in files {
        let checked = match &file.text {
            Some(text) => check_report(&file.name, text, &data.0, &desk.assignment),
            None => {
                let problem = if file.size > classroom::report::MAX_BYTES {
                    Problem::TooLarge { bytes: file.size }
                } else {
                    Problem::Unread
                };
                Checked { file: file.name.clone(), verdict: Verdict::Unreadable(problem), report: None }
            }
        };
        match desk.checked.iter().position(|c| c.file == checked.file) {
            Some(i) => desk.checked[i] = checked,
            None if desk.checked.len() < MAX_REPORTS => desk.checked.push(checked),
            None => desk.notice = Some(strings.fill("teacher.too_many", &[("max", MAX_REPORTS.to_string())])),
        }
    }
    // Files arrive in the order the browser finishes reading them; the table is by name.
    desk.checked.sort_by_key(|c| c.file.to_lowercase());
    desk.last_batch = Some((count, started.elapsed().as_secs_f64() * 1000.0));
    desk.tab = TeacherTab::Reports;
}

/// Re-check every loaded report, after the assignment changed.
fn recheck(desk: &mut Desk, data: &sim::Data) {
    let a = desk.assignment.clone();
    for c in &mut desk.checked {
        if let Some(r) = &c.report {
            c.verdict = classroom::verify::verdict(r, data, &a);
        }
    }
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
            ClassAction::NewSeed => {
                a.seed = (crate::platform::fresh_seed() % u64::from(classroom::assignment::SEED_LIMIT)) as u32
            }
            ClassAction::OpenCode => match Assignment::from_code(&theme::field_text(&fields, Field::TeacherCode)) {
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
