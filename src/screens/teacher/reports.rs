//! The teacher's second tab: the students' report files, each checked by
//! replaying it, the class side by side, export and printing.

use bevy::prelude::*;
use classroom::verify::{Verdict, summarize};

use crate::core::action::{ClassAction, UiAction};
use crate::core::text::Strings;
use crate::game::desk::Desk;
use crate::screens::parts::settings_lines;
use crate::ui::{self, ButtonLook, button_with, palette, print};

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

pub fn reports_tab(
    p: &mut ChildSpawnerCommands,
    desk: &Desk,
    data: &sim::Data,
    check: &classroom::KnowledgeCheck,
    s: &Strings,
) {
    let a = &desk.assignment;
    p.spawn(ui::heading(s.fill("teacher.checking", &[("code", a.code())])));
    p.spawn(ui::small(settings_lines(a, data, s).join(" · ")));
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
    p.spawn(ui::small(s.get("teacher.drop_hint")));
    if desk.checked.is_empty() {
        p.spawn(ui::card()).with_children(|c| {
            c.spawn(ui::body(s.get("teacher.no_reports")));
        });
        return;
    }
    let summary = summarize(&desk.checked, check);
    p.spawn(ui::card()).with_children(|c| {
        c.spawn(ui::body(print::summary_line(&summary, s)));
        if !summary.endings.is_empty() {
            let endings: Vec<String> = summary
                .endings
                .iter()
                .map(|(id, n)| {
                    format!("{}: {n}", data.ending(id).map(|d| s.data(&d.title)).unwrap_or_else(|| id.clone()))
                })
                .collect();
            c.spawn(ui::body(s.fill("teacher.endings", &[("endings", endings.join(" · "))])));
        }
        if let Some((n, ms)) = desk.last_batch {
            c.spawn(ui::small(s.fill("teacher.timing", &[("files", n.to_string()), ("ms", format!("{ms:.0}"))])));
        }
    });
    let rows = print::rows(&desk.checked, data, check, s);
    p.spawn(ui::card()).with_children(|t| {
        t.spawn(Node { column_gap: px(8), border: UiRect::bottom(px(1)), padding: UiRect::bottom(px(4)), ..default() })
            .insert(ui::Ruled::bottom(palette::RULE))
            .with_children(|h| {
                for (key, w) in COLUMNS {
                    h.spawn(Node { width: percent(w), ..default() }).with_children(|cell| {
                        cell.spawn(ui::small(s.get(key)));
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
                ui::Ruled::bottom(palette::RULE),
            ))
            .with_children(|r| {
                for (i, (cell, (_, w))) in row.into_iter().zip(COLUMNS).enumerate() {
                    let colour = if i == 1 { verdict_colour(&c.verdict) } else { palette::INK };
                    r.spawn(Node { width: percent(w), ..default() }).with_children(|cellnode| {
                        cellnode.spawn(ui::text(cell, ui::SIZE_SMALL, colour));
                    });
                }
            });
        }
    });
}
