//! The codex of events met so far, and the entries of the glossary and the
//! sources list, each with its source.

use bevy::prelude::*;

use crate::core::text::Strings;
use crate::game::session::Commune;
use crate::ui::{self, palette};

pub fn citation(data: &sim::Data, key: &str) -> String {
    data.source(key).map(|s| s.citation.clone()).unwrap_or_default()
}

pub fn entry(list: &mut ChildSpawnerCommands, title: String, body: String, source: String, s: &Strings) {
    list.spawn(ui::card()).with_children(|c| {
        c.spawn(ui::text(title, ui::SIZE_BODY, palette::INK));
        if !body.is_empty() {
            c.spawn(ui::body(body));
        }
        if !source.is_empty() {
            c.spawn(ui::small(s.fill("source.line", &[("source", source)])));
        }
    });
}

/// Events met so far, with what was really happening and the source.
pub fn codex(list: &mut ChildSpawnerCommands, data: &sim::Data, commune: Option<&Commune>, s: &Strings) {
    let Some(commune) = commune else {
        list.spawn(ui::body(s.get("codex.empty")));
        return;
    };
    let mut any = false;
    for e in commune.met.iter().filter_map(|id| data.events.iter().find(|e| &e.id == id)) {
        any = true;
        let mut body = s.data(&e.body);
        if !e.history.is_empty() {
            body = format!("{body}\n{}", s.fill("codex.history", &[("text", s.data(&e.history))]));
        }
        entry(list, format!("{} — {}", s.data(&e.date), s.data(&e.title)), body, citation(data, &e.source), s);
    }
    if !any {
        list.spawn(ui::body(s.get("codex.empty")));
    }
}
