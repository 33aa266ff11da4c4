//! Trains akhbar's entity models: Arabic on ANERcorp train, English on
//! wikigold, with the features of `akhbar::intel::ner::features`, and
//! writes `data/ner/ar.crfsuite` and `data/ner/en.crfsuite`, with the
//! Arabic word lists `data/ner/ar-common.txt` (common words),
//! `data/ner/ar-names.txt` (words seen in names) and
//! `data/ner/ar-name-dict.txt` (words of a dictionary of names).
//!
//! `cargo run --release --bin train-ner -- --data /path/to/datasets`

use std::path::{Path, PathBuf};

use akhbar::intel::ner::{
    arabic, conll, features,
    gazetteer::Gazetteer,
    tokenize::{self, Lang},
};
use akhbar::model::EntityKind;
use anyhow::{Context, Result};
use clap::Parser;

/// Command-line options.
#[derive(Parser, Debug)]
struct Args {
    /// The datasets directory (with ner-ar/anercorp and ner-en).
    #[arg(long)]
    data: PathBuf,
    /// Where the models are written.
    #[arg(long, default_value = "data/ner")]
    out: PathBuf,
    /// Which model(s) to train: ar, en or both.
    #[arg(long, default_value = "both")]
    lang: String,
    /// L-BFGS iterations at most.
    #[arg(long, default_value_t = 200)]
    iterations: usize,
    /// L1 regularisation (keeps the model small).
    #[arg(long, default_value_t = 0.5)]
    c1: f64,
    /// Also train the English model on WNUT17 (tweets; person, location,
    /// corporation and group).
    #[arg(long)]
    wnut: bool,
    /// L2 regularisation.
    #[arg(long, default_value_t = 0.01)]
    c2: f64,
    /// Hold every N-th ANERcorp train sentence out (for `eval-ner
    /// --holdout N`); 0 trains on all of it.
    #[arg(long, default_value_t = 0)]
    holdout: usize,
    /// With `--holdout N`: hold out the last N-th of ANERcorp train in one
    /// block instead of every N-th sentence.
    #[arg(long)]
    tail: bool,
    /// With `--tail`: hold out the block this many places before the
    /// last one instead.
    #[arg(long, default_value_t = 0)]
    block: usize,
    /// Hold the last N-th of wikigold out of the English model (for
    /// `eval-ner --en-holdout N`); 0 trains on all of it.
    #[arg(long, default_value_t = 0)]
    en_holdout: usize,
    /// Also train the Arabic model on AQMAR (Arabic Wikipedia): `misc`
    /// keeps its MIS0-3 spans as MISC, `nomisc` makes them O.
    #[arg(long)]
    aqmar: Option<String>,
    /// Keep only features seen at least this often in training.
    #[arg(long, default_value_t = 0.0)]
    minfreq: f64,
    /// JSON objects of English → Arabic person names, the sources of the
    /// Arabic dictionary of name words (`ar-name-dict.txt`); may be given
    /// more than once. Needed for Arabic: see README for the files.
    #[arg(long)]
    name_dict: Vec<PathBuf>,
    /// Label the training text BIOES instead of BIO (the tagger reads
    /// either).
    #[arg(long)]
    bioes: bool,
    /// Only write the Arabic word lists (`ar-common.txt`,
    /// `ar-names.txt`, `ar-name-dict.txt`), not the models (seconds instead of minutes).
    #[arg(long)]
    common_only: bool,
}

/// The folded words of ANERcorp train (the part trained on) seen at
/// least `COMMON_MIN` times and never inside a name, one a line, sorted,
/// after a header: the extractor trims them from the edges of person
/// spans.
fn common_words(sents: &[conll::Sentence]) -> String {
    let mut seen: std::collections::HashMap<String, (u32, bool)> = Default::default();
    for s in sents {
        for (t, l) in s.tokens.iter().zip(&s.labels) {
            let e = seen.entry(features::fold_token(t)).or_default();
            e.0 += 1;
            e.1 |= l != "O";
        }
    }
    let mut words: Vec<&str> = seen
        .iter()
        .filter(|(w, (n, named))| {
            *n >= COMMON_MIN
                && !named
                && w.chars().count() >= 2
                && w.chars()
                    .all(|c| c.is_alphabetic() && tokenize::is_arabic_char(c))
        })
        .map(|(w, _)| w.as_str())
        .collect();
    words.sort_unstable();
    list_file(COMMON_HEADER, &words)
}

/// Writes a word-list file into `dir` and says how many entries it has.
fn write_list(dir: &Path, name: &str, text: &str) -> Result<()> {
    let path = dir.join(name);
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    let entries = text.lines().filter(|l| !l.starts_with('#')).count();
    eprintln!("wrote {} ({entries} words)", path.display());
    Ok(())
}

/// How often a word must be in the training text to count as common.
const COMMON_MIN: u32 = 3;

/// The first line of `ar-common.txt`.
const COMMON_HEADER: &str = "# Folded words seen at least 3 times in ANERcorp train and never inside a name (CC BY-SA 4.0, see NOTICE); written by train-ner.\n";

/// The clitic-free folded Arabic words that were part of a name of one
/// kind more often than outside names in `sents`, as `kind<TAB>word`
/// lines, sorted, after a header: the `sn=` feature's list.
fn seen_names(sents: &[conll::Sentence]) -> String {
    use std::collections::HashMap;
    let mut counts: HashMap<String, [u32; 5]> = HashMap::new();
    for s in sents {
        for (t, l) in s.tokens.iter().zip(&s.labels) {
            let k = l.split_once('-').and_then(|(_, ty)| conll::type_kind(ty));
            let folded = features::fold_token(t);
            let stem = arabic::greedy_stem(&folded);
            if stem.chars().count() < 2 || !stem.chars().all(tokenize::is_arabic_char) {
                continue;
            }
            let c = counts.entry(stem.to_string()).or_default();
            c[k.map_or(4, conll::kind_index)] += 1;
        }
    }
    let mut lines: Vec<String> = counts
        .into_iter()
        .filter_map(|(w, c)| {
            let (best, n) = c[..4]
                .iter()
                .enumerate()
                .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))?;
            (*n > c[4]).then(|| format!("{}\t{w}", KINDS[best].as_str()))
        })
        .collect();
    lines.sort_unstable();
    list_file(NAMES_HEADER, &lines)
}

/// A word-list file: its header, then one entry a line.
fn list_file(header: &str, lines: &[impl AsRef<str>]) -> String {
    let mut text = String::from(header);
    for l in lines {
        text.push_str(l.as_ref());
        text.push('\n');
    }
    text
}

/// The kinds in the order of `conll::kind_index`.
const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Org,
    EntityKind::Misc,
];

/// The Arabic words of arabnamer's name dictionary (a JSON object of
/// English → Arabic names), folded and clitic-free, less those seen at
/// least `COMMON_MIN` times in `sents`: the `dn` feature's list. Words
/// the training text has often are known to the model by themselves, so
/// the feature is learnt on the rare words it is meant for.
fn name_dict(sources: &[PathBuf], sents: &[conll::Sentence]) -> Result<String> {
    use std::collections::{BTreeSet, HashMap};
    anyhow::ensure!(
        !sources.is_empty(),
        "--name-dict: give the name dictionaries (see README)"
    );
    let mut names: Vec<String> = Vec::new();
    for source in sources {
        let text = std::fs::read_to_string(source)
            .with_context(|| format!("reading {}", source.display()))?;
        let pairs: HashMap<String, String> = serde_json::from_str(&text)
            .with_context(|| format!("{}: not a JSON object of names", source.display()))?;
        names.extend(pairs.into_values());
    }
    let mut counts: HashMap<String, u32> = HashMap::new();
    for s in sents {
        for t in &s.tokens {
            let folded = features::fold_token(t);
            *counts
                .entry(arabic::greedy_stem(&folded).to_string())
                .or_default() += 1;
        }
    }
    let words: BTreeSet<String> = names
        .iter()
        .flat_map(|v| v.split_whitespace())
        .map(|w| arabic::greedy_stem(&features::fold_token(w)).to_string())
        .filter(|w| {
            w.chars().count() >= 2
                && w.chars().all(tokenize::is_arabic_char)
                && counts.get(w).copied().unwrap_or(0) < COMMON_MIN
        })
        .collect();
    let words: Vec<String> = words.into_iter().collect();
    Ok(list_file(NAME_DICT_HEADER, &words))
}

/// The first line of `ar-name-dict.txt`.
const NAME_DICT_HEADER: &str = "# Folded Arabic name words (clitics removed) from arabnamer's dictionary (Yousef, CC BY 4.0, see NOTICE), less words seen 3 times or more in ANERcorp train; written by train-ner.\n";

/// The first line of `ar-names.txt`.
const NAMES_HEADER: &str = "# Folded Arabic words (clitics removed) that were more often part of a name of this kind than not in ANERcorp train (CC BY-SA 4.0, see NOTICE); written by train-ner.\n";

/// Training folds for the `sn=` feature: each fold's features come from
/// the list made of the other folds, so the feature is as reliable in
/// training as on text never seen.
const NAME_FOLDS: usize = 5;

fn read(path: &Path) -> Result<Vec<conll::Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(conll::parse(&text))
}

/// The AQMAR articles, with MIS0-3 kept as MISC (`misc`) or made O
/// (`nomisc`); stray tags are O already.
fn aqmar(data: &Path, mode: &str) -> Result<Vec<conll::Sentence>> {
    let keep_misc = match mode {
        "misc" => true,
        "nomisc" => false,
        other => anyhow::bail!("--aqmar takes misc or nomisc, not {other}"),
    };
    let dir = data.join("ner-ar/aqmar");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        for mut s in read(&f)? {
            if !keep_misc {
                for l in s.labels.iter_mut().filter(|l| l.ends_with("MISC")) {
                    *l = "O".to_string();
                }
            }
            out.push(s);
        }
    }
    Ok(out)
}

fn train(sents: &[conll::Sentence], lang: Lang, dict: &str, args: &Args, out: &Path) -> Result<()> {
    let mut trainer = crfs::Trainer::lbfgs();
    trainer.verbose(false);
    let folds = if lang == Lang::Arabic { NAME_FOLDS } else { 1 };
    let size = sents.len().div_ceil(folds).max(1);
    for (f, part) in sents.chunks(size).enumerate() {
        let others: Vec<conll::Sentence> = sents
            .chunks(size)
            .enumerate()
            .filter(|(g, _)| *g != f)
            .flat_map(|(_, c)| c.iter().cloned())
            .collect();
        let gaz = Gazetteer::builtin()
            .with_seen_names(&seen_names(&others))
            .with_name_dict(dict);
        for s in part {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let infos = features::token_infos(&toks, lang, &gaz);
            let xseq = features::sentence_attributes(&infos);
            if args.bioes {
                trainer.append(&xseq, &conll::to_bioes(&s.labels))?;
            } else {
                trainer.append(&xseq, &s.labels)?;
            }
        }
    }
    trainer.set_feature_minfreq(args.minfreq)?;
    trainer.params_mut().set_c1(args.c1)?;
    trainer.params_mut().set_c2(args.c2)?;
    trainer.params_mut().set_max_iterations(args.iterations)?;
    let start = std::time::Instant::now();
    trainer
        .train(out)
        .with_context(|| format!("training {}", out.display()))?;
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "wrote {} ({} sentences, {:.1} MB, {:.0} s)",
        out.display(),
        sents.len(),
        size as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.out)?;
    if args.lang == "ar" || args.lang == "both" {
        let all = read(&args.data.join("ner-ar/anercorp/train.txt"))?;
        let (mut sents, _) = if args.tail {
            conll::split_block(all, args.holdout, args.block)
        } else {
            conll::split_holdout(all, args.holdout)
        };
        write_list(&args.out, "ar-common.txt", &common_words(&sents))?;
        write_list(&args.out, "ar-names.txt", &seen_names(&sents))?;
        let dict = name_dict(&args.name_dict, &sents)?;
        write_list(&args.out, "ar-name-dict.txt", &dict)?;
        if args.common_only {
            return Ok(());
        }
        if let Some(mode) = &args.aqmar {
            sents.extend(aqmar(&args.data, mode)?);
        }
        train(
            &sents,
            Lang::Arabic,
            &dict,
            &args,
            &args.out.join("ar.crfsuite"),
        )?;
    }
    if args.lang == "en" || args.lang == "both" {
        let all = read(&args.data.join("ner-en/wikigold.conll"))?;
        let (mut sents, _) = conll::split_block(all, args.en_holdout, 0);
        if args.wnut {
            for part in ["train", "dev", "test"] {
                sents.extend(read(
                    &args.data.join(format!("ner-en/wnut17-{part}.conll")),
                )?);
            }
        }
        train(
            &sents,
            Lang::English,
            "",
            &args,
            &args.out.join("en.crfsuite"),
        )?;
    }
    Ok(())
}
