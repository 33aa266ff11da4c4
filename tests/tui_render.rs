//! Render tests of every pane at 80×24 and 160×48 with Arabic, English,
//! mixed and CJK titles, on a real store in a temporary directory, drawn
//! with ratatui's TestBackend.

use akhbar::config::Config;
use akhbar::model::{ArticleId, Direction, Entity, EntityKind, FeedId, NewArticle, ParsedFeed};
use akhbar::store::{ArticleFilter, FeedSettings, FeedUpdate, Store};
use akhbar::ui::app::App;
use akhbar::ui::keymap::Action;
use akhbar::ui::panes::Pane;
use akhbar::ui::theme::Theme;
use akhbar::ui::view;
use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

const AR_TITLE: &str = "قال الرئيس إن الاتفاق سيوقع غدا";
const MIXED_TITLE: &str = "شركة Apple تطلق هاتفا جديدا في 2025";
const EN_TITLE: &str = "Markets rally as talks resume";
const CJK_TITLE: &str = "東京で大雪、交通に乱れ 🚆 通勤客に影響が広がる見通し";
const AR_TEXT: &str = "قال الرئيس في مؤتمر صحفي إن الاتفاق سيوقع غدا في القاهرة.\n\nوأضاف أن الوفود وصلت (أمس) إلى المدينة.\n\n[1] https://example.com/ar/1";

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    arabic: ArticleId,
}

fn article(title: &str, text: &str, day: u32, dir: Direction) -> NewArticle {
    NewArticle {
        guid: Some(format!("{title}-{day}")),
        link: Some(format!("https://example.com/{day}")),
        title: title.to_owned(),
        published: Utc.with_ymd_and_hms(2025, 6, day, 12, 0, 0).single(),
        text: text.to_owned(),
        direction: dir,
        ..NewArticle::default()
    }
}

fn add_feed(store: &Store, url: &str, title: &str, articles: Vec<NewArticle>) -> FeedId {
    let id = store
        .add_feed(url, &FeedSettings::default(), &[])
        .expect("add feed");
    let update = FeedUpdate {
        feed: ParsedFeed {
            title: Some(title.to_owned()),
            articles,
            ..ParsedFeed::default()
        },
        etag: None,
        last_modified: None,
        fetched_at: Utc
            .with_ymd_and_hms(2025, 6, 20, 12, 0, 0)
            .single()
            .expect("date"),
    };
    store.apply_feed_update(id, &update).expect("apply update");
    id
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("akhbar.db")).expect("open store");
    add_feed(
        &store,
        "https://example.com/ar.xml",
        "الأخبار العربية",
        vec![
            NewArticle {
                author: Some("سفيان العلوي".to_owned()),
                ..article(AR_TITLE, AR_TEXT, 14, Direction::Rtl)
            },
            article(MIXED_TITLE, "نص قصير.", 12, Direction::Rtl),
        ],
    );
    add_feed(
        &store,
        "https://example.com/en.xml",
        "World Desk",
        vec![article(
            EN_TITLE,
            "Stocks rose on Monday.",
            13,
            Direction::Ltr,
        )],
    );
    add_feed(
        &store,
        "https://example.com/jp.xml",
        "東京新聞",
        vec![article(CJK_TITLE, "大雪のため。", 11, Direction::Ltr)],
    );
    let arabic = store
        .articles(&ArticleFilter::default())
        .expect("articles")
        .into_iter()
        .find(|a| a.title == AR_TITLE)
        .map(|a| a.id)
        .expect("arabic article");
    store
        .save_enrichment(
            arabic,
            1,
            &[
                Entity {
                    key: "القاهره".to_owned(),
                    display: "القاهرة".to_owned(),
                    kind: EntityKind::Place,
                    count: 2,
                },
                Entity {
                    key: "cairo-president".to_owned(),
                    display: "الرئيس".to_owned(),
                    kind: EntityKind::Person,
                    count: 1,
                },
            ],
        )
        .expect("save entities");
    Fixture {
        _dir: dir,
        store,
        arabic,
    }
}

fn app(store: Store) -> App {
    let theme = Theme::load("dark", None).expect("theme");
    App::new(store, Config::default(), theme).expect("app")
}

/// The rows of a buffer as the terminal shows them (wide characters take
/// two cells; the hidden cell is skipped).
fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0usize;
            for x in 0..area.width {
                let cell = &buf[(x, y)];
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                row.push_str(cell.symbol());
                skip = cell.symbol().width().saturating_sub(1);
            }
            row
        })
        .collect()
}

fn draw(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| view::draw(f, app)).expect("draw");
    let rows = rows(term.backend().buffer());
    for r in &rows {
        assert_eq!(r.width(), usize::from(w), "row overflows: {r:?}");
    }
    rows
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn find<'a>(rows: &'a [String], needle: &str) -> &'a str {
    rows.iter()
        .find(|r| r.contains(needle))
        .map(String::as_str)
        .unwrap_or_else(|| panic!("no row contains {needle:?}:\n{}", rows.join("\n")))
}

/// The shaped, reordered form of the Arabic title (presentation forms in
/// visual order), as any terminal without bidi must receive it.
const AR_TITLE_VISUAL: &str = "ﺍﺪﻏ ﻊﻗﻮﻴﺳ ﻕﺎﻔﺗﻻﺍ ﻥﺇ ﺲﻴﺋﺮﻟﺍ ﻝﺎﻗ";

#[test]
fn lists_at_80x24() {
    let f = fixture();
    let mut app = app(f.store);
    let rows = draw(&mut app, 80, 24);
    // Feeds pane: virtual feeds, then feeds with unread counts.
    assert!(rows[1].starts_with("│ All"), "{}", rows[1]);
    assert!(rows[1].contains(" 4"), "{}", rows[1]);
    assert!(find(&rows, "World Desk").contains("World Desk"));
    // Every list row ends at the pane border: nothing overflows.
    for r in &rows[1..22] {
        let cells: Vec<char> = r.chars().collect();
        assert!(matches!(cells.last(), Some('│' | '┃')), "{r}");
    }
    // Arabic title: shaped, reordered and right-aligned in its column.
    let ar = find(&rows, AR_TITLE_VISUAL);
    assert!(ar.ends_with(&format!("{AR_TITLE_VISUAL}┃")), "{ar}");
    assert!(
        ar.starts_with("│ All             4│┃●  2025   …ﻊﻟﺍ ﺭﺎﺒﺧﻷﺍ "),
        "{ar}"
    );
    // English title left-aligned after the feed column.
    let en = find(&rows, "Markets rally");
    assert!(
        en.contains("┃●  2025   World Desk  Markets rally as talks resume"),
        "{en}"
    );
    // CJK title truncated with an ellipsis inside its column.
    let cjk = find(&rows, "東京で大雪");
    assert!(cjk.contains('…'), "{cjk}");
    // Status bar hint.
    assert!(rows[23].trim_end().ends_with("? help"), "{}", rows[23]);
}

#[test]
fn lists_and_reader_at_160x48() {
    let f = fixture();
    let mut app = app(f.store);
    let rows = draw(&mut app, 160, 48);
    let header = &rows[0];
    for title in [" Feeds ", " All (4) ", " Article ", ""] {
        assert!(header.contains(title), "{header}");
    }
    assert!(find(&rows, "Entities").contains("Related"));
    assert!(find(&rows, "Select an article").contains("Select an article and press Enter"));
    assert!(find(&rows, AR_TITLE_VISUAL).contains(AR_TITLE_VISUAL));
    // The fixture is not enriched: the pane says so rather than "none".
    assert!(find(&rows, "Not processed yet").contains("Not processed yet"));
    assert!(!rows.iter().any(|r| r.contains("No other stored")));
}

#[test]
fn reader_shows_arabic_shaped_and_right_aligned() {
    let f = fixture();
    let arabic = f.arabic;
    let mut app = app(f.store);
    app.open_article(arabic).expect("open");
    assert_eq!(app.focus, Pane::Reader);
    // 80×24: the reader fills the screen, entities and related below it.
    let rows = draw(&mut app, 80, 24);
    let title_row = find(&rows, AR_TITLE_VISUAL);
    assert!(
        title_row.ends_with(&format!("{AR_TITLE_VISUAL} ┃")),
        "{title_row:?}"
    );
    // Date, feed, author from left to right: the two Arabic names are
    // isolated, not one right-to-left run that would swap them.
    let meta = find(&rows, "2025-06-14 12:00 · ");
    assert!(
        meta.starts_with("┃2025-06-14 12:00 · ﺔﻴﺑﺮﻌﻟﺍ ﺭﺎﺒﺧﻷﺍ · ﻱﻮﻠﻌﻟﺍ ﻥﺎﻴﻔﺳ  "),
        "{meta}"
    );
    // Brackets mirrored inside RTL text; full stop at the left end.
    let second = find(&rows, "ﺲﻣﺃ");
    assert!(second.contains("(ﺲﻣﺃ)"), "{second}");
    assert!(
        find(&rows, "[1] https://example.com/ar/1").starts_with("┃[1] https://example.com/ar/1")
    );
    let entities = find(&rows, "Places (1)");
    assert!(entities.contains("Places (1)"), "{entities}");
    let place = find(&rows, "×2");
    assert!(place.contains("ﺓﺮﻫﺎﻘﻟﺍ ×2"), "{place}");
    // The article was marked read in the store at once.
    let stored = app.store.article(arabic).expect("query").expect("article");
    assert!(stored.summary.read);
    // 160×48: lists and reader side by side.
    let rows = draw(&mut app, 160, 48);
    assert!(find(&rows, "People (1)").contains("People (1)"));
    assert_eq!(
        rows.iter()
            .map(|r| r.matches(AR_TITLE_VISUAL).count())
            .sum::<usize>(),
        2,
        "{}",
        rows.join("\n")
    );
}

#[test]
fn keys_bookmark_tag_search_and_back() {
    let f = fixture();
    let arabic = f.arabic;
    let mut app = app(f.store);
    app.open_article(arabic).expect("open");
    app.handle_key(key('b'));
    app.handle_key(key('t'));
    for c in "سياسة, مصر".chars() {
        app.handle_key(key(c));
    }
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let stored = app.store.article(arabic).expect("query").expect("article");
    assert!(stored.summary.bookmarked);
    let mut tags = stored.summary.tags.clone();
    tags.sort();
    assert_eq!(tags, vec!["سياسة", "مصر"]);
    // The tags show as virtual feeds.
    let rows = draw(&mut app, 160, 48);
    let tag_row = find(&rows, "ﺔﺳﺎﻴﺳ# 1│");
    assert!(
        tag_row.starts_with("│                ﺔﺳﺎﻴﺳ# 1│"),
        "{tag_row}"
    );
    // Search (Arabic, through the store's FTS).
    app.handle_key(key('/'));
    for c in "القاهرة".chars() {
        app.handle_key(key(c));
    }
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(app.focus, Pane::Articles);
    assert_eq!(app.articles.total, 1);
    assert_eq!(app.articles.selected().map(|a| a.id), Some(arabic));
    // Esc leaves the search, then the list, then quits.
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.articles.total, 4);
    app.act(Action::Back).expect("back");
    assert_eq!(app.focus, Pane::Feeds);
    app.act(Action::Back).expect("back");
    assert!(app.quit);
}

#[test]
fn help_overlay_lists_active_keys() {
    let f = fixture();
    let mut app = app(f.store);
    app.handle_key(key('?'));
    for (w, h) in [(80, 24), (160, 48)] {
        let rows = draw(&mut app, w, h);
        let all = rows.join("\n");
        for needle in [
            "j/↓",
            "search",
            "bookmark",
            "Shift-Tab",
            "copy link",
            "fetch full text",
            "feed full text",
        ] {
            assert!(all.contains(needle), "{needle} missing at {w}x{h}:\n{all}");
        }
        // Every description is shown whole, even at 80 columns.
        for a in Action::ALL {
            let d = a.describe();
            assert!(all.contains(d), "{d:?} cut at {w}x{h}:\n{all}");
        }
    }
    app.handle_key(key('x'));
    let rows = draw(&mut app, 80, 24);
    assert!(!rows.join("\n").contains("any key closes"));
}

#[test]
fn welcome_screen_on_an_empty_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("empty.db")).expect("open");
    let mut app = app(store);
    for (w, h) in [(80, 24), (160, 48)] {
        let rows = draw(&mut app, w, h);
        assert!(find(&rows, "Welcome to akhbar").contains("Welcome"));
        assert!(
            find(&rows, "Press a to subscribe")
                .contains("Press a to subscribe to a feed by its URL.")
        );
    }
    app.handle_key(key('q'));
    assert!(app.quit);
}

#[test]
fn welcome_screen_imports_the_starter_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("empty.db")).expect("open");
    let mut app = app(store);
    let rows = draw(&mut app, 80, 24);
    assert!(find(&rows, "Press i to").contains("Press i to subscribe to a starter list of Arabic"));
    app.handle_key(key('i'));
    let feeds = app.store.feeds().expect("feeds");
    assert!(feeds.len() >= 6, "{}", feeds.len());
    assert!(feeds.iter().all(|f| f.url.starts_with("https://")));
    assert_eq!(
        app.effects,
        vec![akhbar::ui::app::Effect::Poll {
            feed: None,
            force: true
        }]
    );
    // The feeds are listed before anything was fetched; the welcome is gone.
    let rows = draw(&mut app, 80, 24);
    assert!(!rows.join("\n").contains("Welcome"));
    app.handle_key(key('i'));
    assert_eq!(app.status.text, "already subscribed to every starter feed");
}

#[test]
fn hostile_titles_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("h.db")).expect("open");
    add_feed(
        &store,
        "https://example.com/evil.xml",
        "evil\u{1b}]0;pwned\u{7}",
        vec![article(
            "bad\u{1b}[2Jtitle\u{202e}txt",
            "x\u{1b}[31my",
            10,
            Direction::Ltr,
        )],
    );
    let mut app = app(store);
    let rows = draw(&mut app, 80, 24);
    let all = rows.join("\n");
    assert!(!all.contains('\u{1b}'));
    assert!(!all.contains('\u{202e}'));
    assert!(
        all.contains("badtitletxt") || all.contains("badtitle"),
        "{all}"
    );
}

#[test]
fn rtl_feed_name_heads_its_list_without_padding() {
    let f = fixture();
    let mut app = app(f.store);
    app.focus = Pane::Feeds;
    while app.feeds.selected_title() != "الأخبار العربية" {
        let before = app.feeds.cursor.selected;
        app.act(Action::Down).expect("down");
        assert_ne!(before, app.feeds.cursor.selected, "feed not listed");
    }
    let rows = draw(&mut app, 80, 24);
    assert_eq!(app.articles.total, 2);
    let top = &rows[0];
    let list_title = top.split(['┐', '┓']).nth(1).unwrap_or_default();
    assert!(list_title.starts_with("┌ (2) ﺔﻴﺑﺮﻌﻟﺍ ﺭﺎﺒﺧﻷﺍ ─"), "{top}");
}

const STORY_A: &str = "وزير الخارجية يصل إلى عمان لبحث اتفاق المياه";
const STORY_B: &str = "وصول وزير الخارجية إلى عمان لبحث اتفاق المياه";
const STORY_TEXT: &str = "وصل وزير الخارجية صباح اليوم إلى العاصمة الأردنية عمان في زيارة رسمية تستمر يومين يبحث خلالها اتفاق تقاسم المياه مع نظيره الأردني. وقال مصدر في الوزارة إن المحادثات ستتناول مشروع تحلية مياه البحر في العقبة وخطة لنقل المياه إلى الشمال. وأضاف المصدر أن الجانبين يأملان توقيع الاتفاق قبل نهاية الشهر الجاري.";

/// Two outlets carry the same wire story; an unrelated English story in a
/// third feed. The enrichment stage (the real one) links them.
fn related_fixture() -> (tempfile::TempDir, Store, ArticleId, ArticleId) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("akhbar.db")).expect("open store");
    add_feed(
        &store,
        "https://example.com/a.xml",
        "صحيفة الشرق",
        vec![article(STORY_A, STORY_TEXT, 14, Direction::Rtl)],
    );
    add_feed(
        &store,
        "https://example.com/b.xml",
        "Gulf Wire",
        vec![article(
            STORY_B,
            &format!("{STORY_TEXT} وكان الوزير قد زار القاهرة الأسبوع الماضي."),
            13,
            Direction::Rtl,
        )],
    );
    add_feed(
        &store,
        "https://example.com/en.xml",
        "World Desk",
        vec![article(
            EN_TITLE,
            "Stocks rose on Monday as trade talks resumed in Geneva.",
            12,
            Direction::Ltr,
        )],
    );
    akhbar::intel::enrich::run(&store, &|_| {}).expect("enrich");
    let id = |t: &str| {
        store
            .articles(&ArticleFilter::default())
            .expect("articles")
            .into_iter()
            .find(|a| a.title == t)
            .map(|a| a.id)
            .expect("article")
    };
    let (a, b) = (id(STORY_A), id(STORY_B));
    (dir, store, a, b)
}

#[test]
fn related_pane_follows_the_selection_and_marks_the_same_story() {
    let (_dir, store, a, b) = related_fixture();
    let related = store.related_of(a, 10).expect("related");
    assert_eq!(
        related.first().map(|r| (r.id, r.same_story)),
        Some((b, true))
    );
    let mut app = app(store);
    // The newest article (STORY_A) is selected: its related pane lists B.
    assert_eq!(app.articles.selected().map(|r| r.id), Some(a));
    let rows = draw(&mut app, 240, 48);
    let b_visual = akhbar::text::layout::single_line(STORY_B, 200, &app.layout_options()).text;
    let row = find(&rows, "≡ ");
    // Truncated from its logical end (the visual left) with '…', right-
    // aligned against the feed column, then feed and date.
    let b_start: String = b_visual
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(row.contains("≡ …"), "{row}");
    assert!(
        row.contains(&format!("{b_start} Gulf Wire      2025│")),
        "{row}"
    );
    assert!(find(&rows, "Related (").contains("1 same story"));
    // Moving the selection to B shows A as B's related story.
    app.handle_key(key('j'));
    assert_eq!(app.articles.selected().map(|r| r.id), Some(b));
    let rows = draw(&mut app, 240, 48);
    let a_visual = akhbar::text::layout::single_line(STORY_A, 200, &app.layout_options()).text;
    let a_start: String = a_visual
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(find(&rows, "≡ ").contains(&a_start), "{}", rows.join("\n"));
    assert_eq!(app.related.article, Some(b));
    // The English story, enriched, has no related stories: the pane says
    // none were found, not that they are still to come.
    app.handle_key(key('j'));
    let rows = draw(&mut app, 160, 48);
    assert!(find(&rows, "No other stored").contains("No other stored"));
    assert!(!rows.iter().any(|r| r.contains("Not processed yet")));
}

#[test]
fn enter_in_related_opens_the_story_and_keeps_the_lists() {
    let (_dir, store, a, b) = related_fixture();
    let mut app = app(store);
    draw(&mut app, 160, 48);
    assert_eq!(app.related.article, Some(a));
    // Tab from the articles pane: reader, entities, related.
    for _ in 0..3 {
        app.handle_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
        draw(&mut app, 160, 48);
    }
    assert_eq!(app.focus, Pane::Related);
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let rows = draw(&mut app, 160, 48);
    assert_eq!(app.reader.article.as_ref().map(|r| r.summary.id), Some(b));
    assert_eq!(app.focus, Pane::Related);
    // The related list is still A's, with B still selected; the article
    // list selection has not moved.
    assert_eq!(app.related.article, Some(a));
    assert_eq!(app.related.selected().map(|r| r.id), Some(b));
    assert_eq!(app.articles.selected().map(|r| r.id), Some(a));
    let b_visual = akhbar::text::layout::single_line(STORY_B, 200, &app.layout_options()).text;
    assert!(rows.iter().filter(|r| r.contains(&b_visual)).count() >= 2);
}

#[test]
fn folded_clusters_show_one_row_per_story() {
    let (_dir, store, a, b) = related_fixture();
    let cluster = store.cluster_of(a).expect("cluster").map(|c| c.cluster_id);
    assert!(cluster.is_some());
    assert_eq!(
        store.cluster_of(b).expect("cluster").map(|c| c.cluster_id),
        cluster
    );
    let config = Config::parse("fold_clusters = true\n").expect("config");
    let theme = Theme::load("dark", None).expect("theme");
    let mut app = App::new(store, config, theme).expect("app");
    // Folded: the newest article of the story stands for both, then the
    // unrelated English story.
    assert_eq!(app.articles.total, 2);
    assert_eq!(app.articles.selected().map(|r| r.id), Some(a));
    assert_eq!(app.articles.fold_counts.get(&a), Some(&2));
    let rows = draw(&mut app, 160, 48);
    assert!(find(&rows, " All (2, folded) ").contains("(2, folded)"));
    let a_visual = akhbar::text::layout::single_line(STORY_A, 200, &app.layout_options()).text;
    let a_start: String = a_visual
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let row = find(&rows, "[2] ");
    assert!(row.contains(&a_start), "{row}");
    assert!(find(&rows, "Markets rally").contains("Markets rally"));
    // Enter on the folded row expands it instead of opening it.
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(app.reader.article.is_none());
    assert_eq!(app.articles.total, 3);
    assert_eq!(app.articles.get(1).map(|r| r.id), Some(b));
    let rows = draw(&mut app, 160, 48);
    assert!(!rows.join("\n").contains("[2] "));
    // Enter now opens; z unfolds, z folds again (expansions forgotten).
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(app.reader.article.as_ref().map(|r| r.summary.id), Some(a));
    app.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE));
    app.handle_key(key('z'));
    assert!(!app.articles.fold);
    assert_eq!(app.articles.total, 3);
    assert_eq!(app.articles.selected().map(|r| r.id), Some(a));
    app.handle_key(key('z'));
    assert!(app.articles.fold);
    assert_eq!(app.articles.total, 2);
    assert_eq!(app.articles.fold_counts.get(&a), Some(&2));
}
