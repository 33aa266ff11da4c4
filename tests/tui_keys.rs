//! Interaction tests: keys and mouse change the real store (read state,
//! feed removal) and the selection, through the same `App` the reader runs.

use akhbar::config::Config;
use akhbar::model::{Direction, NewArticle, ParsedFeed};
use akhbar::store::{ArticleFilter, FeedSettings, FeedUpdate, Store};
use akhbar::ui::app::{App, Effect, Mode};
use akhbar::ui::panes::Pane;
use akhbar::ui::panes::feeds::FeedKey;
use akhbar::ui::theme::Theme;
use akhbar::ui::view;
use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn feed(store: &Store, url: &str, titles: &[&str]) {
    let id = store
        .add_feed(url, &FeedSettings::default(), &[])
        .expect("add feed");
    let articles = titles
        .iter()
        .enumerate()
        .map(|(i, t)| NewArticle {
            guid: Some(format!("{url}#{i}")),
            link: Some(format!("https://example.com/{i}")),
            title: (*t).to_owned(),
            published: Utc
                .with_ymd_and_hms(2025, 3, 1 + u32::try_from(i).unwrap_or(0), 9, 0, 0)
                .single(),
            text: format!("{t}.\n"),
            direction: Direction::Ltr,
            ..NewArticle::default()
        })
        .collect();
    let update = FeedUpdate {
        feed: ParsedFeed {
            title: Some(url.rsplit('/').next().unwrap_or(url).to_owned()),
            articles,
            ..ParsedFeed::default()
        },
        etag: None,
        last_modified: None,
        fetched_at: Utc::now(),
    };
    store.apply_feed_update(id, &update).expect("update");
}

fn setup() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("k.db")).expect("open");
    feed(
        &store,
        "https://a.example/one",
        &["first", "second", "third"],
    );
    feed(&store, "https://b.example/two", &["خبر أول", "خبر ثان"]);
    let theme = Theme::load("dark", None).expect("theme");
    let mut app = App::new(store, Config::default(), theme).expect("app");
    draw(&mut app, 160, 40);
    (dir, app)
}

fn draw(app: &mut App, w: u16, h: u16) {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| view::draw(f, app)).expect("draw");
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn unread(app: &App) -> u64 {
    app.store
        .count_articles(&ArticleFilter {
            unread: true,
            ..ArticleFilter::default()
        })
        .expect("count")
}

#[test]
fn read_state_is_saved_at_once() {
    let (_dir, mut app) = setup();
    assert_eq!(unread(&app), 5);
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(unread(&app), 4);
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(unread(&app), 5);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Reader);
    assert_eq!(unread(&app), 4);
    assert_eq!(app.feeds.rows[0].count, 4);
}

#[test]
fn next_unread_skips_read_articles() {
    let (_dir, mut app) = setup();
    let ids: Vec<_> = (0..5)
        .filter_map(|i| app.articles.get(i).map(|a| a.id))
        .collect();
    app.store.set_read(&ids[1..3], true).expect("set read");
    app.articles.reload(&app.store).expect("reload");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.articles.cursor.selected, 3);
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.articles.cursor.selected, 0);
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.articles.cursor.selected, 0);
    assert_eq!(app.status.text, "no more unread articles");
}

#[test]
fn feeds_pane_filters_and_marks_read() {
    let (_dir, mut app) = setup();
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Feeds);
    // All, Unread, Bookmarked, then the feeds ordered by title.
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert!(matches!(app.feeds.selected(), Some(FeedKey::Feed(_))));
    let listed = app.articles.total;
    assert!(listed == 3 || listed == 2, "{listed}");
    press(&mut app, KeyCode::Char('A'));
    assert_eq!(unread(&app), 5 - listed as u64);
    assert_eq!(app.articles.total, listed);
}

#[test]
fn removing_a_feed_asks_first_and_keeps_marked_articles() {
    let (_dir, mut app) = setup();
    // Bookmark the newest article of whichever feed comes first in the list.
    press(&mut app, KeyCode::Char('b'));
    let bookmarked = app
        .articles
        .selected()
        .map(|a| (a.id, a.feed_id))
        .expect("row");
    press(&mut app, KeyCode::BackTab);
    while app.feeds.selected() != Some(&FeedKey::Feed(bookmarked.1)) {
        let before = app.feeds.cursor.selected;
        press(&mut app, KeyCode::Down);
        assert_ne!(before, app.feeds.cursor.selected, "feed row not found");
    }
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.mode, Mode::Confirm(_)));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.store.feeds().expect("feeds").len(), 2);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.store.feeds().expect("feeds").len(), 1);
    assert!(app.store.article(bookmarked.0).expect("query").is_some());
}

#[test]
fn links_open_and_copy_as_effects_only_for_http() {
    let (_dir, mut app) = setup();
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('y'));
    let link = app
        .articles
        .selected()
        .and_then(|a| a.link.clone())
        .expect("link");
    assert_eq!(
        app.effects,
        vec![Effect::OpenUrl(link.clone()), Effect::Copy(link)]
    );
}

#[test]
fn a_numbered_link_opens_by_its_number_and_only_for_http() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("l.db")).expect("open");
    let id = store
        .add_feed("https://c.example/links", &FeedSettings::default(), &[])
        .expect("add feed");
    let text = "Talks[1] resume in Cairo[2] and more[3].\n\n\
                [1] https://one.example/a\n[2] https://two.example/b\n[3] javascript:alert(1)";
    let update = FeedUpdate {
        feed: ParsedFeed {
            articles: vec![NewArticle {
                guid: Some("l1".into()),
                title: "links".into(),
                text: text.into(),
                ..NewArticle::default()
            }],
            ..ParsedFeed::default()
        },
        etag: None,
        last_modified: None,
        fetched_at: Utc::now(),
    };
    store.apply_feed_update(id, &update).expect("update");
    let theme = Theme::load("dark", None).expect("theme");
    let mut app = App::new(store, Config::default(), theme).expect("app");
    draw(&mut app, 160, 40);
    press(&mut app, KeyCode::Char('#'));
    assert!(
        matches!(app.mode, Mode::Normal),
        "no prompt before an article is open"
    );
    press(&mut app, KeyCode::Enter);
    draw(&mut app, 160, 40);
    for (number, opens) in [("2", true), ("3", false), ("9", false), ("x", false)] {
        press(&mut app, KeyCode::Char('#'));
        assert!(matches!(app.mode, Mode::Prompt(_)), "prompt for {number}");
        for c in number.chars() {
            press(&mut app, KeyCode::Char(c));
        }
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.status.error, !opens, "status for {number}");
    }
    assert_eq!(
        app.effects,
        vec![Effect::OpenUrl("https://two.example/b".into())]
    );
}

#[test]
fn add_feed_validates_then_polls_it() {
    let (_dir, mut app) = setup();
    press(&mut app, KeyCode::Char('a'));
    for c in "ftp://x".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.status.error);
    assert!(app.effects.is_empty());
    press(&mut app, KeyCode::Char('a'));
    for c in "https://c.example/feed".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    let feeds = app.store.feeds().expect("feeds");
    let added = feeds
        .iter()
        .find(|f| f.url == "https://c.example/feed")
        .map(|f| f.id);
    assert!(added.is_some());
    assert_eq!(
        app.effects,
        vec![Effect::Poll {
            feed: added,
            force: true
        }]
    );
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let (_dir, mut app) = setup();
    let (_, list) = *app
        .areas
        .iter()
        .find(|(p, _)| *p == Pane::Articles)
        .expect("article pane");
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 5,
        row: list.y + 3,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(click);
    assert_eq!(app.articles.cursor.selected, 2);
    app.handle_mouse(click);
    assert_eq!(app.focus, Pane::Reader);
    draw(&mut app, 160, 40);
    let (_, feeds) = *app
        .areas
        .iter()
        .find(|(p, _)| *p == Pane::Feeds)
        .expect("feeds pane");
    app.handle_mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: feeds.x + 2,
        row: feeds.y + 2,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(app.focus, Pane::Feeds);
    assert_eq!(app.feeds.cursor.selected, 3);
}

#[test]
fn a_failing_feed_shows_its_error_when_selected() {
    let (_dir, mut app) = setup();
    let feeds = app.store.feeds().expect("feeds");
    let failing = feeds[0].id;
    app.store
        .record_feed_error(
            failing,
            &akhbar::store::FeedFailure {
                message: "HTTP 503 \u{1b}[31mService Unavailable".to_owned(),
                retry_after: None,
                at: Utc::now(),
            },
        )
        .expect("record error");
    app.feeds.reload(&app.store, &app.config).expect("reload");
    press(&mut app, KeyCode::BackTab);
    while app.feeds.selected() != Some(&FeedKey::Feed(failing)) {
        press(&mut app, KeyCode::Char('j'));
    }
    assert!(app.status.error);
    assert!(app.status.text.contains("HTTP 503"), "{}", app.status.text);
    assert!(!app.status.text.contains('\u{1b}'));
}

#[test]
fn shift_f_toggles_the_feeds_full_text_setting() {
    let (_dir, mut app) = setup();
    // Outside the feeds pane the key explains itself and changes nothing.
    press(&mut app, KeyCode::Char('F'));
    assert!(
        app.status.text.contains("feeds pane"),
        "{}",
        app.status.text
    );
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Feeds);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('j'));
    }
    let Some(FeedKey::Feed(id)) = app.feeds.selected().cloned() else {
        panic!("no feed selected");
    };
    let setting = |app: &App| {
        app.store
            .feed(id)
            .expect("feed")
            .map(|f| f.settings.full_text)
    };
    assert_eq!(setting(&app), Some(false));
    press(&mut app, KeyCode::Char('F'));
    assert_eq!(setting(&app), Some(true));
    assert!(
        app.status.text.starts_with("full text on"),
        "{}",
        app.status.text
    );
    let row = &app.feeds.rows[app.feeds.cursor.selected];
    assert!(row.full_text);
    assert_eq!(row.key, FeedKey::Feed(id));
    let mut term = Terminal::new(TestBackend::new(160, 40)).expect("terminal");
    term.draw(|f| view::draw(f, &mut app)).expect("draw");
    let buf = term.backend().buffer();
    let marked = (0..40u16).any(|y| buf[(1, y)].symbol() == "¶");
    assert!(marked, "no ¶ mark in the feeds pane");
    press(&mut app, KeyCode::Char('F'));
    assert_eq!(setting(&app), Some(false));
    assert!(!app.feeds.rows[app.feeds.cursor.selected].full_text);
}

#[test]
fn f_without_an_open_article_says_what_to_do() {
    let (_dir, mut app) = setup();
    press(&mut app, KeyCode::Char('f'));
    assert!(app.effects.is_empty());
    assert_eq!(app.status.text, "open an article to fetch its full text");
}

#[test]
fn folded_list_reads_further_pages_as_the_selection_moves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("p.db")).expect("open");
    let titles: Vec<String> = (0..230).map(|i| format!("story number {i}")).collect();
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    feed(&store, "https://a.example/many", &refs);
    let config = Config::parse("fold_clusters = true\n").expect("config");
    let theme = Theme::load("dark", None).expect("theme");
    let mut app = App::new(store, config, theme).expect("app");
    draw(&mut app, 160, 40);
    // The first page is read; going to the end reads the next one.
    assert_eq!(app.articles.total, 200);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.articles.total, 230);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.articles.cursor.selected, 229);
    let oldest = app.articles.selected().map(|a| a.title.clone());
    assert_eq!(oldest.as_deref(), Some("story number 0"));
}
