//! The terminal reader: app state and actions ([`app`]), one module per
//! pane ([`panes`]), drawing ([`view`]), keys ([`keymap`]), colours
//! ([`theme`]), prompts, background workers and terminal handling.
//!
//! The event loop waits on terminal input with a short timeout, applies
//! worker reports from a channel, starts requested background work, and
//! redraws only when something changed. It never waits for the network.

pub mod app;
pub mod external;
pub mod keymap;
pub mod panes;
pub mod prompt;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod worker;

use std::io::{self, IsTerminal};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::config::Config;
use crate::store::Store;
use crate::text::layout::BidiMode;
use app::{App, Effect};
use theme::Theme;
use worker::WorkerMsg;

/// How long the loop waits for input before it looks at workers and signals.
const TICK: Duration = Duration::from_millis(50);

/// Opens the reader on the store at `store_path` and runs it until the
/// user quits or a SIGTERM/SIGHUP/SIGINT arrives. The first frame is drawn
/// from the store alone; polling and enrichment run in the background.
pub fn run(store_path: &Path, config: &Config) -> anyhow::Result<()> {
    let config_dir = crate::config::config_dir().ok();
    let theme = Theme::load(&config.theme, config_dir.as_deref())?;
    let store = Store::open(store_path)?;
    let mut app = App::new(store, config.clone(), theme)?;

    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }

    let _guard = terminal::enter(config.bidi == BidiMode::App)?;
    let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    term.clear()?;
    term.draw(|f| view::draw(f, &mut app))?;

    let (tx, rx) = mpsc::channel();
    app.start_enrichment();
    let beat = Arc::new(AtomicU64::new(0));
    spawn_watchdog(Arc::clone(&stop), Arc::clone(&beat));
    event_loop(&mut term, &mut app, &stop, &beat, &tx, &rx)
}

/// Milliseconds since the process started, for the loop's heartbeat.
fn now_ms() -> u64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let start = START.get_or_init(Instant::now);
    u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Ends the process when the terminal is gone (closed window, killed tmux:
/// stdin is no longer a terminal), or when a stop signal arrived and the
/// event loop has not come round for two seconds. crossterm can spin
/// inside `event::poll` on a hung-up terminal (read() returning 0 for
/// ever), where the loop never gets to look at the stop flag. Read state
/// and tags are written when they change, so leaving loses nothing; a
/// background write in flight is rolled back by SQLite.
fn spawn_watchdog(stop: Arc<AtomicBool>, beat: Arc<AtomicU64>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(250));
            let stale = now_ms().saturating_sub(beat.load(Ordering::SeqCst));
            let terminal_gone = !io::stdin().is_terminal();
            if terminal_gone || (stop.load(Ordering::SeqCst) && stale > 2_000) {
                terminal::restore();
                std::process::exit(if terminal_gone { 129 } else { 0 });
            }
        }
    });
}

fn event_loop(
    term: &mut Terminal<CrosstermBackend<io::Stdout>>,
    app: &mut App,
    stop: &AtomicBool,
    beat: &AtomicU64,
    tx: &Sender<WorkerMsg>,
    rx: &Receiver<WorkerMsg>,
) -> anyhow::Result<()> {
    let refresh = Duration::from_secs(u64::from(app.config.refresh_minutes) * 60);
    let mut last_refresh = Instant::now();
    let mut dirty = false;
    while !app.quit && !stop.load(Ordering::SeqCst) {
        beat.store(now_ms(), Ordering::SeqCst);
        for effect in std::mem::take(&mut app.effects) {
            dirty = true;
            match effect {
                Effect::Poll { feed, force } => {
                    last_refresh = Instant::now();
                    worker::spawn_poll(
                        app.store_path.clone(),
                        &app.config,
                        feed,
                        force,
                        tx.clone(),
                    );
                }
                Effect::Enrich => worker::spawn_enrich(app.store_path.clone(), tx.clone()),
                Effect::FetchFullText(id) => {
                    worker::spawn_full_text(app.store_path.clone(), id, tx.clone());
                }
                Effect::OpenUrl(url) => {
                    if let Err(e) = external::open_url(&app.config, &url) {
                        app.error(format!("cannot start the browser: {e}"));
                    }
                }
                Effect::Copy(text) => {
                    if let Err(e) = external::copy(&mut io::stdout(), &text) {
                        app.error(format!("cannot copy: {e}"));
                    }
                }
            }
        }
        while let Ok(msg) = rx.try_recv() {
            app.on_worker(msg);
            dirty = true;
        }
        if !refresh.is_zero() && last_refresh.elapsed() >= refresh && app.poll_progress.is_none() {
            last_refresh = Instant::now();
            if !app.feeds.no_feeds() {
                app.poll_progress = Some((0, 0));
                app.effects.push(Effect::Poll {
                    feed: None,
                    force: false,
                });
            }
        }
        if dirty {
            term.draw(|f| view::draw(f, app))?;
            dirty = false;
        }
        if event::poll(TICK)? {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => app.handle_key(key),
                Event::Mouse(m) => app.handle_mouse(m),
                _ => {}
            }
            dirty = true;
        }
    }
    Ok(())
}
