//! Background polling from the reader: a feed added with `a` is fetched
//! from a real HTTP server on 127.0.0.1 by a worker thread with its own
//! store connection, while the UI thread keeps handling keys.

mod common;

use std::sync::mpsc;
use std::time::Duration;

use akhbar::config::Config;
use akhbar::store::Store;
use akhbar::ui::app::{App, Effect};
use akhbar::ui::theme::Theme;
use akhbar::ui::view;
use akhbar::ui::worker::{self, WorkerMsg};
use common::{Route, TestServer};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>نشرة الاختبار</title><link>https://example.com/</link>
<item><guid>a1</guid><title>وصل الوفد إلى العاصمة مساء أمس</title><link>https://example.com/a1</link>
<pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;وصل الوفد.&lt;/p&gt;</description></item>
<item><guid>a2</guid><title>Talks resume in the capital</title><link>https://example.com/a2</link>
<pubDate>Sun, 01 Jun 2025 10:00:00 GMT</pubDate><description>Talks resumed.</description></item>
</channel></rss>"#;

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn added_feed_is_polled_in_the_background() {
    let server = TestServer::start();
    server.route(
        "/feed.xml",
        Route::ok(RSS, "application/rss+xml").delay(Duration::from_millis(400)),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("w.db")).expect("open");
    let theme = Theme::load("dark", None).expect("theme");
    let mut app = App::new(store, Config::default(), theme).expect("app");
    assert!(app.welcome());

    press(&mut app, KeyCode::Char('a'));
    for c in server.url("/feed.xml").chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    assert!(!app.welcome());
    let (tx, rx) = mpsc::channel();
    for effect in std::mem::take(&mut app.effects) {
        match effect {
            Effect::Poll { feed, force } => {
                worker::spawn_poll(app.store_path.clone(), &app.config, feed, force, tx.clone());
            }
            other => panic!("unexpected effect {other:?}"),
        }
    }
    // The UI thread is free while the server delays its answer.
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode, akhbar::ui::app::Mode::Help);
    assert!(app.poll_progress.is_some());
    loop {
        let msg = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("worker report");
        let done = matches!(msg, WorkerMsg::PollDone(_));
        app.on_worker(msg);
        if done {
            break;
        }
    }
    assert!(app.poll_progress.is_none());
    assert!(!app.status.error, "{}", app.status.text);
    assert_eq!(app.status.text, "reloaded 1 feeds: 2 new articles");
    assert_eq!(app.articles.total, 2);
    assert_eq!(app.feeds.rows[0].count, 2);
    // Enrichment is requested once the new articles are stored.
    assert_eq!(app.effects, vec![Effect::Enrich]);
}

#[test]
fn a_failing_feed_is_reported_not_drawn() {
    let server = TestServer::start();
    server.route("/gone.xml", Route::status(500));
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("f.db")).expect("open");
    store
        .add_feed(&server.url("/gone.xml"), &Default::default(), &[])
        .expect("add");
    let theme = Theme::load("dark", None).expect("theme");
    let mut app = App::new(store, Config::default(), theme).expect("app");
    app.reload_all();
    let (tx, rx) = mpsc::channel();
    for effect in std::mem::take(&mut app.effects) {
        if let Effect::Poll { feed, force } = effect {
            worker::spawn_poll(app.store_path.clone(), &app.config, feed, force, tx.clone());
        }
    }
    loop {
        let msg = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("worker report");
        let done = matches!(msg, WorkerMsg::PollDone(_));
        app.on_worker(msg);
        if done {
            break;
        }
    }
    assert!(app.status.error);
    assert!(app.status.text.contains("1 failed"), "{}", app.status.text);
    assert!(app.feeds.rows.iter().any(|r| r.error));
}

const PAGE: &str = r#"<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>وصل الوفد</title></head>
<body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a> <a href="/eco">اقتصاد</a></nav>
<article><h1>وصل الوفد إلى العاصمة مساء أمس</h1>
<p>وصل الوفد المفاوض إلى العاصمة مساء أمس بعد رحلة استغرقت ساعات، واستقبله في المطار عدد من المسؤولين وممثلي الهيئات المحلية.</p>
<p>وقال رئيس الوفد في تصريح مقتضب للصحفيين إن الزيارة تهدف إلى استئناف المحادثات المتوقفة منذ شهرين حول ملف الحدود والمعابر.</p>
<p>ومن المنتظر أن تبدأ الجلسة الأولى صباح الغد في مقر وزارة الخارجية، على أن تستمر المحادثات ثلاثة أيام متتالية.</p>
<p>وأشار مصدر مطلع إلى أن الجانبين أعدا مسودة اتفاق أولية ستعرض على الوفدين في اليوم الأخير من الزيارة.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"#;

fn reader_app(link: &str) -> (tempfile::TempDir, App, akhbar::model::ArticleId) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("t.db")).expect("open");
    let feed = store
        .add_feed("https://example.com/feed.xml", &Default::default(), &[])
        .expect("add");
    let update = akhbar::store::FeedUpdate {
        feed: akhbar::model::ParsedFeed {
            title: Some("نشرة الاختبار".to_owned()),
            articles: vec![akhbar::model::NewArticle {
                guid: Some("a1".to_owned()),
                link: Some(link.to_owned()),
                title: "وصل الوفد إلى العاصمة مساء أمس".to_owned(),
                text: "وصل الوفد.".to_owned(),
                direction: akhbar::model::Direction::Rtl,
                ..akhbar::model::NewArticle::default()
            }],
            ..akhbar::model::ParsedFeed::default()
        },
        etag: None,
        last_modified: None,
        fetched_at: chrono::Utc::now(),
    };
    store.apply_feed_update(feed, &update).expect("update");
    let id = store
        .articles(&Default::default())
        .expect("articles")
        .first()
        .map(|a| a.id)
        .expect("article");
    let theme = Theme::load("dark", None).expect("theme");
    let mut app = App::new(store, Config::default(), theme).expect("app");
    app.open_article(id).expect("open");
    (dir, app, id)
}

fn screen(app: &mut App) -> String {
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    term.draw(|f| view::draw(f, app)).expect("draw");
    let buf = term.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs the requested full-text fetch on a worker and applies its report.
fn run_fetch(app: &mut App, id: akhbar::model::ArticleId) {
    let (tx, rx) = mpsc::channel();
    let effects = std::mem::take(&mut app.effects);
    assert_eq!(effects, vec![Effect::FetchFullText(id)]);
    worker::spawn_full_text(app.store_path.clone(), id, tx);
    let msg = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("worker report");
    assert!(matches!(msg, WorkerMsg::FullTextDone { .. }), "{msg:?}");
    app.on_worker(msg);
}

fn visual(s: &str) -> String {
    akhbar::text::layout::single_line(s, 200, &akhbar::text::layout::LayoutOptions::default()).text
}

#[test]
fn f_fetches_the_full_text_in_the_background() {
    let server = TestServer::start();
    server.route(
        "/a1",
        Route::ok(PAGE, "text/html; charset=utf-8").delay(Duration::from_millis(300)),
    );
    let (_dir, mut app, id) = reader_app(&server.url("/a1"));
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.full_text_fetch, Some(id));
    // While it runs: the progress shows and the summary stays.
    let before = screen(&mut app);
    assert!(before.contains("fetching full text…"), "{before}");
    assert!(before.contains(&visual("وصل الوفد.")), "{before}");
    run_fetch(&mut app, id);
    assert!(app.full_text_fetch.is_none());
    assert!(!app.status.error, "{}", app.status.text);
    assert!(
        app.status.text.starts_with("full text fetched"),
        "{}",
        app.status.text
    );
    let text = &app.reader.article.as_ref().expect("open").text;
    assert!(text.contains("ومن المنتظر أن تبدأ الجلسة الأولى"), "{text}");
    assert!(!text.contains("جميع الحقوق محفوظة"), "{text}");
    let after = screen(&mut app);
    assert!(after.contains("full text fetched"), "{after}");
    assert!(!after.contains("fetching full text…"), "{after}");
    assert!(after.contains(&visual("وقال رئيس الوفد")), "{after}");
}

#[test]
fn a_failed_full_text_fetch_names_the_cause() {
    let server = TestServer::start();
    let (_dir, mut app, id) = reader_app(&server.url("/missing"));
    press(&mut app, KeyCode::Char('f'));
    run_fetch(&mut app, id);
    assert!(app.status.error);
    assert!(app.status.text.contains("404"), "{}", app.status.text);
    let a = app.reader.article.as_ref().expect("open");
    assert!(a.full_text_error.is_some());
    assert_eq!(a.text, "وصل الوفد.");
    let shown = screen(&mut app);
    assert!(shown.contains("full text failed:"), "{shown}");
    assert!(shown.contains("404"), "{shown}");
}
