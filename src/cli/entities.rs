//! `akhbar entities`: the people, places and organisations named in text
//! from stdin, by the same extractor the enrichment stage runs, so scripts
//! can use it and users can see what the entities pane will say.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::intel::ner::Extractor;
use crate::model::EntityKind;
use crate::text::sanitize::{for_terminal, strip_controls};

/// Reads stdin (invalid UTF-8 replaced), extracts its entities and prints
/// them: JSON (`[{ "text", "kind", "count", "key" }]`, most mentioned
/// first) or one line per entity grouped by kind.
pub fn run(json: bool) -> anyhow::Result<ExitCode> {
    let mut input = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut input)
        .context("cannot read stdin")?;
    let text = strip_controls(&String::from_utf8_lossy(&input));
    let mut entities = Extractor::global().extract("", &text);
    let kind_rank = |k: EntityKind| match k {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Org => 2,
        EntityKind::Misc => 3,
    };
    let mut out = std::io::stdout().lock();
    if json {
        entities.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        serde_json::to_writer_pretty(&mut out, &entities)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    entities.sort_by(|a, b| {
        kind_rank(a.kind)
            .cmp(&kind_rank(b.kind))
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| a.key.cmp(&b.key))
    });
    for e in &entities {
        writeln!(
            out,
            "{:<6} {:>3}  {}",
            e.kind.as_str(),
            e.count,
            for_terminal(&e.display)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
