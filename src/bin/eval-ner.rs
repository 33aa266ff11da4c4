//! Evaluates akhbar's entity extraction: ANERcorp test (entity-level exact
//! match, micro and per kind), throughput on the SaudiNewsNet day, and F1
//! on the hand-labelled articles in `tests/fixtures/ner/`.
//!
//! `cargo run --release --bin eval-ner -- --data /path/to/datasets`

use std::path::{Path, PathBuf};
use std::time::Instant;

use akhbar::intel::ner::{Extractor, conll, labelled, tokenize::Lang};
use anyhow::{Context, Result};
use clap::Parser;

/// Command-line options.
#[derive(Parser, Debug)]
struct Args {
    /// The datasets directory (with ner-ar/anercorp and news-ar).
    #[arg(long)]
    data: PathBuf,
    /// The hand-labelled articles.
    #[arg(long, default_value = "tests/fixtures/ner")]
    labelled: PathBuf,
    /// Also print the entities found in each labelled article, and the
    /// labels it missed and the entities no label expects.
    #[arg(long)]
    show: bool,
    /// Load `ar.crfsuite` and `en.crfsuite` (and `ar-common.txt`,
    /// `ar-names.txt` and `ar-name-dict.txt` when there) from this
    /// directory instead of the shipped models.
    #[arg(long)]
    models: Option<PathBuf>,
    /// Score the held-out part of ANERcorp train (every N-th sentence, as
    /// `train-ner --holdout N` left out) instead of the test split: the
    /// figure to tune on.
    #[arg(long, default_value_t = 0)]
    holdout: usize,
    /// With `--holdout N`: the held-out part is the last N-th of ANERcorp
    /// train in one block (as `train-ner --holdout N --tail` left out).
    #[arg(long)]
    tail: bool,
    /// With `--tail`: hold out the block this many places before the
    /// last one instead.
    #[arg(long, default_value_t = 0)]
    block: usize,
    /// Also score the last N-th of wikigold (as `train-ner --en-holdout
    /// N` left out of the English model).
    #[arg(long, default_value_t = 0)]
    en_holdout: usize,
    /// Write the ANERcorp errors (missed and wrong spans, with the
    /// sentence) to this file, and also score the CRF's own spans
    /// without post-processing.
    #[arg(long)]
    errors: Option<PathBuf>,
    /// Tag ANERcorp in pseudo-documents of this many consecutive
    /// sentences (the corpus has no article boundaries), so names found
    /// in one sentence are also tagged where they recur in the others, as
    /// in article extraction; 0 tags each sentence alone.
    #[arg(long, default_value_t = 0)]
    document: usize,
    /// Skip the throughput measurement.
    #[arg(long)]
    no_speed: bool,
    /// Only measure throughput, this many times over, and print each
    /// run and their median (what `bench/ner.sh` runs).
    #[arg(long, default_value_t = 0)]
    speed_runs: usize,
    /// Add these to the Arabic model's label scores instead of the
    /// shipped `AR_LABEL_BIAS` (for choosing them on a held-out part):
    /// `O=-0.7,B-ORG=0.2`.
    #[arg(long)]
    label_bias: Option<String>,
    /// Only print the entities of the text on stdin (first line the
    /// title), with their keys, and stop.
    #[arg(long)]
    stdin: bool,
}

const KINDS: [&str; 4] = ["PERS", "LOC", "ORG", "MISC"];

fn print_scores(s: &conll::Scores, kinds: usize) {
    let m = s.micro();
    println!(
        "  micro  P {:5.1}  R {:5.1}  F1 {:5.1}",
        m.precision(),
        m.recall(),
        m.f1()
    );
    for (name, c) in KINDS.iter().zip(&s.per_kind).take(kinds) {
        println!(
            "  {name:<5}  P {:5.1}  R {:5.1}  F1 {:5.1}  (gold {}, predicted {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp + c.fn_,
            c.tp + c.fp
        );
    }
}

/// One sentence's errors as lines: `-` gold spans missed, `+` spans
/// predicted wrongly, `post+`/`post-` spans the post-processing added
/// to or removed from the CRF's (`ok` when right), then the sentence
/// with gold tags.
fn error_lines(
    toks: &[&str],
    labels: &[String],
    gold: &[conll::Span],
    got: &[conll::Span],
    raw: &[conll::Span],
) -> String {
    use std::fmt::Write;
    let text = |s: &conll::Span| toks[s.start..s.end].join(" ");
    let mut out = String::new();
    for p in got.iter().filter(|p| !raw.contains(p)) {
        let ok = if gold.contains(p) { "ok" } else { "wrong" };
        let _ = writeln!(out, "post+ {ok} {:?} {}", p.kind, text(p));
    }
    for p in raw.iter().filter(|p| !got.contains(p)) {
        let ok = if gold.contains(p) { "ok" } else { "wrong" };
        let _ = writeln!(out, "post- {ok} {:?} {}", p.kind, text(p));
    }
    for g in gold.iter().filter(|g| !got.contains(g)) {
        let _ = writeln!(out, "- {:?} {}", g.kind, text(g));
    }
    for p in got.iter().filter(|p| !gold.contains(p)) {
        let _ = writeln!(out, "+ {:?} {}", p.kind, text(p));
    }
    if !out.is_empty() {
        let sent: Vec<String> = toks
            .iter()
            .zip(labels)
            .map(|(t, l)| {
                if l == "O" {
                    t.to_string()
                } else {
                    format!("{t}/{l}")
                }
            })
            .collect();
        let _ = writeln!(out, "  {}\n", sent.join(" "));
    }
    out
}

fn anercorp(ex: &Extractor, args: &Args) -> Result<()> {
    let (data, holdout, errors) = (&args.data, args.holdout, args.errors.as_deref());
    let file = if holdout > 0 { "train.txt" } else { "test.txt" };
    let path = data.join("ner-ar/anercorp").join(file);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let sents = if holdout > 0 {
        let all = conll::parse(&text);
        if args.tail {
            conll::split_block(all, holdout, args.block).1
        } else {
            conll::split_holdout(all, holdout).1
        }
    } else {
        conll::parse(&text)
    };
    let mut scores = conll::Scores::default();
    let mut raw = conll::Scores::default();
    let mut log = String::new();
    let block = args.document.max(1);
    let mut predicted = Vec::with_capacity(sents.len());
    for doc in sents.chunks(block) {
        let toks: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        if args.document > 0 {
            predicted.extend(ex.document_spans(&toks));
        } else {
            predicted.extend(toks.iter().map(|t| ex.spans(t)));
        }
    }
    for (s, got) in sents.iter().zip(predicted) {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let gold = conll::spans(&s.labels);
        scores.add(&gold, &got);
        if errors.is_some() {
            let crf = ex.crf_spans(&toks);
            raw.add(&gold, &crf);
            log.push_str(&error_lines(&toks, &s.labels, &gold, &got, &crf));
        }
    }
    if let Some(path) = errors {
        std::fs::write(path, log).with_context(|| format!("writing {}", path.display()))?;
        println!("CRF spans alone, without post-processing:");
        print_scores(&raw, 4);
    }
    if holdout > 0 {
        let part = match (args.tail, args.block) {
            (false, _) => "every N-th sentence".to_string(),
            (true, 0) => "last block".to_string(),
            (true, b) => format!("block {b} before the last"),
        };
        println!("ANERcorp train, held-out 1/{holdout} ({part}; entity-level exact match):");
    } else {
        println!("ANERcorp test (entity-level exact match):");
    }
    print_scores(&scores, 4);
    Ok(())
}

/// Scores the English model on the held-out end of wikigold.
fn wikigold(ex: &Extractor, data: &Path, every: usize) -> Result<()> {
    let path = data.join("ner-en/wikigold.conll");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let (_, held) = conll::split_block(conll::parse(&text), every, 0);
    let mut scores = conll::Scores::default();
    for s in &held {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        scores.add(&conll::spans(&s.labels), &ex.spans(&toks));
    }
    println!("wikigold, held-out 1/{every} (last block; entity-level exact match):");
    print_scores(&scores, 4);
    Ok(())
}

/// The SaudiNewsNet day's (title, content) pairs.
fn saudi_day(data: &Path) -> Result<Vec<(String, String)>> {
    let path = data.join("news-ar/saudinewsnet-2015-07-21.json");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let items: Vec<serde_json::Value> = serde_json::from_str(&text)?;
    Ok(items
        .iter()
        .map(|v| {
            let f = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            (f("title"), f("content"))
        })
        .collect())
}

/// One pass of extraction over the articles, on this thread.
struct Pass {
    wall_secs: f64,
    /// Thread CPU seconds, when the kernel reports them.
    cpu_secs: Option<f64>,
    entities: usize,
}

fn timed_pass(ex: &Extractor, arts: &[(String, String)]) -> Pass {
    let start = Instant::now();
    let cpu_start = thread_cpu_ns();
    let mut entities = 0usize;
    for (t, c) in arts {
        entities += ex.extract(t, c).len();
    }
    let wall_secs = start.elapsed().as_secs_f64();
    let cpu_secs = match (cpu_start, thread_cpu_ns()) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a) as f64 / 1e9),
        _ => None,
    };
    Pass {
        wall_secs,
        cpu_secs,
        entities,
    }
}

/// The typical news article: about 280 words.
const TYPICAL_WORDS: f64 = 280.0;

fn throughput(ex: &Extractor, data: &Path, runs: usize) -> Result<()> {
    let arts = saudi_day(data)?;
    let words: usize = arts
        .iter()
        .map(|(t, c)| t.split_whitespace().count() + c.split_whitespace().count())
        .sum();
    let n = arts.len().max(1) as f64;
    let passes: Vec<Pass> = (0..runs.max(1)).map(|_| timed_pass(ex, &arts)).collect();
    println!(
        "Throughput on {} SaudiNewsNet articles ({} words, {:.0} words/article, {:.1} entities/article), one thread:",
        arts.len(),
        words,
        words as f64 / n,
        passes[0].entities as f64 / n
    );
    let mut cpu_rates = Vec::new();
    for p in &passes {
        print!("  wall clock: {:.0} articles/s", n / p.wall_secs);
        if let Some(cpu) = p.cpu_secs {
            cpu_rates.push(n / cpu);
            print!(
                "   CPU time: {:.0} articles/s ({:.0} words/s)",
                n / cpu,
                words as f64 / cpu
            );
        }
        println!();
    }
    if !cpu_rates.is_empty() {
        cpu_rates.sort_by(f64::total_cmp);
        let median = cpu_rates[cpu_rates.len() / 2];
        let words_per_article = words as f64 / n;
        println!(
            "  CPU time, median of {}: {:.0} articles/s (min {:.0}, max {:.0}) — the figure on an idle core; {:.0} articles/s at {:.0} words an article",
            cpu_rates.len(),
            median,
            cpu_rates[0],
            cpu_rates[cpu_rates.len() - 1],
            median * words_per_article / TYPICAL_WORDS,
            TYPICAL_WORDS
        );
    }
    Ok(())
}

/// CPU time of this thread in nanoseconds (Linux), so the throughput is
/// meaningful on a machine busy with other work.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn own_set(ex: &Extractor, dir: &Path, show: bool) -> Result<()> {
    let mut arts = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in &names {
        let txt = std::fs::read_to_string(p)?;
        let json = std::fs::read_to_string(p.with_extension("json"))
            .with_context(|| format!("reading the labels of {}", p.display()))?;
        arts.push(
            labelled::Article::parse(&txt, &json)
                .with_context(|| format!("parsing {}", p.display()))?,
        );
    }
    if show {
        for (a, p) in arts.iter().zip(&names) {
            println!("{}:", p.display());
            for e in ex.extract(&a.title, &a.text) {
                println!(
                    "  {:<7} {:>2}  {}  [{}]",
                    e.kind.as_str(),
                    e.count,
                    e.display,
                    e.key
                );
            }
            let c = labelled::compare(ex, a);
            for m in &c.missed {
                println!("  MISSED  {}  {}", m.kind.as_str(), m.text);
            }
            for w in &c.wrong {
                println!("  WRONG   {}  {}", w.kind.as_str(), w.display);
            }
        }
    }
    let s = labelled::score(ex, &arts);
    println!(
        "Own labelled articles ({}), after normalisation:",
        arts.len()
    );
    print_scores(&s, 3);
    Ok(())
}

/// Parses `O=-0.7,B-ORG=0.2` into (label, bias) pairs.
fn parse_bias(spec: &str) -> Result<Vec<(String, f32)>> {
    spec.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (l, b) = p
                .split_once('=')
                .with_context(|| format!("--label-bias: {p} is not LABEL=NUMBER"))?;
            let b: f32 = b
                .trim()
                .parse()
                .with_context(|| format!("--label-bias: {b} is not a number"))?;
            Ok((l.trim().to_string(), b))
        })
        .collect()
}

fn main() -> Result<()> {
    let args = Args::parse();
    let start = Instant::now();
    let custom;
    let bias = match &args.label_bias {
        Some(spec) => parse_bias(spec)?,
        None => akhbar::intel::ner::AR_LABEL_BIAS
            .iter()
            .map(|&(l, b)| (l.to_string(), b))
            .collect(),
    };
    let bias_ref: Vec<(&str, f32)> = bias.iter().map(|(l, b)| (l.as_str(), *b)).collect();
    let ex = match &args.models {
        Some(dir) => {
            let read = |f: &str| {
                let p = dir.join(f);
                std::fs::read(&p).with_context(|| format!("reading {}", p.display()))
            };
            let common = std::fs::read_to_string(dir.join("ar-common.txt"))
                .unwrap_or_else(|_| Extractor::shipped_common_words().to_string());
            let names = std::fs::read_to_string(dir.join("ar-names.txt")).ok();
            let name_dict = std::fs::read_to_string(dir.join("ar-name-dict.txt")).ok();
            custom = Extractor::with_parts(
                &read("ar.crfsuite")?,
                &read("en.crfsuite")?,
                &bias_ref,
                &common,
                names.as_deref(),
                name_dict.as_deref(),
            );
            &custom
        }
        None if args.label_bias.is_some() => {
            let (ar, en) = Extractor::shipped_models();
            custom = Extractor::with_parts(
                ar,
                en,
                &bias_ref,
                Extractor::shipped_common_words(),
                None,
                None,
            );
            &custom
        }
        None => Extractor::global(),
    };
    println!(
        "Loaded extractor in {:.0} ms (CRF model loaded: Arabic {}, English {}; Arabic label bias {:?})",
        start.elapsed().as_secs_f64() * 1000.0,
        ex.model_loaded(Lang::Arabic),
        ex.model_loaded(Lang::English),
        bias_ref
    );
    if args.stdin {
        let text = std::io::read_to_string(std::io::stdin())?;
        let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
        for e in ex.extract(title, body) {
            println!(
                "{:<7} {:>2}  {}  [{}]",
                e.kind.as_str(),
                e.count,
                e.display,
                e.key
            );
        }
        return Ok(());
    }
    if args.speed_runs > 0 {
        return throughput(ex, &args.data, args.speed_runs);
    }
    anercorp(ex, &args)?;
    if args.en_holdout > 0 {
        wikigold(ex, &args.data, args.en_holdout)?;
    }
    own_set(ex, &args.labelled, args.show)?;
    if !args.no_speed {
        throughput(ex, &args.data, 1)?;
    }
    Ok(())
}
