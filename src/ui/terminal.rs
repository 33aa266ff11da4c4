//! Entering and leaving the terminal's full-screen mode. Whatever ends the
//! reader (q, Ctrl-C, SIGTERM, SIGHUP, a panic) the terminal is restored:
//! raw mode off, main screen back, mouse released, cursor shown, and the
//! terminal's own bidi (`CSI 8 h`) switched back on when akhbar turned it
//! off.

use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, ThreadId};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::ui::external::tmux_passthrough;

/// Terminal BiDi recommendation: explicit mode (the terminal leaves the
/// text alone; akhbar reorders).
const BIDI_EXPLICIT: &str = "\x1b[8l";
/// Implicit mode (the terminal reorders): restored on exit.
const BIDI_IMPLICIT: &str = "\x1b[8h";

/// Set while the terminal is in full-screen mode, so a restore runs once.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether `CSI 8 l` was sent and must be undone.
static BIDI_SWITCHED: AtomicBool = AtomicBool::new(false);

/// Panic reports of other threads than the screen's while the screen is
/// akhbar's, printed once it is restored: a background worker catches its
/// own panics and goes on (a feed that broke a parser becomes that feed's
/// error), so its report must neither tear the screen down nor be
/// written across it.
static DEFERRED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Restores the terminal when dropped.
pub struct TerminalGuard(());

/// The bidi mode switch, wrapped for tmux's passthrough when inside tmux.
pub fn bidi_sequence(explicit: bool, in_tmux: bool) -> String {
    let seq = if explicit {
        BIDI_EXPLICIT
    } else {
        BIDI_IMPLICIT
    };
    if in_tmux {
        format!("{seq}{}", tmux_passthrough(seq))
    } else {
        seq.to_owned()
    }
}

/// Switches to full-screen raw mode with mouse reporting; with
/// `bidi_explicit` it also turns the terminal's own bidi off. Installs a
/// panic hook that restores the terminal before the message is printed.
pub fn enter(bidi_explicit: bool) -> io::Result<TerminalGuard> {
    install_panic_hook(thread::current().id());
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableMouseCapture, Hide)?;
    if bidi_explicit {
        out.write_all(bidi_sequence(true, std::env::var_os("TMUX").is_some()).as_bytes())?;
        out.flush()?;
        BIDI_SWITCHED.store(true, Ordering::SeqCst);
    }
    Ok(TerminalGuard(()))
}

/// Chains a panic hook before the current one: a panic on `screen`'s
/// thread restores the terminal, then is reported as usual; a panic on
/// another thread while the screen is akhbar's is kept in [`DEFERRED`].
fn install_panic_hook(screen: ThreadId) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let current = thread::current();
        if current.id() != screen && ACTIVE.load(Ordering::SeqCst) {
            let name = current.name().unwrap_or("a background thread").to_owned();
            if let Ok(mut deferred) = DEFERRED.lock() {
                deferred.push(format!("{name} {info}"));
            }
            return;
        }
        restore();
        previous(info);
    }));
}

/// Takes the reports kept in [`DEFERRED`].
fn take_deferred() -> Vec<String> {
    DEFERRED
        .lock()
        .map(|mut d| std::mem::take(&mut *d))
        .unwrap_or_default()
}

/// Puts the terminal back as it was; safe to call more than once.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    if BIDI_SWITCHED.swap(false, Ordering::SeqCst) {
        let _ = out.write_all(bidi_sequence(false, std::env::var_os("TMUX").is_some()).as_bytes());
    }
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
    for report in take_deferred() {
        eprintln!("akhbar: a background task failed and the reader went on: {report}");
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_background_panic_leaves_the_screen_and_is_reported_after() {
        let screen = thread::current().id();
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        install_panic_hook(screen);
        ACTIVE.store(true, Ordering::SeqCst);
        let caught = thread::Builder::new()
            .name("poll-worker".into())
            .spawn(|| std::panic::catch_unwind(|| panic!("feed parser broke")).is_err())
            .expect("spawn")
            .join();
        let still_active = ACTIVE.swap(false, Ordering::SeqCst);
        std::panic::set_hook(before);
        assert!(matches!(caught, Ok(true)), "the worker caught its panic");
        assert!(
            still_active,
            "the screen was not restored by a worker's panic"
        );
        let reports = take_deferred();
        assert_eq!(reports.len(), 1, "{reports:?}");
        assert!(
            reports[0].starts_with("poll-worker ") && reports[0].contains("feed parser broke"),
            "{reports:?}"
        );
    }

    #[test]
    fn bidi_switch_is_wrapped_for_tmux() {
        assert_eq!(bidi_sequence(true, false), "\x1b[8l");
        assert_eq!(bidi_sequence(false, false), "\x1b[8h");
        assert_eq!(
            bidi_sequence(true, true),
            "\x1b[8l\x1bPtmux;\x1b\x1b[8l\x1b\\"
        );
    }
}
