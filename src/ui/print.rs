//! Printable pages: a student's one-page summary and the teacher's class
//! sheet, as HTML with SVG charts for the browser's print dialog. The page's
//! style sheet lays them out (the CSP allows no inline styles); every text is
//! escaped.

use classroom::verify::{Checked, ClassSummary, Verdict, ending_id};
use classroom::{KnowledgeCheck, Report};

use crate::core::text::{Strings, thousands};
use crate::game::lesson::words;
use crate::game::session::Commune;

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn tonnes(kg: i64) -> String {
    thousands((kg + 500) / 1000)
}

/// The top of a four-step axis that holds `max`, in round steps (1, 2, 2.5 or 5 times a power of ten).
fn nice_top(max: f64) -> f64 {
    let raw = max / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(raw);
    step * 4.0
}

/// Grouped bars, one group per label; values in one unit. Colours are named
/// by CSS class so print and screen agree.
fn bar_chart(title: &str, labels: &[String], series: &[(&str, &str, Vec<i64>)], unit: &str) -> String {
    let (w, h, left, bottom, top) = (640.0, 220.0, 64.0, 28.0, 12.0);
    let max = nice_top(series.iter().flat_map(|(_, _, v)| v.iter().copied()).max().unwrap_or(0).max(1) as f64);
    let plot_h = h - bottom - top;
    let group_w = (w - left - 8.0) / labels.len().max(1) as f64;
    let bar_w = (group_w * 0.8) / series.len().max(1) as f64;
    let mut svg = format!(
        "<figure><figcaption>{}</figcaption><svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        escape(title),
        escape(title)
    );
    for tick in 0..=4 {
        let v = max * f64::from(tick) / 4.0;
        let y = top + plot_h - plot_h * f64::from(tick) / 4.0;
        svg.push_str(&format!(
            "<line class=\"grid\" x1=\"{left}\" x2=\"{w}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left - 6.0,
            y + 4.0,
            thousands(v.round() as i64)
        ));
    }
    for (g, label) in labels.iter().enumerate() {
        let x0 = left + group_w * g as f64 + group_w * 0.1;
        for (k, (_, class, values)) in series.iter().enumerate() {
            let v = values.get(g).copied().unwrap_or(0).max(0) as f64;
            let bh = plot_h * v / max;
            svg.push_str(&format!(
                "<rect class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\"/>",
                x0 + bar_w * k as f64,
                top + plot_h - bh,
                (bar_w - 2.0).max(1.0)
            ));
        }
        svg.push_str(&format!(
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x0 + group_w * 0.4,
            h - 8.0,
            escape(label)
        ));
    }
    svg.push_str("</svg><p class=\"legend\">");
    for (name, class, _) in series {
        svg.push_str(&format!("<span class=\"key {class}\"></span>{} ", escape(name)));
    }
    svg.push_str(&format!("({})</p></figure>", escape(unit)));
    svg
}

/// The student's one-page summary of a report.
pub fn student_summary(report: &Report, commune: &Commune, check: &KnowledgeCheck, s: &Strings) -> String {
    let o = &report.outcome;
    let mut html = String::from("<article class=\"sheet\">");
    html.push_str(&format!("<h1>{}</h1>", escape(&s.get("print.summary_heading"))));
    let mut facts = vec![s.fill("handin.code", &[("code", report.code.clone())])];
    if let Some(name) = &report.nickname {
        facts.push(s.fill("handin.nickname", &[("name", name.clone())]));
    }
    if o.finished {
        let title = o.ending.as_deref().and_then(|e| commune.data.ending(ending_id(e))).map(|e| s.data(&e.title));
        facts.push(s.fill("handin.finished", &[("ending", title.unwrap_or_default())]));
    } else {
        facts.push(s.fill(
            "handin.unfinished",
            &[("played", o.seasons_played.to_string()), ("total", o.seasons_total.to_string())],
        ));
    }
    html.push_str("<ul class=\"facts\">");
    for f in facts {
        html.push_str(&format!("<li>{}</li>", escape(&f)));
    }
    html.push_str("</ul>");
    let labels: Vec<String> = o.years.iter().map(|y| y.year.to_string()).collect();
    html.push_str(&bar_chart(
        &s.get("chart.grain"),
        &labels,
        &[
            (&s.get("chart.reported"), "reported", o.years.iter().map(|y| y.reported_kg / 1000).collect()),
            (&s.get("chart.real"), "real", o.years.iter().map(|y| y.harvest_kg / 1000).collect()),
            (&s.get("chart.taken"), "taken", o.years.iter().map(|y| y.taken_kg / 1000).collect()),
        ],
        &s.get("print.tonnes"),
    ));
    html.push_str(&bar_chart(
        &s.get("print.deaths_chart"),
        &labels,
        &[(&s.get("print.deaths"), "deaths", o.years.iter().map(|y| y.deaths).collect())],
        &s.get("print.people"),
    ));
    html.push_str("<table><thead><tr>");
    for key in ["print.year", "chart.reported", "chart.real", "chart.taken", "print.deaths", "print.people_end"] {
        html.push_str(&format!("<th>{}</th>", escape(&s.get(key))));
    }
    html.push_str("</tr></thead><tbody>");
    for y in &o.years {
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            y.year,
            tonnes(y.reported_kg),
            tonnes(y.harvest_kg),
            tonnes(y.taken_kg),
            thousands(y.deaths),
            thousands(y.people_end)
        ));
    }
    html.push_str("</tbody></table>");
    html.push_str(&format!("<p class=\"note\">{}</p>", escape(&s.get("print.tonnes_note"))));
    let score = |a: &Option<classroom::Answers>| a.as_ref().map(|a| check.score(a).to_string()).unwrap_or("–".into());
    if report.assignment.check {
        html.push_str(&format!(
            "<p>{}</p>",
            escape(&s.fill(
                "print.knowledge",
                &[
                    ("before", score(&report.knowledge.before)),
                    ("after", score(&report.knowledge.after)),
                    ("of", check.len().to_string()),
                ],
            ))
        ));
    }
    html.push_str(&format!("<p class=\"note\">{}</p>", escape(&s.get("print.verify_note"))));
    html.push_str("</article>");
    html
}

/// Words for a verdict, for the class table and the CSV.
pub fn verdict_words(v: &Verdict, s: &Strings) -> String {
    match v {
        Verdict::Verified => s.get("teacher.verified"),
        Verdict::Edited(problems) => {
            let reasons: Vec<String> = problems.iter().map(|p| words(s, p.key())).collect();
            format!("{}: {}", s.get("teacher.edited"), reasons.join("; "))
        }
        Verdict::OtherAssignment(code) => s.fill("teacher.other", &[("code", code.clone())]),
        Verdict::Unreadable(p) => format!("{}: {}", s.get("teacher.unreadable"), words(s, p.key())),
    }
}

/// The teacher's class sheet.
pub fn class_sheet(
    checked: &[Checked],
    summary: &ClassSummary,
    code: &str,
    settings: &[String],
    data: &sim::Data,
    check: &KnowledgeCheck,
    s: &Strings,
) -> String {
    let mut html = String::from("<article class=\"sheet wide\">");
    html.push_str(&format!("<h1>{}</h1>", escape(&s.fill("print.class_heading", &[("code", code.to_string())]))));
    html.push_str(&format!("<p>{}</p>", escape(&settings.join(" · "))));
    html.push_str(&format!("<p>{}</p>", escape(&summary_line(summary, s))));
    html.push_str("<table><thead><tr>");
    for key in [
        "teacher.col_student",
        "teacher.col_check",
        "teacher.col_ending",
        "teacher.col_grain",
        "teacher.col_deaths",
        "teacher.col_knowledge",
    ] {
        html.push_str(&format!("<th>{}</th>", escape(&s.get(key))));
    }
    html.push_str("</tr></thead><tbody>");
    for row in rows(checked, data, check, s) {
        html.push_str("<tr>");
        for cell in row {
            html.push_str(&format!("<td>{}</td>", escape(&cell)));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></article>");
    html
}

/// The class in one sentence: how many reports checked out, and the means.
pub fn summary_line(summary: &ClassSummary, s: &Strings) -> String {
    let mean = |m: Option<f64>| m.map(|m| format!("{m:.1}")).unwrap_or("–".into());
    s.fill(
        "teacher.summary",
        &[
            ("files", summary.files.to_string()),
            ("verified", summary.verified.to_string()),
            ("edited", summary.edited.to_string()),
            ("other", summary.other.to_string()),
            ("unreadable", summary.unreadable.to_string()),
            ("purged", summary.purged.to_string()),
            ("before", mean(summary.knowledge_before)),
            ("after", mean(summary.knowledge_after)),
            ("of", summary.questions.to_string()),
        ],
    )
}

/// The class table's cells, one row per file: student, check, ending,
/// reported/real grain, deaths, knowledge before -> after.
pub fn rows(checked: &[Checked], data: &sim::Data, check: &KnowledgeCheck, s: &Strings) -> Vec<[String; 6]> {
    checked
        .iter()
        .map(|c| {
            let r = c.report.as_ref();
            // Two students may give the same name: the file tells them apart.
            let name = match r.and_then(|r| r.nickname.clone()) {
                Some(n) => format!("{n} ({})", c.file),
                None => c.file.clone(),
            };
            let Some(o) = c.outcome() else {
                return [
                    name,
                    verdict_words(&c.verdict, s),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ];
            };
            let ending = match &o.ending {
                Some(e) => data.ending(ending_id(e)).map(|d| s.data(&d.title)).unwrap_or_else(|| e.clone()),
                None => s.fill(
                    "teacher.unfinished",
                    &[("played", o.seasons_played.to_string()), ("total", o.seasons_total.to_string())],
                ),
            };
            let ratio = if o.harvest_kg() > 0 { o.reported_kg() * 100 / o.harvest_kg() } else { 0 };
            let grain = s.fill(
                "teacher.grain_cell",
                &[
                    ("reported", tonnes(o.reported_kg())),
                    ("real", tonnes(o.harvest_kg())),
                    ("percent", ratio.to_string()),
                ],
            );
            let score = |a: Option<&classroom::Answers>| a.map(|a| check.score(a).to_string()).unwrap_or("–".into());
            let knowledge = s.fill(
                "teacher.knowledge_cell",
                &[
                    ("before", score(r.and_then(|r| r.knowledge.before.as_ref()))),
                    ("after", score(r.and_then(|r| r.knowledge.after.as_ref()))),
                    ("of", check.len().to_string()),
                ],
            );
            let ending = if o.purged { format!("{ending} ({})", s.get("teacher.purged")) } else { ending };
            [name, verdict_words(&c.verdict, s), ending, grain, thousands(o.deaths()), knowledge]
        })
        .collect()
}
