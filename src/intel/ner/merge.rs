//! Per-article normalisation: mentions → one entity per real thing.
//! «بوتين», «فلاديمير بوتين» and «لبوتين» become one person shown as
//! «فلاديمير بوتين» with three mentions.

use std::collections::{HashMap, HashSet};

use super::Tagged;
use super::arabic::strip_clitics;
use super::gazetteer::Gazetteer;
use super::tokenize::is_arabic_char;
use crate::model::{Entity, EntityKind};
use crate::text::fold::is_harakah;

/// One mention of a name in an article.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    folded: Vec<String>,
    surface: Vec<String>,
    kind: EntityKind,
    gaz_id: Option<String>,
}

fn is_punct_token(t: &str) -> bool {
    !t.chars().any(char::is_alphanumeric)
}

/// Appends the mentions of a tagged sentence, trimming punctuation at the
/// span edges.
pub(super) fn collect_mentions(t: &Tagged<'_>, gaz: &Gazetteer, out: &mut Vec<Mention>) {
    for (span, entry) in &t.spans {
        let (mut s, mut e) = (span.start, span.end);
        while s < e && is_punct_token(t.tokens[s]) {
            s += 1;
        }
        while e > s && is_punct_token(t.tokens[e - 1]) {
            e -= 1;
        }
        if s == e {
            continue;
        }
        let gaz_id = entry.and_then(|i| gaz.entry(i)).map(|en| en.id.clone());
        out.push(Mention {
            folded: t.infos[s..e].iter().map(|i| i.folded.clone()).collect(),
            surface: t.tokens[s..e].iter().map(|x| x.to_string()).collect(),
            kind: span.kind,
            gaz_id,
        });
    }
}

/// Drops `n` leading letters (not counting harakat) from a surface word,
/// turning a leading «لل» into «ال» when the folded form was rewritten so.
fn drop_letters(word: &str, n: usize, to_article: bool) -> String {
    let mut seen = 0;
    let mut cut = 0;
    for (i, c) in word.char_indices() {
        if seen == n {
            cut = i;
            break;
        }
        if !is_harakah(c) {
            seen += 1;
        }
        cut = i + c.len_utf8();
    }
    let rest = &word[cut..];
    match rest.strip_prefix("لل") {
        Some(r) if to_article => format!("ال{r}"),
        _ => rest.to_string(),
    }
}

fn kind_prefix(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "per",
        EntityKind::Place => "loc",
        EntityKind::Org => "org",
        EntityKind::Misc => "misc",
    }
}

struct Group {
    key: String,
    kind: EntityKind,
    folded: Vec<String>,
    display: String,
    count: u32,
    gaz: bool,
    first: usize,
}

fn contains_seq(long: &[String], short: &[String]) -> bool {
    short.len() < long.len() && long.windows(short.len()).any(|w| w == short)
}

/// Normalises and merges the mentions of one article.
pub(super) fn merge(mut mentions: Vec<Mention>, gaz: &Gazetteer) -> Vec<Entity> {
    let mut known: HashSet<String> = HashSet::new();
    for m in &mentions {
        known.extend(m.folded.iter().skip(1).cloned());
    }
    let firsts: Vec<String> = mentions.iter().filter_map(|m| m.folded.first().cloned()).collect();
    let is_known = |x: &str| known.contains(x) || firsts.iter().any(|f| f == x) || gaz.is_name_token(x);
    for m in &mut mentions {
        let (Some(first), Some(surf)) = (m.folded.first().cloned(), m.surface.first().cloned()) else {
            continue;
        };
        if !first.chars().any(is_arabic_char) {
            continue;
        }
        let stripped = strip_clitics(&first, &is_known);
        if stripped != first {
            let dropped = first.chars().count().saturating_sub(stripped.chars().count());
            m.surface[0] = drop_letters(&surf, dropped, stripped.starts_with("ال"));
            m.folded[0] = stripped;
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (n, m) in mentions.into_iter().enumerate() {
        let key = m
            .gaz_id
            .clone()
            .unwrap_or_else(|| format!("{}:{}", kind_prefix(m.kind), m.folded.join(" ")));
        let display = m.surface.join(" ");
        match by_key.get(&key) {
            Some(&g) => {
                let g = &mut groups[g];
                g.count += 1;
                if display.chars().count() > g.display.chars().count() {
                    g.display = display;
                    g.folded = m.folded;
                }
            }
            None => {
                by_key.insert(key.clone(), groups.len());
                groups.push(Group {
                    key,
                    kind: m.kind,
                    folded: m.folded,
                    display,
                    count: 1,
                    gaz: m.gaz_id.is_some(),
                    first: n,
                });
            }
        }
    }
    merge_person_parts(&mut groups);
    groups.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));
    groups
        .into_iter()
        .map(|g| Entity {
            key: g.key,
            display: g.display,
            kind: g.kind,
            count: g.count,
        })
        .collect()
}

/// Folds a person group whose name is part of a longer person name
/// («بوتين» in «فلاديمير بوتين») into the longer one; a gazetteer id on
/// either side becomes the key.
fn merge_person_parts(groups: &mut Vec<Group>) {
    loop {
        let mut found = None;
        'outer: for (i, short) in groups.iter().enumerate() {
            if short.kind != EntityKind::Person {
                continue;
            }
            let mut best: Option<usize> = None;
            for (j, long) in groups.iter().enumerate() {
                if i != j && long.kind == EntityKind::Person && contains_seq(&long.folded, &short.folded) {
                    if best.is_some_and(|b| groups[b].count >= long.count) {
                        continue;
                    }
                    best = Some(j);
                }
            }
            if let Some(j) = best {
                found = Some((i, j));
                break 'outer;
            }
        }
        let Some((i, j)) = found else {
            return;
        };
        let short = groups.remove(i);
        let j = if j > i { j - 1 } else { j };
        let long = &mut groups[j];
        long.count += short.count;
        long.first = long.first.min(short.first);
        if short.gaz && !long.gaz {
            long.key = short.key;
            long.gaz = true;
        }
    }
}
