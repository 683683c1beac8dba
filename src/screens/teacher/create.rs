//! The teacher's first tab: the assignment's settings, its class code and
//! link, and opening another class's code.

use bevy::prelude::*;
use classroom::assignment::SCENARIOS;
use classroom::{Assignment, Intensity, Seeds};

use crate::core::action::{ClassAction, TeacherTab, UiAction};
use crate::core::launch::PageAddress;
use crate::core::text::Strings;
use crate::ui::{self, ButtonLook, Field, button, button_with, palette};

/// The full link for an assignment.
pub fn link(page: &PageAddress, a: &Assignment) -> String {
    format!("{}?{}", page.0, a.to_query())
}

fn choice_row(p: &mut ChildSpawnerCommands, label: String, options: Vec<(String, UiAction, bool)>) {
    p.spawn(Node { flex_direction: FlexDirection::Column, row_gap: px(4), ..default() }).with_children(|r| {
        r.spawn(ui::small(label));
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

pub fn create_tab(
    p: &mut ChildSpawnerCommands,
    a: &Assignment,
    data: &sim::Data,
    page: &PageAddress,
    s: &Strings,
    typed_code: &str,
) {
    p.spawn(ui::body(s.get("teacher.create_intro")));
    p.spawn(ui::card()).with_children(|c| {
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
        c.spawn(ui::small(s.get("teacher.intensity_note")));
        choice_row(
            c,
            s.get("teacher.check"),
            vec![
                (s.get("teacher.check_yes"), UiAction::Class(ClassAction::Check(true)), a.check),
                (s.get("teacher.check_no"), UiAction::Class(ClassAction::Check(false)), !a.check),
            ],
        );
        c.spawn(ui::row(10)).with_children(|r| {
            r.spawn(ui::body(s.fill("teacher.seed", &[("seed", a.seed.to_string())])));
            r.spawn(button(s.get("teacher.new_seed"), UiAction::Class(ClassAction::NewSeed)));
        });
    });
    p.spawn(ui::card_with(ui::card_node(), palette::PANEL, palette::ACCENT)).with_children(|c| {
        c.spawn(ui::small(s.get("teacher.code_label")));
        c.spawn(ui::text(a.code(), ui::SIZE_TITLE, palette::ACCENT));
        c.spawn(ui::small(s.get("teacher.link_label")));
        c.spawn(ui::body(link(page, a)));
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
        c.spawn(ui::small(s.get("teacher.share_hint")));
    });
    p.spawn(ui::card()).with_children(|c| {
        c.spawn(ui::body(s.get("teacher.open_code")));
        c.spawn(Node { column_gap: px(10), row_gap: px(6), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(
            |r| {
                r.spawn(ui::text_field(Field::TeacherCode, typed_code, 12, UiAction::Class(ClassAction::OpenCode)));
                r.spawn(button(s.get("code.open"), UiAction::Class(ClassAction::OpenCode)));
            },
        );
    });
}
