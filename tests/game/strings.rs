//! Words on screen come from assets/i18n, never from Rust.

use great_leap::core::text::{Lang, Strings};
use great_leap::game::language::ZH_FONT;

/// Every Rust source file of the game, with its text.
fn game_sources() -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    out
}

/// The code without the bodies of its `fn id(` methods: the stable ids of
/// controls and text fields ("class.hand_in", "field.nickname") look like
/// keys but are not.
fn without_ids(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(start) = rest.find("fn id(") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let open = after.find('{').expect("a body");
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn every_string_key_the_code_uses_exists() {
    let strings = Strings::english();
    let keys: std::collections::BTreeSet<&String> = strings.keys().collect();
    let mut missing = Vec::new();
    let mut used = 0;
    for (path, code) in game_sources() {
        let code = without_ids(&code);
        // String literals that look like keys: "area.name" with lowercase
        // words, passed to get/fill or returned from a `key()` method.
        for (i, _) in code.match_indices('"') {
            let rest = &code[i + 1..];
            let Some(end) = rest.find('"') else { continue };
            let lit = &rest[..end];
            let looks_like_key = lit.contains('.')
                && !lit.contains(' ')
                && !lit.ends_with(".json")
                && !lit.ends_with(".ttf")
                && lit.split('.').all(|w| {
                    !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
                });
            if looks_like_key {
                used += 1;
                if !keys.contains(&lit.to_string()) {
                    missing.push(format!("{}: {lit}", path.display()));
                }
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(used > 100, "only {used} keys found; is the scan broken?");
    assert!(missing.is_empty(), "keys missing from en.json:\n{}", missing.join("\n"));
    // Keys built at run time.
    for season in ["spring", "summer", "autumn", "winter"] {
        assert!(keys.contains(&format!("season.{season}")), "season.{season}");
    }
}

#[test]
fn placeholders_in_strings_are_well_formed() {
    let strings = Strings::english();
    for key in strings.keys() {
        let text = strings.get(key);
        assert_eq!(text.matches('{').count(), text.matches('}').count(), "{key}: {text}");
        assert!(!text.trim().is_empty(), "{key} is empty");
    }
}

/// Every interface key is in every language, with the same placeholders,
/// and every data text (events, glossary, codex, endings, debrief questions,
/// source notes, the knowledge check) has its Chinese beside its English.
#[test]
fn english_and_chinese_are_complete() {
    let placeholders = |t: &str| {
        let mut v: Vec<String> =
            t.split('{').skip(1).filter_map(|r| r.split_once('}')).map(|(n, _)| n.to_string()).collect();
        v.sort();
        v.dedup();
        v
    };
    let en = Strings::of(Lang::En);
    let zh = Strings::of(Lang::Zh);
    let en_keys: Vec<&String> = en.keys().collect();
    let zh_keys: Vec<&String> = zh.keys().collect();
    let missing: Vec<_> = en_keys.iter().filter(|k| !zh_keys.contains(k)).collect();
    let extra: Vec<_> = zh_keys.iter().filter(|k| !en_keys.contains(k)).collect();
    assert!(missing.is_empty(), "keys missing from zh.json: {missing:?}");
    assert!(extra.is_empty(), "keys in zh.json that en.json lacks: {extra:?}");
    for key in en.keys() {
        assert_eq!(placeholders(&en.get(key)), placeholders(&zh.get(key)), "{key}");
        if key != "language.switch" {
            assert!(!zh.get(key).is_ascii() || zh.get(key) == en.get(key), "{key} is not translated");
        }
    }
    let data = sim::Data::builtin();
    let mut texts: Vec<(String, &sim::data::Text)> = data.texts();
    let check = classroom::KnowledgeCheck::builtin();
    for q in &check.questions {
        texts.push((format!("knowledge {}", q.id), &q.question));
        texts.push((format!("knowledge {} explanation", q.id), &q.explanation));
        for (i, o) in q.options.iter().enumerate() {
            texts.push((format!("knowledge {} option {i}", q.id), o));
        }
    }
    assert!(texts.len() > 380, "only {} data texts found", texts.len());
    for (id, text) in &texts {
        for (en_tag, zh_tag) in [("en", "zh"), ("en-x-reduced", "zh-x-reduced")] {
            match (text.get(en_tag), text.get(zh_tag)) {
                (Some(e), Some(z)) => {
                    assert_eq!(placeholders(e), placeholders(z), "{id} ({zh_tag})");
                    assert!(!z.trim().is_empty(), "{id} ({zh_tag}) is empty");
                }
                (Some(_), None) => panic!("{id} has no {zh_tag} text"),
                (None, Some(_)) => panic!("{id} has {zh_tag} but no {en_tag}"),
                (None, None) => {}
            }
        }
    }
}

/// The characters a language's font must draw: that language's strings and
/// data texts, plus everything shown as it is in both (source citations,
/// English fallbacks, symbols in the code).
fn shown_in(lang: Lang) -> String {
    let mut shown = String::new();
    let strings = Strings::of(lang);
    for key in strings.keys() {
        shown.push_str(&strings.get(key));
    }
    let data = sim::Data::builtin();
    // Every variant of a data text (reduced intensity included).
    for (_, text) in data.texts() {
        for (tag, t) in text {
            if tag.starts_with(lang.code()) {
                shown.push_str(t);
            }
        }
    }
    for q in &classroom::KnowledgeCheck::builtin().questions {
        for t in std::iter::once(&q.question).chain(&q.options).chain(std::iter::once(&q.explanation)) {
            shown.extend(t.iter().filter(|(tag, _)| tag.starts_with(lang.code())).flat_map(|(_, v)| v.chars()));
        }
    }
    for source in &data.sources {
        shown.push_str(&source.citation);
    }
    // Labels written in the code itself are symbols only (+, –, %); check
    // every non-ASCII character in the sources too.
    for (_, code) in game_sources() {
        shown.extend(code.chars().filter(|c| !c.is_ascii() && !is_han(*c)));
    }
    shown
}

fn is_han(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

fn missing_glyphs(font_file: &str, shown: &str) -> Vec<char> {
    use skrifa::MetadataProvider;
    let bytes = std::fs::read(format!("{}/assets/fonts/{font_file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let font = skrifa::FontRef::new(&bytes).unwrap();
    let charmap = font.charmap();
    let mut missing: Vec<char> = shown.chars().filter(|c| !c.is_control() && charmap.map(*c).is_none()).collect();
    missing.sort();
    missing.dedup();
    missing
}

#[test]
fn every_character_the_game_shows_is_in_its_font() {
    // The language button keeps its own small font (its label is in the other language).
    let switch: String = Lang::ALL.iter().map(|l| Strings::of(*l).get("language.switch")).collect();
    let missing = missing_glyphs("NotoSansSC-label.otf", &switch);
    assert!(missing.is_empty(), "characters without a glyph in the label font: {missing:?}");
    let latin: String = shown_in(Lang::En).chars().filter(|c| !switch.contains(*c) || c.is_ascii()).collect();
    let missing = missing_glyphs("NotoSans-subset.ttf", &latin);
    assert!(missing.is_empty(), "characters without a glyph in the Latin font: {missing:?}");
    // In Chinese every text is drawn with the Chinese font (Bevy does not
    // fall back between fonts), so it must also cover the English fallbacks.
    let both = shown_in(Lang::Zh) + &shown_in(Lang::En);
    let missing = missing_glyphs("NotoSansSC-subset.otf", &both);
    assert!(missing.is_empty(), "characters without a glyph in the Chinese font: {missing:?}");
    assert_eq!(ZH_FONT, "fonts/NotoSansSC-subset.otf");
}

/// No Chinese is written in the Rust code: every Chinese word is in the
/// resource files.
#[test]
fn no_chinese_in_the_code() {
    for (path, code) in game_sources() {
        let han: String = code.chars().filter(|c| is_han(*c)).collect();
        assert!(han.is_empty(), "{} has Chinese text: {han}", path.display());
    }
}

#[test]
fn data_templates_leave_units_to_the_formatter() {
    // `fill_values` writes a *_kg value with its unit ("1,740 t", "350 kg").
    let data = sim::Data::builtin();
    for (id, text) in data.texts() {
        for (lang, t) in text.iter() {
            assert!(!t.contains("_kg} kg") && !t.contains("_kg} t"), "{id} ({lang}) repeats the unit: {t}");
        }
    }
}
