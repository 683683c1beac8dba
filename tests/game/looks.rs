//! How the screens are drawn: the title's layout, thin frames, text on whole
//! pixels, the probe waiting for laid-out words, and contrast in every look.

use bevy::prelude::*;
use great_leap::core::action::{ClassAction, ReportMove, UiAction};
use great_leap::core::flow::{Overlay, Phase, Screen};
use great_leap::core::storage::MemoryStore;
use great_leap::core::text::Strings;
use great_leap::game::settings::Settings;
use great_leap::ui::looks::{self, Look};
use great_leap::ui::ruled::RuleStrip;
use great_leap::ui::{ButtonEnabled, Ruled, palette};

use crate::{act, answer_directives, app, app_from_link, phase, play_season, play_to_ending, screen, start_new_game};

/// The title's name and subtitle sit in a centred column; when they wrap
/// (the subtitle does on a phone) each line is centred too, not flush
/// left under a centred first line.
#[test]
fn the_title_and_subtitle_wrap_centred() {
    use bevy::text::Justify;
    let mut app = app(MemoryStore::default());
    let strings = app.world().resource::<Strings>().clone();
    let w = app.world_mut();
    for key in ["title.name", "title.subtitle"] {
        let words = strings.get(key);
        let layout = w
            .query::<(&Text, Option<&TextLayout>)>()
            .iter(w)
            .find(|(t, _)| t.0 == words)
            .map(|(_, l)| l.copied().unwrap_or_default())
            .unwrap_or_else(|| panic!("{key} is not on the title"));
        assert_eq!(layout.justify, Justify::Center, "{key}");
    }
}

/// Cards and panels are framed by thin strips, not by Bevy borders
/// (drawn as quads the size of the whole node); the strips are there on
/// every screen, come back when a screen is redrawn, and no screen root
/// paints the window over the clear colour.
#[test]
fn frames_are_thin_rules_and_no_root_paints_the_window() {
    fn check(app: &mut App, place: &str) {
        let w = app.world_mut();
        let ruled: Vec<(Entity, Ruled, Node, Vec<Entity>)> = w
            .query::<(Entity, &Ruled, &Node, Option<&Children>)>()
            .iter(w)
            .map(|(e, r, n, c)| (e, *r, n.clone(), c.map(|c| c.to_vec()).unwrap_or_default()))
            .collect();
        assert!(!ruled.is_empty(), "{place}: no framed card");
        for (e, r, node, children) in ruled {
            let border = w.get::<BorderColor>(e).map_or(Color::NONE, |b| b.top);
            assert_eq!(border.alpha(), 0.0, "{place}: a framed card also has a border colour");
            let strips: Vec<&Node> = children
                .iter()
                .filter(|c| w.get::<RuleStrip>(**c).is_some())
                .filter_map(|c| w.get::<Node>(*c))
                .collect();
            let b = node.border;
            let sides = [b.left, b.top, b.right, b.bottom];
            let want = r.edges.iter().zip(sides).filter(|(on, v)| **on && *v != Val::ZERO && *v != Val::Auto).count();
            assert_eq!(strips.len(), want, "{place}: strips of a framed card");
            for s in strips {
                assert_eq!(s.position_type, PositionType::Absolute, "{place}");
                let thin = |v: Val| matches!(v, Val::Px(x) if x > 0.0 && x <= 4.0);
                assert!(thin(s.width) || thin(s.height), "{place}: a strip is thin");
            }
        }
        let windows: Vec<Entity> = w
            .query_filtered::<(Entity, &Node, &BackgroundColor), Without<ChildOf>>()
            .iter(w)
            .filter(|(_, n, bg)| {
                bg.0.alpha() > 0.0 && n.width == Val::Percent(100.0) && n.height == Val::Percent(100.0)
            })
            .map(|(e, n, _)| (e, n))
            .filter(|(e, _)| w.get::<bevy::input_focus::tab_navigation::TabGroup>(*e).is_none_or(|g| !g.modal))
            .map(|(e, _)| e)
            .collect();
        assert!(windows.is_empty(), "{place}: a screen root has a background");
    }
    let mut app = app(MemoryStore::default());
    start_new_game(&mut app);
    check(&mut app, "news");
    play_season(&mut app);
    check(&mut app, "the next season");
    act(&mut app, UiAction::Next);
    check(&mut app, "labour");
}

/// A laid-out glyph of w x h pixels centred at (x, y), as text layout
/// leaves it.
fn glyph(x: f32, y: f32, w: f32, h: f32) -> bevy::text::PositionedGlyph {
    bevy::text::PositionedGlyph {
        position: Vec2::new(x, y),
        atlas_info: bevy::text::GlyphAtlasInfo {
            texture: AssetId::default(),
            rect: Rect::new(0.0, 0.0, w, h),
            offset: Vec2::ZERO,
            is_alpha_mask: true,
        },
        section_index: 0,
        line_index: 0,
    }
}

/// Text is drawn on whole pixels: every glyph's image starts on a pixel
/// corner after layout, moved by at most half a pixel (ui::fonts::snap_glyphs).
#[test]
fn glyphs_are_drawn_on_whole_pixels() {
    use bevy::text::TextLayoutInfo;
    let laid_out = vec![glyph(10.37, 20.5, 7.0, 11.0), glyph(17.81, 20.49, 8.0, 12.0), glyph(4.5, 6.5, 9.0, 9.0)];
    let mut app = App::new();
    app.add_systems(Update, great_leap::ui::fonts::snap_glyphs);
    let text = app.world_mut().spawn(TextLayoutInfo { glyphs: laid_out.clone(), ..default() }).id();
    app.update();
    let snapped = app.world().get::<TextLayoutInfo>(text).unwrap().glyphs.clone();
    for (before, after) in laid_out.iter().zip(&snapped) {
        let corner = after.position - after.atlas_info.rect.size() / 2.0;
        assert_eq!(corner, corner.round(), "a glyph's corner between pixels: {corner}");
        assert!((after.position - before.position).abs().max_element() <= 0.5);
    }
    // Already on whole pixels: nothing moves.
    assert_eq!(snapped[2].position, Vec2::new(4.5, 6.5));
}

/// The benchmark's probe times a screen as usable only once its words
/// are there: an app that says it is ready while a text still waits for
/// its font (no glyphs laid out) is not counted until the text is laid
/// out; hidden and empty texts do not hold it back.
#[test]
fn the_probe_counts_a_screen_usable_only_with_its_words_laid_out() {
    use bevy::text::TextLayoutInfo;
    let mut app = App::new();
    app.add_plugins(great_leap_probe::plugin);
    let word =
        app.world_mut().spawn((Text::new("Press"), TextLayoutInfo::default(), InheritedVisibility::VISIBLE)).id();
    app.world_mut().spawn((Text::new("  "), TextLayoutInfo::default(), InheritedVisibility::VISIBLE));
    app.world_mut().spawn((Text::new("hidden"), TextLayoutInfo::default(), InheritedVisibility::HIDDEN));
    app.update();
    assert!(!great_leap_probe::usable(), "usable before the app said so");
    app.world_mut().resource_mut::<great_leap_probe::Interactive>().0 = true;
    app.update();
    app.update();
    assert!(!great_leap_probe::usable(), "usable while a shown text has no glyphs");
    app.world_mut().get_mut::<TextLayoutInfo>(word).unwrap().glyphs.push(glyph(0.0, 0.0, 8.0, 12.0));
    app.update();
    assert!(great_leap_probe::usable(), "not usable once every shown text is laid out");
}

// -----------------------------------------------------------------------
// Contrast in every look.

fn lum(c: Color) -> f32 {
    let c = c.to_linear();
    0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue
}

fn ratio(a: Color, b: Color) -> f32 {
    let (a, b) = (lum(a), lum(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `top` drawn over `under` (Bevy blends in linear light).
fn over(top: Color, under: Color) -> Color {
    let (t, u) = (top.to_linear(), under.to_linear());
    let a = t.alpha;
    Color::linear_rgb(t.red * a + u.red * (1.0 - a), t.green * a + u.green * (1.0 - a), t.blue * a + u.blue * (1.0 - a))
}

fn set_look(app: &mut App, look: Look) {
    let mut s = app.world_mut().resource_mut::<Settings>();
    s.high_contrast = look.high_contrast;
    s.colour_safe = look.colour_safe;
    app.update();
    app.update();
}

/// The colour behind an entity: the clear colour under every
/// background of its ancestors and its own.
fn behind(world: &mut World, e: Entity, include_self: bool) -> Color {
    let mut chain = Vec::new();
    let mut at = if include_self { Some(e) } else { world.get::<ChildOf>(e).map(|p| p.parent()) };
    while let Some(x) = at {
        chain.push(x);
        at = world.get::<ChildOf>(x).map(|p| p.parent());
    }
    let mut c = world.resource::<ClearColor>().0;
    for &x in chain.iter().rev() {
        if let Some(bg) = world.get::<BackgroundColor>(x) {
            c = over(bg.0, c);
        }
    }
    c
}

fn inert(world: &World, e: Entity) -> bool {
    let mut at = Some(e);
    while let Some(x) = at {
        if world.get::<ButtonEnabled>(x).is_some_and(|b| !b.0)
            || world.get::<Node>(x).is_some_and(|n| n.display == Display::None)
        {
            return true;
        }
        at = world.get::<ChildOf>(x).map(|p| p.parent());
    }
    false
}

/// Every text below 4.5:1 against what is behind it, and every
/// control or chart mark below 3:1, on the screen as it stands.
fn contrast_problems(app: &mut App, place: &str) -> Vec<String> {
    let world = app.world_mut();
    let mut problems = Vec::new();
    let texts: Vec<(Entity, String, Color)> = world
        .query::<(Entity, &Text, &TextColor)>()
        .iter(world)
        .filter(|(_, t, _)| t.0.chars().any(char::is_alphanumeric))
        .map(|(e, t, c)| (e, t.0.clone(), c.0))
        .collect();
    for (e, text, colour) in texts {
        if inert(world, e) {
            continue;
        }
        let bg = behind(world, e, true);
        let r = ratio(over(colour, bg), bg);
        if r < 4.5 {
            problems.push(format!("{place}: text {text:?} at {r:.2}:1"));
        }
    }
    let series = [palette::REPORTED, palette::REAL, palette::NATIONAL];
    let marks: Vec<(Entity, Color)> = world
        .query::<(Entity, &BackgroundColor, Has<UiAction>, Option<&looks::Drawn<BackgroundColor>>)>()
        .iter(world)
        .filter(|(_, _, button, drawn)| *button || drawn.is_some_and(|d| series.contains(&d.0.0)))
        .map(|(e, bg, _, _)| (e, bg.0))
        .collect();
    for (e, colour) in marks {
        if inert(world, e) || colour.alpha() == 0.0 {
            continue;
        }
        let around = behind(world, e, false);
        let border = world.get::<BorderColor>(e).map(|b| b.top).filter(|c| c.alpha() > 0.0);
        let r = ratio(colour, around).max(border.map_or(0.0, |b| ratio(b, around)));
        if r < 3.0 {
            let what = match world.get::<UiAction>(e) {
                Some(a) => format!("control {a:?}"),
                None => "chart mark".to_string(),
            };
            let c = colour.to_srgba();
            let a = around.to_srgba();
            problems.push(format!(
                "{place}: {what} ({:.2},{:.2},{:.2}) on ({:.2},{:.2},{:.2}) at {r:.2}:1",
                c.red, c.green, c.blue, a.red, a.green, a.blue
            ));
        }
    }
    problems
}

fn check_every_look(app: &mut App, place: &str, problems: &mut Vec<String>) {
    for look in Look::ALL {
        set_look(app, look);
        problems.extend(contrast_problems(app, &format!("{place} {look:?}")));
    }
    set_look(app, Look::default());
}

#[test]
fn every_text_and_control_meets_contrast_in_every_look() {
    let mut problems = Vec::new();
    let mut app = app(MemoryStore::default());
    check_every_look(&mut app, "title", &mut problems);
    for o in [Overlay::Settings, Overlay::Glossary, Overlay::Sources, Overlay::Codex] {
        act(&mut app, UiAction::Open(o));
        check_every_look(&mut app, &format!("{o:?}"), &mut problems);
        act(&mut app, UiAction::CloseOverlay);
    }
    act(&mut app, UiAction::NewGame);
    check_every_look(&mut app, "briefing", &mut problems);
    act(&mut app, UiAction::Begin);
    // A harvest season, phase by phase, then the year's account.
    for _ in 0..40 {
        if screen(&app) == Screen::YearSummary {
            break;
        }
        let place = format!("{:?} {:?}", screen(&app), phase(&app));
        check_every_look(&mut app, &place, &mut problems);
        match phase(&app) {
            Phase::News => {
                answer_directives(&mut app);
                act(&mut app, UiAction::Next);
            }
            Phase::Report => {
                act(&mut app, UiAction::Report(ReportMove::CountyExpectation));
                act(&mut app, UiAction::Next);
            }
            _ => act(&mut app, UiAction::Next),
        }
    }
    assert_eq!(screen(&app), Screen::YearSummary);
    check_every_look(&mut app, "year summary", &mut problems);
    act(&mut app, UiAction::Next);
    play_to_ending(&mut app);
    check_every_look(&mut app, "ending", &mut problems);
    act(&mut app, UiAction::ShowDebrief);
    check_every_look(&mut app, "debrief", &mut problems);
    let mut teacher = crate::app(MemoryStore::default());
    act(&mut teacher, UiAction::Class(ClassAction::Teacher));
    check_every_look(&mut teacher, "teacher", &mut problems);
    let mut kiosk = app_from_link(MemoryStore::default(), "?kiosk=1");
    kiosk.update();
    check_every_look(&mut kiosk, "kiosk attract", &mut problems);
    assert!(problems.is_empty(), "{} contrast problems:\n{}", problems.len(), problems.join("\n"));
}

/// The colours a control takes as it is hovered, pressed, chosen or
/// focused, in every look, which no single screen shows at once.
#[test]
fn every_control_state_meets_contrast_in_every_look() {
    let p = palette::ON_BUTTON;
    let states = [
        palette::BUTTON,
        palette::BUTTON_HOVER,
        palette::BUTTON_PRESSED,
        palette::BUTTON_SELECTED,
        palette::ACCENT,
        palette::ACCENT_DARK,
    ];
    let mut problems = Vec::new();
    for look in Look::ALL {
        let c = |x| look.colour(x);
        for s in states {
            for ground in [palette::PAPER, palette::PANEL] {
                let r = ratio(c(s), c(ground));
                if r < 3.0 {
                    problems.push(format!("{look:?}: control {s:?} on {ground:?} at {r:.2}:1"));
                }
            }
            let r = ratio(c(p), c(s));
            if r < 4.5 {
                problems.push(format!("{look:?}: label on {s:?} at {r:.2}:1"));
            }
        }
        for ground in [palette::PAPER, palette::PANEL, palette::WARNING_BG] {
            let r = ratio(c(palette::FOCUS), c(ground));
            if r < 3.0 {
                problems.push(format!("{look:?}: focus ring on {ground:?} at {r:.2}:1"));
            }
        }
        // Each look's colours are its own: applying it twice changes nothing.
        for s in states {
            assert_eq!(c(c(s)), c(s), "{look:?} maps {s:?} twice");
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_look_switched_off_gives_back_every_colour_the_screen_drew() {
    let mut app = app(MemoryStore::default());
    act(&mut app, UiAction::NewGame);
    act(&mut app, UiAction::Begin);
    let colours = |app: &mut App| {
        let w = app.world_mut();
        let mut v: Vec<(Entity, Color)> =
            w.query::<(Entity, &BackgroundColor)>().iter(w).map(|(e, c)| (e, c.0)).collect();
        v.extend(w.query::<(Entity, &TextColor)>().iter(w).map(|(e, c)| (e, c.0)));
        v.sort_by_key(|x| x.0);
        v
    };
    let before = colours(&mut app);
    set_look(&mut app, Look { high_contrast: true, colour_safe: true });
    let high = colours(&mut app);
    assert_ne!(before, high, "the look changed the colours");
    assert!(high.iter().any(|(_, c)| *c == looks::high::PAPER));
    set_look(&mut app, Look::default());
    assert_eq!(before, colours(&mut app));
}
