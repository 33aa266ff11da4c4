//! The real binary in tmux on the demo data, as a person would use it:
//! search in Arabic, open the article, read shaped, reordered,
//! right-aligned lines, bookmark and tag it, quit, and check the store
//! through the CLI and the terminal through the screen.

mod tmux;

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use tmux::Tmux;

/// `akhbar --db DB ARGS...` with an empty config, as JSON.
fn cli_json(db: &Path, home: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_akhbar"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .expect("run akhbar");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn read_an_arabic_article_bookmark_tag_and_quit() {
    let home = tempfile::tempdir().expect("temp dir");
    let db = home.path().join("demo.db");
    let db_s = db.to_string_lossy().into_owned();
    let cfg = home.path().join("config").to_string_lossy().into_owned();
    let data = home.path().join("data").to_string_lossy().into_owned();
    let t = Tmux::start(
        Path::new(env!("CARGO_BIN_EXE_akhbar")),
        &["--db", &db_s, "demo"],
        &[("XDG_CONFIG_HOME", &cfg), ("XDG_DATA_HOME", &data)],
        120,
        40,
    );
    t.wait_text("All (");

    // Search for «قمة القاهرة للمياه» (typed in logical order, as a user
    // types); one article matches.
    t.keys(&["/"]);
    t.type_text("قمة القاهرة للمياه");
    t.keys(&["Enter"]);
    // The hit's title, shaped and in visual order: «ﺓﺮﻫﺎﻘﻟﺍ ﺔﻤﻗ».
    t.wait_text("ﺓﺮﻫﺎﻘﻟﺍ ﺔﻤﻗ");

    t.keys(&["Enter"]);
    // «استضافت القاهرة» opens the body: shaped and reversed.
    let screen = t.wait_text("ﺓﺮﻫﺎﻘﻟﺍ ﺖﻓﺎﻀﺘﺳﺍ");
    let line = screen
        .lines()
        .find(|l| l.contains("ﺓﺮﻫﺎﻘﻟﺍ ﺖﻓﺎﻀﺘﺳﺍ"))
        .expect("the first body line");
    // Right-aligned: the paragraph's first word touches the pane's right
    // edge (one cell of margin at most before the border).
    let after = line
        .split("ﺓﺮﻫﺎﻘﻟﺍ ﺖﻓﺎﻀﺘﺳﺍ")
        .nth(1)
        .expect("text after the first words");
    let gap = after.chars().take_while(|c| *c == ' ').count();
    assert!(gap <= 1, "not right-aligned: {line:?}");
    assert!(
        after.trim_start().starts_with('│') || after.trim_start().starts_with('┃'),
        "the first words should end at the pane border: {line:?}"
    );
    // Unshaped Arabic letters (logical order, U+0600–U+06FF) never reach
    // the screen in app mode: every letter is a presentation form.
    assert!(
        !screen.chars().any(|c| ('\u{621}'..='\u{64a}').contains(&c)),
        "unshaped Arabic on screen:\n{screen}"
    );

    t.keys(&["b"]);
    t.keys(&["t"]);
    t.type_text("مهم");
    t.keys(&["Enter"]);
    // Quit from wherever we are; the shell then prints the exit status on a
    // normal (restored) screen.
    for _ in 0..4 {
        t.keys(&["q"]);
    }
    let end = t.wait_text("akhbar-exited-0");
    assert!(
        !end.contains("All ("),
        "the reader's screen is still there:\n{end}"
    );

    let marked = cli_json(&db, home.path(), &["list", "--bookmarked", "--json"]);
    let marked = marked.as_array().expect("array");
    assert_eq!(marked.len(), 1, "{marked:#?}");
    assert!(
        marked[0]["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("قمة القاهرة")),
        "{marked:#?}"
    );
    assert_eq!(marked[0]["tags"], serde_json::json!(["مهم"]));
    assert_eq!(marked[0]["read"], true, "opening an article marks it read");
}

/// Feed text full of escape sequences, stored as it came (bypassing the
/// ingest sanitiser, so this checks the display path on its own): the
/// reader shows the words, nothing else reaches the terminal — the window
/// title is unchanged, the screen is not cleared, no payload appears.
#[test]
fn hostile_text_never_reaches_the_terminal() {
    use akhbar::model::{Direction, NewArticle, ParsedFeed};
    use akhbar::store::{FeedSettings, FeedUpdate, Store};

    let home = tempfile::tempdir().expect("temp dir");
    let db = home.path().join("hostile.db");
    {
        let store = Store::open(&db).expect("store");
        let feed = store
            .add_feed("https://evil.test/rss", &FeedSettings::default(), &[])
            .expect("feed");
        let article = NewArticle {
            guid: Some("x".into()),
            link: Some("https://evil.test/1".into()),
            title: "safe\u{1b}]0;pwned-title\u{7} words \u{1b}[2J\u{1b}[Hخبر\u{202e}abc\u{9b}31m"
                .into(),
            author: Some("\u{1b}]52;c;cHduZWQ=\u{7}author".into()),
            text: "body\u{1b}]8;;https://pwned.test\u{1b}\\link\u{1b}]8;;\u{1b}\\ end\u{0}\u{7}"
                .into(),
            direction: Direction::Ltr,
            ..NewArticle::default()
        };
        let update = FeedUpdate {
            feed: ParsedFeed {
                title: Some("Evil\u{1b}[31m feed".into()),
                articles: vec![article],
                ..ParsedFeed::default()
            },
            etag: None,
            last_modified: None,
            fetched_at: chrono::Utc::now(),
        };
        store.apply_feed_update(feed, &update).expect("update");
    }
    let db_s = db.to_string_lossy().into_owned();
    let cfg = home.path().join("config").to_string_lossy().into_owned();
    let data = home.path().join("data").to_string_lossy().into_owned();
    let t = Tmux::start(
        Path::new(env!("CARGO_BIN_EXE_akhbar")),
        &["--db", &db_s],
        &[("XDG_CONFIG_HOME", &cfg), ("XDG_DATA_HOME", &data)],
        120,
        30,
    );
    let title_before = t.pane_title();
    t.wait_text("words");
    t.keys(&["Enter"]);
    let screen = t.wait_text("end");
    for payload in ["pwned", "cHduZWQ", "31m", "2J"] {
        assert!(
            !screen.contains(payload),
            "{payload} reached the screen:\n{screen}"
        );
    }
    assert!(
        screen.contains("safe") && screen.contains("Evil"),
        "{screen}"
    );
    assert_eq!(t.pane_title(), title_before, "the window title was changed");
    t.keys(&["Q"]);
    t.wait_text("akhbar-exited-0");
}

/// A closed terminal (here: the tmux server killed under the reader) ends
/// the reader within seconds instead of leaving it spinning on a dead
/// terminal.
#[test]
fn the_reader_exits_when_its_terminal_goes_away() {
    let home = tempfile::tempdir().expect("temp dir");
    let db = home.path().join("orphan-check.db");
    let db_s = db.to_string_lossy().into_owned();
    let cfg = home.path().join("config").to_string_lossy().into_owned();
    let data = home.path().join("data").to_string_lossy().into_owned();
    let t = Tmux::start(
        Path::new(env!("CARGO_BIN_EXE_akhbar")),
        &["--db", &db_s, "demo"],
        &[("XDG_CONFIG_HOME", &cfg), ("XDG_DATA_HOME", &data)],
        100,
        30,
    );
    t.wait_text("All (");
    let running = || {
        Command::new("pgrep")
            .args(["-f", &db_s])
            .output()
            .map(|o| !o.stdout.is_empty())
            .unwrap_or(false)
    };
    assert!(running(), "the reader should be running");
    drop(t);
    let start = std::time::Instant::now();
    while running() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        !running(),
        "the reader kept running after its terminal closed"
    );
}
