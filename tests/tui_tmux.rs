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
