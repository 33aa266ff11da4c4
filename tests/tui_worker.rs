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
use akhbar::ui::worker::{self, WorkerMsg};
use common::{Route, TestServer};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
