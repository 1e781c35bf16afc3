//! The modules of `src/` form layers: no file uses a module that uses it back, directly or
//! around a circle. Every `crate::…`, `super::…` and `self::…` path of a file (in a `use` or
//! written inline) is an edge from its module to the module file the path leads into; a
//! child using its own parent's (or an ancestor's) items is not counted, as the parent is
//! where the child is declared. Unit tests (`#[cfg(test)] mod tests { … }` at a file's end)
//! are left out.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// Each module of `src/` (`["chart", "draw", "bars"]`) and the text of its file.
fn modules() -> BTreeMap<Vec<String>, String> {
    let src = repo().join("src");
    let mut modules = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = relative
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
            parts.pop();
        }
        if parts == ["main"] {
            continue; // the binary is a crate of its own, over the library's API
        }
        let mut text = fs::read_to_string(path).unwrap();
        if let Some(at) = text.find("#[cfg(test)]\nmod tests {") {
            text.truncate(at);
        }
        modules.insert(parts, text);
    }
    modules
}

/// The paths a text names from `crate`, `super` or `self`, braces expanded.
fn paths(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let bytes = code.as_bytes();
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .any(|start| rest.starts_with(start));
        let boundary = at == 0
            || !(bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] == b'_'
                || bytes[at - 1] == b':');
        if starts && boundary {
            let end = path_end(rest);
            expand(&rest[..end], &mut found);
            at += end.max(1);
        } else {
            at += rest.chars().next().unwrap().len_utf8();
        }
    }
    found
}

/// Where a path (with its braces) ends.
fn path_end(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            c if depth > 0 || c.is_alphanumeric() || c == '_' || c == ':' => {
                let _ = c;
            }
            _ => return i,
        }
        if depth == 0 && c == '}' {
            return i + 1;
        }
    }
    text.len()
}

/// `a::{b, c::{d, e}}` as `a::b`, `a::c::d`, `a::c::e`.
fn expand(path: &str, found: &mut Vec<String>) {
    let Some(open) = path.find('{') else {
        found.push(path.trim_end_matches(':').to_owned());
        return;
    };
    let prefix = &path[..open];
    let inner = &path[open + 1..path.rfind('}').unwrap_or(path.len())];
    let mut depth = 0;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    for part in parts {
        let part: String = part.split_whitespace().collect::<Vec<_>>().join(" ");
        let part = part.split(" as ").next().unwrap_or("").trim();
        if part.is_empty() {
            continue;
        }
        if part == "self" {
            found.push(prefix.trim_end_matches(':').to_owned());
        } else {
            expand(&format!("{prefix}{part}"), found);
        }
    }
}

/// The module a path from `module` leads into: the longest prefix that is a module file.
fn target(module: &[String], path: &str, known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut segments = path.split("::").filter(|s| !s.is_empty());
    let mut at: Vec<String> = match segments.next()? {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => module[..module.len().checked_sub(1)?].to_vec(),
        _ => return None,
    };
    let mut found = at.clone();
    for segment in segments {
        if segment == "super" {
            at.pop();
            found = at.clone();
            continue;
        }
        at.push(segment.to_owned());
        if known.contains(&at) {
            found = at.clone();
        } else {
            break;
        }
    }
    Some(found)
}

/// The edges between module files: (from, to) with how many paths make each.
fn edges() -> BTreeMap<(Vec<String>, Vec<String>), usize> {
    let modules = modules();
    let known: BTreeSet<Vec<String>> = modules.keys().cloned().collect();
    let mut edges = BTreeMap::new();
    for (module, text) in &modules {
        for path in paths(text) {
            let Some(to) = target(module, &path, &known) else {
                continue;
            };
            // A module's own items, and an ancestor's (where it is declared), are no edge.
            if to == *module || module.starts_with(&to) {
                continue;
            }
            *edges.entry((module.clone(), to)).or_insert(0) += 1;
        }
    }
    edges
}

/// The groups of modules that use each other around a circle (strongly connected, more
/// than one module), by Tarjan's algorithm.
fn circles(edges: &BTreeMap<(Vec<String>, Vec<String>), usize>) -> Vec<Vec<Vec<String>>> {
    let mut next: BTreeMap<&Vec<String>, Vec<&Vec<String>>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        next.entry(from).or_default().push(to);
        next.entry(to).or_default();
    }
    struct State<'a> {
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on_stack: BTreeSet<&'a Vec<String>>,
        groups: Vec<Vec<Vec<String>>>,
    }
    fn visit<'a>(
        node: &'a Vec<String>,
        next: &BTreeMap<&'a Vec<String>, Vec<&'a Vec<String>>>,
        state: &mut State<'a>,
    ) {
        let index = state.index.len();
        state.index.insert(node, index);
        state.low.insert(node, index);
        state.stack.push(node);
        state.on_stack.insert(node);
        for &to in &next[node] {
            if !state.index.contains_key(to) {
                visit(to, next, state);
                let low = state.low[node].min(state.low[to]);
                state.low.insert(node, low);
            } else if state.on_stack.contains(to) {
                let low = state.low[node].min(state.index[to]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut group = Vec::new();
            while let Some(top) = state.stack.pop() {
                state.on_stack.remove(top);
                group.push(top.clone());
                if top == node {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                state.groups.push(group);
            }
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        groups: Vec::new(),
    };
    let nodes: Vec<_> = next.keys().copied().collect();
    for node in nodes {
        if !state.index.contains_key(node) {
            visit(node, &next, &mut state);
        }
    }
    state.groups
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_owned()
    } else {
        module.join("::")
    }
}

#[test]
fn no_module_uses_a_module_that_uses_it_back() {
    let edges = edges();
    let groups = circles(&edges);
    let paths: usize = edges.values().sum();
    let in_circles: Vec<String> = edges
        .iter()
        .filter(|((from, to), _)| groups.iter().any(|g| g.contains(from) && g.contains(to)))
        .map(|((from, to), n)| format!("{} → {} ({n})", name(from), name(to)))
        .collect();
    println!(
        "{paths} paths between files, {} edges between modules; {} circles, {} edges in them",
        edges.len(),
        groups.len(),
        in_circles.len()
    );
    for group in &groups {
        println!(
            "circle: {}",
            group.iter().map(|m| name(m)).collect::<Vec<_>>().join(", ")
        );
    }
    for edge in &in_circles {
        println!("  {edge}");
    }
    assert!(
        groups.is_empty(),
        "modules use each other around a circle (see above)"
    );
}

/// Every file of `src/` reads in one sitting.
#[test]
fn no_file_of_src_is_over_500_lines() {
    let long: Vec<String> = walkdir::WalkDir::new(repo().join("src"))
        .into_iter()
        .map(|entry| entry.unwrap().into_path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .filter_map(|path| {
            let lines = fs::read_to_string(&path).unwrap().lines().count();
            (lines > 500).then(|| format!("{} ({lines} lines)", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over 500 lines: {long:?}");
}

/// No global state: what a function needs is passed to it.
#[test]
fn src_holds_no_global_state() {
    for (module, text) in modules() {
        for line in text.lines() {
            let code = line.trim_start();
            // A `static` (a `Mutex`, a `OnceLock`, a `LazyLock` in one) is shared by every
            // build of the process; a field of a value is not.
            let global = [
                "static ",
                "pub static ",
                "pub(crate) static ",
                "thread_local!",
            ]
            .iter()
            .any(|start| code.starts_with(start))
                || code.contains("lazy_static!");
            assert!(!global, "{}: {line}", name(&module));
        }
    }
}
