//! Shared pieces of the proptest fuzz targets: hostile tokens, a manual
//! runner with a persisted regression file and a case counter.

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};

/// Fragments that break naive sanitisers and parsers.
pub const HOSTILE: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}[H",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]2;title\u{1b}\\",
    "\u{1b}]52;c;cHduZWQ=\u{7}",
    "\u{1b}]8;;http://evil.example/\u{1b}\\",
    "\u{1b}P1;2|dcs\u{1b}\\",
    "\u{1b}[38;5;196m",
    "\u{1b}c",
    "\u{1b}",
    "\u{1b}[",
    "\u{1b}]",
    "\u{9b}31m",
    "\u{90}x\u{9c}",
    "\u{9d}0;t\u{9c}",
    "\u{85}",
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\r",
    "\t",
    "\n",
    "\u{7f}",
    "\u{202e}",
    "\u{202d}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "\u{61c}",
    "\u{200d}",
    "\u{feff}",
    "\u{fffd}",
    "مرحبا",
    "بالقاهرة",
    "لا",
    "ـــ",
    "\u{64e}\u{651}",
    "שלום",
    "hello",
    " ",
    "123",
    "١٢٣",
    "(",
    "]",
    "漢字",
    "👍🏽",
    "e\u{301}",
];

/// A string of hostile fragments and arbitrary characters.
pub fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(HOSTILE).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
            1 => "[a-z ]{0,6}",
        ],
        0..max,
    )
    .prop_map(|v| v.concat())
}

/// A runner with `cases` cases whose failures are kept in
/// `tests/hostile/proptest-regressions/NAME.txt` and replayed first.
pub fn runner(name: &str, cases: u32) -> TestRunner {
    let path: &'static str =
        Box::leak(format!("tests/hostile/proptest-regressions/{name}.txt").into_boxed_str());
    let cases = std::env::var("HOSTILE_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(cases);
    TestRunner::new(Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(path))),
        ..Config::default()
    })
}
