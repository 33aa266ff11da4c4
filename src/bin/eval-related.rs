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
//! Usage: `eval-related [--mode memory|store|poll] [--data FILE]
//! [--labels FILE] [--batch N] [--same-cos X] [--same-jac X]
//! [--same-title X] [--min-score X] [--candidates N] [--query-terms N]
//! [--sample N]`. `--mode memory` (default) runs the method on the
//! in-memory index; `store` stores the articles in a real SQLite store
//! through the feed-update path; `poll` serves one RSS feed per source on
//! 127.0.0.1, subscribes and polls them with the real poller, then relates.
//! `--sample N` prints N unlabelled top-5 pairs (not wire copies) for hand
//! labelling.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Instant;

use akhbar::intel::related::memory::MemIndex;
use akhbar::intel::related::{Doc, RelatedIndex, Relater, RelaterConfig, Signature, features};
use akhbar::model::{ArticleId, FeedId};
use akhbar::model::{NewArticle, ParsedFeed};
use akhbar::poll::run::{PollOptions, poll};
use akhbar::store::{ArticleFilter, FeedSettings, FeedUpdate, Store};
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
    mode: String,
    config: RelaterConfig,
}

fn parse_opts() -> Result<Opts> {
    let mut o = Opts {
        data: "/work/shared/datasets/news-ar/saudinewsnet-2015-07-21.json".into(),
        labels: "eval/related-labels.tsv".into(),
        batch: 250,
        sample: 0,
        mode: "memory".into(),
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
            "--mode" => o.mode = val()?,
            "--candidates" => o.config.candidates = val()?.parse()?,
            "--query-terms" => o.config.query_terms = val()?.parse()?,
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
    let run = match opts.mode.as_str() {
        "memory" => run_memory(&items, &relater, opts.batch)?,
        "store" => run_store(&items, &relater, opts.batch)?,
        "poll" => run_poll(&items, &relater, opts.batch)?,
        other => bail!("unknown --mode {other} (memory, store, poll)"),
    };
    let top = |i: usize, k: usize| -> Vec<(usize, bool)> {
        run.tops
            .get(i)
            .map(|t| t.iter().take(k).copied().collect())
            .unwrap_or_default()
    };
    // Positives per article (other sources only).
    let mut positives: HashMap<usize, HashSet<usize>> = HashMap::new();
    let hand_pos = labels.iter().filter(|(_, l)| **l == 2).map(|(p, _)| *p);
    let kept = |&(a, b): &(usize, usize)| {
        run.stored.get(a).copied().unwrap_or(false) && run.stored.get(b).copied().unwrap_or(false)
    };
    for (a, b) in easy.iter().copied().chain(hand_pos).filter(kept) {
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
    let easy_kept = easy.iter().filter(|p| kept(p)).count();
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
    let sources: HashSet<&str> = items.iter().map(|i| i.source.as_str()).collect();
    println!(
        "mode {}: articles {} sources {} polls {} (batch {}), relater {:.2}s ({:.2} ms/article), ground truth {:.2}s",
        opts.mode,
        items.len(),
        sources.len(),
        items.len().div_ceil(opts.batch),
        opts.batch,
        run.secs,
        run.secs * 1000.0 / items.len().max(1) as f64,
        ground_secs
    );
    if let Some(ms) = run.open_ms {
        println!("opening an article (related_of + cluster_of): mean {ms:.3} ms");
    }
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
        easy_kept
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
    sweep(&run, &easy, &labels, opts.config.weights.same_title);
    if opts.sample > 0 {
        print_sample(&items, &run, &easy, &labels, opts.sample);
    }
    Ok(())
}

/// Cosine and shingle similarity of a pair, from the stored signatures.
fn components(run: &Run, a: usize, b: usize) -> (f64, f64) {
    match (run.sig(a), run.sig(b)) {
        (Some(x), Some(y)) => (
            features::dot(&x.vector, &y.vector),
            features::minhash_similarity(&x.minhash, &y.minhash),
        ),
        _ => (0.0, 0.0),
    }
}

/// Cosine of the title vectors of a pair.
fn title_cos(run: &Run, a: usize, b: usize) -> f64 {
    match (run.sig(a), run.sig(b)) {
        (Some(x), Some(y)) => features::dot(&x.title, &y.title),
        _ => 0.0,
    }
}

/// Same-story rule `shingles ≥ j || cosine ≥ c` over a grid: true and false
/// positives on the hand labels, share of wire copies found.
fn sweep(
    run: &Run,
    easy: &HashSet<(usize, usize)>,
    labels: &HashMap<(usize, usize), u8>,
    title_weight: f64,
) {
    let hand: Vec<(f64, f64, bool)> = labels
        .iter()
        .map(|(&(a, b), &l)| {
            let (c, j) = components(run, a, b);
            (c + title_weight * title_cos(run, a, b), j, l == 2)
        })
        .collect();
    let wire: Vec<(f64, f64)> = easy
        .iter()
        .map(|&(a, b)| {
            let (c, j) = components(run, a, b);
            (c + title_weight * title_cos(run, a, b), j)
        })
        .collect();
    if std::env::var_os("EVAL_DUMP").is_some() {
        for (&(a, b), &l) in labels {
            let (c, j) = components(run, a, b);
            let t = title_cos(run, a, b);
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
    run: &Run,
    easy: &HashSet<(usize, usize)>,
    labels: &HashMap<(usize, usize), u8>,
    n: usize,
) {
    for want_same in [true, false] {
        let mut pool = Vec::new();
        for a in 0..items.len() {
            for &(b, same) in run.tops.get(a).into_iter().flatten().take(5) {
                let p = pair(a, b);
                if same == want_same
                    && items[a].source != items[b].source
                    && !easy.contains(&p)
                    && !labels.contains_key(&p)
                {
                    pool.push((p, same));
                }
            }
        }
        pool.sort_by_key(|(p, _)| *p);
        pool.dedup_by_key(|(p, _)| *p);
        let step = (pool.len() / n.max(1)).max(1);
        for ((a, b), same) in pool.into_iter().step_by(step).take(n) {
            let snip = |i: usize| {
                items[i]
                    .content
                    .chars()
                    .take(220)
                    .collect::<String>()
                    .replace('\n', " ")
            };
            let (cos, jac) = components(run, a, b);
            println!(
                "\n=== same {same} cos {cos:.3} jac {jac:.3}\n{}\t{}\nA [{}] {}\n  {}\nB [{}] {}\n  {}",
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

/// What one run of the method left: per dataset item, its top-10 related
/// items (by dataset index) and its signature.
struct Run {
    /// False for items the store did not keep as their own article.
    stored: Vec<bool>,
    tops: Vec<Vec<(usize, bool)>>,
    sigs: Vec<Option<Signature>>,
    secs: f64,
    open_ms: Option<f64>,
}

impl Run {
    fn sig(&self, i: usize) -> Option<&Signature> {
        self.sigs.get(i).and_then(Option::as_ref)
    }
}

/// Extraction time of an item in Unix seconds.
fn published(it: &Item) -> i64 {
    chrono::NaiveDateTime::parse_from_str(&it.date_extracted, "%Y-%m-%d %H:%M:%S")
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0)
}

/// The method on the in-memory index (article id = dataset index + 1).
fn run_memory(items: &[Item], relater: &Relater, batch: usize) -> Result<Run> {
    let index = MemIndex::new();
    let mut feeds: HashMap<&str, i64> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        let n = feeds.len() as i64 + 1;
        let feed = *feeds.entry(it.source.as_str()).or_insert(n);
        index.add_doc(Doc {
            id: ArticleId(i as i64 + 1),
            feed: FeedId(feed),
            published: published(it),
            title: it.title.clone(),
            text: it.content.clone(),
            entities: Vec::new(),
        });
    }
    let ids: Vec<ArticleId> = (1..=items.len() as i64).map(ArticleId).collect();
    let t = Instant::now();
    for chunk in ids.chunks(batch) {
        relater.process_new(&index, chunk).map_err(|e| match e {})?;
    }
    let secs = t.elapsed().as_secs_f64();
    let mut tops = Vec::with_capacity(items.len());
    let mut sigs = Vec::with_capacity(items.len());
    for id in &ids {
        tops.push(
            index
                .related_of(*id, 10)
                .into_iter()
                .map(|l| (l.other.0 as usize - 1, l.same_story))
                .collect(),
        );
        sigs.push(index.related_signature(*id).map_err(|e| match e {})?);
    }
    Ok(Run {
        stored: vec![true; items.len()],
        tops,
        sigs,
        secs,
        open_ms: None,
    })
}

/// The method on a real SQLite store in a temporary directory: one feed
/// per source stored through the store's feed-update path, then the
/// relater in polls of `batch` articles in extraction order.
fn run_store(items: &[Item], relater: &Relater, batch: usize) -> Result<Run> {
    let dir = std::env::temp_dir().join(format!("akhbar-eval-related-{}", std::process::id()));
    let store = Store::open(&dir.join("eval.db"))?;
    let run = fill_store(items, &store).and_then(|()| run_on_store(items, relater, batch, &store));
    drop(store);
    // Best effort: a leftover temporary directory is harmless.
    let _ = std::fs::remove_dir_all(&dir);
    run
}

/// Stores every item, one feed per source.
fn fill_store(items: &[Item], store: &Store) -> Result<()> {
    let mut by_source: HashMap<&str, Vec<&Item>> = HashMap::new();
    for it in items {
        by_source.entry(it.source.as_str()).or_default().push(it);
    }
    for (source, its) in &by_source {
        let feed = store.add_feed(
            &format!("http://127.0.0.1/{source}.xml"),
            &FeedSettings::default(),
            &[],
        )?;
        let parsed = ParsedFeed {
            title: Some((*source).to_string()),
            articles: its
                .iter()
                .map(|it| NewArticle {
                    guid: Some(it.url.clone()),
                    link: Some(it.url.clone()),
                    title: it.title.clone(),
                    published: chrono::DateTime::from_timestamp(published(it), 0),
                    text: it.content.clone(),
                    ..NewArticle::default()
                })
                .collect(),
            ..ParsedFeed::default()
        };
        store.apply_feed_update(
            feed,
            &FeedUpdate {
                feed: parsed,
                etag: None,
                last_modified: None,
                fetched_at: chrono::Utc::now(),
            },
        )?;
    }
    Ok(())
}

/// Runs the relater over every stored article (extraction order) and reads
/// the lists back the way the UI does.
fn run_on_store(items: &[Item], relater: &Relater, batch: usize, store: &Store) -> Result<Run> {
    let by_url: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.url.as_str(), i))
        .collect();
    let mut index_of: HashMap<ArticleId, usize> = HashMap::new();
    let mut id_of: Vec<Option<ArticleId>> = vec![None; items.len()];
    for a in store.articles(&ArticleFilter::default())? {
        let link = a.link.as_deref().map(percent_decode);
        if let Some(i) = link.as_deref().and_then(|l| by_url.get(l)) {
            index_of.insert(a.id, *i);
            id_of[*i] = Some(a.id);
        }
    }
    let ids: Vec<ArticleId> = id_of.iter().flatten().copied().collect();
    if ids.len() < items.len() {
        println!(
            "the store kept {} of {} items (same content twice in one feed is stored once)",
            ids.len(),
            items.len()
        );
    }
    let t = Instant::now();
    for chunk in ids.chunks(batch) {
        relater.process_new(store, chunk)?;
    }
    let secs = t.elapsed().as_secs_f64();
    let mut tops = Vec::with_capacity(items.len());
    let mut sigs = Vec::with_capacity(items.len());
    let t = Instant::now();
    for id in &id_of {
        let Some(id) = id else {
            tops.push(Vec::new());
            sigs.push(None);
            continue;
        };
        tops.push(
            store
                .related_of(*id, 10)?
                .into_iter()
                .filter_map(|r| index_of.get(&r.id).map(|i| (*i, r.same_story)))
                .collect(),
        );
        store.cluster_of(*id)?;
        sigs.push(store.related_signature(*id)?);
    }
    let open_ms = t.elapsed().as_secs_f64() * 1000.0 / ids.len().max(1) as f64;
    Ok(Run {
        stored: id_of.iter().map(Option::is_some).collect(),
        tops,
        sigs,
        secs,
        open_ms: Some(open_ms),
    })
}

/// Escapes text for XML character data and attribute values.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// An RSS 2.0 document of one source's items (content as an HTML
/// paragraph in the description).
fn rss_of(source: &str, items: &[&Item]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{}</title><link>http://127.0.0.1/</link><description>eval</description><language>ar</language>\n",
        xml_escape(source)
    );
    for it in items {
        let date = chrono::DateTime::from_timestamp(published(it), 0)
            .map(|d| d.to_rfc2822())
            .unwrap_or_default();
        out.push_str(&format!(
            "<item><title>{}</title><link>{}</link><guid>{}</guid><pubDate>{}</pubDate><description>{}</description></item>\n",
            xml_escape(&it.title),
            xml_escape(&it.url),
            xml_escape(&it.url),
            date,
            xml_escape(&format!("<p>{}</p>", xml_escape(&it.content))),
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

/// Serves `feeds` (path → body) on 127.0.0.1 from a background thread;
/// returns the base URL. Unknown paths get a 404.
fn serve(feeds: HashMap<String, String>) -> Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let base = format!("http://{}", listener.local_addr()?);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            // One bad request must not stop the server.
            let _ = answer(stream, &feeds);
        }
    });
    Ok(base)
}

/// Answers one HTTP/1.1 request with the feed at its path.
fn answer(mut stream: TcpStream, feeds: &HashMap<String, String>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    match feeds.get(path) {
        Some(body) => {
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(body.as_bytes())
        }
        None => stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    }
}

/// The whole pipeline: per-source RSS feeds served on loopback, subscribed
/// and polled into a real store by the poller, then related by the relater.
fn run_poll(items: &[Item], relater: &Relater, batch: usize) -> Result<Run> {
    let mut by_source: HashMap<&str, Vec<&Item>> = HashMap::new();
    for it in items {
        by_source.entry(it.source.as_str()).or_default().push(it);
    }
    let feeds: HashMap<String, String> = by_source
        .iter()
        .map(|(s, its)| (format!("/{s}.xml"), rss_of(s, its)))
        .collect();
    let base = serve(feeds)?;
    let dir = std::env::temp_dir().join(format!("akhbar-eval-related-{}", std::process::id()));
    let store = Store::open(&dir.join("eval.db"))?;
    let run = (|| {
        for s in by_source.keys() {
            store.add_feed(&format!("{base}/{s}.xml"), &FeedSettings::default(), &[])?;
        }
        let opts = PollOptions {
            max_bytes: 256 << 20,
            ..PollOptions::default()
        };
        let t = Instant::now();
        let report = poll(&store, &opts, &|_| {})?;
        println!(
            "poll: {} feeds ok, {} failed, {} new articles in {:.2}s",
            report.ok,
            report.failed.len(),
            report.new_articles,
            t.elapsed().as_secs_f64()
        );
        for f in &report.failed {
            println!("  failed: {f:?}");
        }
        run_on_store(items, relater, batch, &store)
    })();
    drop(store);
    // Best effort: a leftover temporary directory is harmless.
    let _ = std::fs::remove_dir_all(&dir);
    run
}

/// Undoes URL percent-encoding (the poller stores links normalised, with
/// non-ASCII characters encoded), so stored links match the dataset's.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
