//! The architecture rule, checked on the source: arrows point down. Every `src/` file is parsed
//! with `syn`; every path it names (`use` trees, globs, and paths in code such as
//! `card::toast(..)` after `use crate::card`) is resolved to the file that defines the item,
//! following `pub use` re-exports to the file the item really lives in. Test code
//! (`#[cfg(test)]` items, `tests.rs`, `tests/` folders) and the fake Feishu are left out, as the
//! rule allows.
//!
//! Two checks: no circle between files (a file never imports, directly or through others, a file
//! that imports it back), and the pure core (`domain`, `command`, `card`, `calendar`,
//! `minutes`) imports nothing from the edges (`store`, `feishu`, `http`, `service`, `outbox`,
//! `cli`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

const PURE: &[&str] = &["domain", "command", "card", "calendar", "minutes"];
const EDGES: &[&str] = &["store", "feishu", "http", "service", "outbox", "cli"];

/// One source file: its module path and what it declares.
struct SourceFile {
    rel: String,
    module: Vec<String>,
    ast: syn::File,
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let graph = Graph::load();
    let circles = graph.circles();
    assert!(
        circles.is_empty(),
        "import circles between files ({}):\n{}",
        circles.len(),
        circles
            .iter()
            .map(|c| format!("  {}", c.join(" ⇄ ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The check sees the edges it should: a sanity floor, so a parser that found nothing
    // cannot pass.
    assert!(graph.files.len() > 100, "only {} files parsed", graph.files.len());
    assert!(graph.edges.values().map(BTreeSet::len).sum::<usize>() > 300);
}

#[test]
fn the_pure_core_imports_nothing_from_the_edges() {
    let graph = Graph::load();
    let mut bad = Vec::new();
    for (from, tos) in &graph.edges {
        if !PURE.contains(&top(from)) {
            continue;
        }
        for to in tos {
            if EDGES.contains(&top(to)) {
                bad.push(format!("  {from} -> {to}"));
            }
        }
    }
    assert!(bad.is_empty(), "pure files importing edges:\n{}", bad.join("\n"));
}

#[test]
fn the_resolver_follows_re_exports_and_code_paths() {
    // Known shapes, so the checks above cannot pass by resolving nothing.
    let graph = Graph::load();
    let has = |from: &str, to: &str| graph.edges.get(from).is_some_and(|t| t.contains(to));
    // `use crate::domain::time::…` straight to the file.
    assert!(has("card/fmt.rs", "domain/time.rs"));
    // `crate::card::toast` is re-exported by card/mod.rs from card/notice.rs.
    let service_uses_notice = graph
        .edges
        .iter()
        .any(|(from, to)| from.starts_with("service/") && to.contains("card/notice.rs"));
    assert!(service_uses_notice);
}

fn top(rel: &str) -> &str {
    let first = rel.split('/').next().unwrap_or(rel);
    first.strip_suffix(".rs").unwrap_or(first)
}

struct Graph {
    files: BTreeMap<Vec<String>, SourceFile>,
    edges: BTreeMap<String, BTreeSet<String>>,
}

impl Graph {
    fn load() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = BTreeMap::new();
        for path in rust_files(&root) {
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if is_test_file(&rel) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
            let module = module_of(&rel);
            files.insert(module.clone(), SourceFile { rel, module, ast });
        }
        let mut graph = Self {
            files,
            edges: BTreeMap::new(),
        };
        let mut edges = BTreeMap::new();
        for file in graph.files.values() {
            let mut found = BTreeSet::new();
            let imports = imports_of(file);
            let mut walker = Paths { found: Vec::new() };
            walker.visit_file(&strip_tests(&file.ast));
            let mut targets: Vec<Vec<String>> = imports.values().cloned().collect();
            targets.extend(imports_globs(file));
            for path in walker.found {
                if let Some(abs) = absolute(file, &imports, &path, &graph) {
                    targets.push(abs);
                }
            }
            for t in targets {
                if let Some(to) = graph.resolve(&t, 0)
                    && to != file.rel
                {
                    found.insert(to);
                }
            }
            edges.insert(file.rel.clone(), found);
        }
        graph.edges = edges;
        graph
    }

    /// The file that defines `path` (absolute, from the crate root).
    fn resolve(&self, path: &[String], depth: usize) -> Option<String> {
        for n in (0..=path.len()).rev() {
            let Some(file) = self.files.get(&path[..n]) else {
                continue;
            };
            if depth < 8
                && let Some(item) = path.get(n)
                && let Some(target) = re_exports(file).get(item)
                && target.as_slice() != path
            {
                return self.resolve(target, depth + 1).or_else(|| Some(file.rel.clone()));
            }
            return Some(file.rel.clone());
        }
        None
    }

    fn circles(&self) -> Vec<Vec<String>> {
        let nodes: Vec<&String> = self.edges.keys().collect();
        let index: BTreeMap<&String, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let adj: Vec<Vec<usize>> = nodes
            .iter()
            .map(|n| {
                self.edges[*n]
                    .iter()
                    .filter_map(|t| index.get(t).copied())
                    .collect()
            })
            .collect();
        tarjan(&adj)
            .into_iter()
            .filter(|c| c.len() > 1)
            .map(|c| {
                let mut names: Vec<String> = c.into_iter().map(|i| nodes[i].clone()).collect();
                names.sort();
                names
            })
            .collect()
    }
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn is_test_file(rel: &str) -> bool {
    rel.starts_with("fake_feishu/")
        || rel.ends_with("/tests.rs")
        || rel.ends_with("_tests.rs")
        || rel.split('/').any(|part| part == "tests")
        || rel == "main.rs"
}

fn module_of(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta.require_list().is_ok_and(|l| {
                l.tokens
                    .to_string()
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .any(|w| w == "test")
            })
    })
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        _ => &[],
    }
}

/// The file without its `#[cfg(test)]` items.
fn strip_tests(ast: &syn::File) -> syn::File {
    let mut ast = ast.clone();
    ast.items.retain(|i| !is_cfg_test(item_attrs(i)));
    ast
}

/// `use` trees flattened: (visible name, absolute-ish path as written, is `pub`).
fn use_paths(ast: &syn::File) -> Vec<(String, Vec<String>, bool)> {
    fn walk(
        tree: &syn::UseTree,
        prefix: &mut Vec<String>,
        public: bool,
        out: &mut Vec<(String, Vec<String>, bool)>,
    ) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                walk(&p.tree, prefix, public, out);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let name = n.ident.to_string();
                let mut path = prefix.clone();
                if name == "self" {
                    let last = path.last().cloned().unwrap_or_default();
                    out.push((last, path, public));
                } else {
                    path.push(name.clone());
                    out.push((name, path, public));
                }
            }
            syn::UseTree::Rename(r) => {
                let mut path = prefix.clone();
                if r.ident != "self" {
                    path.push(r.ident.to_string());
                }
                out.push((r.rename.to_string(), path, public));
            }
            syn::UseTree::Glob(_) => out.push(("*".to_owned(), prefix.clone(), public)),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    walk(t, prefix, public, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    for item in &strip_tests(ast).items {
        if let syn::Item::Use(u) = item {
            let public = !matches!(u.vis, syn::Visibility::Inherited);
            walk(&u.tree, &mut Vec::new(), public, &mut out);
        }
    }
    out
}

/// Child modules declared in the file (`mod x;`).
fn children(file: &SourceFile) -> BTreeSet<String> {
    strip_tests(&file.ast)
        .items
        .iter()
        .filter_map(|i| match i {
            syn::Item::Mod(m) => Some(m.ident.to_string()),
            _ => None,
        })
        .collect()
}

/// A path as written in `file` → absolute from the crate root, or `None` for external crates.
fn anchor(file: &SourceFile, path: &[String]) -> Option<Vec<String>> {
    let first = path.first()?;
    let mut base = file.module.clone();
    let mut rest = path;
    match first.as_str() {
        "crate" => {
            base.clear();
            rest = &path[1..];
        }
        "self" => rest = &path[1..],
        "super" => {
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        child if children(file).contains(child) => {}
        _ => return None,
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The names a file imports (name → absolute path), without globs.
fn imports_of(file: &SourceFile) -> BTreeMap<String, Vec<String>> {
    use_paths(&file.ast)
        .into_iter()
        .filter(|(name, _, _)| name != "*")
        .filter_map(|(name, path, _)| anchor(file, &path).map(|abs| (name, abs)))
        .collect()
}

fn imports_globs(file: &SourceFile) -> Vec<Vec<String>> {
    use_paths(&file.ast)
        .into_iter()
        .filter(|(name, _, _)| name == "*")
        .filter_map(|(_, path, _)| anchor(file, &path))
        .collect()
}

/// `pub use` re-exports of a file: name → absolute path.
fn re_exports(file: &SourceFile) -> BTreeMap<String, Vec<String>> {
    use_paths(&file.ast)
        .into_iter()
        .filter(|(name, _, public)| *public && name != "*")
        .filter_map(|(name, path, _)| anchor(file, &path).map(|abs| (name, abs)))
        .collect()
}

/// A path used in code → absolute, through the file's imports.
fn absolute(
    file: &SourceFile,
    imports: &BTreeMap<String, Vec<String>>,
    path: &[String],
    graph: &Graph,
) -> Option<Vec<String>> {
    let first = path.first()?;
    if let Some(abs) = anchor(file, path) {
        return Some(abs);
    }
    let imported = imports.get(first)?;
    // Only module aliases matter here (`card::toast` after `use crate::card`): an imported
    // item's own edge is already counted from the `use`.
    if graph.files.contains_key(imported) {
        let mut abs = imported.clone();
        abs.extend(path[1..].iter().cloned());
        return Some(abs);
    }
    None
}

/// Every multi-segment path in code (expressions, types, patterns, macros' paths).
struct Paths {
    found: Vec<Vec<String>>,
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_path(&mut self, p: &'ast syn::Path) {
        if p.segments.len() > 1 {
            self.found
                .push(p.segments.iter().map(|s| s.ident.to_string()).collect());
        }
        syn::visit::visit_path(self, p);
    }

    fn visit_item_use(&mut self, _: &'ast syn::ItemUse) {}

    // `pub(in crate::x)` names a module for visibility, not a dependency.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if !is_cfg_test(&m.attrs) {
            syn::visit::visit_item_mod(self, m);
        }
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if !is_cfg_test(&f.attrs) {
            syn::visit::visit_item_fn(self, f);
        }
    }
}

/// Strongly connected components (Tarjan, iterative enough for a few hundred files).
fn tarjan(adj: &[Vec<usize>]) -> Vec<Vec<usize>> {
    struct State<'a> {
        adj: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn connect(s: &mut State<'_>, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for &w in &s.adj[v] {
            match s.index[w] {
                None => {
                    connect(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(iw) if s.on_stack[w] => s.low[v] = s.low[v].min(iw),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack[w] = false;
                comp.push(w);
                if w == v {
                    break;
                }
            }
            s.out.push(comp);
        }
    }
    let n = adj.len();
    let mut s = State {
        adj,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            connect(&mut s, v);
        }
    }
    s.out
}
