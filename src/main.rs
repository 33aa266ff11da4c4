//! The `akhbar` binary: parse arguments, run, print errors as one line.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = akhbar::cli::Cli::parse();
    match akhbar::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            let msg = format!("{e:#}");
            eprintln!("akhbar: {}", akhbar::text::sanitize::for_terminal(&msg));
            ExitCode::from(1)
        }
    }
}
