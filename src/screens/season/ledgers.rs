//! The two ledgers, always on screen: what was reported, and what is real;
//! and the people.

use bevy::prelude::*;

use crate::core::text::{Strings, kg, thousands};
use crate::game::session::Commune;
use crate::ui::{self, palette};

/// A ledger figure, or "not yet" before there is one (spring, before the
/// first harvest and the first quota of the year).
fn kg_or_none(v: i64, s: &Strings) -> String {
    if v == 0 { s.get("ledger.not_yet") } else { kg(v) }
}

fn ledger_line(card: &mut ChildSpawnerCommands, label: String, value: String) {
    card.spawn(Node { justify_content: JustifyContent::SpaceBetween, column_gap: px(12), ..default() }).with_children(
        |l| {
            l.spawn(ui::small(label));
            l.spawn(ui::body(value));
        },
    );
}

/// The two ledgers, always visible: what was reported, and what is real.
pub fn ledgers(root: &mut ChildSpawnerCommands, commune: &Commune, s: &Strings) {
    let st = &commune.state;
    // The year in progress, or the last year if the game is over.
    let year = if st.is_over() { st.start.plus(st.step - 1).year } else { st.now().year };
    let l = st.ledger_of(year).cloned().unwrap_or_default();
    let year_s = year.to_string();
    root.spawn(Node {
        flex_direction: FlexDirection::Row,
        flex_wrap: FlexWrap::Wrap,
        column_gap: px(12),
        row_gap: px(8),
        padding: UiRect::new(px(12), px(12), px(10), px(0)),
        ..default()
    })
    .with_children(|row| {
        row.spawn(ui::card_with(
            Node { flex_grow: 1.0, flex_basis: px(260), row_gap: px(4), ..ui::card_node() },
            palette::PANEL,
            palette::REPORTED,
        ))
        .with_children(|c| {
            c.spawn(ui::text(s.fill("ledger.reported", &[("year", year_s.clone())]), ui::SIZE_BODY, palette::REPORTED));
            ledger_line(c, s.get("ledger.reported_harvest"), kg_or_none(l.reported_kg, s));
            ledger_line(c, s.get("ledger.state_estimate"), kg_or_none(st.quota.estimate_kg, s));
            ledger_line(c, s.get("ledger.annual_quota"), kg_or_none(st.quota.annual_kg, s));
        });
        row.spawn(ui::card_with(
            Node { flex_grow: 1.0, flex_basis: px(260), row_gap: px(4), ..ui::card_node() },
            palette::PANEL,
            palette::REAL,
        ))
        .with_children(|c| {
            c.spawn(ui::text(s.fill("ledger.real", &[("year", year_s.clone())]), ui::SIZE_BODY, palette::REAL));
            ledger_line(c, s.get("ledger.real_harvest"), kg_or_none(l.harvest_kg, s));
            ledger_line(c, s.get("ledger.taken"), kg(l.procured_kg + l.seized_kg));
            ledger_line(c, s.get("ledger.granaries"), kg(st.granary_kg()));
            if st.hidden_kg() > 0 {
                ledger_line(c, s.get("ledger.hidden"), kg(st.hidden_kg()));
            }
        });
        row.spawn(ui::card_with(
            Node { flex_grow: 1.0, flex_basis: px(220), row_gap: px(4), ..ui::card_node() },
            palette::PANEL,
            palette::RULE,
        ))
        .with_children(|c| {
            c.spawn(ui::text(s.get("ledger.people"), ui::SIZE_BODY, palette::INK));
            ledger_line(c, s.get("ledger.population"), thousands(st.people()));
            ledger_line(c, s.fill("ledger.deaths_year", &[("year", year_s.clone())]), thousands(l.deaths));
            ledger_line(c, s.get("ledger.standing"), format!("{} / 1000", st.standing));
            let sanction = match st.sanction {
                sim::state::Sanction::None => None,
                sim::state::Sanction::Warned => Some("sanction.warned"),
                sim::state::Sanction::Criticised => Some("sanction.criticised"),
                sim::state::Sanction::Demoted => Some("sanction.demoted"),
            };
            if let Some(key) = sanction {
                ledger_line(c, s.get("ledger.sanction"), s.get(key));
            }
            c.spawn((
                Node { height: px(8), width: percent(100), ..default() },
                BackgroundColor(palette::RULE),
                children![(
                    Node { height: percent(100), width: percent(st.standing as f32 / 10.0), ..default() },
                    BackgroundColor(if st.standing < commune.data.params.politics.removal_below {
                        palette::ACCENT
                    } else {
                        palette::INK
                    }),
                )],
            ));
        });
    });
}
