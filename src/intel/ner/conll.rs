//! CoNLL-style data: reading `word TAG` files, BIO spans and entity-level
//! exact-match scoring (the convention used for ANERcorp results).

use crate::model::EntityKind;

/// A labelled entity span over the tokens of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity kind.
    pub kind: EntityKind,
}

impl Span {
    /// Whether token `k` is one of the span's: the rules ask it of every
    /// token they might take into a name.
    pub fn holds(&self, k: usize) -> bool {
        self.start <= k && k < self.end
    }
}

/// One labelled sentence.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// BIO labels with canonical kinds (`B-PERS`, `I-LOC`, `O`...).
    pub labels: Vec<String>,
}

/// Maps a dataset's type name to an entity kind (PERS/PER, LOC, ORG,
/// MISC/MIS*); None for types we do not extract.
pub fn type_kind(t: &str) -> Option<EntityKind> {
    match t {
        "PERS" | "PER" | "person" => Some(EntityKind::Person),
        "LOC" | "location" => Some(EntityKind::Place),
        "ORG" | "corporation" | "group" => Some(EntityKind::Org),
        t if t.starts_with("MIS") => Some(EntityKind::Misc),
        _ => None,
    }
}

/// The canonical label suffix of a kind.
pub fn kind_label(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "PERS",
        EntityKind::Place => "LOC",
        EntityKind::Org => "ORG",
        EntityKind::Misc => "MISC",
    }
}

/// Parses a CoNLL file (token and tag as first and last fields, blank line
/// between sentences). IO tagging is turned into BIO; unknown types become O.
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut prev: Option<EntityKind> = None;
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 2 {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev = None;
            continue;
        }
        let tag = fields[fields.len() - 1];
        let (bio, ty) = tag.split_once('-').unwrap_or((tag, ""));
        let label = match type_kind(ty) {
            Some(k) if bio == "B" || (bio == "I" && prev != Some(k)) => {
                prev = Some(k);
                format!("B-{}", kind_label(k))
            }
            Some(k) if bio == "I" => format!("I-{}", kind_label(k)),
            _ => {
                prev = None;
                "O".to_string()
            }
        };
        cur.tokens.push(fields[0].to_string());
        cur.labels.push(label);
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    out
}

/// Splits sentences into a training part and a held-out part: every
/// `every`-th sentence (0 keeps everything for training). Deterministic,
/// so training and evaluation agree on the split.
pub fn split_holdout(sents: Vec<Sentence>, every: usize) -> (Vec<Sentence>, Vec<Sentence>) {
    if every == 0 {
        return (sents, Vec::new());
    }
    let (mut train, mut held) = (Vec::new(), Vec::new());
    for (i, s) in sents.into_iter().enumerate() {
        if i % every == every - 1 {
            held.push(s);
        } else {
            train.push(s);
        }
    }
    (train, held)
}

/// Splits sentences into a training part and a held-out part made of
/// `1/every` of them in one block (0 keeps everything for training),
/// the last block or the one `block` places before it: unlike
/// [`split_holdout`] the held-out text shares no article with the
/// training text, like a real test split. Several blocks give a check
/// that does not hang on one block's topics, and one not looked at yet.
pub fn split_block(
    mut sents: Vec<Sentence>,
    every: usize,
    block: usize,
) -> (Vec<Sentence>, Vec<Sentence>) {
    if every == 0 {
        return (sents, Vec::new());
    }
    let size = sents.len() / every;
    let end = sents.len().saturating_sub(block * size);
    let start = end.saturating_sub(size);
    let mut held = sents.split_off(start);
    sents.extend(held.split_off(end - start));
    (sents, held)
}

/// BIOES labels of a BIO sequence: the last token of a span is `E-`,
/// a span of one token `S-`. A model trained on them learns where names
/// end as well as where they start (Ratinov and Roth 2009), and
/// [`spans`] reads its output like BIO.
pub fn to_bioes<S: AsRef<str>>(labels: &[S]) -> Vec<String> {
    let mut out = Vec::with_capacity(labels.len());
    let spans = spans(labels);
    let mut next = spans.iter().peekable();
    for i in 0..labels.len() {
        while next.peek().is_some_and(|s| s.end <= i) {
            next.next();
        }
        let label = match next.peek() {
            Some(s) if s.start <= i => {
                let tag = match (i == s.start, i + 1 == s.end) {
                    (true, true) => "S",
                    (true, false) => "B",
                    (false, true) => "E",
                    (false, false) => "I",
                };
                format!("{tag}-{}", kind_label(s.kind))
            }
            _ => "O".to_string(),
        };
        out.push(label);
    }
    out
}

/// Entity spans of a BIO or BIOES label sequence (an `I-` or `E-` without
/// a matching opener starts a new span, as conlleval does; `S-` is a span
/// of one token).
pub fn spans<S: AsRef<str>>(labels: &[S]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    for (i, l) in labels.iter().enumerate() {
        let l = l.as_ref();
        let (bio, ty) = l.split_once('-').unwrap_or((l, ""));
        let kind = type_kind(ty);
        match (bio, kind, open.as_mut()) {
            ("I" | "E", Some(k), Some(s)) if s.kind == k && s.end == i => s.end = i + 1,
            ("B" | "I" | "E" | "S", Some(k), _) => {
                out.extend(open.take());
                open = Some(Span {
                    start: i,
                    end: i + 1,
                    kind: k,
                });
            }
            _ => out.extend(open.take()),
        }
    }
    out.extend(open);
    out
}

/// True positives, false positives and false negatives for one kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans that match a gold span exactly.
    pub tp: u64,
    /// Predicted spans with no exact gold match.
    pub fp: u64,
    /// Gold spans not predicted.
    pub fn_: u64,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        pct(self.tp, self.tp + self.fp)
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        pct(self.tp, self.tp + self.fn_)
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn pct(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Entity-level scores per kind (micro average via [`Scores::micro`]).
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Counts per kind in the order person, place, org, misc.
    pub per_kind: [Counts; 4],
}

/// Index of a kind in [`Scores::per_kind`].
pub fn kind_index(k: EntityKind) -> usize {
    match k {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Org => 2,
        EntityKind::Misc => 3,
    }
}

impl Scores {
    /// Adds one sentence's gold and predicted spans (exact match).
    pub fn add(&mut self, gold: &[Span], pred: &[Span]) {
        for p in pred {
            let c = &mut self.per_kind[kind_index(p.kind)];
            if gold.contains(p) {
                c.tp += 1
            } else {
                c.fp += 1
            }
        }
        for g in gold {
            if !pred.contains(g) {
                self.per_kind[kind_index(g.kind)].fn_ += 1;
            }
        }
    }

    /// Micro-averaged counts over all kinds.
    pub fn micro(&self) -> Counts {
        self.per_kind.iter().fold(Counts::default(), |a, c| Counts {
            tp: a.tp + c.tp,
            fp: a.fp + c.fp,
            fn_: a.fn_ + c.fn_,
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn blocks_are_held_out_whole_and_the_rest_keeps_its_order() {
        let sents: Vec<Sentence> = (0..10)
            .map(|i| Sentence {
                tokens: vec![i.to_string()],
                labels: vec!["O".into()],
            })
            .collect();
        let first =
            |v: &[Sentence]| -> Vec<String> { v.iter().map(|s| s.tokens[0].clone()).collect() };
        let (train, held) = split_block(sents.clone(), 5, 0);
        assert_eq!(first(&held), ["8", "9"]);
        assert_eq!(first(&train), ["0", "1", "2", "3", "4", "5", "6", "7"]);
        let (train, held) = split_block(sents.clone(), 5, 2);
        assert_eq!(first(&held), ["4", "5"]);
        assert_eq!(first(&train), ["0", "1", "2", "3", "6", "7", "8", "9"]);
        let (train, held) = split_block(sents, 5, 9);
        assert!(held.is_empty());
        assert_eq!(train.len(), 10);
    }

    use super::*;

    #[test]
    fn io_becomes_bio_and_spans_score() {
        let s = parse("The O\nMad I-ORG\nCapsule I-ORG\nin O\nJapan I-LOC\n\nx B-PERS\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].labels, vec!["O", "B-ORG", "I-ORG", "O", "B-LOC"]);
        let gold = spans(&s[0].labels);
        assert_eq!(gold.len(), 2);
        let mut sc = Scores::default();
        sc.add(
            &gold,
            &[
                gold[0],
                Span {
                    start: 3,
                    end: 5,
                    kind: EntityKind::Place,
                },
            ],
        );
        let m = sc.micro();
        assert_eq!((m.tp, m.fp, m.fn_), (1, 1, 1));
        assert!((m.f1() - 50.0).abs() < 1e-9);
    }

    #[test]
    fn bioes_marks_the_ends_and_reads_back_as_the_same_spans() {
        let bio = [
            "B-PERS", "I-PERS", "I-PERS", "B-PERS", "O", "B-LOC", "B-ORG", "I-ORG",
        ];
        let bioes = to_bioes(&bio);
        assert_eq!(
            bioes,
            [
                "B-PERS", "I-PERS", "E-PERS", "S-PERS", "O", "S-LOC", "B-ORG", "E-ORG"
            ]
        );
        assert_eq!(spans(&bioes), spans(&bio));
        assert_eq!(spans(&bio).len(), 4);
    }
}
