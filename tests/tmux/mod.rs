//! Driving the real `akhbar` binary inside tmux, as a person would: start
//! it in a detached session of a fixed size, type keys, read the screen.
//!
//! tmux does no bidi and no shaping, so `capture-pane -p` returns exactly
//! the cells akhbar emitted: what a user of xterm or Alacritty sees.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// One private tmux server with one session running a command.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `program args...` in a `width`×`height` session with the given
    /// environment. Each instance has its own server socket, so tests can
    /// run in parallel and never touch the user's tmux.
    pub fn start(
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        width: u16,
        height: u16,
    ) -> Tmux {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let socket = format!(
            "akhbar-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let mut shell_cmd = String::new();
        for (k, v) in env {
            shell_cmd.push_str(&format!("{k}={} ", quote(v)));
        }
        shell_cmd.push_str(&quote(&program.to_string_lossy()));
        for a in args {
            shell_cmd.push(' ');
            shell_cmd.push_str(&quote(a));
        }
        // Keep the pane open after the program exits so the final screen
        // (the restored terminal) can still be read.
        let status = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d", "-x"])
            .arg(width.to_string())
            .arg("-y")
            .arg(height.to_string())
            .args([
                "-s",
                "t",
                "env",
                "TERM=xterm-256color",
                "LANG=C.UTF-8",
                "sh",
                "-c",
            ])
            .arg(format!("{shell_cmd}; echo akhbar-exited-$?; sleep 30"))
            .env("TERM", "xterm-256color")
            .status()
            .expect("tmux is needed for the TUI tests (apt-get install tmux)");
        assert!(status.success(), "tmux new-session failed");
        let t = Tmux { socket };
        t.tmux(&["set-option", "-g", "status", "off"]);
        t
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Sends tmux key names (`j`, `Enter`, `Tab`, `C-c`, `Escape`...).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Types text literally (no key-name interpretation).
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
    }

    /// The screen as lines of text, trailing spaces trimmed.
    pub fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-t", "t"]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The pane's title (what an OSC 0/2 sequence would change).
    pub fn pane_title(&self) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "t", "#{pane_title}"]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen satisfies `pred` and returns it; panics with
    /// the last screen after `timeout`.
    pub fn wait_for(&self, what: &str, timeout: Duration, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > timeout {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until `needle` is on screen.
    pub fn wait_text(&self, needle: &str) -> String {
        self.wait_for(needle, Duration::from_secs(20), |s| s.contains(needle))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// Single-quotes a word for `sh -c`.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
