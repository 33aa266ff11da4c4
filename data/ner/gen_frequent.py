#!/usr/bin/env python3
"""Writes ar-frequent.txt: Arabic words frequent in general text and opened
by a particle and the article («بالاتفاق», «والحكومة», «للمرة»), and
ar-very-frequent.txt: very frequent Arabic words with no clitic but
perhaps the article («غير», «تأمين», «القاضي»), from the `wordfreq` package's large Arabic list (data CC
BY-SA 4.0, see NOTICE).

Run from the repository root:
    pip install wordfreq==3.1.1 && python3 data/ner/gen_frequent.py

The extractor trims the first list's words from the ends of person spans
unless they are name words («يوسف بالاتفاق» → «يوسف»), and takes no word
of the second for a company's name after «شركة» («شركة تأمين») or for a
speaker's family name after «قال» («قال القاضي»). Words are written as wordfreq
has them; the extractor folds them when it loads the list.
"""
import math
import re

from wordfreq import get_frequency_dict

MIN_ZIPF = 3.5
# Words this frequent are words, whatever names they may also be.
MIN_ZIPF_VERY = 4.0
ARABIC_WORD = re.compile("[\u0621-\u064a\u064b-\u0652]{2,}")
# و or ف, then ب or ك and the article, or the article alone; or لل.
PARTICLE_ARTICLE = re.compile("[وف]?([بك]?ال|لل)")

freqs = get_frequency_dict("ar", "large")


def write_list(path, about, words):
    """Writes one word a line under a comment saying what the words are."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            f"# {about} in wordfreq 3.1.1's large Arabic list (CC BY-SA 4.0,"
            " see NOTICE); written by data/ner/gen_frequent.py.\n"
        )
        for w in words:
            out.write(w + "\n")
    print(f"wrote {path} ({len(words)} words)")


def zipf(f):
    return math.log10(f) + 9


arabic = [(w, zipf(f)) for w, f in freqs.items() if ARABIC_WORD.fullmatch(w)]
write_list(
    "data/ner/ar-frequent.txt",
    "Arabic words opened by a particle and the article, with a Zipf frequency"
    " of 3.5 or more",
    sorted(
        w
        for w, z in arabic
        if PARTICLE_ARTICLE.match(w) and not w.startswith("ال") and z >= MIN_ZIPF
    ),
)
write_list(
    "data/ner/ar-very-frequent.txt",
    "Arabic words with no clitic but perhaps the article, with a Zipf"
    " frequency of 4.0 or more",
    sorted(
        w
        for w, z in arabic
        if (not PARTICLE_ARTICLE.match(w) or w.startswith("ال")) and z >= MIN_ZIPF_VERY
    ),
)
