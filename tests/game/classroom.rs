//! The classroom: a link, the knowledge check, handing in, the teacher's view.

use bevy::prelude::*;
use classroom::verify::Verdict;
use classroom::{Assignment, Seeds};
use great_leap::core::action::{ClassAction, TeacherTab, UiAction};
use great_leap::core::flow::Screen;
use great_leap::core::storage::MemoryStore;
use great_leap::core::text::Strings;
use great_leap::game::desk::Desk;
use great_leap::game::lesson::{CheckStage, Inbox, IncomingFile, Outbox, Questions, Student};
use great_leap::game::session::Commune;
use great_leap::probe::snapshot::SnapshotJson;
use great_leap::ui::Field;

use crate::{act, app_from_link, play_season, play_to_ending, screen, start_new_game, texts};

fn type_into(app: &mut App, field: Field, text: &str) {
    let mut q = app.world_mut().query::<(&mut bevy::text::EditableText, &Field)>();
    let mut found = false;
    for (mut t, f) in q.iter_mut(app.world_mut()) {
        if *f == field {
            t.editor_mut().set_text(text);
            found = true;
        }
    }
    assert!(found, "no {field:?} field on screen");
}

fn class(a: ClassAction) -> UiAction {
    UiAction::Class(a)
}

fn answer_all(app: &mut App, right: bool) {
    let questions = app.world().resource::<Questions>().0.clone();
    for (i, q) in questions.questions.iter().enumerate() {
        let option = if right { q.answer } else { (q.answer + 1) % q.options.len() as u8 };
        act(app, class(ClassAction::Answer(i, option)));
    }
}

#[test]
fn an_assignment_link_plays_to_a_report_the_teacher_verifies() {
    let store = MemoryStore::default();
    let a = Assignment { nickname: true, seeds: Seeds::Student, ..Assignment::new(31_415) };
    let mut app = app_from_link(store.clone(), &format!("?{}", a.to_query()));
    assert_eq!(screen(&app), Screen::Title);
    assert!(texts(&app).contains(&a.code()), "the title names the assignment");
    act(&mut app, class(ClassAction::ShowAssignment));
    assert_eq!(screen(&app), Screen::Assignment);
    // The nickname was asked for: starting without one is refused, with a reason.
    act(&mut app, class(ClassAction::Start));
    assert_eq!(screen(&app), Screen::Assignment);
    assert!(texts(&app).contains("Type a name or nickname first"));
    type_into(&mut app, Field::Nickname, "Mei");
    act(&mut app, class(ClassAction::Start));
    assert_eq!(screen(&app), Screen::Knowledge);
    // Done waits for every answer.
    act(&mut app, class(ClassAction::FinishCheck));
    assert_eq!(screen(&app), Screen::Knowledge);
    answer_all(&mut app, false);
    act(&mut app, class(ClassAction::FinishCheck));
    assert_eq!(screen(&app), Screen::Briefing);
    act(&mut app, UiAction::Begin);
    assert_eq!(screen(&app), Screen::Season);
    let student = app.world().resource::<Student>().clone();
    assert_eq!(student.nickname.as_deref(), Some("Mei"));
    let seed = app.world().resource::<Commune>().run.seed;
    assert_eq!(seed, a.game_seed(student.student), "the game runs on the assignment's seed for this student");

    // Part way through, the game and the assignment survive a reload.
    play_season(&mut app);
    drop(app);
    let mut app = app_from_link(store.clone(), &format!("?{}", a.to_query()));
    assert!(texts(&app).contains("Your game for this assignment is saved"));
    act(&mut app, UiAction::Continue);
    assert_eq!(screen(&app), Screen::Season);
    assert_eq!(*app.world().resource::<Student>(), student);

    play_to_ending(&mut app);
    act(&mut app, class(ClassAction::HandIn));
    assert_eq!(screen(&app), Screen::Knowledge);
    assert_eq!(*app.world().resource::<CheckStage>(), CheckStage::After);
    answer_all(&mut app, true);
    act(&mut app, class(ClassAction::FinishCheck));
    assert_eq!(*app.world().resource::<CheckStage>(), CheckStage::Results);
    assert!(texts(&app).contains("8 of 8 right"), "{}", texts(&app));
    act(&mut app, class(ClassAction::FinishCheck));
    assert_eq!(screen(&app), Screen::HandIn);
    act(&mut app, class(ClassAction::DownloadReport));
    act(&mut app, class(ClassAction::PrintSummary));
    let (download, print) = {
        let outbox = app.world().resource::<Outbox>();
        (outbox.downloads.last().cloned().expect("a download"), outbox.prints.last().cloned().expect("a print"))
    };
    assert!(download.name.ends_with("-mei.json"), "{}", download.name);
    assert!(print.contains("<svg") && print.contains("Mei"), "the summary has its charts and the name");
    assert!(texts(&app).contains(&download.name), "the player is told where the file went");
    // The browser says the download failed: the student sees it, on the
    // hand-in screen (it once went to the teacher's desk, unseen).
    app.world_mut().resource_mut::<Inbox>().notices.push("lesson.download_failed".into());
    app.update();
    app.update();
    let failed = Strings::english().get("lesson.download_failed");
    assert!(texts(&app).contains(&failed), "the student is told: {}", texts(&app));

    // The teacher's view, on the same machine: the report checks out.
    act(&mut app, UiAction::ToTitle);
    act(&mut app, class(ClassAction::Teacher));
    assert_eq!(screen(&app), Screen::Teacher);
    type_into(&mut app, Field::TeacherCode, &a.code().to_lowercase());
    act(&mut app, class(ClassAction::OpenCode));
    assert_eq!(app.world().resource::<Desk>().assignment, a);
    let mut edited: serde_json::Value = serde_json::from_str(&download.text).unwrap();
    edited["outcome"]["years"][1]["deaths"] = serde_json::json!(0);
    app.world_mut().resource_mut::<Inbox>().files.extend([
        IncomingFile { name: "mei.json".into(), size: download.text.len(), text: Some(download.text.clone()) },
        IncomingFile { name: "edited.json".into(), size: 10, text: Some(edited.to_string()) },
        IncomingFile { name: "huge.json".into(), size: 5 << 20, text: None },
        IncomingFile { name: "notes.txt".into(), size: 5, text: Some("notes".into()) },
    ]);
    app.update();
    app.update();
    let desk = app.world().resource::<Desk>().clone();
    assert_eq!(desk.tab, TeacherTab::Reports);
    let verdicts: Vec<&str> = desk.checked.iter().map(|c| c.verdict.key()).collect();
    // By file name: edited.json, huge.json, mei.json, notes.txt.
    assert_eq!(verdicts, ["edited", "unreadable", "verified", "unreadable"]);
    let shown = texts(&app);
    assert!(shown.contains("Mei") && shown.contains("Verified"), "{shown}");
    assert!(shown.contains("4 files: 1 verified, 1 edited, 0 from another assignment, 2 unreadable"), "{shown}");
    assert!(shown.contains("reports are under 1 MiB"), "{shown}");

    // Another class's assignment: the same report is from another assignment.
    act(&mut app, class(ClassAction::TeacherTab(TeacherTab::Create)));
    act(&mut app, class(ClassAction::NewSeed));
    let desk = app.world().resource::<Desk>().clone();
    assert!(matches!(desk.checked[2].verdict, Verdict::OtherAssignment(_)), "{:?}", desk.checked[2].verdict);

    act(&mut app, class(ClassAction::ExportCsv));
    act(&mut app, class(ClassAction::PrintClass));
    let outbox = app.world().resource::<Outbox>();
    let csv = &outbox.downloads.last().unwrap().text;
    assert_eq!(csv.lines().count(), 5);
    assert!(outbox.prints.last().unwrap().contains("<table>"));
}

#[test]
fn a_bad_link_is_explained_and_the_game_still_plays() {
    let mut app = app_from_link(MemoryStore::default(), "?seed=banana&scenario=full");
    assert_eq!(screen(&app), Screen::Title);
    let shown = texts(&app);
    assert!(shown.contains("This assignment link cannot be used"), "{shown}");
    assert!(shown.contains("'seed'"), "{shown}");
    start_new_game(&mut app);
    assert!(app.world().resource::<Student>().assignment.is_none());
    // A typed class code opens the assignment instead.
    let mut app = app_from_link(MemoryStore::default(), "");
    act(&mut app, class(ClassAction::EnterCode));
    type_into(&mut app, Field::StudentCode, "NOT-A-CODE");
    act(&mut app, class(ClassAction::OpenCode));
    assert_eq!(screen(&app), Screen::ClassCode);
    assert!(texts(&app).contains("That is not a class code"));
    // The refused code stays in the field, to be corrected.
    let snap: serde_json::Value = serde_json::from_str(&app.world().resource::<SnapshotJson>().0).unwrap();
    assert_eq!(snap["fields"][0]["label"], "NOT-A-CODE");
    let a = Assignment { check: false, ..Assignment::new(77) };
    type_into(&mut app, Field::StudentCode, &a.code());
    act(&mut app, class(ClassAction::OpenCode));
    assert_eq!(screen(&app), Screen::Assignment);
    act(&mut app, class(ClassAction::Start));
    // No knowledge check in this assignment: straight to the briefing.
    assert_eq!(screen(&app), Screen::Briefing);
}

#[test]
fn reduced_intensity_uses_the_plainer_words() {
    let a = Assignment { intensity: classroom::Intensity::Reduced, check: false, ..Assignment::new(5) };
    let mut app = app_from_link(MemoryStore::default(), &format!("?{}", a.to_query()));
    act(&mut app, class(ClassAction::ShowAssignment));
    act(&mut app, class(ClassAction::Start));
    assert_eq!(screen(&app), Screen::Briefing);
    assert!(texts(&app).contains("your teacher chose the reduced setting"), "{}", texts(&app));
    let strings = app.world().resource::<Strings>();
    let data = sim::Data::builtin();
    let famine = data.consequence("famine_edema").unwrap();
    assert!(!strings.data(&famine.text).contains("bark"));
    assert!(Strings::english().data(&famine.text).contains("bark"));
}

#[test]
fn a_lesson_link_plays_the_whole_arc_with_six_directives_to_a_verdict() {
    let a = Assignment { scenario: "lesson".into(), check: false, ..Assignment::new(2_718) };
    let mut app = app_from_link(MemoryStore::default(), &format!("?{}", a.to_query()));
    act(&mut app, class(ClassAction::ShowAssignment));
    assert!(texts(&app).contains("The lesson"), "{}", texts(&app));
    act(&mut app, class(ClassAction::Start));
    if screen(&app) == Screen::Knowledge {
        answer_all(&mut app, true);
        act(&mut app, class(ClassAction::FinishCheck));
    }
    act(&mut app, UiAction::Begin);
    assert_eq!(screen(&app), Screen::Season);
    assert_eq!(app.world().resource::<Commune>().state.scenario_id, "lesson");
    play_to_ending(&mut app);
    let commune = app.world().resource::<Commune>();
    let answered: usize = commune.run.seasons.iter().map(|d| d.choices.len()).sum();
    assert_eq!(answered, 6, "the lesson's six directives");
    assert_eq!(commune.run.seasons.len(), 16);
    assert!(!matches!(commune.state.ending, Some(sim::Ending::Interim)), "a verdict, not an interim account");
}
