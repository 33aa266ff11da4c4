//! One-line text input for search, tags and feed URLs, with completion of
//! existing tags.

use unicode_segmentation::UnicodeSegmentation;

use crate::model::{ArticleId, FeedId};

/// What a prompt is asking for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// A full-text search query.
    Search,
    /// The tags of an article, comma-separated.
    Tags(ArticleId),
    /// The URL of a feed to subscribe to.
    AddFeed,
    /// The number of one of the open article's links.
    LinkNumber,
}

impl PromptKind {
    /// The label shown before the input.
    pub fn label(&self) -> &'static str {
        match self {
            PromptKind::Search => "search: ",
            PromptKind::Tags(_) => "tags (comma-separated, Tab completes): ",
            PromptKind::AddFeed => "feed URL: ",
            PromptKind::LinkNumber => "open link number: ",
        }
    }
}

/// A prompt being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it asks for.
    pub kind: PromptKind,
    /// The text typed so far (logical order).
    pub input: String,
}

impl Prompt {
    /// A prompt with initial text.
    pub fn new(kind: PromptKind, input: String) -> Prompt {
        Prompt { kind, input }
    }

    /// Types a character (control characters are ignored).
    pub fn push(&mut self, c: char) {
        if !c.is_control() {
            self.input.push(c);
        }
    }

    /// Deletes the last grapheme.
    pub fn backspace(&mut self) {
        if let Some((i, _)) = self.input.grapheme_indices(true).next_back() {
            self.input.truncate(i);
        }
    }

    /// Completes the tag being typed with the first known tag it starts;
    /// returns whether anything changed.
    pub fn complete(&mut self, known: &[String]) -> bool {
        let start = self.input.rfind(',').map_or(0, |i| i + 1);
        let partial = self.input[start..].trim_start();
        if partial.is_empty() {
            return false;
        }
        let typed = parse_tags(&self.input[..start]);
        let Some(found) = known
            .iter()
            .find(|t| t.starts_with(partial) && t.as_str() != partial && !typed.contains(t))
        else {
            return false;
        };
        let keep = self.input.len() - partial.len();
        self.input.truncate(keep);
        self.input.push_str(found);
        true
    }
}

/// Splits comma-separated tags, trimmed, without empties or repeats.
pub fn parse_tags(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in s.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let t = crate::text::sanitize::for_terminal(t);
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// A question waiting for y/n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Unsubscribe from a feed.
    RemoveFeed {
        /// The feed.
        id: FeedId,
        /// Its title, for the question.
        title: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_the_last_tag_only() {
        let known = vec!["سياسة".to_owned(), "science".to_owned(), "sport".to_owned()];
        let mut p = Prompt::new(PromptKind::Search, "sport, sci".to_owned());
        assert!(p.complete(&known));
        assert_eq!(p.input, "sport, science");
        let mut p = Prompt::new(PromptKind::Search, "سي".to_owned());
        assert!(p.complete(&known));
        assert_eq!(p.input, "سياسة");
        let mut p = Prompt::new(PromptKind::Search, "x".to_owned());
        assert!(!p.complete(&known));
    }

    #[test]
    fn backspace_removes_a_whole_grapheme() {
        let mut p = Prompt::new(PromptKind::Search, "بَ".to_owned());
        p.backspace();
        assert_eq!(p.input, "");
        p.backspace();
        assert_eq!(p.input, "");
    }

    #[test]
    fn tags_are_split_and_deduplicated() {
        assert_eq!(parse_tags(" a, b ,,a,\u{1b}[31mc"), vec!["a", "b", "c"]);
    }
}
