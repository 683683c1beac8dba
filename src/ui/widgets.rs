//! The widgets every screen builds from: functions that return bundles.
//! Buttons carry a `UiAction` that `activate` turns into an `Act` message.

use bevy::input_focus::tab_navigation::{TabGroup, TabIndex};
use bevy::picking::hover::Hovered;
use bevy::prelude::*;
use bevy::text::{EditableText, FontSource, LineBreak, TextCursorStyle};
use bevy::ui_widgets::Button as WidgetButton;

use super::fonts::LABEL_FONT;
use super::palette::{self, SIZE_BODY, SIZE_HEADING, SIZE_SMALL};
use super::ruled::Ruled;
use super::scroll::Scrollable;
use super::semantics::{ButtonEnabled, ButtonLook, Field, OwnFont, SubmitOn};
use crate::core::action::UiAction;
use crate::core::flow::Screen;
use crate::core::text::{Lang, Strings};
use crate::game::language::Language;

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

/// A bordered card.
pub fn card() -> impl Bundle {
    card_with(card_node(), palette::PANEL, palette::RULE)
}

/// A card that warns (an advisory, a damaged save, an error).
pub fn warning_card() -> impl Bundle {
    card_with(card_node(), palette::WARNING_BG, palette::RULE)
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

/// The layout of a large target: the kiosk's main choices.
pub fn big_node() -> Node {
    Node { min_height: px(64), min_width: px(200), padding: UiRect::axes(px(24), px(12)), ..button_node() }
}

/// A larger target for the kiosk's main choices.
pub fn big_button(label: String, action: UiAction, look: ButtonLook, enabled: bool) -> impl Bundle {
    button_made(big_node(), (text(label, SIZE_HEADING, palette::ON_BUTTON), Pickable::IGNORE), action, look, enabled)
}

/// A scrolling page of cards in the middle of the screen; returns its root.
pub fn page(commands: &mut Commands, screen: Screen, build: impl FnOnce(&mut ChildSpawnerCommands)) -> Entity {
    let mut root = commands.spawn((screen_root(), DespawnOnExit(screen)));
    root.with_children(|root| {
        root.spawn((
            scroll_column(Node { width: percent(100), height: percent(100), ..default() }),
            Scrollable,
            ScrollPosition::default(),
        ))
        .with_children(|col| {
            col.spawn(Node { max_width: px(980), width: percent(100), ..column(14) }).with_children(build);
        });
    });
    root.id()
}

/// The button that switches to the other language, labelled in that language.
pub fn language_button(s: &Strings, language: &Language, node: Node, size: f32) -> impl Bundle {
    let other = match language.shown {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    };
    let label = (
        Text::new(s.get("language.switch")),
        TextFont { font: FontSource::Handle(LABEL_FONT), font_size: bevy::text::FontSize::Px(size), ..default() },
        TextColor(palette::ON_BUTTON),
        OwnFont,
        Pickable::IGNORE,
    );
    button_made(node, label, UiAction::Language(other), ButtonLook::Normal, language.settled())
}
