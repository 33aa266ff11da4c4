#!/usr/bin/env python3
"""Generate N RSS feeds of M items each (half Arabic, half English) for the
poll benchmark. The text is random combinations of words written for akhbar;
nothing is taken from any dataset. Usage: gen_feeds.py OUT_DIR N [M] [SEED]"""
import os
import random
import sys
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

AR = ("وزير الاقتصاد أعلن اليوم في القاهرة خطة جديدة لدعم الطاقة الشمسية "
      "وقال المتحدث باسم الحكومة إن المشروع سيوفر آلاف الوظائف للشباب في المدن "
      "والقرى بحلول عام ٢٠٢٨ كما أكد الرئيس أن التعاون مع الشركاء الإقليميين "
      "ضروري لمواجهة ارتفاع الأسعار وشح المياه في المنطقة وتحدث خبراء عن "
      "أهمية الاستثمار في التعليم والصحة والنقل العام والزراعة الحديثة "
      "وشهدت الرياض وعمّان وتونس اجتماعات متتالية لمناقشة التجارة والسياحة "
      "بينما ارتفعت صادرات التمور والفوسفات بنسبة ملحوظة خلال الربع الأخير").split()
EN = ("the minister said on tuesday that the new plan would support solar power "
      "and water projects across the region while officials in cairo riyadh and "
      "amman met to discuss trade tourism transport and the rising cost of food "
      "analysts expect exports of dates and phosphate to grow next year as the "
      "central bank keeps interest rates steady and ports expand their capacity "
      "teachers doctors and engineers welcomed the announcement cautiously").split()


def sentence(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n))


def feed(rng, idx, items, base):
    arabic = idx % 2 == 0
    words = AR if arabic else EN
    lang = "ar" if arabic else "en"
    now = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
           "<channel>",
           f"<title>{'نشرة' if arabic else 'Bulletin'} {idx}</title>",
           f"<link>{base}/site/{idx}/</link>",
           f"<description>bench feed {idx}</description>",
           f"<language>{lang}</language>"]
    for j in range(items):
        title = sentence(rng, words, 8)
        paras = "".join(f"<p>{escape(sentence(rng, words, 45))}</p>" for _ in range(3))
        date = format_datetime(now - timedelta(minutes=37 * j + idx))
        out += ["<item>",
                f"<title>{escape(title)}</title>",
                f"<link>{base}/site/{idx}/article/{j}</link>",
                f'<guid isPermaLink="false">bench-{idx}-{j}</guid>',
                f"<pubDate>{date}</pubDate>",
                f"<description>{escape(sentence(rng, words, 20))}</description>",
                f"<content:encoded>{escape(paras)}</content:encoded>",
                "</item>"]
    out += ["</channel>", "</rss>"]
    return "\n".join(out)


def main():
    out_dir, n = sys.argv[1], int(sys.argv[2])
    items = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    base = os.environ.get("BENCH_BASE", "http://127.0.0.1:8088")
    rng = random.Random(seed)
    os.makedirs(os.path.join(out_dir, "feeds"), exist_ok=True)
    with open(os.path.join(out_dir, "urls"), "w", encoding="utf-8") as urls:
        for i in range(n):
            with open(os.path.join(out_dir, "feeds", f"f{i}.xml"), "w", encoding="utf-8") as f:
                f.write(feed(rng, i, items, base))
            urls.write(f"{base}/feeds/f{i}.xml\n")


if __name__ == "__main__":
    main()
