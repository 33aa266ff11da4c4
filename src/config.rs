//! The configuration file: one TOML file in the XDG config directory
//! (`$XDG_CONFIG_HOME/akhbar/config.toml`), every key optional with its
//! default in code. A broken file is an error that names the line and the
//! key; unknown keys are errors too (so a typo never silently does nothing).
//!
//! ```toml
//! theme = "dark"              # dark | light | high-contrast | a file in the config dir
//! bidi = "app"                # app | terminal | off
//! keep_harakat = true         # show Arabic short vowels
//! refresh_minutes = 30        # periodic reload in the reader; 0 = never
//! browser = "firefox --new-tab"   # words, no shell; the URL is appended
//! fold_clusters = false       # one row per story cluster in the article list (z toggles)
//!
//! [poll]
//! jobs = 16
//! per_host = 4
//!
//! [keys]                      # action = key or [keys]; see `?` in the reader
//! down = ["j", "Down"]
//!
//! [feeds."https://example.com/rss"]
//! direction = "rtl"           # auto | rtl | ltr
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use etcetera::{BaseStrategy, choose_base_strategy};
use serde::Deserialize;

use crate::model::DirectionSetting;
use crate::text::layout::BidiMode;
use crate::ui::keymap::{Action, KeySpec};

/// Name of the configuration file inside the config directory.
pub const FILE_NAME: &str = "config.toml";

/// Why the configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists (or was named explicitly) but cannot be read.
    #[error("cannot read the config file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O cause.
        source: std::io::Error,
    },
    /// The file is not valid TOML, has an unknown key or a bad value. The
    /// message from the TOML parser names the line, the column and the key.
    #[error("bad config file {path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong and where.
        message: String,
    },
    /// The home directory (and so the config directory) cannot be found.
    #[error("cannot find the configuration directory: {0}")]
    NoConfigDir(String),
}

/// Settings of the background poller (`R` in the reader, `akhbar poll`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PollConfig {
    /// Feeds fetched at once.
    pub jobs: usize,
    /// Most requests in flight to one host at once.
    pub per_host: usize,
}

impl Default for PollConfig {
    fn default() -> Self {
        PollConfig {
            jobs: 16,
            per_host: 4,
        }
    }
}

/// Per-feed settings that live in the config file rather than the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeedOverride {
    /// Forces the text direction of the feed's articles (a headline that
    /// starts with a Latin brand name would otherwise be detected as LTR).
    pub direction: DirectionSetting,
}

/// The whole configuration, defaults filled in.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Colour theme: a built-in name (`dark`, `light`, `high-contrast`) or
    /// the name of `<config dir>/themes/<name>.toml`.
    pub theme: String,
    /// Who does the bidi work (see `docs/rtl-in-terminals.md`).
    pub bidi: BidiMode,
    /// Keep Arabic harakat (short vowels) when laying out text.
    pub keep_harakat: bool,
    /// Minutes between automatic reloads while the reader is open; 0 turns
    /// the periodic reload off.
    pub refresh_minutes: u32,
    /// The browser command as words (no shell is involved); the URL is
    /// appended as its last argument. Default: `$BROWSER`, else `xdg-open`.
    pub browser: Option<String>,
    /// Start with story clusters folded in the article list: one row (the
    /// newest) per story covered by several sources, with their number.
    pub fold_clusters: bool,
    /// Poller settings.
    pub poll: PollConfig,
    /// Key bindings that replace the defaults of the named actions.
    pub keys: BTreeMap<Action, KeyList>,
    /// Per-feed overrides, keyed by the feed URL.
    pub feeds: BTreeMap<String, FeedOverride>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: "dark".to_owned(),
            bidi: BidiMode::App,
            keep_harakat: true,
            refresh_minutes: 30,
            browser: None,
            fold_clusters: false,
            poll: PollConfig::default(),
            keys: BTreeMap::new(),
            feeds: BTreeMap::new(),
        }
    }
}

/// One or several keys bound to an action: `"j"` or `["j", "Down"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyList {
    /// A single key.
    One(KeySpec),
    /// Several keys.
    Many(Vec<KeySpec>),
}

impl KeyList {
    /// The keys as a slice.
    pub fn keys(&self) -> &[KeySpec] {
        match self {
            KeyList::One(k) => std::slice::from_ref(k),
            KeyList::Many(v) => v,
        }
    }
}

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = KeyList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key such as \"j\", \"Ctrl-c\", \"PageDown\", or a list of keys")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<KeyList, E> {
                v.parse().map(KeyList::One).map_err(E::custom)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element::<String>()? {
                    keys.push(k.parse().map_err(serde::de::Error::custom)?);
                }
                Ok(KeyList::Many(keys))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl Config {
    /// Loads the configuration: from `path` when given (it must exist),
    /// else from the default file, which may be absent (defaults then).
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        match path {
            Some(p) => Config::load_file(p),
            None => {
                let p = config_dir()?.join(FILE_NAME);
                if p.exists() {
                    Config::load_file(&p)
                } else {
                    Ok(Config::default())
                }
            }
        }
    }

    /// Loads one file; a missing file is an error.
    pub fn load_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        Config::parse(&text).map_err(|message| ConfigError::Parse {
            path: path.to_owned(),
            message,
        })
    }

    /// Parses configuration text; the error names the line, column and key.
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str::<Config>(text).map_err(|e| e.to_string().trim_end().to_owned())
    }

    /// The direction override for a feed URL, if the config sets one.
    pub fn feed_direction(&self, url: &str) -> Option<DirectionSetting> {
        self.feeds
            .get(url)
            .map(|f| f.direction)
            .filter(|d| *d != DirectionSetting::Auto)
    }

    /// The browser command as program and arguments (before the URL).
    pub fn browser_command(&self) -> Vec<String> {
        let configured = self
            .browser
            .clone()
            .or_else(|| std::env::var("BROWSER").ok())
            .unwrap_or_default();
        let words: Vec<String> = configured.split_whitespace().map(str::to_owned).collect();
        if words.is_empty() {
            vec!["xdg-open".to_owned()]
        } else {
            words
        }
    }
}

/// akhbar's configuration directory (`$XDG_CONFIG_HOME/akhbar`), which
/// holds `config.toml` and user themes in `themes/`.
pub fn config_dir() -> Result<PathBuf, ConfigError> {
    let base = choose_base_strategy().map_err(|e| ConfigError::NoConfigDir(e.to_string()))?;
    Ok(base.config_dir().join("akhbar"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(Config::parse("").ok(), Some(Config::default()));
    }

    #[test]
    fn every_key_parses() {
        let c = Config::parse(
            r#"
theme = "light"
bidi = "terminal"
keep_harakat = false
refresh_minutes = 0
browser = "firefox --new-tab"
[poll]
jobs = 2
per_host = 1
[keys]
down = ["j", "Down"]
quit = "Ctrl-q"
[feeds."https://example.com/rss"]
direction = "rtl"
"#,
        )
        .unwrap_or_default();
        assert_eq!(c.theme, "light");
        assert_eq!(c.bidi, BidiMode::Terminal);
        assert!(!c.keep_harakat);
        assert_eq!(c.refresh_minutes, 0);
        assert_eq!(c.browser_command(), vec!["firefox", "--new-tab"]);
        assert_eq!(
            c.poll,
            PollConfig {
                jobs: 2,
                per_host: 1
            }
        );
        assert_eq!(c.keys.get(&Action::Down).map(|k| k.keys().len()), Some(2));
        assert_eq!(
            c.feed_direction("https://example.com/rss"),
            Some(DirectionSetting::Rtl)
        );
        assert_eq!(c.feed_direction("https://other.example/rss"), None);
    }

    #[test]
    fn unknown_key_is_reported_with_its_line() {
        let err = Config::parse("theme = \"dark\"\n\nrefresh_minuts = 3\n").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("refresh_minuts"), "{err}");
    }

    #[test]
    fn bad_value_is_reported_with_its_line_and_key() {
        let err = Config::parse("theme = \"dark\"\nbidi = \"sideways\"\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("bidi"), "{err}");
    }

    #[test]
    fn bad_key_binding_is_reported() {
        let err = Config::parse("[keys]\ndown = \"Ctrl-Banana\"\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("Banana"), "{err}");
        let err = Config::parse("[keys]\nfly = \"x\"\n").unwrap_err();
        assert!(err.contains("fly"), "{err}");
    }
}
