//! The `akhbar` binary: parse arguments, run, print errors as one line.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = akhbar::cli::Cli::parse();
    match akhbar::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "akhbar: {}",
                akhbar::text::sanitize::for_terminal(&one_line(&e))
            );
            ExitCode::from(1)
        }
    }
}

/// The error and its causes on one line, leaving out a cause whose text
/// the message already contains (many errors quote their source).
fn one_line(e: &anyhow::Error) -> String {
    let mut msg = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if msg.contains(&text) {
            continue;
        }
        if !msg.is_empty() {
            msg.push_str(": ");
        }
        msg.push_str(&text);
    }
    msg
}
