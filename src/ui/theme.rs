//! Colour themes: TOML files in `themes/` embedded in the binary (dark,
//! light, high-contrast), overridable by a file of the same name in
//! `<config dir>/themes/`. Each element has `fg`, `bg` and `modifiers`.

use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// The themes built into the binary, by name.
pub const BUILT_IN: [(&str, &str); 3] = [
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

/// Why a theme could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// Neither built in nor found in the config directory.
    #[error(
        "unknown theme {name:?}: built-in themes are dark, light, high-contrast; or put {path} in place"
    )]
    Unknown {
        /// The name asked for.
        name: String,
        /// Where a user theme of that name would be.
        path: PathBuf,
    },
    /// The user's theme file cannot be read.
    #[error("cannot read theme {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O cause.
        source: std::io::Error,
    },
    /// The theme file is not valid (the message names line and key).
    #[error("bad theme {origin}: {message}")]
    Parse {
        /// The file, or the built-in theme's name.
        origin: String,
        /// What is wrong and where.
        message: String,
    },
}

/// One element's style as written in a theme file.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Element {
    fg: Option<Color>,
    bg: Option<Color>,
    modifiers: Option<Modifier>,
}

impl From<Element> for Style {
    fn from(e: Element) -> Style {
        let mut s = Style::default();
        if let Some(c) = e.fg {
            s = s.fg(c);
        }
        if let Some(c) = e.bg {
            s = s.bg(c);
        }
        if let Some(m) = e.modifiers {
            s = s.add_modifier(m);
        }
        s
    }
}

macro_rules! theme_elements {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// A theme file: every element optional (unstyled when absent).
        #[derive(Debug, Default, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        struct ThemeFile {
            $($name: Element,)*
        }

        /// The styles of every element the reader draws.
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub struct Theme {
            $($(#[$doc])* pub $name: Style,)*
        }

        impl From<ThemeFile> for Theme {
            fn from(f: ThemeFile) -> Theme {
                Theme { $($name: f.$name.into(),)* }
            }
        }
    };
}

theme_elements! {
    /// Background and default text.
    base,
    /// Pane borders.
    border,
    /// The border of the focused pane.
    border_focused,
    /// Pane titles.
    pane_title,
    /// The selected row in the focused pane.
    selected,
    /// The selected row in a pane without focus.
    selected_unfocused,
    /// Unread articles and feeds with unread articles.
    unread,
    /// Read articles.
    read,
    /// Unread and bookmark markers.
    marker,
    /// Dates.
    date,
    /// Feed names in the article list and the reader.
    feed,
    /// Unread counts.
    count,
    /// The article title in the reader.
    heading,
    /// Metadata lines in the reader (date, link, tags).
    meta,
    /// Links.
    link,
    /// The status bar.
    status,
    /// Errors in the status bar.
    status_error,
    /// Hints and empty-state explanations.
    hint,
    /// The help overlay and prompts.
    overlay,
}

impl Theme {
    /// Parses theme text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Theme, ThemeError> {
        toml::from_str::<ThemeFile>(text)
            .map(Theme::from)
            .map_err(|e| ThemeError::Parse {
                origin: origin.to_owned(),
                message: e.to_string().trim_end().to_owned(),
            })
    }

    /// Loads a theme by name: `<config_dir>/themes/<name>.toml` when it
    /// exists, else the built-in theme of that name.
    pub fn load(name: &str, config_dir: Option<&Path>) -> Result<Theme, ThemeError> {
        let user_path = config_dir
            .map(|d| d.join("themes").join(format!("{name}.toml")))
            .filter(|_| !name.contains(['/', '\\']) && !name.starts_with('.'));
        if let Some(path) = &user_path
            && path.is_file()
        {
            let text = std::fs::read_to_string(path).map_err(|source| ThemeError::Read {
                path: path.clone(),
                source,
            })?;
            return Theme::parse(&text, &path.display().to_string());
        }
        match BUILT_IN.iter().find(|(n, _)| *n == name) {
            Some((n, text)) => Theme::parse(text, n),
            None => Err(ThemeError::Unknown {
                name: crate::text::sanitize::for_terminal(name),
                path: user_path.unwrap_or_else(|| PathBuf::from("themes").join("NAME.toml")),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_themes_parse_and_differ() {
        let themes: Vec<Theme> = BUILT_IN
            .iter()
            .filter_map(|(n, t)| Theme::parse(t, n).ok())
            .collect();
        assert_eq!(themes.len(), 3);
        assert_ne!(themes[0], themes[1]);
        assert_ne!(themes[1], themes[2]);
        assert_eq!(themes[0].unread.add_modifier, Modifier::BOLD);
        assert_eq!(
            themes[2].selected.add_modifier,
            Modifier::REVERSED | Modifier::BOLD
        );
    }

    #[test]
    fn user_theme_overrides_built_in() {
        let dir = tempfile::tempdir().ok();
        let dir = dir.as_ref().map(|d| d.path());
        if let Some(d) = dir {
            let _ = std::fs::create_dir_all(d.join("themes"));
            let _ = std::fs::write(d.join("themes/dark.toml"), "[link]\nfg = \"#ff0000\"\n");
        }
        let t = Theme::load("dark", dir).ok();
        assert_eq!(t.map(|t| t.link.fg), Some(Some(Color::Rgb(255, 0, 0))));
        assert_eq!(t.map(|t| t.unread), Some(Style::default()));
    }

    #[test]
    fn errors_name_the_problem() {
        let e = Theme::parse("[link]\nfg = \"not-a-colour\"\n", "x.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("line 2"), "{e}");
        let e = Theme::parse("[linky]\nfg = \"red\"\n", "x.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("linky"), "{e}");
        assert!(matches!(
            Theme::load("nope", None),
            Err(ThemeError::Unknown { .. })
        ));
    }
}
