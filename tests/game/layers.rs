//! The layers of `src/` and the rules that keep them: core -> game -> ui/a11y
//! -> screens/kiosk -> probe -> web, with lib.rs on top (each may import only
//! the layers `LAYERS` gives it); no import cycle between files; imports only
//! through `use`; no file over 400 lines; and in the rules core only the
//! season's sequence (and its drivers) imports `turn`.
//!
//! The sources are read as text by a small scanner: comments and string/char
//! literals are blanked out, the rest is cut into tokens, every `use` item
//! (anywhere, any visibility, nested braces) is expanded into full paths, and
//! `crate::`/`super::` paths outside `use` items are collected too. A path is
//! resolved from `crate::`, `super::`, `self::` or a child declared with
//! `mod x;`; any other first segment is another crate (`bevy`, `sim`, ...) and
//! ignored. A resolved path belongs to the file of its deepest module that is
//! a file: `crate::game::draft::Draft` to game/draft.rs, `crate::game::Draft`
//! (a re-export) to game/mod.rs, an item of an inline `mod palette { .. }` to
//! the file that holds it. Every path naming another file is a dependency on
//! it, for the cycles and the layers too, whether or not it is in a `use`.
//!
//! A top-level module missing from `LAYERS` (none in the target layout) is
//! held only to the cycle, `use`-only and length rules, not to the matrix.
//! main.rs is the binary, a crate of its own, and is skipped.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
const SIM_SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/sim/src");
const MAX_LINES: usize = 400;

/// Each layer and the other layers it may import. Files of one layer may
/// import each other (screens/ with its own rule, below); lib.rs anything.
const LAYERS: &[(&str, &[&str])] = &[
    ("core", &[]),
    ("game", &["core"]),
    ("ui", &["core", "game"]),
    ("a11y", &["core", "ui"]),
    ("screens", &["core", "game", "ui"]),
    ("kiosk", &["core", "game", "ui"]),
    ("probe", &["core", "game", "ui", "a11y"]),
    ("web", &["core", "game", "ui", "a11y", "probe"]),
];

/// The files of crates/sim/src that may import its `turn` module (with bin/).
const TURN_USERS: &[&str] = &["lib.rs", "turn.rs", "policy.rs", "strategy.rs", "replay.rs", "summary.rs"];

/// A path named in a file.
struct Ref {
    line: usize,
    is_use: bool,
    written: String,          // as written: "super::season::Draft"
    abs: Option<Vec<String>>, // from the crate root: ["screens", "season", "Draft"]; None: another crate
}

struct File {
    name: String,        // from the source root: "screens/season.rs"
    module: Vec<String>, // ["screens", "season"]; [] for lib.rs
    lines: usize,
    refs: Vec<Ref>,
}

/// All files under one source root, and the file of each module.
struct Tree {
    files: Vec<File>,
    modules: BTreeMap<Vec<String>, usize>,
}

impl Tree {
    fn load(root: &str) -> Tree {
        let mut names = Vec::new();
        list(Path::new(root), "", &mut names);
        names.sort();
        names.retain(|n| n != "main.rs");
        let mut files = Vec::new();
        for name in names {
            let text = std::fs::read_to_string(Path::new(root).join(&name)).unwrap();
            let mut module: Vec<String> = name.trim_end_matches(".rs").split('/').map(String::from).collect();
            if name == "lib.rs" || module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            let refs = scan(&tokens(&strip(&text)), &module);
            files.push(File { name, module, lines: text.lines().count(), refs });
        }
        let modules = files.iter().enumerate().map(|(i, f)| (f.module.clone(), i)).collect();
        Tree { files, modules }
    }

    /// Every path of a file naming another file of the tree: (from, to, path).
    fn edges(&self) -> Vec<(usize, usize, &Ref)> {
        let mut out = Vec::new();
        for (from, f) in self.files.iter().enumerate() {
            for r in &f.refs {
                let Some(abs) = &r.abs else { continue };
                // The deepest module of the path that is a file.
                let to = (0..=abs.len()).rev().find_map(|k| self.modules.get(&abs[..k]).copied());
                if let Some(to) = to.filter(|&to| to != from) {
                    out.push((from, to, r));
                }
            }
        }
        out
    }
}

fn list(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let name = format!("{prefix}{}", path.file_name().unwrap().to_string_lossy());
        if path.is_dir() {
            list(&path, &format!("{name}/"), out);
        } else if name.ends_with(".rs") {
            out.push(name);
        }
    }
}

fn crate_path(abs: &[String]) -> String {
    std::iter::once("crate").chain(abs.iter().map(String::as_str)).collect::<Vec<_>>().join("::")
}

/// Fails once with all `problems` ("file:line ..."), sorted by file and line.
fn fail_if_any(what: &str, mut problems: Vec<String>) {
    problems.sort_by_key(|p| {
        let (file, rest) = p.split_once(':').unwrap_or((p, ""));
        let line: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (file.to_string(), line.parse().unwrap_or(0), p.clone())
    });
    problems.dedup();
    assert!(problems.is_empty(), "{what} ({}):\n  {}\n", problems.len(), problems.join("\n  "));
}

// ---- the scanner ----------------------------------------------------------

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The source with comments and string/char literals turned into spaces
/// (newlines kept, so line numbers stay). Lifetimes and labels are kept.
fn strip(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let before = |i: usize, k: usize| i.checked_sub(k).map_or('\0', |j| c[j]);
    let mut out = c.clone();
    let mut i = 0;
    while i < c.len() {
        let start = i;
        // r"..", r#".."#, br".." (not the raw identifier r#x): the number of #.
        let raw = (!is_ident(before(i, 1)) || (matches!(before(i, 1), 'b' | 'c') && !is_ident(before(i, 2))))
            .then(|| c[i + 1..].iter().take_while(|&&h| h == '#').count())
            .filter(|&h| at(i) == 'r' && at(i + 1 + h) == '"');
        if at(i) == '/' && at(i + 1) == '/' {
            i = c[i..].iter().position(|&x| x == '\n').map_or(c.len(), |p| i + p);
        } else if at(i) == '/' && at(i + 1) == '*' {
            let mut depth = 0; // block comments nest
            while i < c.len() {
                let pair = (at(i), at(i + 1));
                depth += if pair == ('/', '*') {
                    1
                } else if pair == ('*', '/') {
                    -1
                } else {
                    0
                };
                i += if matches!(pair, ('/', '*') | ('*', '/')) { 2 } else { 1 };
                if depth == 0 {
                    break;
                }
            }
        } else if let Some(hashes) = raw {
            i += hashes + 2;
            while i < c.len() && !(c[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#')) {
                i += 1;
            }
            i += hashes + 1;
        } else if at(i) == '"' || (at(i) == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'')) {
            // A string, or a char literal ('x', '"', '\''), not a lifetime ('a).
            i += 1;
            while i < c.len() && c[i] != c[start] {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else {
            i += 1;
            continue;
        }
        for ch in &mut out[start..i.min(c.len())] {
            if *ch != '\n' {
                *ch = ' ';
            }
        }
    }
    out.into_iter().collect()
}

/// Tokens with their line: identifiers (`r#x` kept whole), `::`, or one
/// character of punctuation.
fn tokens(code: &str) -> Vec<(String, usize)> {
    let c: Vec<char> = code.chars().collect();
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    while i < c.len() {
        let start = i;
        let raw_ident = c[i] == 'r' && c.get(i + 1) == Some(&'#') && c.get(i + 2).is_some_and(|&d| is_ident(d));
        if raw_ident || is_ident(c[i]) {
            i += if raw_ident { 3 } else { 1 };
            while i < c.len() && is_ident(c[i]) {
                i += 1;
            }
            out.push((c[start..i].iter().collect(), line));
            continue;
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            out.push(("::".into(), line));
            i += 1;
        } else if c[i] == '\n' {
            line += 1;
        } else if !c[i].is_whitespace() {
            out.push((c[i].to_string(), line));
        }
        i += 1;
    }
    out
}

fn word(t: &[(String, usize)], i: usize) -> &str {
    t.get(i).map_or("", |t| t.0.as_str())
}

fn is_name(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The use tree at `i` expanded into full paths (`a::*` and `a::{self}` name
/// `a`); returns the index after it.
fn use_tree(t: &[(String, usize)], mut i: usize, mut path: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    loop {
        match word(t, i) {
            "::" => i += 1,
            "{" => {
                i += 1;
                while !matches!(word(t, i), "}" | "") {
                    i = if word(t, i) == "," { i + 1 } else { use_tree(t, i, path.clone(), out) };
                }
                return i + 1;
            }
            "*" => {
                out.push(path);
                return i + 1;
            }
            w if is_name(w) => {
                if w != "self" || path.is_empty() {
                    path.push(w.to_string());
                }
                i += 1;
                if word(t, i) != "::" {
                    out.push(path);
                    return if word(t, i) == "as" { i + 2 } else { i };
                }
            }
            _ => return i, // `$crate` in a macro, or junk: no path of this crate
        }
    }
}

/// The `use` paths and the `crate::`/`super::` paths outside `use` items of
/// the file of module `module`.
fn scan(t: &[(String, usize)], module: &[String]) -> Vec<Ref> {
    let mut children = BTreeSet::new(); // (module, name) of each `mod name;`
    let mut found = Vec::new(); // (line, is a use, module it is written in, path)
    let mut blocks: Vec<Option<String>> = Vec::new(); // open braces; Some(name) for `mod name {`
    let here = |blocks: &[Option<String>]| module.iter().chain(blocks.iter().flatten()).cloned().collect::<Vec<_>>();
    let mut i = 0;
    while i < t.len() {
        let (w, line) = (word(t, i), t[i].1);
        if w == "mod" && is_name(word(t, i + 1)) && matches!(word(t, i + 2), ";" | "{") {
            let name = word(t, i + 1).to_string();
            if word(t, i + 2) == ";" {
                children.insert((here(&blocks), name));
            } else {
                blocks.push(Some(name));
            }
            i += 3;
        } else if w == "use" && word(t, i + 1) != "<" {
            // A use item (`use<'a>` is a bound of an `impl Trait`).
            let mut paths = Vec::new();
            i = use_tree(t, i + 1, Vec::new(), &mut paths);
            found.extend(paths.into_iter().map(|p| (line, true, here(&blocks), p)));
        } else if matches!(w, "crate" | "super") && word(t, i + 1) == "::" {
            let mut path = vec![w.to_string()];
            let prev = (word(t, i.wrapping_sub(2)), word(t, i.wrapping_sub(1)));
            i += 1;
            while word(t, i) == "::" && is_name(word(t, i + 1)) {
                path.push(word(t, i + 1).to_string());
                i += 2;
            }
            // `pub(in crate::a)` and `$crate::` (in a macro) import nothing.
            if prev != ("(", "in") && prev.1 != "$" {
                found.push((line, false, here(&blocks), path));
            }
        } else {
            match w {
                "{" => blocks.push(None),
                "}" => drop(blocks.pop()),
                _ => {}
            }
            i += 1;
        }
    }
    let resolve = |at: &[String], path: &[String]| -> Option<Vec<String>> {
        let (mut base, mut rest) = (at.to_vec(), path);
        match rest.first()?.as_str() {
            "crate" => (base, rest) = (Vec::new(), &rest[1..]),
            "self" => rest = &rest[1..],
            "super" => {
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
            }
            first if children.contains(&(at.to_vec(), first.to_string())) => {}
            _ => return None,
        }
        Some(base.into_iter().chain(rest.iter().cloned()).collect())
    };
    let refs = found.into_iter().map(|(line, is_use, at, path)| Ref {
        line,
        is_use,
        written: path.join("::"),
        abs: resolve(&at, &path),
    });
    refs.collect()
}

// ---- the rules -------------------------------------------------------------

#[test]
fn src_has_no_import_cycle() {
    let tree = Tree::load(SRC);
    let n = tree.files.len();
    let mut next = vec![BTreeSet::new(); n];
    for (from, to, _) in tree.edges() {
        next[from].insert(to);
    }
    // The shortest path of files from `a` to `b` (without `b`); a == b: the
    // shortest cycle through `a`.
    let shortest = |a: usize, b: usize| -> Option<Vec<usize>> {
        let mut before = vec![usize::MAX; n];
        let mut queue = VecDeque::from([a]);
        while let Some(x) = queue.pop_front() {
            for &y in &next[x] {
                if y == b {
                    let mut path = vec![x];
                    while path[path.len() - 1] != a {
                        path.push(before[path[path.len() - 1]]);
                    }
                    path.reverse();
                    return Some(path);
                }
                if before[y] == usize::MAX {
                    before[y] = x;
                    queue.push_back(y);
                }
            }
        }
        None
    };
    // Files that reach each other form a component; for each, report every
    // pair of files importing each other and the shortest cycle through each
    // file, each cycle once.
    let name = |i: usize| tree.files[i].name.as_str();
    let (mut problems, mut seen) = (Vec::new(), vec![false; n]);
    for a in 0..n {
        if seen[a] || shortest(a, a).is_none() {
            continue;
        }
        let part: Vec<usize> =
            (0..n).filter(|&b| b == a || shortest(a, b).is_some() && shortest(b, a).is_some()).collect();
        let mut cycles = BTreeSet::new();
        for &b in &part {
            seen[b] = true;
            let pairs = next[b].iter().filter(|&&c| b < c && next[c].contains(&b)).map(|&c| vec![b, c]);
            for mut cycle in pairs.chain(shortest(b, b)) {
                let first = (0..cycle.len()).min_by_key(|&k| cycle[k]).unwrap();
                cycle.rotate_left(first);
                cycles.insert(cycle);
            }
        }
        let files: Vec<&str> = part.iter().map(|&b| name(b)).collect();
        problems.push(format!("{} files import each other: {}", part.len(), files.join(", ")));
        for c in cycles {
            let names: Vec<&str> = c.iter().chain(&c[..1]).map(|&b| name(b)).collect();
            problems.push(format!("    {}", names.join(" -> ")));
        }
    }
    let files = seen.iter().filter(|&&s| s).count();
    assert!(problems.is_empty(), "import cycles in src/ ({files} files):\n  {}\n", problems.join("\n  "));
}

#[test]
fn src_imports_run_down_the_layers() {
    let tree = Tree::load(SRC);
    let layer = |m: &[String]| LAYERS.iter().find(|l| m.first().is_some_and(|m| m == l.0));
    let mut problems = Vec::new();
    for (from, to, r) in tree.edges() {
        let (f, t) = (&tree.files[from], &tree.files[to]);
        let Some(&(from_layer, allowed)) = layer(&f.module) else { continue }; // lib.rs, or unknown
        let why = if t.module.is_empty() {
            Some(format!("layer {from_layer} may not import the crate root lib.rs"))
        } else if let Some(&(to_layer, _)) = layer(&t.module) {
            if from_layer == "screens" && to_layer == "screens" {
                match (f.module.get(1).map(String::as_str), t.module.get(1).map(String::as_str)) {
                    (None, _) => None, // screens/mod.rs may import any screen
                    (_, None) => Some("a screen may not import screens/mod.rs"),
                    (Some(a), Some(b)) if a == b => None, // its own screen
                    (Some("parts"), _) => Some("screens/parts may import nothing else in screens/"),
                    (_, Some("parts")) => None,
                    _ => Some("a screen may import only its own files and screens/parts"),
                }
                .map(String::from)
            } else if from_layer != to_layer && !allowed.contains(&to_layer) {
                Some(format!("layer {from_layer} may not import layer {to_layer}"))
            } else {
                None
            }
        } else {
            None // an unknown top-level module
        };
        if let Some(why) = why {
            let how = if r.is_use { "imports" } else { "names" };
            problems.push(format!("{}:{} {how} {} ({why})", f.name, r.line, crate_path(r.abs.as_deref().unwrap())));
        }
    }
    fail_if_any("imports against the layers", problems);
}

#[test]
fn src_imports_through_use_only() {
    let tree = Tree::load(SRC);
    let mut problems = Vec::new();
    for f in &tree.files {
        for r in f.refs.iter().filter(|r| !r.is_use) {
            problems.push(format!("{}:{} names {} outside a `use` item", f.name, r.line, r.written));
        }
    }
    fail_if_any("crate:: or super:: paths outside `use` items", problems);
}

#[test]
fn src_files_are_at_most_400_lines() {
    let tree = Tree::load(SRC);
    let long = tree.files.iter().filter(|f| f.lines > MAX_LINES);
    let problems = long.map(|f| format!("{}: {} lines", f.name, f.lines)).collect();
    fail_if_any(&format!("files of src/ over {MAX_LINES} lines"), problems);
}

#[test]
fn only_the_sequence_imports_turn_in_the_rules_core() {
    let tree = Tree::load(SIM_SRC);
    let mut problems = Vec::new();
    for f in &tree.files {
        let allowed = TURN_USERS.contains(&f.name.as_str()) || f.name.starts_with("bin/");
        if allowed || f.module.first().is_some_and(|m| m == "turn") {
            continue;
        }
        for r in &f.refs {
            if let Some(abs) = r.abs.as_deref().filter(|a| a.first().is_some_and(|m| m == "turn")) {
                problems.push(format!("{}:{} imports {}", f.name, r.line, crate_path(abs)));
            }
        }
    }
    let what = format!("imports of `turn` in crates/sim/src (only {} and bin/ may)", TURN_USERS.join(", "));
    fail_if_any(&what, problems);
}
