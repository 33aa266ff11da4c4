//! `akhbar poll` and `akhbar enrich`: the headless update commands.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use super::{Context, PollArgs};
use crate::intel::enrich;
use crate::model::FeedId;
use crate::poll::run::{PollOptions, PollProgress, poll as poll_feeds};
use crate::text::sanitize::for_terminal;

/// `akhbar poll`: fetch, store, then enrich (unless `--no-enrich`).
///
/// Exits 0 when the poll ran, even if some feeds failed; each failure is
/// one line on stderr naming the feed and the cause.
pub fn poll(ctx: &Context, args: &PollArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let mut opts = PollOptions::default();
    opts.jobs = args.jobs.unwrap_or(ctx.config.poll.jobs).max(1);
    opts.per_host = args.per_host.unwrap_or(ctx.config.poll.per_host).max(1);
    opts.feed = args.feed.map(FeedId);
    let bar = ProgressLine::new();
    let report = poll_feeds(&store, &opts, &|p: &PollProgress| {
        bar.show(&format!("polling {}/{} feeds", p.done, p.total));
    })?;
    bar.clear();
    for failure in &report.failed {
        eprintln!(
            "feed {} {}: {}",
            failure.feed.0,
            for_terminal(&failure.url),
            for_terminal(&failure.message)
        );
    }
    let mut summary = format!(
        "{} feeds ok ({} unchanged), {} failed, {} new articles, {:.2} s",
        report.ok + report.not_modified,
        report.not_modified,
        report.failed.len(),
        report.new_articles,
        report.elapsed.as_secs_f64()
    );
    if !args.no_enrich {
        let started = Instant::now();
        let done = enrich::run(&store, &|p: &enrich::Progress| {
            bar.show(&format!("enriching {}/{} articles", p.done, p.total));
        })?;
        bar.clear();
        summary.push_str(&format!(
            "; enriched {done} articles in {:.2} s",
            started.elapsed().as_secs_f64()
        ));
    }
    eprintln!("{summary}");
    Ok(ExitCode::SUCCESS)
}

/// `akhbar enrich`: entities and related stories for articles not yet done.
pub fn enrich(ctx: &Context) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let bar = ProgressLine::new();
    let started = Instant::now();
    let done = enrich::run(&store, &|p: &enrich::Progress| {
        bar.show(&format!("enriching {}/{} articles", p.done, p.total));
    })?;
    bar.clear();
    eprintln!(
        "enriched {done} articles in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// A progress line on stderr, drawn only when stderr is a terminal.
struct ProgressLine {
    tty: bool,
}

impl ProgressLine {
    fn new() -> ProgressLine {
        ProgressLine {
            tty: std::io::stderr().is_terminal(),
        }
    }

    fn show(&self, msg: &str) {
        if self.tty {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{msg}");
            let _ = err.flush();
        }
    }

    fn clear(&self) {
        if self.tty {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}
