//! The look of the game: a sober palette, one font, and the widgets every
//! screen builds from. Widgets are functions that return bundles; buttons
//! carry a `UiAction` that one observer turns into an `Act` message.

use bevy::input_focus::tab_navigation::{TabGroup, TabIndex};
use bevy::input_focus::{InputFocus, InputFocusVisible};
use bevy::picking::hover::Hovered;
use bevy::prelude::*;
use bevy::text::{EditableText, LineBreak, TextCursorStyle};
use bevy::ui::{InteractionDisabled, Pressed};
use bevy::ui_widgets::{Activate, Button as WidgetButton};

use crate::actions::{Act, UiAction};

pub mod palette {
    use bevy::prelude::Color;

    pub const PAPER: Color = Color::srgb(0.949, 0.929, 0.886);
    pub const PANEL: Color = Color::srgb(0.984, 0.973, 0.949);
    pub const INK: Color = Color::srgb(0.13, 0.12, 0.11);
    pub const MUTED: Color = Color::srgb(0.35, 0.33, 0.30);
    pub const RULE: Color = Color::srgb(0.70, 0.66, 0.60);
    pub const ACCENT: Color = Color::srgb(0.56, 0.13, 0.11);
    pub const ACCENT_DARK: Color = Color::srgb(0.42, 0.08, 0.07);
    pub const BUTTON: Color = Color::srgb(0.30, 0.27, 0.24);
    pub const BUTTON_HOVER: Color = Color::srgb(0.40, 0.36, 0.32);
    pub const BUTTON_PRESSED: Color = Color::srgb(0.20, 0.18, 0.16);
    pub const BUTTON_SELECTED: Color = Color::srgb(0.56, 0.13, 0.11);
    pub const BUTTON_DISABLED: Color = Color::srgb(0.72, 0.70, 0.67);
    pub const ON_BUTTON: Color = Color::srgb(0.98, 0.97, 0.95);
    /// Quieter text on the dark top bar (the phases not yet reached).
    pub const ON_DARK_DIM: Color = Color::srgb(0.72, 0.68, 0.62);
    /// The shade over the screen behind a window.
    pub const SHADE: Color = Color::srgba(0.05, 0.04, 0.03, 0.72);
    pub const FOCUS: Color = Color::srgb(0.05, 0.35, 0.75);
    pub const REPORTED: Color = Color::srgb(0.68, 0.26, 0.10);
    pub const REAL: Color = Color::srgb(0.23, 0.36, 0.20);
    pub const NATIONAL: Color = Color::srgb(0.25, 0.32, 0.52);
    pub const WARNING_BG: Color = Color::srgb(0.98, 0.90, 0.85);
    // The map.
    pub const FIELD_SPRING: Color = Color::srgb(0.62, 0.74, 0.45);
    pub const FIELD_SUMMER: Color = Color::srgb(0.78, 0.72, 0.35);
    pub const FIELD_AUTUMN: Color = Color::srgb(0.80, 0.62, 0.30);
    pub const FIELD_WINTER: Color = Color::srgb(0.66, 0.62, 0.55);
    pub const WATER: Color = Color::srgb(0.33, 0.52, 0.68);
    pub const HOUSE: Color = Color::srgb(0.55, 0.45, 0.38);
    pub const PERSON: Color = Color::srgb(0.20, 0.18, 0.16);
    pub const PERSON_WEAK: Color = Color::srgb(0.55, 0.52, 0.48);
    pub const FURNACE: Color = Color::srgb(0.35, 0.30, 0.28);
    pub const FURNACE_GLOW: Color = Color::srgb(0.93, 0.45, 0.12);
    pub const SMOKE: Color = Color::srgba(0.45, 0.43, 0.42, 0.55);
    pub const GRAIN: Color = Color::srgb(0.85, 0.70, 0.30);
}

pub const SIZE_SMALL: f32 = 15.0;
pub const SIZE_BODY: f32 = 18.0;
pub const SIZE_HEADING: f32 = 24.0;
pub const SIZE_TITLE: f32 = 44.0;

pub fn plugin(app: &mut App) {
    app.add_message::<Act>()
        .add_observer(on_activate)
        .add_systems(Startup, install_font)
        .add_systems(PostUpdate, (button_colours, focus_ring, keep_rules).in_set(ThemeSystems))
        .add_systems(PostUpdate, snap_glyphs.after(bevy::ui::widget::text_system))
        .add_observer(submit_on_enter)
        .add_systems(Last, forget_acts);
}

/// The systems that colour controls; the looks (looks.rs) recolour after them.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ThemeSystems;

/// An action is handled in the frame it happens, by the screen showing then.
/// Messages normally live two frames; without this, a click that changes the
/// screen would be handled again by the screen it leads to.
fn forget_acts(mut acts: ResMut<Messages<Act>>) {
    acts.clear();
}

/// Bevy draws each glyph where the text layout puts it, at a fraction of a
/// pixel, and the glyph's image is then sampled between screen pixels and
/// smeared over two: whole runs of words came out grey and soft beside runs
/// that happened to fall on whole pixels. After layout, every glyph's corner
/// is moved to the nearest whole pixel (at most half a pixel, which no reader
/// sees as spacing), so all text is drawn as crisply as the font allows.
pub fn snap_glyphs(mut texts: Query<&mut bevy::text::TextLayoutInfo, Changed<bevy::text::TextLayoutInfo>>) {
    for mut layout in &mut texts {
        for glyph in &mut layout.glyphs {
            let half = glyph.atlas_info.rect.size() / 2.0;
            glyph.position = (glyph.position - half).round() + half;
        }
    }
}

const NOTO_SANS: &[u8] = include_bytes!("../assets/fonts/NotoSans-subset.ttf");

/// The game's font becomes the default font, so every text uses it.
fn install_font(mut fonts: ResMut<Assets<Font>>) {
    let _ = fonts.insert(AssetId::default(), Font::from_bytes(NOTO_SANS.to_vec()));
}

fn on_activate(event: On<Activate>, actions: Query<&UiAction>, mut acts: MessageWriter<Act>) {
    if let Ok(action) = actions.get(event.entity) {
        acts.write(Act(action.clone()));
    }
}

/// A window over the screen: a dark shade over everything, drawn above
/// layer `z`, that keeps keyboard focus inside it; its child is the window.
pub fn modal_shade(z: i32) -> impl Bundle {
    (
        GlobalZIndex(z),
        TabGroup::modal(),
        Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            padding: UiRect::all(px(16)),
            ..default()
        },
        BackgroundColor(palette::SHADE),
    )
}

/// A full-window root for a screen. It has no background of its own: the
/// clear colour is the paper (looks.rs keeps it so), and a background the
/// size of the window would be drawn again every frame for nothing.
pub fn screen_root() -> impl Bundle {
    (
        Node { width: percent(100), height: percent(100), flex_direction: FlexDirection::Column, ..default() },
        // Tab and Shift-Tab move between this screen's controls.
        TabGroup::new(0),
    )
}

/// The dark bar across the top of a screen: a title on the left, buttons on the right.
pub fn top_bar() -> impl Bundle {
    (
        Node {
            flex_direction: FlexDirection::Row,
            flex_wrap: FlexWrap::Wrap,
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            padding: UiRect::axes(px(12), px(6)),
            column_gap: px(12),
            row_gap: px(6),
            ..default()
        },
        BackgroundColor(palette::INK),
    )
}

/// A column that scrolls, its content centred: the body of a page of cards.
pub fn scroll_column(node: Node) -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        align_items: AlignItems::Center,
        padding: UiRect::all(px(20)),
        overflow: Overflow::scroll_y(),
        ..node
    }
}

pub fn text(s: impl Into<String>, size: f32, colour: Color) -> impl Bundle {
    (Text::new(s), TextFont { font_size: FontSize::Px(size), ..default() }, TextColor(colour))
}

/// A text whose lines are centred on each other: a heading in a centred
/// column that wraps on a phone would otherwise have its lines flush left.
pub fn centred(s: impl Into<String>, size: f32, colour: Color) -> impl Bundle {
    (text(s, size, colour), TextLayout::justify(Justify::Center))
}

pub fn body(s: impl Into<String>) -> impl Bundle {
    text(s, SIZE_BODY, palette::INK)
}

pub fn small(s: impl Into<String>) -> impl Bundle {
    text(s, SIZE_SMALL, palette::MUTED)
}

pub fn heading(s: impl Into<String>) -> impl Bundle {
    text(s, SIZE_HEADING, palette::INK)
}

/// A column with a gap, the most common container.
pub fn column(gap: i32) -> Node {
    Node { flex_direction: FlexDirection::Column, row_gap: px(gap), ..default() }
}

pub fn row(gap: i32) -> Node {
    Node { flex_direction: FlexDirection::Row, column_gap: px(gap), align_items: AlignItems::Center, ..default() }
}

/// The layout of a card: a padded column with room for its 1 px frame.
/// Square corners: the frame's strips (`Ruled`) are straight.
pub fn card_node() -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(6),
        padding: UiRect::all(px(12)),
        border: UiRect::all(px(1)),
        ..default()
    }
}

/// A card with its own layout and colours.
pub fn card_with(node: Node, background: Color, border: Color) -> impl Bundle {
    (node, BackgroundColor(background), Ruled::all(border))
}

/// Thin rules along some edges of a node, in its border's space (the node
/// keeps its `border` widths for layout, without a `BorderColor`).
///
/// Bevy draws a border as a quad the size of the whole node, so a bordered
/// panel costs its area twice; in a browser without a GPU that is most of a
/// frame's cost (docs/performance.md). These rules are four thin strips and
/// cost only their own pixels. Not for a node that scrolls: its children,
/// the strips too, would scroll and be clipped; frame its parent instead.
#[derive(Component, Clone, Copy, PartialEq, Debug)]
pub struct Ruled {
    pub colour: Color,
    /// Left, top, right, bottom.
    pub edges: [bool; 4],
}

impl Ruled {
    pub fn all(colour: Color) -> Ruled {
        Ruled { colour, edges: [true; 4] }
    }

    pub fn bottom(colour: Color) -> Ruled {
        Ruled { colour, edges: [false, false, false, true] }
    }
}

/// One of the strips a `Ruled` node draws.
#[derive(Component)]
pub struct RuleStrip;

/// Give every ruled node its strips, again when its children were replaced.
fn keep_rules(
    mut commands: Commands,
    ruled: Query<(Entity, Ref<Ruled>, &Node, Option<&Children>)>,
    changed: Query<Entity, (With<Ruled>, Or<(Changed<Ruled>, Changed<Children>, Changed<Node>)>)>,
    mut emptied: RemovedComponents<Children>,
    strips: Query<&Node, With<RuleStrip>>,
) {
    let mut todo: Vec<Entity> = changed.iter().collect();
    todo.extend(emptied.read().filter(|e| ruled.contains(*e)));
    todo.sort();
    todo.dedup();
    for e in todo {
        let Ok((e, ruled, node, children)) = ruled.get(e) else { continue };
        let width = |v: Val| match v {
            Val::Px(w) if w > 0.0 => Some(w),
            _ => None,
        };
        let b = node.border;
        let (l, t, r, bt) = (width(b.left), width(b.top), width(b.right), width(b.bottom));
        let out = |w: Option<f32>| px(-w.unwrap_or(0.0));
        let mut want: Vec<Node> = Vec::new();
        let strip = Node { position_type: PositionType::Absolute, ..default() };
        if let (true, Some(w)) = (ruled.edges[0], l) {
            want.push(Node { left: px(-w), top: out(t), bottom: out(bt), width: px(w), ..strip.clone() });
        }
        if let (true, Some(w)) = (ruled.edges[1], t) {
            want.push(Node { top: px(-w), left: out(l), right: out(r), height: px(w), ..strip.clone() });
        }
        if let (true, Some(w)) = (ruled.edges[2], r) {
            want.push(Node { right: px(-w), top: out(t), bottom: out(bt), width: px(w), ..strip.clone() });
        }
        if let (true, Some(w)) = (ruled.edges[3], bt) {
            want.push(Node { bottom: px(-w), left: out(l), right: out(r), height: px(w), ..strip.clone() });
        }
        let had: Vec<(Entity, &Node)> =
            children.map(|c| c.iter().filter_map(|c| Some((c, strips.get(c).ok()?))).collect()).unwrap_or_default();
        // Spawning the strips changes the children: nothing to do then.
        if !ruled.is_changed() && had.len() == want.len() && had.iter().zip(&want).all(|((_, a), b)| *a == b) {
            continue;
        }
        for (old, _) in had {
            commands.entity(old).despawn();
        }
        commands.entity(e).with_children(|c| {
            for node in want {
                c.spawn((node, BackgroundColor(ruled.colour), RuleStrip, Pickable::IGNORE));
            }
        });
    }
}

/// A bordered card.
pub fn card() -> impl Bundle {
    card_with(card_node(), palette::PANEL, palette::RULE)
}

/// A card that warns (an advisory, a damaged save, an error).
pub fn warning_card() -> impl Bundle {
    card_with(card_node(), palette::WARNING_BG, palette::RULE)
}

#[derive(Component, Clone, Copy, PartialEq, Eq)]
pub enum ButtonLook {
    Normal,
    Selected,
    Primary,
}

/// A button. Its label is a child text; its action goes to `Act`.
pub fn button(label: impl Into<String>, action: UiAction) -> impl Bundle {
    button_with(label, action, ButtonLook::Normal, true)
}

pub fn button_with(label: impl Into<String>, action: UiAction, look: ButtonLook, enabled: bool) -> impl Bundle {
    button_made(button_node(), (text(label, SIZE_BODY, palette::ON_BUTTON), Pickable::IGNORE), action, look, enabled)
}

/// The layout of a button: at least 44 px each way (a touch target).
pub fn button_node() -> Node {
    Node {
        padding: UiRect::axes(px(14), px(8)),
        min_height: px(44),
        min_width: px(44),
        justify_content: JustifyContent::Center,
        align_items: AlignItems::Center,
        border_radius: BorderRadius::all(px(4)),
        // A light rim: the button's edge stands out on the dark top bar too.
        border: UiRect::all(px(1)),
        ..default()
    }
}

/// A button with its own layout and label bundle.
pub fn button_made(node: Node, label: impl Bundle, action: UiAction, look: ButtonLook, enabled: bool) -> impl Bundle {
    (
        node,
        WidgetButton,
        Hovered::default(),
        TabIndex(0),
        action,
        look,
        ButtonEnabled(enabled),
        BackgroundColor(palette::BUTTON),
        BorderColor::all(palette::ON_DARK_DIM),
        children![label],
    )
}

#[derive(Component, Clone, Copy)]
pub struct ButtonEnabled(pub bool);

fn button_colours(
    mut commands: Commands,
    mut buttons: Query<
        (Entity, &mut BackgroundColor, &ButtonLook, &ButtonEnabled, &Hovered, Has<Pressed>, Has<InteractionDisabled>),
        Or<(Changed<Hovered>, Added<ButtonLook>, Changed<ButtonEnabled>, Changed<Pressed>)>,
    >,
) {
    for (entity, mut bg, look, enabled, hovered, pressed, disabled) in &mut buttons {
        if !enabled.0 && !disabled {
            commands.entity(entity).insert(InteractionDisabled);
        } else if enabled.0 && disabled {
            commands.entity(entity).remove::<InteractionDisabled>();
        }
        bg.0 = match (enabled.0, look, pressed, hovered.0) {
            (false, _, _, _) => palette::BUTTON_DISABLED,
            (true, _, true, _) => palette::BUTTON_PRESSED,
            (true, ButtonLook::Selected, _, _) => palette::BUTTON_SELECTED,
            (true, ButtonLook::Primary, _, false) => palette::ACCENT,
            (true, ButtonLook::Primary, _, true) => palette::ACCENT_DARK,
            (true, ButtonLook::Normal, _, true) => palette::BUTTON_HOVER,
            (true, ButtonLook::Normal, _, false) => palette::BUTTON,
        };
    }
}

/// A visible ring around the focused control while the keyboard is in use.
fn focus_ring(
    mut commands: Commands,
    focus: Res<InputFocus>,
    visible: Res<InputFocusVisible>,
    ringed: Query<Entity, With<Outline>>,
) {
    if !focus.is_changed() && !visible.is_changed() {
        return;
    }
    for e in &ringed {
        commands.entity(e).remove::<Outline>();
    }
    if let (Some(e), true) = (focus.get(), visible.0)
        && let Ok(mut ec) = commands.get_entity(e)
    {
        ec.insert(Outline { width: px(3), offset: px(2), color: palette::FOCUS });
    }
}

/// A one-line text field (a nickname, a class code). `field` names it for the
/// screen that reads it; Enter in it does `submit`.
pub fn text_field(field: Field, initial: &str, max_chars: usize, submit: UiAction) -> impl Bundle {
    (
        Node {
            min_width: px(280),
            min_height: px(44),
            padding: UiRect::axes(px(10), px(8)),
            border: UiRect::all(px(2)),
            border_radius: BorderRadius::all(px(4)),
            align_items: AlignItems::Center,
            ..default()
        },
        BackgroundColor(palette::PANEL),
        BorderColor::all(palette::INK),
        EditableText { max_characters: Some(max_chars), visible_width: Some(16.0), ..EditableText::new(initial) },
        TextLayout { linebreak: LineBreak::NoWrap, ..default() },
        TextFont { font_size: FontSize::Px(SIZE_BODY), ..default() },
        TextColor(palette::INK),
        TextCursorStyle { color: palette::INK, selection_color: palette::RULE, ..default() },
        TabIndex(0),
        field,
        SubmitOn(submit),
    )
}

/// The text fields the game has.
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Nickname,
    StudentCode,
    TeacherCode,
}

#[derive(Component, Clone, Debug)]
pub struct SubmitOn(pub UiAction);

/// The text in a field, trimmed.
pub fn field_text(fields: &Query<(&EditableText, &Field)>, which: Field) -> String {
    fields.iter().find(|(_, f)| **f == which).map(|(t, _)| t.value().to_string().trim().to_string()).unwrap_or_default()
}

fn submit_on_enter(
    input: On<bevy::input_focus::FocusedInput<bevy::input::keyboard::KeyboardInput>>,
    fields: Query<(&SubmitOn, &EditableText)>,
    mut acts: MessageWriter<Act>,
) {
    let key = &input.input;
    if key.state.is_pressed()
        && key.logical_key == bevy::input::keyboard::Key::Enter
        && let Ok((submit, text)) = fields.get(input.focused_entity)
        && !text.is_composing()
    {
        acts.write(Act(submit.0.clone()));
    }
}
