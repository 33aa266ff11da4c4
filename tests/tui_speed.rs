//! Startup and frame timings of the reader on a large store. Prints the
//! figures and asserts only what the UI must do, not how fast: run with
//! `cargo test --release --test tui_speed -- --ignored --nocapture`.

use std::time::Instant;

use akhbar::config::Config;
use akhbar::model::{Direction, NewArticle, ParsedFeed};
use akhbar::store::{FeedSettings, FeedUpdate, Store};
use akhbar::ui::app::App;
use akhbar::ui::theme::Theme;
use akhbar::ui::view;
use chrono::{Duration, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const PARAGRAPH: &str = "قال المتحدث باسم الوزارة في مؤتمر صحفي عقده اليوم إن المفاوضات (التي استمرت ثلاثة أيام) انتهت باتفاق على جدول زمني جديد للمرحلة المقبلة، وإن الوفود ستعود إلى القاهرة في 2026.";

fn build(path: &std::path::Path, articles: usize) {
    let store = Store::open(path).expect("open");
    let at = Utc
        .with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
        .single()
        .expect("date");
    let per_feed = 10_000.min(articles);
    for f in 0..articles.div_ceil(per_feed) {
        let id = store
            .add_feed(
                &format!("https://big.example/{f}"),
                &FeedSettings::default(),
                &[],
            )
            .expect("add");
        let items = (0..per_feed)
            .map(|i| NewArticle {
                guid: Some(format!("{f}-{i}")),
                title: format!("خبر رقم {i} من المصدر {f}: الاتفاق على جدول زمني"),
                published: Some(at + Duration::minutes(i as i64)),
                text: vec![PARAGRAPH; if i == per_feed - 1 { 200 } else { 2 }].join("\n\n"),
                direction: Direction::Rtl,
                ..NewArticle::default()
            })
            .collect();
        let upd = FeedUpdate {
            feed: ParsedFeed {
                title: Some(format!("مصدر {f}")),
                articles: items,
                ..ParsedFeed::default()
            },
            etag: None,
            last_modified: None,
            fetched_at: at,
        };
        store.apply_feed_update(id, &upd).expect("update");
    }
}

fn measure(articles: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.db");
    build(&path, articles);
    let start = Instant::now();
    let store = Store::open(&path).expect("open");
    let theme = Theme::load("dark", None).expect("theme");
    let mut app = App::new(store, Config::default(), theme).expect("app");
    let mut term = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    term.draw(|f| view::draw(f, &mut app)).expect("draw");
    let first = start.elapsed();
    assert_eq!(app.articles.total, articles);
    // The newest article is the long one (200 paragraphs).
    let id = app.articles.get(0).map(|a| a.id).expect("row");
    app.open_article(id).expect("open article");
    let start = Instant::now();
    term.draw(|f| view::draw(f, &mut app)).expect("draw");
    let layout_frame = start.elapsed();
    let n = 50u32;
    let start = Instant::now();
    for _ in 0..n {
        app.reader.scroll_by(1);
        term.draw(|f| view::draw(f, &mut app)).expect("draw");
    }
    let frame = start.elapsed() / n;
    let start = Instant::now();
    for _ in 0..n {
        app.act(akhbar::ui::keymap::Action::NextPane).expect("tab");
        app.act(akhbar::ui::keymap::Action::Down).expect("down");
        term.draw(|f| view::draw(f, &mut app)).expect("draw");
    }
    let key_frame = start.elapsed() / n;
    println!(
        "{articles} articles: first frame {first:?}; open long Arabic article {layout_frame:?}; scroll frame {frame:?}; key+frame {key_frame:?}"
    );
}

#[test]
#[ignore = "builds stores of 20,000 and 100,000 articles; a benchmark"]
fn startup_and_frame_times() {
    measure(20_000);
    measure(100_000);
}
