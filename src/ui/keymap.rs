//! Key bindings: the actions a user can trigger, their default keys
//! (vim-like plus arrows) and the overrides from the `[keys]` table of the
//! config file.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use crate::config::Config;

/// Everything a key can do. The snake_case names are the `[keys]` names
/// in the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move down (in the reader: scroll down).
    Down,
    /// Move up (in the reader: scroll up).
    Up,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// Open the selected item.
    Open,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Close the reader / leave a pane; quits from the feed list.
    Back,
    /// Quit at once.
    Quit,
    /// Full-text search.
    Search,
    /// Next unread article.
    NextUnread,
    /// Previous unread article.
    PrevUnread,
    /// Toggle the bookmark of the article.
    Bookmark,
    /// Edit the article's tags.
    Tags,
    /// Toggle read/unread.
    ToggleRead,
    /// Mark every article of the selected feed read.
    MarkFeedRead,
    /// Reload every feed in the background.
    ReloadAll,
    /// Open the article's link in the browser.
    OpenLink,
    /// Open one of the article's numbered links (asks for its number).
    OpenLinkNumber,
    /// Copy the article's link to the clipboard (OSC 52).
    CopyLink,
    /// Subscribe to a feed by URL.
    AddFeed,
    /// Unsubscribe from the selected feed.
    RemoveFeed,
    /// Show the key list.
    Help,
    /// Subscribe to the starter list of news feeds.
    ImportStarter,
    /// Fetch the full text of the open article from its web page.
    FetchFullText,
    /// Turn fetching full texts on or off for the selected feed.
    ToggleFeedFullText,
    /// Fold story clusters in the article list on or off.
    FoldClusters,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 29] = [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::NextPane,
        Action::PrevPane,
        Action::Back,
        Action::Quit,
        Action::Search,
        Action::NextUnread,
        Action::PrevUnread,
        Action::Bookmark,
        Action::Tags,
        Action::ToggleRead,
        Action::MarkFeedRead,
        Action::ReloadAll,
        Action::OpenLink,
        Action::OpenLinkNumber,
        Action::CopyLink,
        Action::AddFeed,
        Action::RemoveFeed,
        Action::Help,
        Action::ImportStarter,
        Action::FetchFullText,
        Action::ToggleFeedFullText,
        Action::FoldClusters,
    ];

    /// What the action does, for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Down => "down / scroll down",
            Action::Up => "up / scroll up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "first",
            Action::Bottom => "last",
            Action::Open => "open",
            Action::NextPane => "next pane",
            Action::PrevPane => "previous pane",
            Action::Back => "back / quit",
            Action::Quit => "quit",
            Action::Search => "search",
            Action::NextUnread => "next unread",
            Action::PrevUnread => "previous unread",
            Action::Bookmark => "bookmark",
            Action::Tags => "edit tags",
            Action::ToggleRead => "toggle read",
            Action::MarkFeedRead => "mark feed read",
            Action::ReloadAll => "reload all feeds",
            Action::OpenLink => "open link in browser",
            Action::OpenLinkNumber => "open numbered link",
            Action::CopyLink => "copy link",
            Action::AddFeed => "add a feed",
            Action::RemoveFeed => "remove feed",
            Action::Help => "this help",
            Action::ImportStarter => "import starter feeds",
            Action::FetchFullText => "fetch full text",
            Action::ToggleFeedFullText => "feed full text on/off",
            Action::FoldClusters => "fold story clusters",
        }
    }

    /// The default keys.
    fn defaults(self) -> &'static [&'static str] {
        match self {
            Action::Down => &["j", "Down"],
            Action::Up => &["k", "Up"],
            Action::PageDown => &["Space", "PageDown", "Ctrl-f"],
            Action::PageUp => &["PageUp", "Ctrl-b"],
            Action::Top => &["g", "Home"],
            Action::Bottom => &["G", "End"],
            Action::Open => &["Enter", "l", "Right"],
            Action::NextPane => &["Tab"],
            Action::PrevPane => &["Shift-Tab"],
            Action::Back => &["q", "Esc", "h", "Left"],
            Action::Quit => &["Ctrl-c", "Q"],
            Action::Search => &["/"],
            Action::NextUnread => &["n"],
            Action::PrevUnread => &["N"],
            Action::Bookmark => &["b"],
            Action::Tags => &["t"],
            Action::ToggleRead => &["r"],
            Action::MarkFeedRead => &["A"],
            Action::ReloadAll => &["R"],
            Action::OpenLink => &["o"],
            Action::OpenLinkNumber => &["#"],
            Action::CopyLink => &["y"],
            Action::AddFeed => &["a"],
            Action::RemoveFeed => &["d"],
            Action::Help => &["?"],
            Action::ImportStarter => &["i"],
            Action::FetchFullText => &["f"],
            Action::ToggleFeedFullText => &["F"],
            Action::FoldClusters => &["z"],
        }
    }
}

/// One key with its Ctrl/Alt modifiers, as written in the config file:
/// `j`, `G`, `?`, `Ctrl-c`, `Alt-x`, `Enter`, `Shift-Tab`, `PageDown`, `F5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    code: KeyCode,
    ctrl: bool,
    alt: bool,
}

impl KeySpec {
    /// The binding a terminal key event corresponds to (Shift folded into
    /// the character, as terminals report it).
    pub fn from_event(ev: &KeyEvent) -> KeySpec {
        let code = match ev.code {
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        KeySpec {
            code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

/// Why a key name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key {0:?} (examples: \"j\", \"G\", \"Ctrl-c\", \"Enter\", \"Shift-Tab\", \"PageDown\", \"F5\")"
)]
pub struct BadKey(String);

impl FromStr for KeySpec {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<KeySpec, BadKey> {
        let bad = || BadKey(crate::text::sanitize::for_terminal(s));
        let mut rest = s;
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else if rest.chars().count() > 1 && lower.starts_with("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                if shift {
                    KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if shift => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(bad()),
                },
                _ => return Err(bad()),
            },
        };
        Ok(KeySpec { code, ctrl, alt })
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::F(n) => write!(f, "F{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// The active bindings: defaults with the config's overrides applied.
#[derive(Debug, Clone)]
pub struct Keymap {
    by_key: HashMap<KeySpec, Action>,
    by_action: HashMap<Action, Vec<KeySpec>>,
}

impl Keymap {
    /// Builds the keymap; an action named in `[keys]` loses its default keys.
    pub fn new(config: &Config) -> Keymap {
        let mut by_action: HashMap<Action, Vec<KeySpec>> = HashMap::new();
        for action in Action::ALL {
            let keys = match config.keys.get(&action) {
                Some(list) => list.keys().to_vec(),
                None => action
                    .defaults()
                    .iter()
                    .filter_map(|k| k.parse().ok())
                    .collect(),
            };
            by_action.insert(action, keys);
        }
        let mut by_key = HashMap::new();
        // Defaults first, then the user's bindings, so a user binding wins a
        // key that a default also uses.
        for configured in [false, true] {
            for action in Action::ALL {
                if config.keys.contains_key(&action) == configured {
                    for k in by_action.get(&action).into_iter().flatten() {
                        by_key.insert(*k, action);
                    }
                }
            }
        }
        Keymap { by_key, by_action }
    }

    /// The action bound to a key event, if any.
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        self.by_key.get(&KeySpec::from_event(ev)).copied()
    }

    /// The keys that trigger an action and still map to it, for the help
    /// overlay and hints (`"j/↓"`).
    pub fn keys_for(&self, action: Action) -> String {
        self.keys_list(action).join("/")
    }

    /// The keys bound to an action, one string each, in binding order (the
    /// help overlay shows as many as fit).
    pub fn keys_list(&self, action: Action) -> Vec<String> {
        self.by_action
            .get(&action)
            .into_iter()
            .flatten()
            .filter(|k| self.by_key.get(k) == Some(&action))
            .map(|k| k.to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_default_key_parses() {
        for a in Action::ALL {
            for k in a.defaults() {
                assert!(k.parse::<KeySpec>().is_ok(), "{k}");
            }
        }
    }

    #[test]
    fn defaults_map_events() {
        let km = Keymap::new(&Config::default());
        assert_eq!(
            km.action(&ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(km.action(&ev(KeyCode::Char('c'), KeyModifiers::NONE)), None);
        assert_eq!(km.keys_for(Action::Down), "j/↓");
    }

    #[test]
    fn user_binding_replaces_defaults_and_wins_the_key() {
        let config = Config::parse("[keys]\ndown = \"k\"\n").unwrap_or_default();
        let km = Keymap::new(&config);
        assert_eq!(
            km.action(&ev(KeyCode::Char('k'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(km.action(&ev(KeyCode::Char('j'), KeyModifiers::NONE)), None);
        assert_eq!(km.keys_for(Action::Up), "↑");
    }

    #[test]
    fn bad_names_are_refused() {
        for s in ["", "Ctrl-", "F13", "Hyper-x", "jj"] {
            assert!(s.parse::<KeySpec>().is_err(), "{s}");
        }
        assert_eq!(
            "Shift-Tab".parse::<KeySpec>().map(|k| k.to_string()),
            Ok("Shift-Tab".to_owned())
        );
    }
}
