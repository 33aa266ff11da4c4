//! The headless command line: one module per group of subcommands, all
//! over the same library the TUI uses. Output meant for scripts is JSON
//! (`--json`) built from the types in [`json`].

mod articles;
mod context;
mod demo;
mod entities;
mod feeds;
pub mod json;
mod poll;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use context::Context;

use crate::model::DirectionSetting;
use crate::text::layout::BidiMode;

/// akhbar: a terminal news reader that shows Arabic, Persian and Hebrew
/// correctly in any terminal.
#[derive(Debug, Parser)]
#[command(name = "akhbar", version, about, long_about = None)]
pub struct Cli {
    /// The database file (default: $XDG_DATA_HOME/akhbar/akhbar.db).
    #[arg(long, global = true, env = "AKHBAR_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The configuration file (default: $XDG_CONFIG_HOME/akhbar/config.toml).
    #[arg(long, global = true, env = "AKHBAR_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// How right-to-left text is shown (overrides the config file).
    #[arg(long, global = true, value_enum)]
    pub bidi: Option<BidiArg>,
    /// The colour theme (overrides the config file).
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Every subcommand; without one, akhbar opens the reader.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the reader on built-in demo data (no network needed).
    Demo,
    /// Subscribe to a feed.
    Add {
        /// The feed's address (http or https).
        url: String,
        /// Tag the feed (repeatable).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Fetch each article's web page and extract its full text.
        #[arg(long)]
        full_text: bool,
        /// Force the text direction of this feed's articles.
        #[arg(long, value_enum, default_value = "auto")]
        dir: DirArg,
    },
    /// Unsubscribe from a feed.
    Remove {
        /// The feed's id (see `akhbar feeds`).
        feed_id: i64,
        /// Also delete its bookmarked and tagged articles.
        #[arg(long)]
        purge: bool,
    },
    /// List the feeds with their unread counts and last errors.
    Feeds {
        #[arg(long)]
        json: bool,
    },
    /// Import subscriptions from an OPML file or a newsboat `urls` file.
    Import {
        /// The file to read.
        file: PathBuf,
    },
    /// Print the subscriptions as OPML on stdout.
    Export,
    /// Fetch the feeds and store new articles.
    Poll(PollArgs),
    /// Compute entities and related stories for articles not yet done.
    Enrich,
    /// List articles, newest first.
    List(ListArgs),
    /// Show one article.
    Show {
        /// The article's id.
        id: i64,
        #[arg(long)]
        json: bool,
        /// Lay the text out for a terminal this many cells wide.
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },
    /// Fetch an article's web page and keep its full text.
    FetchText {
        /// The article's id.
        id: i64,
    },
    /// Full-text search (Arabic-aware: harakat, alef forms and clitics fold).
    Search {
        /// Words to find; the last one also matches as a prefix.
        query: String,
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Other coverage of the same story and related stories, best first.
    Related {
        /// The article's id.
        id: i64,
        #[arg(long, default_value_t = 10, value_name = "N")]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Add tags to an article.
    Tag {
        id: i64,
        #[arg(required = true)]
        tags: Vec<String>,
    },
    /// Remove tags from an article.
    Untag {
        id: i64,
        #[arg(required = true)]
        tags: Vec<String>,
    },
    /// Bookmark an article.
    Bookmark { id: i64 },
    /// Remove an article's bookmark.
    Unbookmark { id: i64 },
    /// Mark articles read.
    MarkRead {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Mark articles unread.
    MarkUnread {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Lay out text from stdin as the reader shows it (one paragraph a line).
    Render(RenderArgs),
    /// Print the people, places and organisations named in text from stdin.
    Entities {
        #[arg(long)]
        json: bool,
    },
}

/// Options of `akhbar poll`.
#[derive(Debug, Args)]
pub struct PollArgs {
    /// Feeds fetched at once.
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Requests at once to one host.
    #[arg(long, value_name = "N")]
    pub per_host: Option<usize>,
    /// Poll only this feed (now, even if it is backing off).
    #[arg(long, value_name = "FEED_ID")]
    pub feed: Option<i64>,
    /// Store only; leave entities and related stories for later.
    #[arg(long)]
    pub no_enrich: bool,
}

/// Options of `akhbar list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub unread: bool,
    #[arg(long)]
    pub bookmarked: bool,
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    #[arg(long, value_name = "FEED_ID")]
    pub feed: Option<i64>,
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print only the number of matching articles.
    #[arg(long)]
    pub count: bool,
    #[arg(long)]
    pub json: bool,
}

/// Options of `akhbar render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Width in terminal cells.
    #[arg(long, default_value_t = 80, value_name = "N")]
    pub width: usize,
    /// Paragraph direction.
    #[arg(long, value_enum, default_value = "auto")]
    pub dir: DirArg,
}

/// `--bidi` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BidiArg {
    /// akhbar shapes and reorders (for terminals that do no bidi).
    App,
    /// Logical order, unshaped (for terminals that reorder themselves).
    Terminal,
    /// No bidi handling at all.
    Off,
}

impl From<BidiArg> for BidiMode {
    fn from(b: BidiArg) -> BidiMode {
        match b {
            BidiArg::App => BidiMode::App,
            BidiArg::Terminal => BidiMode::Terminal,
            BidiArg::Off => BidiMode::Off,
        }
    }
}

/// `--dir` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DirArg {
    Auto,
    Rtl,
    Ltr,
}

impl From<DirArg> for DirectionSetting {
    fn from(d: DirArg) -> DirectionSetting {
        match d {
            DirArg::Auto => DirectionSetting::Auto,
            DirArg::Rtl => DirectionSetting::Rtl,
            DirArg::Ltr => DirectionSetting::Ltr,
        }
    }
}

/// Runs the parsed command line; errors come back for `main` to print.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let ctx = Context::new(&cli)?;
    let Some(command) = cli.command else {
        return ctx.open_reader();
    };
    match command {
        Command::Demo => demo::run(&ctx),
        Command::Add {
            url,
            tags,
            full_text,
            dir,
        } => feeds::add(&ctx, &url, &tags, full_text, dir.into()),
        Command::Remove { feed_id, purge } => feeds::remove(&ctx, feed_id, purge),
        Command::Feeds { json } => feeds::list(&ctx, json),
        Command::Import { file } => feeds::import(&ctx, &file),
        Command::Export => feeds::export(&ctx),
        Command::Poll(args) => poll::poll(&ctx, &args),
        Command::Enrich => poll::enrich(&ctx),
        Command::List(args) => articles::list(&ctx, &args),
        Command::Show { id, json, width } => articles::show(&ctx, id, json, width),
        Command::FetchText { id } => poll::fetch_text(&ctx, id),
        Command::Search { query, limit, json } => articles::search(&ctx, &query, limit, json),
        Command::Related { id, limit, json } => articles::related(&ctx, id, limit, json),
        Command::Tag { id, tags } => articles::tag(&ctx, id, &tags, true),
        Command::Untag { id, tags } => articles::tag(&ctx, id, &tags, false),
        Command::Bookmark { id } => articles::bookmark(&ctx, id, true),
        Command::Unbookmark { id } => articles::bookmark(&ctx, id, false),
        Command::MarkRead { ids } => articles::mark_read(&ctx, &ids, true),
        Command::MarkUnread { ids } => articles::mark_read(&ctx, &ids, false),
        Command::Render(args) => render::run(&ctx, &args),
        Command::Entities { json } => entities::run(json),
    }
}
