//! Benchmark of the enrichment stage (entities, related stories, story
//! clusters) on a real store of generated articles. Prints figures; it is
//! not a test and asserts nothing about time.
//!
//! The text is generated here (nothing comes from any dataset): two
//! invented vocabularies, one in Arabic letters and one in Latin letters,
//! drawn with a Zipfian law like real word frequencies; events with their
//! own topic words and two to four named entities from akhbar's gazetteer
//! (Arabic or English names, one key per entity); 30% of events are covered
//! by two to six feeds in both languages, each coverage a rewrite of the
//! event's text in its language (words replaced, sentences reordered), so
//! story clusters form.
//!
//! Steps: store `--base` articles (1,000 feeds' worth, half Arabic) through
//! the feed-update path and enrich them; poll `--poll` new articles and
//! enrich them; grow the store to `--articles` and enrich; poll `--poll`
//! new articles again; then time `related_of` (opening an article's related
//! list) over `--opens` stored articles.
//!
//! Articles arrive at `--per-day` a day (default 3,000: some 200 busy
//! feeds), so a larger store is an older one, as it is for a reader: the
//! store grows over time while the articles in the related-stories time
//! window stay as many. Raising `--per-day` measures a denser window.
//!
//! Usage: `bench-related [--articles N] [--base N] [--poll N] [--opens N]
//! [--per-day N] [--db FILE]` (defaults 100,000, 50,000, 500, 2,000,
//! 3,000, a temporary file). At 3,000 a day both measured polls come after
//! the first 14 days, the related-stories candidate window's retention, so
//! they compare a store's age and not the window filling up.
//! `bench/related.sh` runs it under `nice`.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use akhbar::intel::enrich;
use akhbar::model::{ArticleId, NewArticle, ParsedFeed};
use akhbar::store::{ArticleFilter, FeedSettings, FeedUpdate, Store};
use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};

/// Articles per feed on average: feeds are `articles / 100`.
const PER_FEED: usize = 100;

/// Command-line options.
struct Opts {
    articles: usize,
    base: usize,
    poll: usize,
    opens: usize,
    per_day: usize,
    db: Option<PathBuf>,
}

fn parse_opts() -> Result<Opts> {
    let mut o = Opts {
        articles: 100_000,
        base: 50_000,
        poll: 500,
        opens: 2_000,
        per_day: 3_000,
        db: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--articles" => o.articles = val()?.parse()?,
            "--base" => o.base = val()?.parse()?,
            "--poll" => o.poll = val()?.parse()?,
            "--opens" => o.opens = val()?.parse()?,
            "--per-day" => o.per_day = val()?.parse()?,
            "--db" => o.db = Some(PathBuf::from(val()?)),
            _ => bail!("unknown option {a}"),
        }
    }
    if o.per_day == 0 {
        bail!("--per-day must be at least 1");
    }
    if o.base == 0 || o.base > o.articles {
        bail!("--base must be between 1 and --articles");
    }
    Ok(o)
}

/// SplitMix64: a small deterministic generator (the benchmark is
/// reproducible run to run).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A vocabulary drawn with a Zipfian law (rank r has weight 1 / r^1.05).
struct Vocab {
    words: Vec<String>,
    cdf: Vec<f64>,
}

impl Vocab {
    /// `n` distinct invented words made of `letters`, 2 to 8 letters long
    /// (frequent words are short, as in real text).
    fn new(rng: &mut Rng, letters: &[char], n: usize) -> Vocab {
        let mut seen = std::collections::HashSet::new();
        let mut words = Vec::with_capacity(n);
        while words.len() < n {
            let rank = words.len();
            let len = 2 + (rank as f64 + 1.0).log10().floor() as usize + rng.below(3);
            let w: String = (0..len.min(8))
                .map(|_| letters[rng.below(letters.len())])
                .collect();
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut total = 0.0;
        let cdf = (1..=n)
            .map(|r| {
                total += 1.0 / (r as f64).powf(1.05);
                total
            })
            .collect();
        Vocab { words, cdf }
    }

    fn draw<'a>(&'a self, rng: &mut Rng) -> &'a str {
        let total = self.cdf.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let i = self.cdf.partition_point(|c| *c < x);
        self.words[i.min(self.words.len() - 1)].as_str()
    }

    /// A mid-frequency word (ranks 300..30,000): topic words of an event.
    fn topic<'a>(&'a self, rng: &mut Rng) -> &'a str {
        let lo = 300.min(self.words.len() - 1);
        self.words[lo + rng.below(self.words.len() - lo)].as_str()
    }
}

/// A gazetteer entity with one Arabic and one English name.
struct Name {
    ar: String,
    en: String,
}

/// The entities of akhbar's gazetteer that have a name in both languages.
fn gazetteer() -> Vec<Name> {
    let mut by_key: HashMap<&str, (Option<&str>, Option<&str>)> = HashMap::new();
    let mut order = Vec::new();
    for tsv in [
        include_str!("../../data/gazetteer/people.tsv"),
        include_str!("../../data/gazetteer/places.tsv"),
        include_str!("../../data/gazetteer/orgs.tsv"),
    ] {
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [key, _, lang, name] = cols[..] else {
                continue;
            };
            let e = by_key.entry(key).or_insert_with(|| {
                order.push(key);
                (None, None)
            });
            match lang {
                "ar" if e.0.is_none() => e.0 = Some(name),
                "en" if e.1.is_none() => e.1 = Some(name),
                _ => {}
            }
        }
    }
    order
        .into_iter()
        .filter_map(|k| match by_key.get(k) {
            Some((Some(ar), Some(en))) => Some(Name {
                ar: (*ar).to_string(),
                en: (*en).to_string(),
            }),
            _ => None,
        })
        .collect()
}

/// One generated article before storing.
struct Item {
    feed: usize,
    event: usize,
    published: i64,
    title: String,
    text: String,
}

/// The article generator: vocabularies, names, and the event stream.
struct Generator {
    rng: Rng,
    ar: Vocab,
    en: Vocab,
    names: Vec<Name>,
    feeds: usize,
    start: i64,
    /// Seconds between two events (`--per-day` articles a day).
    step: f64,
    events: usize,
}

impl Generator {
    fn new(total: usize, per_day: usize) -> Generator {
        let mut rng = Rng(0x0a6b_6861_7200_0001);
        let ar_letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
        let en_letters: Vec<char> = "abcdefghiklmnoprstuvwyz".chars().collect();
        let ar = Vocab::new(&mut rng, &ar_letters, 40_000);
        let en = Vocab::new(&mut rng, &en_letters, 40_000);
        let feeds = (total / PER_FEED).max(2);
        Generator {
            rng,
            ar,
            en,
            names: gazetteer(),
            feeds,
            start: 1_795_000_000,
            // About 1.6 articles per event.
            step: 86_400.0 * 1.6 / per_day as f64,
            events: 0,
        }
    }

    /// A sentence of `n` words in one language: Zipfian words, some topic
    /// words, sometimes an entity name.
    fn sentence(&mut self, arabic: bool, topic: &[String], names: &[String], n: usize) -> String {
        let mut words: Vec<String> = Vec::with_capacity(n + 4);
        for _ in 0..n {
            let r = self.rng.unit();
            let w = if r < 0.15 && !topic.is_empty() {
                topic[self.rng.below(topic.len())].clone()
            } else if r < 0.20 && !names.is_empty() {
                names[self.rng.below(names.len())].clone()
            } else if arabic {
                self.ar.draw(&mut self.rng).to_string()
            } else {
                self.en.draw(&mut self.rng).to_string()
            };
            words.push(w);
        }
        words.join(" ")
    }

    /// The next event's coverage: one article, or (30%) two to six in
    /// different feeds of both languages, rewrites of one text per language.
    fn event(&mut self) -> Vec<Item> {
        let event = self.events;
        self.events += 1;
        let t = self.start + (event as f64 * self.step) as i64;
        let entities: Vec<usize> = (0..2 + self.rng.below(3))
            .map(|_| {
                // Few entities are very common (capitals, leaders).
                let r = self.rng.unit();
                (r * r * self.names.len() as f64) as usize
            })
            .collect();
        let copies = if self.rng.unit() < 0.3 {
            2 + self.rng.below(5)
        } else {
            1
        };
        let mut base: HashMap<bool, (String, Vec<String>)> = HashMap::new();
        let mut out = Vec::with_capacity(copies);
        let mut used = Vec::new();
        for _ in 0..copies {
            let mut feed = self.rng.below(self.feeds);
            while used.contains(&feed) {
                feed = (feed + 1) % self.feeds;
            }
            used.push(feed);
            let arabic = feed.is_multiple_of(2);
            let names: Vec<String> = entities
                .iter()
                .filter_map(|i| self.names.get(*i))
                .map(|n| if arabic { n.ar.clone() } else { n.en.clone() })
                .collect();
            if let Entry::Vacant(slot) = base.entry(arabic) {
                let topic: Vec<String> = (0..12)
                    .map(|_| {
                        if arabic {
                            self.ar.topic(&mut self.rng).to_string()
                        } else {
                            self.en.topic(&mut self.rng).to_string()
                        }
                    })
                    .collect();
                let n = 8 + self.rng.below(4);
                let title = self.sentence(arabic, &topic, &names, n);
                let sentences: Vec<String> = (0..6 + self.rng.below(8))
                    .map(|_| {
                        let n = 12 + self.rng.below(14);
                        self.sentence(arabic, &topic, &names, n)
                    })
                    .collect();
                slot.insert((title, sentences));
            }
            let Some((title, sentences)) = base.get(&arabic).cloned() else {
                continue;
            };
            let title = self.rewrite(arabic, &title, 0.2);
            let mut body: Vec<String> = sentences
                .iter()
                .map(|s| self.rewrite(arabic, s, 0.2))
                .collect();
            if body.len() > 2 {
                let i = self.rng.below(body.len() - 1);
                body.swap(i, i + 1);
            }
            out.push(Item {
                feed,
                event,
                published: t + self.rng.below(6 * 3600) as i64,
                title,
                text: body.join(" ") + ".",
            });
        }
        out
    }

    /// Replaces a share of the words of `s` with other words.
    fn rewrite(&mut self, arabic: bool, s: &str, share: f64) -> String {
        s.split(' ')
            .map(|w| {
                if self.rng.unit() < share {
                    if arabic {
                        self.ar.draw(&mut self.rng).to_string()
                    } else {
                        self.en.draw(&mut self.rng).to_string()
                    }
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The next `n` articles (whole events; may overshoot by a few).
    fn take(&mut self, n: usize) -> Vec<Item> {
        let mut out = Vec::with_capacity(n + 8);
        while out.len() < n {
            out.extend(self.event());
        }
        out
    }
}

/// The store, its feeds and which event each stored article covers.
struct Bench {
    store: Store,
    feeds: Vec<akhbar::model::FeedId>,
    event_of: HashMap<ArticleId, usize>,
    members: HashMap<usize, Vec<ArticleId>>,
}

impl Bench {
    /// Stores `items` through the feed-update path, one update per feed.
    fn store_items(&mut self, items: Vec<Item>) -> Result<()> {
        let mut by_feed: HashMap<usize, Vec<Item>> = HashMap::new();
        for it in items {
            by_feed.entry(it.feed).or_default().push(it);
        }
        let mut feeds: Vec<usize> = by_feed.keys().copied().collect();
        feeds.sort_unstable();
        for f in feeds {
            let items = by_feed.remove(&f).unwrap_or_default();
            let mut links = HashMap::new();
            let articles = items
                .iter()
                .enumerate()
                .map(|(i, it)| {
                    let link = format!("https://feed{f}.example/{}/{i}", it.event);
                    links.insert(link.clone(), it.event);
                    NewArticle {
                        guid: Some(link.clone()),
                        link: Some(link),
                        title: it.title.clone(),
                        published: DateTime::<Utc>::from_timestamp(it.published, 0),
                        text: it.text.clone(),
                        lang: Some(if f.is_multiple_of(2) { "ar" } else { "en" }.to_string()),
                        ..NewArticle::default()
                    }
                })
                .collect();
            let update = FeedUpdate {
                feed: ParsedFeed {
                    title: Some(format!("Feed {f}")),
                    articles,
                    ..ParsedFeed::default()
                },
                etag: None,
                last_modified: None,
                fetched_at: Utc::now(),
            };
            let feed = self.feeds[f];
            self.store.apply_feed_update(feed, &update)?;
            let stored = self.store.articles(&ArticleFilter {
                feed: Some(feed),
                ..ArticleFilter::default()
            })?;
            for a in stored {
                let Some(event) = a.link.as_ref().and_then(|l| links.get(l)) else {
                    continue;
                };
                if self.event_of.insert(a.id, *event).is_none() {
                    self.members.entry(*event).or_default().push(a.id);
                }
            }
        }
        Ok(())
    }

    /// Enriches everything pending; prints and returns the progress.
    fn enrich(&self, label: &str) -> Result<enrich::Progress> {
        let last = std::cell::Cell::new(None);
        let start = Instant::now();
        enrich::run(&self.store, &|p| last.set(Some(*p)))?;
        let wall = start.elapsed();
        let p = last.get().context("no progress reported")?;
        let n = p.done.max(1) as f64;
        println!(
            "{label}: {} articles in {:.1} s ({:.0} articles/s); entities {:.1} s \
             ({:.2} ms/article), related {:.1} s ({:.2} ms/article)",
            p.done,
            wall.as_secs_f64(),
            n / wall.as_secs_f64().max(1e-9),
            p.entities.as_secs_f64(),
            p.entities.as_secs_f64() * 1e3 / n,
            p.related.as_secs_f64(),
            p.related.as_secs_f64() * 1e3 / n,
        );
        Ok(p)
    }

    /// Share of the articles (of a sample) whose event has other coverage
    /// that have some of it in their top 5.
    fn recall_at_5(&self, sample: usize) -> Result<(usize, f64)> {
        let mut with = Vec::new();
        for ids in self.members.values() {
            if ids.len() > 1 {
                with.extend(ids.iter().copied());
            }
        }
        with.sort_unstable();
        let step = (with.len() / sample.max(1)).max(1);
        let (mut n, mut hit) = (0usize, 0usize);
        for id in with.iter().step_by(step) {
            let Some(event) = self.event_of.get(id) else {
                continue;
            };
            n += 1;
            let top = self.store.related_of(*id, 5)?;
            if top.iter().any(|r| self.event_of.get(&r.id) == Some(event)) {
                hit += 1;
            }
        }
        Ok((n, hit as f64 / n.max(1) as f64))
    }

    /// Times `related_of` on `n` stored articles spread over the store.
    fn time_opens(&self, n: usize) -> Result<()> {
        let mut ids: Vec<ArticleId> = self.event_of.keys().copied().collect();
        ids.sort_unstable();
        let step = (ids.len() / n.max(1)).max(1);
        let mut times: Vec<Duration> = Vec::with_capacity(n);
        let mut listed = 0usize;
        for id in ids.iter().step_by(step) {
            let start = Instant::now();
            let list = self.store.related_of(*id, 10)?;
            self.store.cluster_of(*id)?;
            times.push(start.elapsed());
            listed += usize::from(!list.is_empty());
        }
        times.sort_unstable();
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1e3;
        println!(
            "related_of + cluster_of on {} articles ({} with a list) of {}: median {:.3} ms, \
             p99 {:.3} ms, max {:.3} ms",
            times.len(),
            listed,
            ids.len(),
            at(0.5),
            at(0.99),
            at(1.0),
        );
        Ok(())
    }
}

fn main() -> Result<()> {
    let o = parse_opts()?;
    let dir = tempfile_dir()?;
    let path = o.db.clone().unwrap_or_else(|| dir.join("bench.db"));
    let store = Store::open(&path)?;
    let mut gen_ = Generator::new(o.articles, o.per_day);
    let mut feeds = Vec::with_capacity(gen_.feeds);
    for f in 0..gen_.feeds {
        feeds.push(store.add_feed(
            &format!("https://feed{f}.example/rss.xml"),
            &FeedSettings::default(),
            &[],
        )?);
    }
    let mut b = Bench {
        store,
        feeds,
        event_of: HashMap::new(),
        members: HashMap::new(),
    };
    println!(
        "store {}: {} feeds, half Arabic; {} gazetteer names",
        path.display(),
        gen_.feeds,
        gen_.names.len()
    );
    let mut stored = 0usize;
    for (size, poll) in [(o.base, o.poll), (o.articles, o.poll)] {
        let start = Instant::now();
        let items = gen_.take(size.saturating_sub(stored));
        stored += items.len();
        b.store_items(items)?;
        println!(
            "stored {stored} articles ({:.1} s)",
            start.elapsed().as_secs_f64()
        );
        b.enrich(&format!("enrich {stored}"))?;
        let items = gen_.take(poll);
        stored += items.len();
        b.store_items(items)?;
        b.enrich(&format!("poll of new articles at {stored} stored"))?;
    }
    let (n, recall) = b.recall_at_5(2_000)?;
    println!("same-event recall@5 on {n} generated articles with other coverage: {recall:.3}");
    b.time_opens(o.opens)?;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("database size: {:.0} MB", size as f64 / 1_048_576.0);
    if o.db.is_none() {
        std::fs::remove_dir_all(&dir).ok();
    }
    Ok(())
}

/// A fresh directory under the system temp dir for the default database.
fn tempfile_dir() -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("akhbar-bench-related-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
