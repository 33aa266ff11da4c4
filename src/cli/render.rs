//! `akhbar render`: stdin laid out exactly as the reader pane shows it, so
//! a user can check their terminal in ten seconds and tests can compare
//! screen lines.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context as _;

use super::{Context, RenderArgs};
use crate::text::layout::{LayoutOptions, render_plain};

/// Reads UTF-8 text from stdin and prints its screen lines.
pub fn run(ctx: &Context, args: &RenderArgs) -> anyhow::Result<ExitCode> {
    let mut input = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut input)
        .context("cannot read stdin")?;
    let text = String::from_utf8_lossy(&input);
    let text = text.strip_suffix('\n').unwrap_or(&text);
    let text = text.replace("\r\n", "\n");
    let opts = LayoutOptions {
        width: args.width.max(1),
        direction: args.dir.into(),
        mode: ctx.bidi_mode(),
        keep_harakat: ctx.config.keep_harakat,
    };
    let mut out = std::io::stdout().lock();
    if text.is_empty() && input.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{}", render_plain(&text, &opts))?;
    Ok(ExitCode::SUCCESS)
}
