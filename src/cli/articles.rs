//! `list`, `show`, `search` and the commands that change an article's
//! state (`tag`, `bookmark`, `mark-read` and their opposites).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;

use super::Context;
use super::json::{ArticleDetail, ArticleRow};
use crate::model::{ArticleId, FeedId};
use crate::store::{ArticleFilter, ArticleSummary};
use crate::text::bidi::isolate;
use crate::text::layout::{LayoutOptions, render_plain};
use crate::text::sanitize::for_terminal;

/// `akhbar list`.
pub fn list(ctx: &Context, args: &super::ListArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let filter = ArticleFilter {
        feed: args.feed.map(FeedId),
        unread: args.unread,
        bookmarked: args.bookmarked,
        tag: args.tag.clone(),
        limit: args.limit,
        ..ArticleFilter::default()
    };
    if args.count {
        let n = store.count_articles(&filter)?;
        println!("{n}");
        return Ok(ExitCode::SUCCESS);
    }
    let rows = store.articles(&filter)?;
    print_rows(&rows, args.json)
}

/// `akhbar search`.
pub fn search(ctx: &Context, query: &str, limit: usize, json: bool) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let filter = ArticleFilter {
        search: Some(query.to_string()),
        limit: Some(limit),
        ..ArticleFilter::default()
    };
    let rows = store.articles(&filter)?;
    print_rows(&rows, json)
}

/// Prints article rows as JSON or as one line each: id, flags, date, feed, title.
fn print_rows(rows: &[ArticleSummary], json: bool) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if json {
        let rows: Vec<ArticleRow> = rows.iter().map(ArticleRow::from).collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for a in rows {
        let flags = format!(
            "{}{}",
            if a.read { ' ' } else { 'N' },
            if a.bookmarked { '*' } else { ' ' }
        );
        let date = a
            .published
            .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|| "—".to_string());
        let tags = if a.tags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", a.tags.join(", "))
        };
        writeln!(
            out,
            "{:>6} {flags} {date}  {}  {}{}",
            a.id.0,
            for_terminal(&a.feed_title),
            for_terminal(&a.title),
            for_terminal(&tags)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `akhbar show`: the article as JSON, laid out for a width, or as text.
pub fn show(ctx: &Context, id: i64, json: bool, width: Option<usize>) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let article = store
        .article(ArticleId(id))?
        .with_context(|| format!("no article with id {id}"))?;
    if json {
        let entities = store.entities_of(article.summary.id)?;
        let related = ctx.related_rows(&store, article.summary.id, 10)?;
        let detail = ArticleDetail::new(&article, entities, related);
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &detail)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let a = &article.summary;
    let mut body = String::new();
    body.push_str(&a.title);
    body.push_str("\n\n");
    // Each field isolated, so two names in one script are not read as one
    // run that swaps them.
    let mut meta = vec![isolate(&a.feed_title)];
    if let Some(d) = a.published {
        meta.push(isolate(&d.format("%Y-%m-%d %H:%M").to_string()));
    }
    if let Some(author) = &article.author {
        meta.push(isolate(author));
    }
    body.push_str(&meta.join(" · "));
    body.push('\n');
    if let Some(link) = &a.link {
        body.push_str(link);
        body.push('\n');
    }
    if !a.tags.is_empty() {
        body.push_str(&format!("tags: {}\n", a.tags.join(", ")));
    }
    body.push('\n');
    body.push_str(&article.text);
    let opts = LayoutOptions {
        width: width.unwrap_or(80).max(1),
        direction: ctx.article_direction(&store, a)?,
        mode: ctx.bidi_mode(),
        keep_harakat: ctx.config.keep_harakat,
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", render_plain(&body, &opts))?;
    Ok(ExitCode::SUCCESS)
}

/// `akhbar related`.
pub fn related(ctx: &Context, id: i64, limit: usize, json: bool) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    store
        .article(ArticleId(id))?
        .with_context(|| format!("no article with id {id}"))?;
    let rows = ctx.related_rows(&store, ArticleId(id), limit)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for r in &rows {
        writeln!(
            out,
            "{:>6} {:.2} {} {}",
            r.id,
            r.score,
            if r.same_story { "same " } else { "     " },
            for_terminal(&r.title)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `akhbar tag` / `akhbar untag`.
pub fn tag(ctx: &Context, id: i64, tags: &[String], add: bool) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let tags: Vec<String> = tags
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if add {
        store.add_tags(ArticleId(id), &tags)?;
    } else {
        store.remove_tags(ArticleId(id), &tags)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `akhbar bookmark` / `akhbar unbookmark`.
pub fn bookmark(ctx: &Context, id: i64, on: bool) -> anyhow::Result<ExitCode> {
    ctx.store()?.set_bookmarked(ArticleId(id), on)?;
    Ok(ExitCode::SUCCESS)
}

/// `akhbar mark-read` / `akhbar mark-unread`.
pub fn mark_read(ctx: &Context, ids: &[i64], read: bool) -> anyhow::Result<ExitCode> {
    let ids: Vec<ArticleId> = ids.iter().copied().map(ArticleId).collect();
    ctx.store()?.set_read(&ids, read)?;
    Ok(ExitCode::SUCCESS)
}
