#!/usr/bin/env python3
"""Writes ar-name-grams.tsv: how much more often each letter sequence of two
to four characters occurs in names than in other Arabic words, so that the
tagger can tell a name it has never seen («كافلنيكوف», «دويسنبرج») by its
letters.

The names are the Arabic words of arabnamer's `dict_FINAL.json` (CC BY 4.0);
the other words are the Arabic words of wordfreq 3.1.1's large list with a
Zipf frequency of 3 or more (CC BY-SA 4.0) that are not among the names. Both
are folded and stripped of clitics as the tagger does (`fold_token` and
`greedy_stem` in src/intel/ner/), and framed by ^ and $ (which count as characters).

Run from the repository root, after README's `pip download` of arabnamer:
    pip install wordfreq==3.1.1
    python3 data/ner/gen_name_grams.py /tmp/an/arabnamer/data/dict_FINAL.json

Each line is a sequence and the log of the ratio of its smoothed relative
frequencies (names over other words); sequences seen fewer than MIN_COUNT
times in both lists together are left out and score DEFAULT, the ratio of a
sequence seen in neither.
"""
import json
import math
import re
import sys
from collections import Counter

from wordfreq import get_frequency_dict

MIN_ZIPF = 3.0
MIN_COUNT = 3
SMOOTH = 0.5
ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]{2,}")
DIACRITICS = re.compile("[\u064b-\u0652\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ئ": "ي", "ؤ": "و"})


def fold(word):
    return DIACRITICS.sub("", word).translate(FOLD)


def greedy_stem(w):
    """The same as `arabic::greedy_stem`."""
    s = w
    for p in ("و", "ف"):
        if s.startswith(p) and len(s) - 1 >= 3:
            s = s[1:]
            break
    if s.startswith("لل") and len(s) - 2 >= 2:
        return s[2:]
    for p in ("ب", "ل", "ك"):
        if s.startswith(p) and s[1:].startswith("ال"):
            s = s[1:]
            break
    if s.startswith("ال") and len(s) - 2 >= 2:
        s = s[2:]
    return s


def stems(words):
    out = set()
    for w in words:
        w = fold(w)
        if ARABIC_WORD.fullmatch(w):
            out.add(greedy_stem(w))
    return out


def grams(stem):
    s = "^" + stem + "$"
    return [s[i : i + n] for n in (2, 3, 4) for i in range(len(s) - n + 1)]


pairs = json.load(open(sys.argv[1], encoding="utf-8"))
names = stems(w for ar in pairs.values() for w in ar.split())
freqs = get_frequency_dict("ar", "large")
others = stems(w for w, f in freqs.items() if math.log10(f) + 9 >= MIN_ZIPF) - names

in_names = Counter(g for w in names for g in grams(w))
in_others = Counter(g for w in others for g in grams(w))
total_names = sum(in_names.values())
total_others = sum(in_others.values())
vocabulary = len(set(in_names) | set(in_others))


def log_ratio(a, b):
    p = (a + SMOOTH) / (total_names + SMOOTH * vocabulary)
    q = (b + SMOOTH) / (total_others + SMOOTH * vocabulary)
    return math.log(p / q)


kept = sorted(
    g for g in set(in_names) | set(in_others) if in_names[g] + in_others[g] >= MIN_COUNT
)
with open("data/ner/ar-name-grams.tsv", "w", encoding="utf-8") as out:
    out.write(
        f"# Letter sequences of {len(names)} name words (arabnamer 0.1.3, CC BY 4.0)"
        f" against {len(others)} other words (wordfreq 3.1.1, Zipf >= {MIN_ZIPF},"
        " CC BY-SA 4.0); see NOTICE. Written by data/ner/gen_name_grams.py.\n"
    )
    out.write(f"DEFAULT\t{log_ratio(0, 0):.2f}\n")
    for g in kept:
        out.write(f"{g}\t{log_ratio(in_names[g], in_others[g]):.2f}\n")
print(f"{len(names)} names, {len(others)} other words, {len(kept)} sequences")
