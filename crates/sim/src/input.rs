//! Limits on text that comes from outside the program (a file a teacher
//! drops, a save in browser storage, data and language files), checked
//! before the text is parsed. A huge or deeply nested input is refused with a
//! reason instead of costing the page its memory, its time or its stack.
//!
//! Every parser of outside text goes through [`parse_json`]; the interface
//! turns an [`InputError`] into words with [`InputError::key`].

use serde::de::DeserializeOwned;
use thiserror::Error;

/// How much text a parser accepts, and how deeply nested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: usize,
    /// Arrays and objects inside one another; the top level is depth 1.
    pub max_depth: usize,
}

const MIB: usize = 1024 * 1024;

/// Every input nests at most this deep; the game's own files need 8.
pub const MAX_DEPTH: usize = 32;
/// A student's report file.
pub const REPORT: Limits = Limits { max_bytes: MIB, max_depth: MAX_DEPTH };
/// A saved game in browser storage.
pub const SAVE: Limits = Limits { max_bytes: 4 * MIB, max_depth: MAX_DEPTH };
/// A small record kept in browser storage (the teacher's last assignment).
pub const SMALL: Limits = Limits { max_bytes: 16 * 1024, max_depth: MAX_DEPTH };
/// Scenario, source, glossary, knowledge and language files.
pub const DATA: Limits = Limits { max_bytes: 4 * MIB, max_depth: MAX_DEPTH };
/// A page address's query string, in bytes.
pub const MAX_URL_BYTES: usize = 2048;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum InputError {
    #[error("the text is {bytes} bytes long; at most {max} are accepted")]
    TooLarge { bytes: usize, max: usize },
    #[error("the text nests more than {max} levels deep")]
    TooDeep { max: usize },
    #[error("the text is empty")]
    Empty,
    /// Not JSON at all, or JSON cut short.
    #[error("not readable as JSON (line {line}, column {column})")]
    Syntax { line: usize, column: usize },
    /// JSON, but not of the expected shape (a field missing or of the wrong type).
    #[error("not of the expected form: {detail}")]
    Shape { detail: String },
}

impl InputError {
    /// The interface string for this error, and its values.
    pub fn key(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            InputError::TooLarge { bytes, max } => {
                ("input.too_large", vec![("size", size_in_words(*bytes)), ("max", size_in_words(*max))])
            }
            InputError::TooDeep { max } => ("input.too_deep", vec![("max", max.to_string())]),
            InputError::Empty => ("input.empty", vec![]),
            InputError::Syntax { line, column } => {
                ("input.syntax", vec![("line", line.to_string()), ("column", column.to_string())])
            }
            InputError::Shape { detail } => ("input.shape", vec![("detail", detail.clone())]),
        }
    }
}

/// A byte count as a person reads it: "1.2 MB", "512 KB", "80 bytes".
pub fn size_in_words(bytes: usize) -> String {
    if bytes >= MIB {
        format!("{:.1} MB", bytes as f64 / MIB as f64)
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} B")
    }
}

/// Check size and nesting without parsing: one pass over the bytes, which
/// skips the insides of strings.
pub fn check(text: &str, limits: Limits) -> Result<(), InputError> {
    if text.len() > limits.max_bytes {
        return Err(InputError::TooLarge { bytes: text.len(), max: limits.max_bytes });
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in text.as_bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(InputError::TooDeep { max: limits.max_depth });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Check the limits, then parse.
pub fn parse_json<T: DeserializeOwned>(text: &str, limits: Limits) -> Result<T, InputError> {
    check(text, limits)?;
    serde_json::from_str(text).map_err(|e| from_serde(&e))
}

/// Read a value already parsed (after a look at its header) as a type.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, InputError> {
    serde_json::from_value(value).map_err(|e| from_serde(&e))
}

fn from_serde(e: &serde_json::Error) -> InputError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => InputError::Syntax { line: e.line(), column: e.column() },
        Category::Data => InputError::Shape { detail: shape_detail(e) },
    }
}

/// serde's own words for a shape error, without its position and cut to a
/// length a message can hold: it names the field and what it expected.
fn shape_detail(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(120).collect();
    if text.chars().count() > 120 {
        out.push('…');
    }
    out
}
