//! What a UI entity means, beyond how it looks: a button's look and whether
//! it can be used, the text fields, what Enter in a field does, texts read
//! aloud when they appear, texts that keep their own font.

use bevy::prelude::*;
use bevy::text::EditableText;

use crate::core::action::UiAction;

#[derive(Component, Clone, Copy, PartialEq, Eq)]
pub enum ButtonLook {
    Normal,
    Selected,
    Primary,
}

#[derive(Component, Clone, Copy)]
pub struct ButtonEnabled(pub bool);

/// The text fields the game has.
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Nickname,
    StudentCode,
    TeacherCode,
}

impl Field {
    /// The field's stable name, for tests and the page's text form.
    pub fn id(self) -> &'static str {
        match self {
            Field::Nickname => "field.nickname",
            Field::StudentCode => "field.student_code",
            Field::TeacherCode => "field.teacher_code",
        }
    }
}

#[derive(Component, Clone, Debug)]
pub struct SubmitOn(pub UiAction);

/// The text in a field, trimmed.
pub fn field_text(fields: &Query<(&EditableText, &Field)>, which: Field) -> String {
    fields.iter().find(|(_, f)| **f == which).map(|(t, _)| t.value().to_string().trim().to_string()).unwrap_or_default()
}

/// Texts said aloud when they appear (the consequences of a season).
#[derive(Component)]
pub struct Announce;

/// A text that keeps its own font whatever the language.
#[derive(Component)]
pub struct OwnFont;
