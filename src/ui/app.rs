//! Application state and what every action does to it. The app owns the
//! UI thread's store connection; work that waits (polling, enrichment)
//! is requested as an [`Effect`] that the event loop hands to a worker
//! thread, whose reports come back through [`App::on_worker`].

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::config::Config;
use crate::model::{ArticleId, DirectionSetting, FeedId};
use crate::store::{ArticleFilter, FeedSettings, Store, StoreError};
use crate::text::layout::{LayoutCache, LayoutOptions};
use crate::ui::keymap::{Action, Keymap};
use crate::ui::panes::Pane;
use crate::ui::panes::articles::{ArticlesPane, ListSource};
use crate::ui::panes::entities::EntitiesPane;
use crate::ui::panes::feeds::{FeedKey, FeedsPane};
use crate::ui::panes::reader::ReaderPane;
use crate::ui::panes::related::RelatedPane;
use crate::ui::prompt::{Confirm, Prompt, PromptKind, parse_tags};
use crate::ui::theme::Theme;
use crate::ui::worker::WorkerMsg;

/// The starter list offered on the welcome screen: public feed addresses
/// of major Arabic and English news outlets.
pub const STARTER_OPML: &[u8] = include_bytes!("../../data/starter.opml");

/// Rows moved by one mouse-wheel step.
const WHEEL_STEP: isize = 3;

/// Something the event loop must do outside the app state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Poll in the background: one feed, or every due feed (`None`);
    /// `force` polls every feed regardless of intervals.
    Poll {
        /// Only this feed.
        feed: Option<FeedId>,
        /// Ignore refresh intervals and backoff.
        force: bool,
    },
    /// Run the enrichment stage in the background.
    Enrich,
    /// Fetch the full text of an article in the background.
    FetchFullText(ArticleId),
    /// Open an http(s) URL in the browser.
    OpenUrl(String),
    /// Put text on the clipboard (OSC 52).
    Copy(String),
}

/// What has the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Keys go to the keymap.
    Normal,
    /// The help overlay is shown; any key closes it.
    Help,
    /// A text prompt is being edited.
    Prompt(Prompt),
    /// A yes/no question.
    Confirm(Confirm),
}

/// The status bar's message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// The text (sanitised when drawn).
    pub text: String,
    /// Shown as an error.
    pub error: bool,
}

/// The whole state of the reader.
pub struct App {
    /// The UI thread's connection.
    pub store: Store,
    /// The database file, for workers that open their own connection.
    pub store_path: PathBuf,
    /// The configuration in force.
    pub config: Config,
    /// Active key bindings.
    pub keymap: Keymap,
    /// Active colours.
    pub theme: Theme,
    /// Laid-out texts by content and width.
    pub cache: LayoutCache,
    /// The pane with the keyboard focus.
    pub focus: Pane,
    /// On narrow screens: the reader fills the screen instead of the lists.
    pub reading: bool,
    /// The feeds pane.
    pub feeds: FeedsPane,
    /// The article list.
    pub articles: ArticlesPane,
    /// The reader.
    pub reader: ReaderPane,
    /// The entities pane.
    pub entities: EntitiesPane,
    /// The related-stories pane.
    pub related: RelatedPane,
    /// Who has the keyboard.
    pub mode: Mode,
    /// The status message.
    pub status: Status,
    /// Progress of a running poll (done, total).
    pub poll_progress: Option<(usize, usize)>,
    /// Progress of a running enrichment (done, total).
    pub enrich_progress: Option<(u64, u64)>,
    /// The article whose full text is being fetched.
    pub full_text_fetch: Option<ArticleId>,
    /// The active search query.
    pub search: Option<String>,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Where each pane was drawn last (for the mouse).
    pub areas: Vec<(Pane, Rect)>,
    /// Work for the event loop.
    pub effects: Vec<Effect>,
}

impl App {
    /// Builds the state from the store: feeds with counts and the first
    /// page of articles only (never the whole store).
    pub fn new(store: Store, config: Config, theme: Theme) -> Result<App, StoreError> {
        let store_path = store.path().to_owned();
        let mut feeds = FeedsPane::default();
        feeds.reload(&store, &config)?;
        let articles = ArticlesPane::open(
            &store,
            ListSource::Filter(ArticleFilter::default()),
            "All".to_owned(),
            config.fold_clusters,
        )?;
        let keymap = Keymap::new(&config);
        Ok(App {
            store,
            store_path,
            keymap,
            theme,
            cache: LayoutCache::new(64),
            focus: Pane::Articles,
            reading: false,
            feeds,
            articles,
            reader: ReaderPane::default(),
            entities: EntitiesPane::default(),
            related: RelatedPane::default(),
            mode: Mode::Normal,
            status: Status::default(),
            poll_progress: None,
            enrich_progress: None,
            full_text_fetch: None,
            search: None,
            quit: false,
            areas: Vec::new(),
            effects: Vec::new(),
            config,
        })
    }

    /// Layout options from the config (width set per use).
    pub fn layout_options(&self) -> LayoutOptions {
        LayoutOptions {
            width: 80,
            direction: DirectionSetting::Auto,
            mode: self.config.bidi,
            keep_harakat: self.config.keep_harakat,
        }
    }

    /// True when there is nothing to read yet: the welcome screen shows.
    pub fn welcome(&self) -> bool {
        self.feeds.no_feeds() && self.articles.total == 0 && self.search.is_none()
    }

    /// Sets an informational status message.
    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Status {
            text: text.into(),
            error: false,
        };
    }

    /// Sets an error status message.
    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Status {
            text: text.into(),
            error: true,
        };
    }

    /// Handles a key press.
    pub fn handle_key(&mut self, key: KeyEvent) {
        let result = match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Help => Ok(()),
            Mode::Prompt(p) => self.prompt_key(p, key),
            Mode::Confirm(c) => self.confirm_key(c, key),
            Mode::Normal => match self.keymap.action(&key) {
                Some(action) => self.act(action),
                None => Ok(()),
            },
        };
        if let Err(e) = result {
            self.error(format!("database error: {e}"));
        }
    }

    /// Runs one action.
    pub fn act(&mut self, action: Action) -> Result<(), StoreError> {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.mode = Mode::Help,
            Action::Back => self.back()?,
            Action::NextPane => self.cycle_focus(1),
            Action::PrevPane => self.cycle_focus(-1),
            Action::Down => self.move_by(1)?,
            Action::Up => self.move_by(-1)?,
            Action::PageDown => self.move_by(self.page())?,
            Action::PageUp => self.move_by(-self.page())?,
            Action::Top => self.move_by(isize::MIN / 2)?,
            Action::Bottom => self.move_by(isize::MAX / 2)?,
            Action::Open => self.open()?,
            Action::Search => {
                let current = self.search.clone().unwrap_or_default();
                self.mode = Mode::Prompt(Prompt::new(PromptKind::Search, current));
            }
            Action::NextUnread => self.next_unread(true)?,
            Action::PrevUnread => self.next_unread(false)?,
            Action::Bookmark => self.toggle_bookmark()?,
            Action::Tags => {
                if let Some((id, tags)) = self.current().map(|a| (a.id, a.tags.join(", "))) {
                    let input = if tags.is_empty() { tags } else { tags + ", " };
                    self.mode = Mode::Prompt(Prompt::new(PromptKind::Tags(id), input));
                }
            }
            Action::ToggleRead => self.toggle_read()?,
            Action::MarkFeedRead => self.mark_feed_read()?,
            Action::ReloadAll => self.reload_all(),
            Action::OpenLink | Action::CopyLink => self.link_action(action),
            Action::OpenLinkNumber => self.ask_link_number(),
            Action::ImportStarter => self.import_starter()?,
            Action::FetchFullText => self.fetch_full_text(),
            Action::ToggleFeedFullText => self.toggle_feed_full_text()?,
            Action::FoldClusters => {
                let fold = !self.articles.fold;
                self.articles.set_fold(&self.store, fold)?;
                self.info(if fold {
                    "story clusters folded: one row per story"
                } else {
                    "story clusters unfolded"
                });
            }
            Action::AddFeed => {
                self.mode = Mode::Prompt(Prompt::new(PromptKind::AddFeed, String::new()));
            }
            Action::RemoveFeed => match self.feeds.selected() {
                Some(FeedKey::Feed(id)) => {
                    self.mode = Mode::Confirm(Confirm::RemoveFeed {
                        id: *id,
                        title: self.feeds.selected_title(),
                    });
                }
                _ => self.info("select a feed in the feeds pane to remove it"),
            },
        }
        Ok(())
    }

    /// Starts a poll of every feed unless one is running.
    pub fn reload_all(&mut self) {
        if self.poll_progress.is_some() {
            self.info("a reload is already running");
        } else if self.feeds.no_feeds() {
            self.info("no feeds to reload: press a to add one");
        } else {
            self.poll_progress = Some((0, 0));
            self.info("reloading…");
            self.effects.push(Effect::Poll {
                feed: None,
                force: true,
            });
        }
    }

    /// Fetches the full text of the open article in the background; the
    /// summary stays in the reader until the text arrives.
    pub fn fetch_full_text(&mut self) {
        let Some(a) = self.reader.article.as_ref() else {
            self.info("open an article to fetch its full text");
            return;
        };
        if self.full_text_fetch.is_some() {
            self.info("a full text is already being fetched");
        } else if a.summary.link.is_none() {
            self.error("this article has no link to fetch its full text from");
        } else {
            let id = a.summary.id;
            self.full_text_fetch = Some(id);
            self.info("fetching full text…");
            self.effects.push(Effect::FetchFullText(id));
        }
    }

    /// Turns fetching full texts after each poll on or off for the feed
    /// selected in the feeds pane.
    fn toggle_feed_full_text(&mut self) -> Result<(), StoreError> {
        let feed = match self.feeds.selected() {
            Some(FeedKey::Feed(id)) if self.focus == Pane::Feeds => self.store.feed(*id)?,
            _ => None,
        };
        let Some(feed) = feed else {
            self.info("select a feed in the feeds pane to change its full-text setting");
            return Ok(());
        };
        let mut settings = feed.settings.clone();
        settings.full_text = !settings.full_text;
        self.store.set_feed_settings(feed.id, &settings)?;
        self.feeds.reload(&self.store, &self.config)?;
        self.info(if settings.full_text {
            "full text on: articles of this feed are fetched from their pages after each poll"
        } else {
            "full text off for this feed"
        });
        Ok(())
    }

    /// Starts the enrichment stage unless it is running.
    pub fn start_enrichment(&mut self) {
        if self.enrich_progress.is_none() {
            self.enrich_progress = Some((0, 0));
            self.effects.push(Effect::Enrich);
        }
    }

    fn page(&self) -> isize {
        let h = match self.focus {
            Pane::Reader => self.reader.height,
            _ => self.articles.height,
        };
        isize::try_from(h.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// The panes on screen, in Tab order.
    pub fn visible_panes(&self) -> Vec<Pane> {
        self.areas.iter().map(|(p, _)| *p).collect()
    }

    fn cycle_focus(&mut self, step: isize) {
        let panes = self.visible_panes();
        if panes.is_empty() {
            return;
        }
        let pos = panes.iter().position(|p| *p == self.focus).unwrap_or(0);
        let len = panes.len() as isize;
        let next = (pos as isize + step).rem_euclid(len);
        if let Some(p) = panes.get(next as usize) {
            self.focus = *p;
        }
    }

    fn back(&mut self) -> Result<(), StoreError> {
        if self.welcome() {
            self.quit = true;
            return Ok(());
        }
        match self.focus {
            Pane::Reader | Pane::Entities | Pane::Related => {
                self.reading = false;
                self.focus = Pane::Articles;
            }
            Pane::Articles => {
                if self.search.is_some()
                    || matches!(self.articles.source, ListSource::Mentions { .. })
                {
                    self.search = None;
                    self.show_selected_feed()?;
                } else {
                    self.focus = Pane::Feeds;
                }
            }
            Pane::Feeds => self.quit = true,
        }
        Ok(())
    }

    fn move_by(&mut self, delta: isize) -> Result<(), StoreError> {
        match self.focus {
            Pane::Feeds => {
                let before = self.feeds.cursor.selected;
                self.feeds.cursor.move_by(delta, self.feeds.rows.len());
                if self.feeds.cursor.selected != before {
                    self.search = None;
                    self.show_selected_feed()?;
                }
            }
            Pane::Articles => {
                self.articles.cursor.move_by(delta, self.articles.total);
                self.articles.ensure_loaded(&self.store)?;
            }
            Pane::Reader => self.reader.scroll_by(delta),
            Pane::Entities => self.entities.move_by(delta.clamp(-1000, 1000)),
            Pane::Related => self.related.move_by(delta.clamp(-1000, 1000)),
        }
        Ok(())
    }

    /// Lists the articles of the selected feeds-pane row (with the active
    /// search, if any).
    pub fn show_selected_feed(&mut self) -> Result<(), StoreError> {
        let key = self.feeds.selected().cloned().unwrap_or(FeedKey::All);
        let mut filter = key.filter();
        let mut title = self.feeds.selected_title();
        if let Some(q) = &self.search {
            filter.search = Some(q.clone());
            title = format!("{title} / {q}");
        }
        let fold = self.articles.fold;
        self.articles = ArticlesPane::open(&self.store, ListSource::Filter(filter), title, fold)?;
        if let Some(e) = self.feeds.selected_error() {
            self.error(format!("last update failed: {e}"));
        }
        Ok(())
    }

    fn open(&mut self) -> Result<(), StoreError> {
        match self.focus {
            Pane::Feeds => self.focus = Pane::Articles,
            Pane::Articles => {
                if self.articles.expand_selected() {
                    self.info("cluster expanded");
                } else if let Some(id) = self.articles.selected().map(|a| a.id) {
                    self.open_article(id)?;
                }
            }
            Pane::Entities => {
                if let Some(e) = self.entities.selected().cloned() {
                    self.articles = ArticlesPane::open(
                        &self.store,
                        ListSource::Mentions { key: e.key },
                        format!("mentioning {}", e.display),
                        self.articles.fold,
                    )?;
                    self.reading = false;
                    self.focus = Pane::Articles;
                }
            }
            Pane::Related => {
                if let Some(id) = self.related.selected().map(|r| r.id) {
                    self.open_article(id)?;
                    self.focus = Pane::Related;
                }
            }
            Pane::Reader => {}
        }
        Ok(())
    }

    /// Points the related pane at the article the user looks at: the
    /// selected row while the lists have focus, else the open article. An
    /// article opened from the related pane leaves its list as it is.
    pub fn sync_related(&mut self) {
        let target = match self.focus {
            Pane::Feeds | Pane::Articles => self.articles.selected().map(|a| a.id),
            Pane::Related => return,
            Pane::Reader | Pane::Entities => self
                .related
                .article
                .or_else(|| self.reader.article.as_ref().map(|a| a.summary.id)),
        };
        if let Err(e) = self.related.show(&self.store, target) {
            self.error(format!("database error: {e}"));
        }
    }

    /// Opens an article in the reader and marks it read (saved at once).
    pub fn open_article(&mut self, id: ArticleId) -> Result<(), StoreError> {
        let Some(mut article) = self.store.article(id)? else {
            self.error("the article is gone (its feed was removed?)");
            return Ok(());
        };
        if !article.summary.read {
            self.store.set_read(&[id], true)?;
            article.summary.read = true;
            self.articles.update(id, |a| a.read = true);
            self.feeds.adjust_unread(article.summary.feed_id, -1);
        }
        let direction = self
            .feeds
            .info
            .get(&article.summary.feed_id)
            .map(|i| i.direction)
            .unwrap_or_default();
        self.reader.open(article, direction);
        self.entities.load(&self.store, id)?;
        self.reading = true;
        self.focus = Pane::Reader;
        Ok(())
    }

    /// Rereads the open article from the store when it is `id` (its text
    /// or full-text state changed), keeping the scroll position.
    fn reload_open_article(&mut self, id: ArticleId) -> Result<(), StoreError> {
        if self.reader.article.as_ref().map(|a| a.summary.id) != Some(id) {
            return Ok(());
        }
        if let Some(article) = self.store.article(id)? {
            self.reader.article = Some(article);
        }
        Ok(())
    }

    /// The article the user means: the open one when a reader-side pane has
    /// focus, else the selected row.
    fn current(&self) -> Option<&crate::store::ArticleSummary> {
        match self.focus {
            Pane::Reader | Pane::Entities | Pane::Related => {
                self.reader.article.as_ref().map(|a| &a.summary)
            }
            _ => self.articles.selected(),
        }
    }

    fn next_unread(&mut self, forward: bool) -> Result<(), StoreError> {
        match self.articles.find_unread(&self.store, forward)? {
            Some(i) => {
                self.articles.cursor.selected = i;
                self.articles.ensure_loaded(&self.store)?;
                if matches!(self.focus, Pane::Reader | Pane::Entities | Pane::Related)
                    && let Some(id) = self.articles.selected().map(|a| a.id)
                {
                    self.open_article(id)?;
                }
            }
            None => self.info("no more unread articles"),
        }
        Ok(())
    }

    fn toggle_bookmark(&mut self) -> Result<(), StoreError> {
        let Some((id, on)) = self.current().map(|a| (a.id, !a.bookmarked)) else {
            return Ok(());
        };
        self.store.set_bookmarked(id, on)?;
        self.articles.update(id, |a| a.bookmarked = on);
        if let Some(a) = self.reader.article.as_mut().filter(|a| a.summary.id == id) {
            a.summary.bookmarked = on;
        }
        self.info(if on { "bookmarked" } else { "bookmark removed" });
        self.feeds.reload(&self.store, &self.config)
    }

    fn toggle_read(&mut self) -> Result<(), StoreError> {
        let Some((id, feed, read)) = self.current().map(|a| (a.id, a.feed_id, !a.read)) else {
            return Ok(());
        };
        self.store.set_read(&[id], read)?;
        self.articles.update(id, |a| a.read = read);
        if let Some(a) = self.reader.article.as_mut().filter(|a| a.summary.id == id) {
            a.summary.read = read;
        }
        self.feeds.adjust_unread(feed, if read { -1 } else { 1 });
        self.info(if read { "marked read" } else { "marked unread" });
        Ok(())
    }

    fn mark_feed_read(&mut self) -> Result<(), StoreError> {
        let feed = match self.feeds.selected() {
            Some(FeedKey::Feed(id)) => Some(*id),
            Some(FeedKey::All | FeedKey::Unread) => None,
            _ => {
                self.info("select a feed (or All) to mark it read");
                return Ok(());
            }
        };
        let n = self.store.mark_all_read(feed)?;
        self.info(format!("marked {n} articles read"));
        self.feeds.reload(&self.store, &self.config)?;
        self.articles.reload(&self.store)
    }

    fn link_action(&mut self, action: Action) {
        let Some(link) = self.current().and_then(|a| a.link.clone()) else {
            self.info("this article has no link");
            return;
        };
        if !is_web_url(&link) {
            self.error("only http and https links are opened");
            return;
        }
        if action == Action::OpenLink {
            self.info("opening the link in the browser");
            self.effects.push(Effect::OpenUrl(link));
        } else {
            self.info("link copied (OSC 52)");
            self.effects.push(Effect::Copy(link));
        }
    }

    /// The numbered links of the article in the reader.
    fn reader_links(&self) -> Vec<String> {
        self.reader
            .article
            .as_ref()
            .map(|a| {
                crate::text::links::numbered_links(&a.text)
                    .into_iter()
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn ask_link_number(&mut self) {
        match self.reader_links().len() {
            0 if self.reader.article.is_none() => self.info("open an article to use its links"),
            0 => self.info("this article has no numbered links"),
            n => {
                self.mode = Mode::Prompt(Prompt::new(PromptKind::LinkNumber, String::new()));
                self.info(format!("links 1 to {n}"));
            }
        }
    }

    fn open_link_number(&mut self, input: &str) {
        let links = self.reader_links();
        let Some(url) = input
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| links.get(i))
        else {
            self.error(format!(
                "no link [{}]: the article has 1 to {}",
                input.trim(),
                links.len()
            ));
            return;
        };
        if !is_web_url(url) {
            self.error("only http and https links are opened");
            return;
        }
        self.info(format!("opening link [{}] in the browser", input.trim()));
        self.effects.push(Effect::OpenUrl(url.clone()));
    }

    fn prompt_key(&mut self, mut p: Prompt, key: KeyEvent) -> Result<(), StoreError> {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Ok(());
        }
        match key.code {
            KeyCode::Esc => return Ok(()),
            KeyCode::Enter => return self.submit(p),
            KeyCode::Backspace => p.backspace(),
            KeyCode::Tab => {
                if matches!(p.kind, PromptKind::Tags(_)) {
                    let known: Vec<String> =
                        self.store.tags()?.into_iter().map(|(t, _)| t).collect();
                    p.complete(&known);
                }
            }
            KeyCode::Char(c) => p.push(c),
            _ => {}
        }
        self.mode = Mode::Prompt(p);
        Ok(())
    }

    fn submit(&mut self, p: Prompt) -> Result<(), StoreError> {
        match p.kind {
            PromptKind::Search => {
                let q = p.input.trim();
                self.search = (!q.is_empty()).then(|| q.to_owned());
                self.show_selected_feed()?;
                self.reading = false;
                self.focus = Pane::Articles;
            }
            PromptKind::Tags(id) => {
                let new = parse_tags(&p.input);
                let old = self
                    .store
                    .article(id)?
                    .map(|a| a.summary.tags)
                    .unwrap_or_default();
                let added: Vec<String> = new.iter().filter(|t| !old.contains(t)).cloned().collect();
                let removed: Vec<String> =
                    old.iter().filter(|t| !new.contains(t)).cloned().collect();
                if !added.is_empty() {
                    self.store.add_tags(id, &added)?;
                }
                if !removed.is_empty() {
                    self.store.remove_tags(id, &removed)?;
                }
                self.articles.update(id, |a| a.tags = new.clone());
                if let Some(a) = self.reader.article.as_mut().filter(|a| a.summary.id == id) {
                    a.summary.tags = new.clone();
                }
                self.feeds.reload(&self.store, &self.config)?;
                self.info(format!("tags: {}", new.join(", ")));
            }
            PromptKind::AddFeed => self.add_feed(p.input.trim())?,
            PromptKind::LinkNumber => self.open_link_number(&p.input),
        }
        Ok(())
    }

    /// Subscribes to every feed of the starter list not yet subscribed and
    /// polls them in the background.
    pub fn import_starter(&mut self) -> Result<(), StoreError> {
        let import = match crate::opml::import(STARTER_OPML) {
            Ok(i) => i,
            Err(e) => {
                self.error(format!("cannot read the starter list: {e}"));
                return Ok(());
            }
        };
        let mut added = 0;
        for entry in &import.feeds {
            match self
                .store
                .add_feed(&entry.url, &FeedSettings::default(), &entry.tags)
            {
                Ok(_) => added += 1,
                Err(StoreError::AlreadyExists { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        self.feeds.reload(&self.store, &self.config)?;
        self.show_selected_feed()?;
        if added == 0 {
            self.info("already subscribed to every starter feed");
        } else if self.poll_progress.is_none() {
            self.poll_progress = Some((0, 0));
            self.info(format!("subscribed to {added} feeds; fetching them…"));
            self.effects.push(Effect::Poll {
                feed: None,
                force: true,
            });
        }
        Ok(())
    }

    fn add_feed(&mut self, url: &str) -> Result<(), StoreError> {
        if !is_web_url(url) {
            self.error("a feed URL starts with http:// or https:// and has a host");
            return Ok(());
        }
        match self.store.add_feed(url, &FeedSettings::default(), &[]) {
            Ok(id) => {
                self.feeds.reload(&self.store, &self.config)?;
                if let Some(pos) = self
                    .feeds
                    .rows
                    .iter()
                    .position(|r| r.key == FeedKey::Feed(id))
                {
                    self.feeds.cursor.selected = pos;
                    self.show_selected_feed()?;
                }
                self.info("feed added; fetching it…");
                self.poll_progress.get_or_insert((0, 1));
                self.effects.push(Effect::Poll {
                    feed: Some(id),
                    force: true,
                });
            }
            Err(StoreError::AlreadyExists { .. }) => self.error("already subscribed to that feed"),
            Err(e) => return Err(e),
        }
        Ok(())
    }

    fn confirm_key(&mut self, c: Confirm, key: KeyEvent) -> Result<(), StoreError> {
        let Confirm::RemoveFeed { id, .. } = &c;
        let keep = match key.code {
            KeyCode::Char('y') => true,
            KeyCode::Char('p') => false,
            KeyCode::Char('n') | KeyCode::Esc => {
                self.info("kept the feed");
                return Ok(());
            }
            _ => {
                self.mode = Mode::Confirm(c);
                return Ok(());
            }
        };
        self.store.remove_feed(*id, keep)?;
        self.feeds.reload(&self.store, &self.config)?;
        self.feeds.cursor.selected = 0;
        self.show_selected_feed()?;
        if self.reader.article.as_ref().is_some_and(|a| {
            a.summary.feed_id == *id && self.store.article(a.summary.id).ok().flatten().is_none()
        }) {
            self.reader = ReaderPane::default();
            self.entities = EntitiesPane::default();
            self.related = RelatedPane::default();
            self.reading = false;
        }
        self.focus = Pane::Feeds;
        self.info(if keep {
            "feed removed (bookmarked and tagged articles kept)"
        } else {
            "feed and all its articles removed"
        });
        Ok(())
    }

    /// Handles a mouse event: a click selects, the wheel scrolls.
    pub fn handle_mouse(&mut self, ev: MouseEvent) {
        if self.mode != Mode::Normal {
            return;
        }
        let pos = Position::new(ev.column, ev.row);
        let Some((pane, area)) = self.areas.iter().find(|(_, a)| a.contains(pos)).copied() else {
            return;
        };
        let result = match ev.kind {
            MouseEventKind::ScrollDown => {
                self.focus = pane;
                self.move_by(WHEEL_STEP)
            }
            MouseEventKind::ScrollUp => {
                self.focus = pane;
                self.move_by(-WHEEL_STEP)
            }
            MouseEventKind::Down(_) => {
                self.focus = pane;
                let row = usize::from(ev.row.saturating_sub(area.y.saturating_add(1)));
                self.click_row(pane, row)
            }
            _ => Ok(()),
        };
        if let Err(e) = result {
            self.error(format!("database error: {e}"));
        }
    }

    fn click_row(&mut self, pane: Pane, row: usize) -> Result<(), StoreError> {
        match pane {
            Pane::Feeds => {
                let target = self.feeds.cursor.offset + row;
                if target < self.feeds.rows.len() && target != self.feeds.cursor.selected {
                    self.feeds.cursor.selected = target;
                    self.search = None;
                    self.show_selected_feed()?;
                }
            }
            Pane::Articles => {
                let target = self.articles.cursor.offset + row;
                if target < self.articles.total {
                    if target == self.articles.cursor.selected {
                        return self.open();
                    }
                    self.articles.cursor.selected = target;
                    self.articles.ensure_loaded(&self.store)?;
                }
            }
            Pane::Entities => {
                let target = self.entities.cursor.offset + row;
                if matches!(
                    self.entities.rows.get(target),
                    Some(crate::ui::panes::entities::EntityRow::Item(_))
                ) {
                    self.entities.cursor.selected = target;
                }
            }
            Pane::Related => {
                let target = self.related.cursor.offset + row;
                if target < self.related.rows.len() {
                    if target == self.related.cursor.selected {
                        return self.open();
                    }
                    self.related.cursor.selected = target;
                }
            }
            Pane::Reader => {}
        }
        Ok(())
    }

    /// Applies a report from a worker thread.
    pub fn on_worker(&mut self, msg: WorkerMsg) {
        let result = match msg {
            WorkerMsg::PollProgress {
                done,
                total,
                url,
                ok,
            } => {
                self.poll_progress = Some((done, total));
                if !ok {
                    self.error(format!("failed: {url}"));
                }
                Ok(())
            }
            WorkerMsg::PollDone(result) => {
                self.poll_progress = None;
                match result {
                    Ok(summary) => {
                        if summary.failed > 0 {
                            self.error(summary.to_string());
                        } else {
                            self.info(summary.to_string());
                        }
                        self.start_enrichment();
                    }
                    Err(e) => self.error(format!("reload failed: {e}")),
                }
                self.feeds
                    .reload(&self.store, &self.config)
                    .and_then(|()| self.articles.reload(&self.store))
            }
            WorkerMsg::FullTextDone { id, result } => {
                self.full_text_fetch = None;
                match result {
                    Ok(chars) => self.info(format!("full text fetched: {chars} characters")),
                    Err(e) => self.error(format!("full text failed: {e}")),
                }
                self.reload_open_article(id)
            }
            WorkerMsg::EnrichProgress { done, total } => {
                self.enrich_progress = Some((done, total));
                Ok(())
            }
            WorkerMsg::EnrichDone(result) => {
                self.enrich_progress = None;
                if let Err(e) = result {
                    self.error(format!("enrichment failed: {e}"));
                }
                match self.reader.article.as_ref().map(|a| a.summary.id) {
                    Some(id) => self.entities.load(&self.store, id),
                    None => Ok(()),
                }
                .and_then(|()| self.related.invalidate(&self.store))
            }
        };
        if let Err(e) = result {
            self.error(format!("database error: {e}"));
        }
    }
}

/// True for an absolute http(s) URL with a host and no whitespace or
/// control characters (the only links akhbar opens or subscribes to).
pub fn is_web_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !host.starts_with(':')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::is_web_url;

    #[test]
    fn only_http_urls_with_a_host() {
        assert!(is_web_url("https://example.com/feed.xml"));
        assert!(is_web_url("http://127.0.0.1:8080/rss"));
        for bad in [
            "",
            "ftp://example.com/",
            "https://",
            "https:///path",
            "javascript:alert(1)",
            "https://exa mple.com",
            "https://example.com/\n",
            "file:///etc/passwd",
        ] {
            assert!(!is_web_url(bad), "{bad:?}");
        }
    }
}
