//! Evaluation of related stories and same-story detection on the
//! SaudiNewsNet day (2,972 Arabic articles from 14 papers; evaluation only,
//! never copied into the repository).
//!
//! Articles are fed to the relater in polls of `--batch` articles in
//! extraction-time order, as the enrichment stage would see them. Ground
//! truth: pairs from different sources whose exact 4-word-shingle Jaccard is
//! ≥ 0.5 (wire copies, easy positives) plus the hand labels in
//! `eval/related-labels.tsv` (`url_a TAB url_b TAB label`, label 2 = same
//! story, 1 = related background, 0 = unrelated).
//!
//! Usage: `eval-related [--data FILE] [--labels FILE] [--batch N]
//! [--same-cos X] [--same-jac X] [--sample N]`; `--sample N` prints N
//! unlabelled top-5 pairs (not wire copies) for hand labelling.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use akhbar::intel::related::memory::MemIndex;
use akhbar::intel::related::{Doc, RelatedIndex, Relater, RelaterConfig, features};
use akhbar::model::{ArticleId, FeedId};
use akhbar::text::fold::fold;
use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// One SaudiNewsNet record (only the fields used).
#[derive(Deserialize)]
struct Item {
    source: String,
    url: String,
    date_extracted: String,
    title: String,
    content: String,
}

/// Command-line options.
struct Opts {
    data: String,
    labels: String,
    batch: usize,
    sample: usize,
    config: RelaterConfig,
}

fn parse_opts() -> Result<Opts> {
    let mut o = Opts {
        data: "/work/shared/datasets/news-ar/saudinewsnet-2015-07-21.json".into(),
        labels: "eval/related-labels.tsv".into(),
        batch: 250,
        sample: 0,
        config: RelaterConfig::default(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--data" => o.data = val()?,
            "--labels" => o.labels = val()?,
            "--batch" => o.batch = val()?.parse()?,
            "--sample" => o.sample = val()?.parse()?,
            "--same-cos" => o.config.weights.same_cosine = val()?.parse()?,
            "--same-jac" => o.config.weights.same_shingles = val()?.parse()?,
            "--same-title" => o.config.weights.same_title = val()?.parse()?,
            "--min-score" => o.config.weights.min_score = val()?.parse()?,
            _ => bail!("unknown argument {a} (see the doc comment of eval-related)"),
        }
    }
    o.batch = o.batch.max(1);
    Ok(o)
}

/// Exact set of 4-word shingles of folded words (no stemming, no stop
/// words removed: independent of the method's own features).
fn shingles(text: &str) -> HashSet<u64> {
    let f = fold(text);
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(4)
        .map(|w| akhbar::intel::related::features::term_hash(&w.join(" ")))
        .collect()
}

/// Wire-copy pairs: different sources, exact shingle Jaccard ≥ 0.5.
fn easy_positives(items: &[Item]) -> HashSet<(usize, usize)> {
    let sets: Vec<HashSet<u64>> = items.iter().map(|i| shingles(&i.content)).collect();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, s) in sets.iter().enumerate() {
        for h in s {
            postings.entry(*h).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for p in postings.values().filter(|p| p.len() <= 40) {
        for (x, a) in p.iter().enumerate() {
            for b in &p[x + 1..] {
                *shared.entry((*a, *b)).or_insert(0) += 1;
            }
        }
    }
    shared
        .into_iter()
        .filter(|((a, b), n)| {
            let union = sets[*a].len() + sets[*b].len() - n;
            items[*a].source != items[*b].source && union > 0 && *n as f64 / union as f64 >= 0.5
        })
        .map(|(p, _)| p)
        .collect()
}

fn pair(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

fn main() -> Result<()> {
    let opts = parse_opts()?;
    let raw = std::fs::read(&opts.data).with_context(|| format!("reading {}", opts.data))?;
    let mut items: Vec<Item> = serde_json::from_slice(&raw).context("parsing the dataset")?;
    items.sort_by(|a, b| {
        a.date_extracted
            .cmp(&b.date_extracted)
            .then(a.url.cmp(&b.url))
    });
    let by_url: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.url.as_str(), i))
        .collect();
    let mut feeds: HashMap<&str, i64> = HashMap::new();
    let index = MemIndex::new();
    for (i, it) in items.iter().enumerate() {
        let n = feeds.len() as i64 + 1;
        let feed = *feeds.entry(it.source.as_str()).or_insert(n);
        let published =
            chrono::NaiveDateTime::parse_from_str(&it.date_extracted, "%Y-%m-%d %H:%M:%S")
                .map(|t| t.and_utc().timestamp())
                .unwrap_or(0);
        index.add_doc(Doc {
            id: ArticleId(i as i64 + 1),
            feed: FeedId(feed),
            published,
            title: it.title.clone(),
            text: it.content.clone(),
            entities: Vec::new(),
        });
    }
    // Ground truth.
    let t0 = Instant::now();
    let easy = easy_positives(&items);
    let mut labels: HashMap<(usize, usize), u8> = HashMap::new();
    let mut audit: HashSet<(usize, usize)> = HashSet::new();
    if let Ok(text) = std::fs::read_to_string(&opts.labels) {
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let (Some(a), Some(b), Some(l)) = (f.first(), f.get(1), f.get(2)) else {
                bail!("{}:{}: expected url TAB url TAB label", opts.labels, n + 1);
            };
            let (Some(a), Some(b)) = (by_url.get(a), by_url.get(b)) else {
                bail!("{}:{}: url not in the dataset", opts.labels, n + 1);
            };
            labels.insert(pair(*a, *b), l.trim().parse()?);
            if f.get(3).is_some_and(|b| b.trim() == "r1") {
                audit.insert(pair(*a, *b));
            }
        }
    }
    let ground_secs = t0.elapsed().as_secs_f64();
    // Run the method in polls.
    let relater = Relater::new(opts.config);
    let t1 = Instant::now();
    let ids: Vec<ArticleId> = (1..=items.len() as i64).map(ArticleId).collect();
    let mut polls = 0;
    for chunk in ids.chunks(opts.batch) {
        relater.process_new(&index, chunk).map_err(|e| match e {})?;
        polls += 1;
    }
    let run_secs = t1.elapsed().as_secs_f64();
    let top = |i: usize, k: usize| -> Vec<(usize, bool)> {
        index
            .related_of(ArticleId(i as i64 + 1), k)
            .into_iter()
            .map(|l| (l.other.0 as usize - 1, l.same_story))
            .collect()
    };
    // Positives per article (other sources only).
    let mut positives: HashMap<usize, HashSet<usize>> = HashMap::new();
    let hand_pos = labels.iter().filter(|(_, l)| **l == 2).map(|(p, _)| *p);
    for (a, b) in easy.iter().copied().chain(hand_pos) {
        positives.entry(a).or_default().insert(b);
        positives.entry(b).or_default().insert(a);
    }
    let mut recall = 0.0;
    let mut hit = 0usize;
    for (a, pos) in &positives {
        let t5: HashSet<usize> = top(*a, 5).into_iter().map(|(o, _)| o).collect();
        let found = pos.intersection(&t5).count();
        recall += found as f64 / pos.len().min(5) as f64;
        if found > 0 {
            hit += 1;
        }
    }
    let n_pos = positives.len().max(1) as f64;
    // Same-story links: precision on known pairs.
    let mut same_pairs: HashSet<(usize, usize)> = HashSet::new();
    for a in 0..items.len() {
        for (o, same) in top(a, 10) {
            if same && items[a].source != items[o].source {
                same_pairs.insert(pair(a, o));
            }
        }
    }
    let (mut ss_true, mut ss_false, mut ss_unknown) = (0, 0, 0);
    let mut ss_hand = (0, 0);
    for p in &same_pairs {
        match labels.get(p) {
            Some(2) => {
                ss_true += 1;
                ss_hand.0 += 1;
            }
            Some(_) => {
                ss_false += 1;
                ss_hand.1 += 1;
            }
            None if easy.contains(p) => ss_true += 1,
            None => ss_unknown += 1,
        }
    }
    let easy_found = easy.iter().filter(|p| same_pairs.contains(p)).count();
    // The audit sample (r1) estimates the precision of the unlabelled rest.
    let audited: Vec<u8> = audit
        .iter()
        .filter(|p| same_pairs.contains(p))
        .filter_map(|p| labels.get(p).copied())
        .collect();
    let audit_precision =
        audited.iter().filter(|l| **l == 2).count() as f64 / audited.len().max(1) as f64;
    let estimate =
        (ss_true as f64 + ss_unknown as f64 * audit_precision) / same_pairs.len().max(1) as f64;
    // Precision@5 on the hand-labelled pairs that are in a top-5 list.
    let (mut p5_rel, mut p5_all, mut p5_same) = (0, 0, 0);
    for (&(a, b), &l) in &labels {
        let in_top =
            top(a, 5).iter().any(|(o, _)| *o == b) || top(b, 5).iter().any(|(o, _)| *o == a);
        if in_top {
            p5_all += 1;
            if l >= 1 {
                p5_rel += 1;
            }
            if l == 2 {
                p5_same += 1;
            }
        }
    }
    let label_counts = (0..=2u8)
        .map(|k| labels.values().filter(|l| **l == k).count())
        .collect::<Vec<_>>();
    println!(
        "articles {} sources {} polls {} (batch {}), relater {:.2}s ({:.2} ms/article), ground truth {:.2}s",
        items.len(),
        feeds.len(),
        polls,
        opts.batch,
        run_secs,
        run_secs * 1000.0 / items.len().max(1) as f64,
        ground_secs
    );
    println!(
        "ground truth: {} wire-copy pairs, hand labels {} (same {}, related {}, unrelated {})",
        easy.len(),
        labels.len(),
        label_counts[2],
        label_counts[1],
        label_counts[0]
    );
    println!(
        "recall@5 (articles with same-story coverage elsewhere: {}): {:.3}; hit@5 {:.3}",
        positives.len(),
        recall / n_pos,
        hit as f64 / n_pos
    );
    let known = (ss_true + ss_false).max(1);
    println!(
        "same_story pairs across sources: {}; precision on known pairs {:.3} ({} true, {} false, {} unlabelled); hand-labelled only {}/{}; wire copies marked {}/{}",
        same_pairs.len(),
        ss_true as f64 / known as f64,
        ss_true,
        ss_false,
        ss_unknown,
        ss_hand.0,
        ss_hand.0 + ss_hand.1,
        easy_found,
        easy.len()
    );
    println!(
        "same_story precision estimate over all {} pairs: {:.3} (audit sample r1: {}/{} same, applied to the {} unlabelled)",
        same_pairs.len(),
        estimate,
        audited.iter().filter(|l| **l == 2).count(),
        audited.len(),
        ss_unknown
    );
    println!(
        "precision@5 on hand-labelled pairs in a top-5 list: related-or-same {:.3}, same {:.3} (n={})",
        p5_rel as f64 / p5_all.max(1) as f64,
        p5_same as f64 / p5_all.max(1) as f64,
        p5_all
    );
    sweep(&index, &easy, &labels, opts.config.weights.same_title);
    if opts.sample > 0 {
        print_sample(&items, &index, &easy, &labels, opts.sample);
    }
    Ok(())
}

/// Cosine and shingle similarity of a pair, from the stored signatures.
fn components(index: &MemIndex, a: usize, b: usize) -> (f64, f64) {
    let sig = |i: usize| {
        index
            .related_signature(ArticleId(i as i64 + 1))
            .ok()
            .flatten()
    };
    match (sig(a), sig(b)) {
        (Some(x), Some(y)) => (
            features::dot(&x.vector, &y.vector),
            features::minhash_similarity(&x.minhash, &y.minhash),
        ),
        _ => (0.0, 0.0),
    }
}

/// Cosine of the title vectors of a pair.
fn title_cos(index: &MemIndex, a: usize, b: usize) -> f64 {
    let sig = |i: usize| {
        index
            .related_signature(ArticleId(i as i64 + 1))
            .ok()
            .flatten()
    };
    match (sig(a), sig(b)) {
        (Some(x), Some(y)) => features::dot(&x.title, &y.title),
        _ => 0.0,
    }
}

/// Same-story rule `shingles ≥ j || cosine ≥ c` over a grid: true and false
/// positives on the hand labels, share of wire copies found.
fn sweep(
    index: &MemIndex,
    easy: &HashSet<(usize, usize)>,
    labels: &HashMap<(usize, usize), u8>,
    title_weight: f64,
) {
    let hand: Vec<(f64, f64, bool)> = labels
        .iter()
        .map(|(&(a, b), &l)| {
            let (c, j) = components(index, a, b);
            (c + title_weight * title_cos(index, a, b), j, l == 2)
        })
        .collect();
    let wire: Vec<(f64, f64)> = easy
        .iter()
        .map(|&(a, b)| {
            let (c, j) = components(index, a, b);
            (c + title_weight * title_cos(index, a, b), j)
        })
        .collect();
    if std::env::var_os("EVAL_DUMP").is_some() {
        for (&(a, b), &l) in labels {
            let (c, j) = components(index, a, b);
            let t = title_cos(index, a, b);
            println!(
                "label {l} cos {c:.3} jac {j:.3} title {t:.3} | {} | {}",
                a, b
            );
        }
    }
    println!(
        "same-story rule sweep, cos = body + {title_weight} × title (hand labels: TP/FP/FN; wire copies found):"
    );
    for j in [0.2, 0.3, 0.4] {
        for c in [0.5, 0.55, 0.6, 0.65, 0.7] {
            let same = |cos: f64, jac: f64| jac >= j || cos >= c;
            let tp = hand.iter().filter(|h| h.2 && same(h.0, h.1)).count();
            let fp = hand.iter().filter(|h| !h.2 && same(h.0, h.1)).count();
            let fneg = hand.iter().filter(|h| h.2 && !same(h.0, h.1)).count();
            let w = wire.iter().filter(|w| same(w.0, w.1)).count();
            println!(
                "  jac>={j:.2} cos>={c:.2}: {tp}/{fp}/{fneg}  wire {w}/{}",
                wire.len()
            );
        }
    }
}

/// Prints unlabelled top-5 pairs from different sources that are not wire
/// copies, spread over the day, for hand labelling: `n` marked same story
/// and `n` not.
fn print_sample(
    items: &[Item],
    index: &MemIndex,
    easy: &HashSet<(usize, usize)>,
    labels: &HashMap<(usize, usize), u8>,
    n: usize,
) {
    for want_same in [true, false] {
        let mut pool = Vec::new();
        for a in 0..items.len() {
            for l in index.related_of(ArticleId(a as i64 + 1), 5) {
                let b = l.other.0 as usize - 1;
                let p = pair(a, b);
                if l.same_story == want_same
                    && items[a].source != items[b].source
                    && !easy.contains(&p)
                    && !labels.contains_key(&p)
                {
                    pool.push((p, l.score, l.same_story));
                }
            }
        }
        pool.sort_by_key(|(p, _, _)| *p);
        pool.dedup_by_key(|(p, _, _)| *p);
        let step = (pool.len() / n.max(1)).max(1);
        for ((a, b), score, same) in pool.into_iter().step_by(step).take(n) {
            let snip = |i: usize| {
                items[i]
                    .content
                    .chars()
                    .take(220)
                    .collect::<String>()
                    .replace('\n', " ")
            };
            let (cos, jac) = components(index, a, b);
            println!(
                "\n=== score {score:.3} same {same} cos {cos:.3} jac {jac:.3}\n{}\t{}\nA [{}] {}\n  {}\nB [{}] {}\n  {}",
                items[a].url,
                items[b].url,
                items[a].source,
                items[a].title,
                snip(a),
                items[b].source,
                items[b].title,
                snip(b)
            );
        }
    }
}
