//! Per-article normalisation: mentions → one entity per real thing.
//! «بوتين», «فلاديمير بوتين» and «لبوتين» become one person shown as
//! «فلاديمير بوتين» with three mentions.

use super::Tagged;
use super::arabic::{FREE_PREPOSITIONS, after_prefixes, strip_article_clitic, strip_clitics};
use super::article;
use super::gazetteer::Gazetteer;
use super::hash::{FastMap, FastSet};
use super::institutions::{BANK_HEADS, INSTITUTION_HEADS, INTERNATIONAL_BODIES};
use super::latin::NAME_PARTICLES;
use super::tokenize::{is_arabic_char, is_hebrew_char};
use crate::model::{Entity, EntityKind};
use crate::text::fold::is_harakah;

/// One mention of a name in an article.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    folded: Vec<String>,
    surface: Vec<String>,
    kind: EntityKind,
    gaz_id: Option<String>,
    /// The folded short form written in brackets right after the name,
    /// or after «, known as», if any («Electoral Commission of Zambia
    /// (ECZ)», «PT Wijaya Karya, known as WIKA»): the short form alone
    /// later in the article is the same body.
    short_form: Option<String>,
    /// Whether the name comes right after another of its kind, its first
    /// word opened by «و» («بافاريا وبادن فورتمبيرغ»): that «و» joins the
    /// two, so it is a clitic even when the rest is known nowhere else.
    coordinated: bool,
    /// Whether the name comes right after a preposition written apart
    /// ([`FREE_PREPOSITIONS`]): its first word then carries no clitic,
    /// «في لوتي كيميكال» being Lotte Chemical, not «ل» + «وتي».
    after_preposition: bool,
}

/// The longest short form in brackets taken for a name's.
const SHORT_FORM_LETTERS: usize = 10;

/// Whether a token of letters only is written as a short form that
/// spells a name by its capitals: three capitals or more and two small
/// letters at most («FSNAU», «SoDMA»).
pub(super) fn is_spelt_short_form(token: &str) -> bool {
    token.chars().filter(|c| c.is_uppercase()).count() >= 3
        && token.chars().all(char::is_alphabetic)
        && token.chars().filter(|c| c.is_lowercase()).count() <= 2
}

/// Whether a token in brackets after a name of `kind`, of two words or
/// more (a one-word span before the brackets may be the last word of an
/// untagged name: «Socialists' Party of Catalonia (PSC)»), is that name's
/// short form: capitals («ECZ», «OIKN», «G20», «TOKİ», «ARPA-E»; three
/// or more with two small letters at most, «SoDMA») after anything but
/// a person, one capitalised word after «, known as» («the Chilean
/// Economic Development Agency, known as Corfo») or in brackets after an
/// organisation whose first letter it shares, when no span holds it as
/// another kind («Impala Platinum Holdings (Implats)»), or one Arabic
/// word after an Arabic organisation («(واس)», «(الأونروا)») that no span
/// holds as a person or place. A one-word organisation takes an
/// acronym of its own letters ([`is_one_word_acronym`]).
fn is_short_form(
    token: &str,
    kind: EntityKind,
    name: &str,
    known_as: bool,
    other_kind: Option<EntityKind>,
) -> bool {
    let arabic_name = name.chars().any(is_arabic_char);
    let letters = token.chars().count();
    if !(2..=SHORT_FORM_LETTERS).contains(&letters) || kind == EntityKind::Person {
        return false;
    }
    let capitals = (token
        .chars()
        .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
        && token.chars().filter(|c| c.is_uppercase()).count() >= 2)
        || is_spelt_short_form(token);
    let arabic_word = arabic_name
        && kind == EntityKind::Org
        && token.chars().all(is_arabic_char)
        && !matches!(other_kind, Some(EntityKind::Person | EntityKind::Place));
    let capitalised = token.chars().next().is_some_and(|c| c.is_uppercase())
        && token.chars().all(char::is_alphabetic);
    let called = known_as && capitalised;
    let clipped = kind == EntityKind::Org
        && capitalised
        && letters >= 4
        && token.chars().next() == name.chars().next()
        && matches!(other_kind, None | Some(EntityKind::Org));
    capitals || arabic_word || called || clipped
}

/// Whether `short`, in brackets after the one-word organisation `name`,
/// is its acronym: capitals opening with the name's first letter, the
/// name longer by three letters or more («KazMunayGas (KMG)»,
/// «Tengizchevroil (TCO)»).
fn is_one_word_acronym(name: &str, short: &str, kind: EntityKind) -> bool {
    kind == EntityKind::Org
        && short.len() >= 2
        && short.chars().all(|c| c.is_ascii_uppercase())
        && name.chars().next() == short.chars().next()
        && name.chars().count() >= short.len() + 3
}

fn is_punct_token(t: &str) -> bool {
    !t.chars().any(char::is_alphanumeric)
}

/// Appends the mentions of a tagged sentence, trimming punctuation at the
/// span edges.
pub(super) fn collect_mentions(t: &Tagged<'_>, gaz: &Gazetteer, out: &mut Vec<Mention>) {
    for (span, entry) in &t.spans {
        let (mut s, mut e) = (span.start, span.end);
        while s < e && is_punct_token(t.tokens[s]) {
            s += 1;
        }
        while e > s && is_punct_token(t.tokens[e - 1]) {
            e -= 1;
        }
        if s == e {
            continue;
        }
        let gaz_id = entry.and_then(|i| gaz.entry(i)).map(|en| en.id.clone());
        let at = match (t.tokens.get(e..e + 3), t.tokens.get(e..e + 4)) {
            (Some(["(", _, ")"]), _) => Some((e + 1, false)),
            (_, Some([",", "known", "as", _])) => Some((e + 3, true)),
            _ => None,
        };
        let short_form = at
            .filter(|&(k, _)| {
                e - s >= 2 || is_one_word_acronym(t.tokens[s], t.tokens[k], span.kind)
            })
            .and_then(|(k, known_as)| {
                let other_kind = t
                    .spans
                    .iter()
                    .find(|(o, _)| o.holds(k))
                    .map(|(o, _)| o.kind)
                    .filter(|&o| {
                        // A long Arabic body's bracketed word that is no
                        // given name is its short form, whatever the tagger
                        // made of it («… للتعاون الدولي (جايكا)»).
                        !(o == EntityKind::Person && e - s >= 3 && !t.infos[k].first_name)
                    });
                is_short_form(t.tokens[k], span.kind, t.tokens[s], known_as, other_kind)
                    .then(|| t.infos[k].folded.to_string())
            });
        // Right after a name of the same kind, or after one and a comma
        // in a list («وأحمد ماهر، وسميحة أيوب»).
        let list_comma = s > 0 && matches!(t.tokens[s - 1], "،" | ",");
        let coordinated = t.infos[s].folded.starts_with('و')
            && t.spans.iter().any(|(o, _)| {
                o.kind == span.kind && (o.end == s || (list_comma && o.end + 1 == s))
            });
        let after_preposition =
            s > 0 && FREE_PREPOSITIONS.contains(&t.infos[s - 1].folded.as_str());
        out.push(Mention {
            folded: t.infos[s..e].iter().map(|i| i.folded.to_string()).collect(),
            surface: t.tokens[s..e].iter().map(|x| x.to_string()).collect(),
            kind: span.kind,
            gaz_id,
            short_form,
            coordinated,
            after_preposition,
        });
    }
}

/// Drops `n` leading letters (not counting harakat) from a surface word,
/// turning a leading «لل» into «ال» when the folded form was rewritten so.
fn drop_letters(word: &str, n: usize, to_article: bool) -> String {
    let mut seen = 0;
    let mut cut = 0;
    for (i, c) in word.char_indices() {
        if seen == n {
            cut = i;
            break;
        }
        if !is_harakah(c) {
            seen += 1;
        }
        cut = i + c.len_utf8();
    }
    let rest = &word[cut..];
    match rest.strip_prefix("لل") {
        Some(r) if to_article => format!("ال{r}"),
        _ => rest.to_string(),
    }
}

fn kind_prefix(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "per",
        EntityKind::Place => "loc",
        EntityKind::Org => "org",
        EntityKind::Misc => "misc",
    }
}

/// The key of a name no gazetteer lists: its kind and folded words. An
/// English ministry named by its portfolio before «Ministry» has the key
/// of «Ministry of» and the portfolio: «Oil Ministry» and «Ministry of
/// Oil» are one body.
fn unlisted_key(kind: EntityKind, folded: &[String]) -> String {
    if kind == EntityKind::Org
        && let [portfolio @ .., last] = folded
        && last == "ministry"
        && !portfolio.is_empty()
        && portfolio
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '-') && w != "of")
    {
        return format!("{}:ministry of {}", kind_prefix(kind), portfolio.join(" "));
    }
    format!("{}:{}", kind_prefix(kind), folded.join(" "))
}

struct Group {
    key: String,
    kind: EntityKind,
    folded: Vec<String>,
    display: String,
    count: u32,
    gaz: bool,
    /// Whether the name is a club's one word that is also an ordinary
    /// word («الاتحاد»), not tagged as a person: inside a longer name it
    /// is the word, so the group stays apart («الاتحاد السعودي لكرة
    /// القدم»); a person «الحسين» is still «الحسين بن طلال».
    ordinary_word: bool,
    first: usize,
}

impl Group {
    /// Whether the name opens with a Latin letter (an English or other
    /// Latin-script name, which the Latin rules of the merge apply to).
    fn opens_latin(&self) -> bool {
        self.folded
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
    }
}

/// Whether `short` is a run of `long`'s words; with `not_after_bin`,
/// not a run right after «بن» or «bin».
fn contains_seq(long: &[String], short: &[String], not_after_bin: bool) -> bool {
    !short.is_empty()
        && short.len() < long.len()
        && long.windows(short.len()).enumerate().any(|(k, w)| {
            w == short
                && !(not_after_bin
                    && k > 0
                    && super::person_names::PATRONYMICS.contains(&long[k - 1].as_str()))
        })
}

/// Whether `short`, of three words or more, is `long` with one word
/// inside it left out: a body's name is shortened in its middle
/// («المفوضية العليا للانتخابات» for «المفوضية الوطنية العليا
/// للانتخابات»), never at its head or its last word. When the word left
/// out is the head's adjective, the head loses its article with it
/// («هيئة الطيران المدني» for «الهيئة العامة للطيران المدني»).
fn one_word_dropped(long: &[String], short: &[String]) -> bool {
    let head = |k: usize| {
        long[..k] == short[..k] || (k == 1 && long[0].strip_prefix("ال") == Some(short[0].as_str()))
    };
    short.len() >= 3
        && long.len() == short.len() + 1
        && (1..long.len() - 1).any(|k| head(k) && long[k + 1..] == short[k..])
}

/// Whether `short` is a head noun and the last word of `long`, whose
/// head took the article with the adjectives between that `short`
/// leaves out: «اتحاد الشغل» for «الاتحاد العام التونسي للشغل», «هيئة
/// الانتخابات» for «الهيئة العليا المستقلة للانتخابات».
fn adjectives_dropped(long: &[String], short: &[String]) -> bool {
    matches!((long, short), ([head, middle @ .., last], [short_head, short_last])
        if (1..=2).contains(&middle.len())
            && head.strip_prefix("ال") == Some(short_head.as_str())
            && last == short_last
            && middle.iter().all(|w| w.starts_with("ال")))
}

/// Whether `short` is a definite head and one adjective of `long`,
/// which opens with that head and names the adjective after other
/// definite words: «الجامعة المغربية» for «الجامعة الملكية المغربية لكرة
/// القدم».
fn inner_adjectives_dropped(long: &[String], short: &[String]) -> bool {
    matches!(short, [head, adjective]
    if head.starts_with("ال")
        && adjective.starts_with("ال")
        && long.first() == Some(head)
        && (2..long.len()).any(|k| {
            long[k] == *adjective && long[1..k].iter().all(|w| w.starts_with("ال"))
        }))
}

/// Whether `short` names an English ministry or department by its
/// portfolio before the head and `long` by the head, «of» and the same
/// portfolio first: «Finance Ministry» for «Ministry of Finance and
/// Public Credit», «Commerce Department» for «US Department of
/// Commerce».
fn portfolio_first(long: &[String], short: &[String]) -> bool {
    matches!(short, [portfolio, head]
        if ["ministry", "department"].contains(&head.as_str())
            && long.windows(3).any(|w| w[0] == *head && w[1] == "of" && w[2] == *portfolio))
}

/// A name's words joined by spaces, but for an English possessive (a
/// plural's bare apostrophe too) and a comma, which the tokenizer splits
/// off («People 's Party» is «People's Party», «Metalworkers ' Union»
/// «Metalworkers' Union», «Zakat , Tax and Customs Authority» «Zakat, Tax
/// …»).
fn join_words(words: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    for w in words {
        let attached = ["'s", "’s", "'", "’", ",", "،"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a));
        if !out.is_empty() && !attached {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// Normalises and merges the mentions of one article.
pub(super) fn merge(mut mentions: Vec<Mention>, gaz: &Gazetteer) -> Vec<Entity> {
    let mut known: FastSet<String> = FastSet::default();
    for m in &mentions {
        known.extend(m.folded.iter().skip(1).cloned());
    }
    let firsts: Vec<String> = mentions
        .iter()
        .filter_map(|m| m.folded.first().cloned())
        .collect();
    let bare_firsts: FastSet<String> = mentions
        .iter()
        .filter(|m| m.after_preposition)
        .filter_map(|m| m.folded.first().cloned())
        .collect();
    let is_known = |x: &str| {
        known.contains(x)
            || firsts.iter().any(|f| f == x)
            || gaz.is_name_token(x)
            || gaz.starts_name(x)
            || gaz.is_first_name(x)
            || article::opens_body_name(x)
            || article::is_division_noun(x)
            || super::sports::opens_tournament_name(x)
    };
    for m in &mut mentions {
        let (Some(first), Some(surf)) = (m.folded.first().cloned(), m.surface.first().cloned())
        else {
            continue;
        };
        if first.chars().any(is_hebrew_char) {
            if let Some(k) = gaz.hebrew_prefix_len(&first, m.folded.len() > 1) {
                m.surface[0] = surf.chars().skip(k).collect();
                m.folded[0] = first.chars().skip(k).collect();
            }
            continue;
        }
        if !first.chars().any(is_arabic_char) {
            continue;
        }
        for t in m.folded.iter_mut().skip(1) {
            *t = strip_article_clitic(t).into_owned();
        }
        let several = m.folded.len() > 1;
        let own_minor = |x: &str| {
            m.kind == EntityKind::Place && m.gaz_id.is_some() && gaz.starts_minor_name(x, several)
        };
        if (m.kind == EntityKind::Person && gaz.is_first_name(&first))
            || article::is_division_noun(&first)
        {
            continue;
        }
        let forms = || std::iter::once(first.as_str()).chain(after_prefixes(&first));
        let listed_rest = m.gaz_id.as_deref().and_then(|id| {
            forms().find(|r| {
                if several {
                    gaz.starts_name_of(r, id)
                } else {
                    gaz.is_bare_name_of(r, id)
                }
            })
        });
        // A first word seen after a preposition is the name's own; the
        // same word with clitics elsewhere loses those clitics only.
        let own_rest = listed_rest.or_else(|| forms().find(|r| bare_firsts.contains(*r)));
        if let Some(rest) = own_rest {
            if rest != first {
                let dropped = first.chars().count() - rest.chars().count();
                m.surface[0] = drop_letters(&surf, dropped, false);
                m.folded[0] = rest.to_string();
            }
            continue;
        }
        // «و» before «ا», «و» or «ي» is more often a foreign name's «W»
        // («واشنطن», «وولفويتز», «ويلسون») than «and» before a name.
        let w_sound = matches!(surf.chars().nth(1), Some('ا' | 'و' | 'ي'));
        let listed_whole =
            || gaz.is_name_token(&first) || gaz.starts_name(&first) || gaz.is_first_name(&first);
        let coordinated = |x: &str| {
            m.coordinated && !w_sound && first.strip_prefix('و') == Some(x) && !listed_whole()
        };
        let mut stripped = strip_clitics(&first, &|x: &str| {
            is_known(x)
                || own_minor(x)
                || coordinated(x)
                || gaz.opens_listed_name(x, m.folded[1..].iter().map(String::as_str))
        });
        // A listed name of two letters opened by «و» («وذي قار»), which
        // `strip_clitics` leaves for its rule of three letters.
        if stripped == first
            && several
            && m.gaz_id.is_some()
            && let Some(rest) = first.strip_prefix('و').filter(|r| {
                r.chars().count() == 2 && (gaz.starts_name(r) || gaz.starts_minor_name(r, true))
            })
        {
            stripped = rest.to_string();
        }
        if stripped != first {
            let dropped = first
                .chars()
                .count()
                .saturating_sub(stripped.chars().count());
            m.surface[0] = drop_letters(&surf, dropped, stripped.starts_with("ال"));
            m.folded[0] = stripped;
        }
    }
    settle_namesakes(&mut mentions);
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: FastMap<String, usize> = FastMap::default();
    let mut short_forms: Vec<(String, String)> = Vec::new();
    for (n, m) in mentions.into_iter().enumerate() {
        let key = m
            .gaz_id
            .clone()
            .unwrap_or_else(|| unlisted_key(m.kind, &m.folded));
        if let Some(short) = m.short_form {
            short_forms.push((short, key.clone()));
        }
        let display = if m.kind == EntityKind::Place {
            unshout(&m.surface)
        } else {
            join_words(m.surface.iter().cloned())
        };
        match by_key.get(&key) {
            Some(&g) => {
                let g = &mut groups[g];
                g.count += 1;
                if display.chars().count() > g.display.chars().count() {
                    g.display = display;
                    g.folded = m.folded;
                }
            }
            None => {
                let ordinary_word = m.kind != EntityKind::Person
                    && matches!(&m.folded[..], [w] if gaz.sports_club(w).is_some());
                by_key.insert(key.clone(), groups.len());
                groups.push(Group {
                    key,
                    kind: m.kind,
                    folded: m.folded,
                    display,
                    count: 1,
                    gaz: m.gaz_id.is_some(),
                    ordinary_word,
                    first: n,
                });
            }
        }
    }
    merge_short_forms(&mut groups, &short_forms);
    merge_acronyms(&mut groups);
    merge_same_names(&mut groups);
    merge_kinds_of_one_name(&mut groups);
    merge_parts(&mut groups, gaz);
    merge_misc_surnames(&mut groups);
    merge_company_short_names(&mut groups, gaz);
    merge_surnames_listed_as_companies(&mut groups);
    merge_guessed_places(&mut groups, gaz);
    merge_federation_short_names(&mut groups, gaz);
    groups.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));
    groups
        .into_iter()
        .map(|g| Entity {
            key: g.key,
            display: g.display,
            kind: g.kind,
            count: g.count,
        })
        .collect()
}

/// Places that share their folded Arabic name («عمان»), as (the place
/// the gazetteer gives the bare name, its namesake, the country that
/// keeps the bare name for the first): Amman and Oman.
const NAMESAKE_PLACES: [(&str, &str, &str); 1] = [("loc:amman", "loc:oman", "loc:jordan")];

/// Gives a bare namesake's mentions to the other place where the article
/// says which it means: «عمان» is Oman in an article that also names
/// «سلطنة عمان» and not Jordan, or where it is written «عُمان»; it
/// stays Amman where written «عمّان».
fn settle_namesakes(mentions: &mut [Mention]) {
    for (listed, namesake, country) in NAMESAKE_PLACES {
        let named = |id: &str| mentions.iter().any(|m| m.gaz_id.as_deref() == Some(id));
        let by_article = named(namesake) && !named(country);
        for m in mentions.iter_mut() {
            let bare = m.folded.len() == 1 && m.gaz_id.as_deref() == Some(listed);
            let marks = |c: char| m.surface[0].contains(c);
            if bare && !marks('\u{651}') && (by_article || marks('\u{64f}')) {
                m.gaz_id = Some(namesake.to_string());
            }
        }
    }
}

/// A place in a dateline is written in capitals («SHANGHAI —», «ANN
/// ARBOR»); the pane shows it as the name is written («Shanghai», «Ann
/// Arbor», «Rio de Janeiro»). Names of five letters or more only, so
/// that acronyms («UAE», «USA») stay.
fn unshout(words: &[String]) -> String {
    let shouted = words.iter().map(String::len).sum::<usize>() >= 5
        && words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase()));
    if !shouted {
        return join_words(words.iter().cloned());
    }
    join_words(words.iter().enumerate().map(|(k, w)| {
        let mut out = w.to_ascii_lowercase();
        if k == 0 || !NAME_PARTICLES.contains(&out.as_str()) {
            out[..1].make_ascii_uppercase();
        }
        out
    }))
}

/// Folds the group of each short form (folded) into the group of the
/// name (by key) it was written after in brackets: «ECZ» and
/// «Electoral Commission of Zambia» are one row of the pane, whatever
/// kind the tagger gave the short form alone, unless the gazetteer knows
/// the short form as a thing of another kind («Hal Ashby (USA)», a film's
/// director and his country). A name the tagger called
/// misc takes the kind of its short form («European Centre for Disease
/// Prevention and Control (ECDC)», then «the ECDC said»: an organisation).
fn merge_short_forms(groups: &mut Vec<Group>, short_forms: &[(String, String)]) {
    for (short, key) in short_forms {
        let mut long_key = key.clone();
        while let Some(j) = groups.iter().position(|g| g.key == long_key)
            && let Some(i) = groups.iter().position(|g| {
                matches!(&g.folded[..], [w] if w == short)
                    && g.key != long_key
                    && !(g.gaz && g.kind != groups[j].kind)
            })
        {
            let short_kind = groups[i].kind;
            let long = &mut groups[j];
            if long.kind == EntityKind::Misc && short_kind != EntityKind::Misc && !long.gaz {
                long.kind = short_kind;
                long.key = unlisted_key(short_kind, &long.folded);
                long_key.clone_from(&long.key);
            }
            fold_into(groups, i, j);
        }
    }
}

/// The fewest letters of an acronym [`merge_acronyms`] takes: two
/// capitals match too many names by chance.
const MIN_ACRONYM_LETTERS: usize = 3;

/// The initials of a Latin-script name's capitalised words and of each
/// part of a hyphenated one, in capitals: «Anti-Doping Agency of Kenya»
/// gives «ADAK»; lower-case words («of», «the») give none.
fn initials(display: &str) -> String {
    display
        .split_whitespace()
        .flat_map(|w| w.split('-'))
        .filter_map(|part| part.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// Folds an acronym in capitals that no brackets introduced into the one
/// organisation of the article whose initials it spells: «the AIU» after
/// «the Athletics Integrity Unit», «ADAK» after «the Anti-Doping Agency
/// of Kenya», whatever the tagger or the gazetteer made of it alone
/// (GeoNames lists an Adak, Alaska); news writes the short form without
/// brackets once the name was given. The organisation keeps its key.
fn merge_acronyms(groups: &mut Vec<Group>) {
    let mut i = 0;
    while i < groups.len() {
        let short = &groups[i].display;
        let is_acronym = short.chars().count() >= MIN_ACRONYM_LETTERS
            && short.chars().all(|c| c.is_ascii_uppercase());
        let mut spelt = groups.iter().enumerate().filter(|(j, g)| {
            *j != i
                && is_acronym
                && g.kind == EntityKind::Org
                && g.display.contains(' ')
                && initials(&g.display) == *short
        });
        match (spelt.next(), spelt.next()) {
            (Some((j, _)), None) => {
                absorb(groups, i, j);
            }
            _ => i += 1,
        }
    }
}

/// Folds a listed organisation of one word into a person named before it
/// in the article whose name ends in that word: once the article has
/// named «ليندسي سيمنز», «سيمنز» alone is her, not Siemens. The person
/// keeps its key. An organisation named first stays («إيني», then the
/// tagger's person «أيوك إيني» for Eni's Egyptian arm IEOC).
fn merge_surnames_listed_as_companies(groups: &mut Vec<Group>) {
    let mut i = 0;
    while i < groups.len() {
        let short = &groups[i];
        let person = match &short.folded[..] {
            [w] if short.kind == EntityKind::Org && short.gaz => groups.iter().position(|g| {
                g.kind == EntityKind::Person
                    && g.folded.len() >= 2
                    && g.folded.last() == Some(w)
                    && g.first < short.first
            }),
            _ => None,
        };
        match person {
            Some(j) => {
                absorb(groups, i, j);
            }
            None => i += 1,
        }
    }
}

/// Folds a group with no gazetteer id into the group of the same kind
/// and the same words that has one: the tagger's «الوداد» in a sentence
/// the club rule did not read and the «الوداد» it named `org:wydad` are
/// one club, not two rows of the pane.
fn merge_same_names(groups: &mut Vec<Group>) {
    let mut i = 0;
    while i < groups.len() {
        let (kind, folded) = (groups[i].kind, &groups[i].folded);
        let twin = groups
            .iter()
            .position(|g| g.gaz && g.kind == kind && &g.folded == folded);
        match twin {
            Some(j) if !groups[i].gaz => fold_into(groups, i, j),
            _ => i += 1,
        }
    }
}

/// Which of two groups of the same Latin-script words, of different
/// kinds, is kept as the one name's: not a misc, then not a person the
/// article names by no longer name (news introduces a person by the
/// whole name and goes on with the surname, so a person «Sacyr» or «Mi
/// Teleferico» that no longer name holds is the tagger's guess), then
/// the more often tagged kind, then a place (a name after «in» or «from»
/// that a sentence called something else), then the first.
fn kind_rank(g: &Group, groups: &[Group]) -> (bool, bool, u32, bool, std::cmp::Reverse<usize>) {
    let guessed_person = g.kind == EntityKind::Person
        && !groups
            .iter()
            .any(|o| o.kind == EntityKind::Person && contains_seq(&o.folded, &g.folded, false));
    (
        g.kind != EntityKind::Misc,
        !guessed_person,
        g.count,
        g.kind == EntityKind::Place,
        std::cmp::Reverse(g.first),
    )
}

/// Folds groups of no gazetteer id whose Latin-script words are the same
/// but whose kinds differ into one: a name in one article names one
/// thing, and the tagger, reading each sentence alone, calls «Airtel» a
/// person in one and an organisation in the next. The kind is chosen by
/// [`kind_rank`].
fn merge_kinds_of_one_name(groups: &mut Vec<Group>) {
    let latin = |g: &Group| {
        !g.gaz
            && g.folded
                .first()
                .is_some_and(|w| !w.chars().any(|c| is_arabic_char(c) || is_hebrew_char(c)))
    };
    loop {
        let pair = groups
            .iter()
            .enumerate()
            .filter(|(_, a)| latin(a))
            .find_map(|(i, a)| {
                let j = groups.iter().enumerate().position(|(j, b)| {
                    j != i && a.kind != b.kind && a.folded == b.folded && latin(b)
                })?;
                Some(
                    if kind_rank(&groups[i], groups) >= kind_rank(&groups[j], groups) {
                        (j, i)
                    } else {
                        (i, j)
                    },
                )
            });
        let Some((i, j)) = pair else {
            return;
        };
        fold_into(groups, i, j);
    }
}

/// Removes group `i` and adds its mentions to group `j`, which keeps its
/// key; returns the removed group and where `j` now stands.
fn absorb(groups: &mut Vec<Group>, i: usize, j: usize) -> (Group, usize) {
    let short = groups.remove(i);
    let j = if j > i { j - 1 } else { j };
    groups[j].count += short.count;
    groups[j].first = groups[j].first.min(short.first);
    (short, j)
}

/// Removes group `i` and adds its mentions to group `j`, which takes its
/// gazetteer id when it has none.
fn fold_into(groups: &mut Vec<Group>, i: usize, j: usize) {
    let (short, j) = absorb(groups, i, j);
    let long = &mut groups[j];
    if short.gaz && !long.gaz {
        long.key = short.key;
        long.gaz = true;
    }
}

/// Whether `long` is a body of its own named with `short`, a listed
/// name inside it that it does not open with: a body of an
/// international organisation («مفوضية الأمم المتحدة لشؤون اللاجئين» is
/// not the UN) or a bank named with one word («البنك الأهلي التجاري» is
/// not Al Ahly's club), or any Latin-script body («Federal Office of
/// Bundeswehr Equipment» is not the Bundeswehr). Other Arabic heads name
/// the same thing («نادي برشلونة», «منظمة هيومن رايتس ووتش»).
fn body_of_its_own(long: &Group, short: &Group) -> bool {
    let bank = long
        .folded
        .first()
        .is_some_and(|head| BANK_HEADS.contains(&head.as_str()));
    let latin_org = short.kind == EntityKind::Org && short.opens_latin();
    !long.folded.starts_with(&short.folded)
        && (INTERNATIONAL_BODIES.contains(&short.key.as_str())
            || (bank && short.folded.len() == 1)
            || latin_org)
}

/// Folds a group whose name is part of a longer name of the same kind
/// («بوتين» in «فلاديمير بوتين», «Samsung» in «Samsung Electronics»), or
/// an organisation's name with one inner word left out
/// ([`one_word_dropped`]) or its head's adjectives
/// ([`adjectives_dropped`], [`inner_adjectives_dropped`]), or an English
/// ministry named by its portfolio first ([`portfolio_first`]), into the longer one; a gazetteer id on either side becomes the key. A known
/// place inside a longer place name is another place: «Shanghai» stays
/// apart from «Port of Shanghai», «القاهرة» from «ستاد القاهرة الدولي»;
/// so is a club named by an ordinary word inside a longer name, and a
/// body named with a listed one inside is another body
/// ([`body_of_its_own`]); so is a
/// father named in his son's name after «بن»: «سلمان بن عبد العزيز» in
/// «محمد بن سلمان بن عبد العزيز», or a given name alone («محمد» in «هاني
/// بن محمد أبوراس»); one word that is no given name is the family's name
/// the person goes by («الذيب» of «محمد بن الذيب», «تيمية»).
fn merge_parts(groups: &mut Vec<Group>, gaz: &Gazetteer) {
    loop {
        let mut found = None;
        'outer: for (i, short) in groups.iter().enumerate() {
            let father = short.kind == EntityKind::Person
                && match &short.folded[..] {
                    [w] => gaz.is_first_name(w),
                    _ => true,
                };
            let mut best: Option<usize> = None;
            for (j, long) in groups.iter().enumerate() {
                if i != j
                    && long.kind == short.kind
                    && !(long.gaz && short.gaz)
                    && !(short.gaz && short.kind == EntityKind::Place)
                    && !(short.gaz && body_of_its_own(long, short))
                    && (!short.ordinary_word
                        || (short.kind == EntityKind::Org
                            && is_club_described(&long.folded, &short.folded)))
                    && (contains_seq(&long.folded, &short.folded, father)
                        || (short.kind == EntityKind::Org
                            && (one_word_dropped(&long.folded, &short.folded)
                                || adjectives_dropped(&long.folded, &short.folded)
                                || inner_adjectives_dropped(&long.folded, &short.folded)
                                || portfolio_first(&long.folded, &short.folded))))
                {
                    if best.is_some_and(|b| groups[b].count >= long.count) {
                        continue;
                    }
                    best = Some(j);
                }
            }
            if let Some(j) = best {
                found = Some((i, j));
                break 'outer;
            }
        }
        let Some((i, j)) = found else {
            return;
        };
        fold_into(groups, i, j);
    }
}

/// Folds a misc name of one or two words and no gazetteer id into the
/// one person of the article whose longer name ends with it: news goes
/// on with the surname, and the tagger, seeing «Seitkali said» or «Van
/// Dam said» alone, may call it misc.
fn merge_misc_surnames(groups: &mut Vec<Group>) {
    let mut i = 0;
    while i < groups.len() {
        let g = &groups[i];
        let surname = (g.kind == EntityKind::Misc
            && !g.gaz
            && !g.ordinary_word
            && (1..=2).contains(&g.folded.len()))
        .then_some(&g.folded);
        let mut named = groups.iter().enumerate().filter(|(_, p)| {
            p.kind == EntityKind::Person
                && surname.is_some_and(|w| p.folded.len() > w.len() && p.folded.ends_with(w))
        });
        match (surname.and(named.next()), named.next()) {
            (Some((j, _)), None) => fold_into(groups, i, j),
            _ => i += 1,
        }
    }
}

/// Folds the short names of a sports federation into its full name,
/// «الاتحاد … لكرة X»: «اتحاد X» with the same game («اتحاد اليد» of
/// «الاتحاد المصري لكرة اليد»), and «الاتحاد» alone, which the gazetteer
/// gives Al-Ittihad's club, where the article names such a federation
/// and no other body opened by «الاتحاد» nor another club named by an
/// ordinary word (`Gazetteer::sports_club`: «الهلال», «النصر»; then
/// «الاتحاد» may be the club): it is the federation the article names
/// most (first, on a tie). The full name keeps its key:
/// the club's id is not the federation's.
fn merge_federation_short_names(groups: &mut Vec<Group>, gaz: &Gazetteer) {
    let game_of = |g: &Group| match &g.folded[..] {
        [head, .., ball, game] if head == "الاتحاد" && ball == "لكره" => {
            Some(game.clone())
        }
        _ => None,
    };
    let federations: Vec<usize> = (0..groups.len())
        .filter(|&j| groups[j].kind == EntityKind::Org && game_of(&groups[j]).is_some())
        .collect();
    let mut i = 0;
    while i < groups.len() {
        let short = &groups[i];
        let target = match &short.folded[..] {
            [head, game] if head == "اتحاد" && short.kind == EntityKind::Org => groups
                .iter()
                .position(|g| g.kind == EntityKind::Org && game_of(g).as_ref() == Some(game)),
            [word] if word == "الاتحاد" && short.kind == EntityKind::Org => {
                let other_bodies = groups.iter().enumerate().any(|(j, g)| {
                    j != i
                        && g.kind == EntityKind::Org
                        && g.folded.first().is_some_and(|w| w == "الاتحاد")
                        && !federations.contains(&j)
                });
                let clubs = groups.iter().enumerate().any(|(j, g)| {
                    j != i && matches!(&g.folded[..], [w] if gaz.sports_club(w).is_some())
                });
                let main = federations.iter().copied().max_by(|&a, &b| {
                    groups[a]
                        .count
                        .cmp(&groups[b].count)
                        .then(groups[b].first.cmp(&groups[a].first))
                });
                main.filter(|_| !other_bodies && !clubs)
            }
            _ => None,
        };
        match target {
            Some(j) if j != i => {
                absorb(groups, i, j);
                return merge_federation_short_names(groups, gaz);
            }
            _ => i += 1,
        }
    }
}

/// Folded English words that make an organisation's name a town's body
/// («Kericho County Government»): the town named alone stays a place.
const TOWN_BODY_WORDS: [&str; 8] = [
    "county",
    "city",
    "municipal",
    "government",
    "province",
    "provincial",
    "state",
    "district",
];

/// Folds a Latin-script one-word place the gazetteer does not list
/// (the tagger's guess) into the person or organisation of the same
/// article that the word names: the last or first word of a longer
/// person's name («Saraiva» after «Rodrigo Mendes Saraiva»), or the
/// first word of an organisation's name that is no institution's and no
/// town's body ([`TOWN_BODY_WORDS`]): «Vasco» of «Vasco da Gama».
fn merge_guessed_places(groups: &mut Vec<Group>, gaz: &Gazetteer) {
    let mut i = 0;
    while i < groups.len() {
        let short = &groups[i];
        let word = match &short.folded[..] {
            [w] if short.kind == EntityKind::Place
                && !short.gaz
                && short.opens_latin()
                && !gaz.is_name_token(w) =>
            {
                w
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let named = groups.iter().position(|g| match g.kind {
            EntityKind::Person => {
                g.folded.len() >= 2
                    && (g.folded.last() == Some(word) || g.folded.first() == Some(word))
            }
            EntityKind::Org => {
                g.folded.len() >= 2
                    && g.folded.first() == Some(word)
                    && !g
                        .folded
                        .last()
                        .is_some_and(|w| article::ends_english_institution(w))
                    && !g
                        .folded
                        .iter()
                        .any(|w| TOWN_BODY_WORDS.contains(&w.as_str()))
            }
            _ => false,
        });
        match named {
            Some(j) => {
                groups[i].kind = groups[j].kind;
                fold_into(groups, i, j);
            }
            None => i += 1,
        }
    }
}

/// Folds a person or misc name, of no gazetteer and opened by no given
/// name, into an organisation of the same article whose short name it
/// is: the tagger takes a company's short name for a surname or a
/// product. In Latin script, a run of the organisation's words
/// («Kessington said …» after «Kessington Pharmaceuticals Ltd», «Andino
/// Express» of «Transportes Andino Express S.A.C.»); in Arabic, one word
/// that follows an institution's head noun in the organisation's name
/// («كوفكو» after «مجموعة كوفكو»), where a longer run may be a person the
/// body is named after («جامعة الملك سعود»), or all the words after a
/// company's noun («سيدار الحجار» of «شركة سيدار الحجار»). Places stay apart: a town
/// often names a body («Kericho» and «Kericho County Government»).
fn merge_company_short_names(groups: &mut Vec<Group>, gaz: &Gazetteer) {
    let mut i = 0;
    while i < groups.len() {
        let short = &groups[i];
        let latin = short.opens_latin();
        let candidate = matches!(short.kind, EntityKind::Person | EntityKind::Misc)
            && !short.gaz
            && !short.folded.first().is_some_and(|w| gaz.is_first_name(w));
        let org = if !candidate {
            None
        } else if latin {
            groups.iter().position(|g| {
                g.kind == EntityKind::Org && contains_seq(&g.folded, &short.folded, false)
            })
        } else if let [word] = &short.folded[..] {
            groups.iter().position(|g| {
                g.kind == EntityKind::Org
                    && matches!(&g.folded[..], [head, name, ..]
                        if name == word && INSTITUTION_HEADS.contains(&head.as_str()))
            })
        } else {
            groups.iter().position(|g| {
                g.kind == EntityKind::Org
                    && matches!(&g.folded[..], [head, rest @ ..]
                        if rest == &short.folded[..]
                            && article::COMPANY_HEADS.contains(&head.as_str()))
            })
        };
        match org {
            Some(j) => {
                groups[i].kind = EntityKind::Org;
                fold_into(groups, i, j);
            }
            None => i += 1,
        }
    }
}

/// Whether a longer name is a club's one word and adjectives only, after
/// «نادي» or not («الرجاء» in «الرجاء الرياضي», «الوداد» in «الوداد
/// البيضاوي» and «نادي الوداد الرياضي»): the club's full name, not a
/// longer name holding the word («الاتحاد» in «الاتحاد السعودي لكرة
/// القدم»).
fn is_club_described(long: &[String], short: &[String]) -> bool {
    let long = match long.split_first() {
        Some((noun, rest)) if super::sports::CLUB_NOUNS.contains(&noun.as_str()) => rest,
        _ => long,
    };
    matches!(long.split_first(), Some((first, rest))
        if short == std::slice::from_ref(first)
            && rest.iter().all(|w| super::arabic::is_definite_adjective(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(words: &[&str], kind: EntityKind, gaz_id: Option<&str>) -> Mention {
        Mention {
            folded: words.iter().map(|w| crate::text::fold::fold(w)).collect(),
            surface: words.iter().map(|w| w.to_string()).collect(),
            kind,
            gaz_id: gaz_id.map(str::to_string),
            short_form: None,
            coordinated: false,
            after_preposition: false,
        }
    }

    #[test]
    fn one_latin_name_tagged_with_two_kinds_is_one_entity() {
        let g = Gazetteer::builtin();
        let (p, o, l, m) = (
            EntityKind::Person,
            EntityKind::Org,
            EntityKind::Place,
            EntityKind::Misc,
        );
        let out = merge(
            vec![
                mention(&["Airtel"], p, None),
                mention(&["Airtel"], p, None),
                mention(&["Airtel"], o, None),
                mention(&["Turkana"], p, None),
                mention(&["Turkana"], l, None),
                mention(&["Nupco"], m, None),
                mention(&["Nupco"], o, None),
                mention(&["Grace", "Wanjiru"], p, None),
                mention(&["Wanjiru"], p, None),
                mention(&["Wanjiru"], o, None),
            ],
            &g,
        );
        let rows: Vec<(&str, EntityKind, u32)> = out
            .iter()
            .map(|e| (e.display.as_str(), e.kind, e.count))
            .collect();
        assert_eq!(
            rows,
            [
                ("Airtel", o, 3),
                ("Grace Wanjiru", p, 3),
                ("Turkana", l, 2),
                ("Nupco", o, 2)
            ],
            "{out:?}"
        );
    }

    #[test]
    fn a_short_form_in_brackets_joins_the_name_before_it() {
        let g = Gazetteer::builtin();
        let o = EntityKind::Org;
        let mut long = mention(&["Electoral", "Commission", "of", "Zambia"], o, None);
        long.short_form = Some("ecz".to_string());
        let out = merge(
            vec![
                long,
                mention(&["ECZ"], o, None),
                mention(&["ECZ"], EntityKind::Person, None),
                mention(&["IATA"], o, None),
            ],
            &g,
        );
        let rows: Vec<(&str, u32)> = out.iter().map(|e| (e.display.as_str(), e.count)).collect();
        assert_eq!(
            rows,
            [("Electoral Commission of Zambia", 3), ("IATA", 1)],
            "{out:?}"
        );
    }

    #[test]
    fn an_acronym_without_brackets_joins_the_organisation_it_spells() {
        let g = Gazetteer::builtin();
        let o = EntityKind::Org;
        let out = merge(
            vec![
                mention(&["Anti-Doping", "Agency", "of", "Kenya"], o, None),
                mention(&["Athletics", "Integrity", "Unit"], o, None),
                mention(&["Africa", "Integrity", "Union"], o, None),
                mention(&["ADAK"], EntityKind::Place, Some("loc:adak")),
                mention(&["AIU"], o, None),
                mention(&["AK"], o, None),
            ],
            &g,
        );
        let rows: Vec<(&str, &str, u32)> = out
            .iter()
            .map(|e| (e.display.as_str(), e.key.as_str(), e.count))
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "Anti-Doping Agency of Kenya",
                    "org:anti-doping agency of kenya",
                    2
                ),
                (
                    "Athletics Integrity Unit",
                    "org:athletics integrity unit",
                    1
                ),
                ("Africa Integrity Union", "org:africa integrity union", 1),
                ("AIU", "org:aiu", 1),
                ("AK", "org:ak", 1),
            ],
            "two names spell «AIU», so it stays; «AK» is too short: {out:?}"
        );
    }

    #[test]
    fn a_surname_listed_as_a_company_is_the_person_named_before_it() {
        let g = Gazetteer::builtin();
        let (p, o) = (EntityKind::Person, EntityKind::Org);
        let rows = |mentions: Vec<Mention>| -> Vec<(String, EntityKind, u32)> {
            merge(mentions, &g)
                .into_iter()
                .map(|e| (e.display, e.kind, e.count))
                .collect()
        };
        let person_first = rows(vec![
            mention(&["ليندسي", "سيمنز"], p, None),
            mention(&["سيمنز"], o, Some("org:siemens")),
        ]);
        assert_eq!(person_first, [("ليندسي سيمنز".to_string(), p, 2)]);
        let company_first = rows(vec![
            mention(&["إيني"], o, Some("org:eni")),
            mention(&["أيوك", "إيني"], p, None),
        ]);
        assert_eq!(company_first.len(), 2, "{company_first:?}");
    }

    #[test]
    fn places_in_capitals_are_shown_as_written_but_acronyms_stay() {
        let g = Gazetteer::builtin();
        let l = EntityKind::Place;
        let out = merge(
            vec![
                mention(&["SHANGHAI"], l, Some("loc:shanghai")),
                mention(&["UAE"], l, Some("loc:uae")),
                mention(&["Shanghai"], l, Some("loc:shanghai")),
            ],
            &g,
        );
        let shown: Vec<(&str, u32)> = out.iter().map(|e| (e.display.as_str(), e.count)).collect();
        assert_eq!(shown, [("Shanghai", 2), ("UAE", 1)]);
    }

    #[test]
    fn surname_and_clitic_forms_join_the_full_name() {
        let g = Gazetteer::builtin();
        let p = EntityKind::Person;
        let out = merge(
            vec![
                mention(&["بوتين"], p, Some("per:putin")),
                mention(&["فلاديمير", "بوتين"], p, Some("per:putin")),
                mention(&["لبوتين"], p, None),
                mention(&["أحمد", "الشمري"], p, None),
                mention(&["والشمري"], p, None),
            ],
            &g,
        );
        assert_eq!(out.len(), 2, "{out:?}");
        assert_eq!(out[0].key, "per:putin");
        assert_eq!(out[0].display, "فلاديمير بوتين");
        assert_eq!(out[0].count, 3);
        assert_eq!(out[1].display, "أحمد الشمري");
        assert_eq!(out[1].key, "per:احمد الشمري");
        assert_eq!(out[1].count, 2);
    }

    #[test]
    fn article_clitics_are_removed_from_display_and_key() {
        let g = Gazetteer::builtin();
        let o = EntityKind::Org;
        let out = merge(
            vec![
                mention(&["للمركز", "الوطني", "للأرصاد"], o, None),
                mention(&["المركز", "الوطني", "للأرصاد"], o, None),
            ],
            &g,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].display, "المركز الوطني للأرصاد");
        assert_eq!(out[0].key, "org:المركز الوطني الارصاد");
        assert_eq!(out[0].count, 2);
    }

    #[test]
    fn a_name_found_with_and_without_its_id_is_one_entity() {
        let g = Gazetteer::builtin();
        let o = EntityKind::Org;
        let out = merge(
            vec![
                mention(&["الوداد"], o, None),
                mention(&["الوداد"], o, Some("org:wydad")),
                mention(&["الوداد"], o, None),
                mention(&["الوداد"], EntityKind::Person, None),
            ],
            &g,
        );
        let rows: Vec<(&str, u32)> = out.iter().map(|e| (e.key.as_str(), e.count)).collect();
        assert_eq!(rows, [("org:wydad", 3), ("per:الوداد", 1)], "{out:?}");
    }

    #[test]
    fn different_gazetteer_things_stay_apart() {
        let g = Gazetteer::builtin();
        let l = EntityKind::Place;
        let out = merge(
            vec![
                mention(&["Korea"], l, None),
                mention(&["South", "Korea"], l, Some("loc:south_korea")),
                mention(&["Moscow"], l, Some("loc:moscow")),
                mention(&["موسكو"], l, Some("loc:moscow")),
            ],
            &g,
        );
        assert_eq!(out.len(), 2, "{out:?}");
        assert_eq!(out[0].key, "loc:south_korea");
        assert_eq!(out[1].key, "loc:moscow");
        assert_eq!(out[1].count, 2);
    }

    #[test]
    fn a_father_named_in_his_sons_name_is_another_person() {
        let g = Gazetteer::builtin();
        let p = EntityKind::Person;
        let out = merge(
            vec![
                mention(&["محمد", "بن", "سلمان", "بن", "عبد", "العزيز"], p, None),
                mention(
                    &["سلمان", "بن", "عبد", "العزيز"],
                    p,
                    Some("per:king_salman"),
                ),
                mention(&["محمد"], p, None),
                mention(&["هاني", "بن", "محمد", "أبوراس"], p, None),
                mention(&["محمد", "بن", "الذيب"], p, None),
                mention(&["الذيب"], p, None),
            ],
            &g,
        );
        let rows: Vec<(&str, u32)> = out.iter().map(|e| (e.display.as_str(), e.count)).collect();
        assert_eq!(
            rows,
            [
                ("محمد بن سلمان بن عبد العزيز", 2),
                ("محمد بن الذيب", 2),
                ("سلمان بن عبد العزيز", 1),
                ("هاني بن محمد أبوراس", 1),
            ],
            "{out:?}"
        );
    }
}
