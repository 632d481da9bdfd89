#!/usr/bin/env python3
"""Build the data files of the Chinese search analyser from Debian packages.

Needs (Debian 12 "bookworm" names):
    apt-get install -y python3-jieba libopencc-data libopencc1.1 opencc unicode-data libpyzy-1.0-0v5

Writes, next to this script:
    words.tsv.gz  word<TAB>freq      from jieba's dict.txt            (python3-jieba)
    t2s.tsv       trad<TAB>simp      from OpenCC's TSCharacters        (libopencc1.1 / opencc)
    pinyin.tsv    char<TAB>syllable  from Unihan_Readings.txt, kMandarin (unicode-data)

All three files are UTF-8 with LF line endings, no header, sorted in ordinal
(UTF-16 code unit) order, i.e. the order of .NET StringComparer.Ordinal, so the
C# side may binary-search them. The output is deterministic: the gzip header
carries no file name and a fixed mtime, so rerunning gives identical bytes.

Usage: python3 build-data.py
"""

import bz2
import gzip
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

OUT_DIR = os.path.dirname(os.path.abspath(__file__))

JIEBA_DICT = "/usr/lib/python3/dist-packages/jieba/dict.txt"

# OpenCC: upstream's plain-text TSCharacters.txt is not in any Debian binary
# package; Debian ships it compiled as TSCharacters.ocd2 (package libopencc1.1)
# and the `opencc_dict` tool (package opencc) turns it back into text.
# A plain-text copy is used first if one is found.
OPENCC_TEXT_CANDIDATES = [
    "/usr/share/opencc/TSCharacters.txt",
    "/usr/share/opencc/dictionary/TSCharacters.txt",
]
OPENCC_OCD2 = "/usr/share/opencc/TSCharacters.ocd2"

UNIHAN_CANDIDATES = [
    "/usr/share/unicode/Unihan_Readings.txt.bz2",
    "/usr/share/unicode/Unihan_Readings.txt",
    "/usr/share/unicode/Unihan.zip",
]

# words.tsv.gz rules
MIN_FREQ = 3               # keep any word with freq >= MIN_FREQ ...
MIN_FREQ_SHORT_CJK = 1     # ... or a 2-4 CJK character word with freq >= this
MAX_GZ_BYTES = 3 * 1024 * 1024
DOMAIN_FREQ = 5000
DOMAIN_WORDS = [
    "劳模", "劳模精神", "工匠精神", "劳动精神", "大国工匠", "产业工人", "工会驿站",
    "新就业形态", "新就业形态劳动者", "总工会", "全总", "职工书屋", "工人文化宫",
    "集体协商", "欠薪", "思政课", "大思政课", "安源", "二七", "省港大罢工",
    "共同富裕", "技能人才", "八级工", "劳动合同", "农民工",
]

# CJK ideographs: Unified (basic), Ext A-H, Compatibility, Compatibility Supplement.
CJK_RE = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U0002f800-\U0002fa1f"
    "\U00030000-\U000323af]"
)
CJK_WORD_2_4_RE = re.compile("(?:%s){2,4}" % CJK_RE.pattern)
WHITESPACE_RE = re.compile(r"\s")


def ordinal_key(s):
    """Sort key matching .NET string.CompareOrdinal (UTF-16 code units)."""
    return s.encode("utf-16-be")


def write_text(path, lines):
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def gzip_bytes(data):
    buf = io.BytesIO()
    # filename="" and mtime=0 keep the output byte-for-byte reproducible.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


# ---------------------------------------------------------------- words.tsv.gz

def read_jieba(path):
    entries = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if lineno == 1:
                line = line.lstrip("\ufeff")
            if not line.strip():
                continue
            parts = line.split(" ")
            if len(parts) < 2 or len(parts) > 3 or not parts[1].isdigit():
                # more than 3 fields means a word with a space in it: drop it
                continue
            word, freq = parts[0], int(parts[1])
            if not word or WHITESPACE_RE.search(word):
                continue
            # jieba itself keeps the last of duplicate lines
            entries[word] = freq
    return entries


def select_words(entries, min_freq, min_freq_short):
    kept = {}
    for word, freq in entries.items():
        if freq >= min_freq or (freq >= min_freq_short and CJK_WORD_2_4_RE.fullmatch(word)):
            kept[word] = freq
    added = []
    for word in DOMAIN_WORDS:
        if word not in kept:
            kept[word] = DOMAIN_FREQ
            added.append(word)
    return kept, added


def build_words():
    entries = read_jieba(JIEBA_DICT)
    min_freq, min_freq_short = MIN_FREQ, MIN_FREQ_SHORT_CJK
    while True:
        kept, added = select_words(entries, min_freq, min_freq_short)
        lines = ["%s\t%d" % (w, kept[w]) for w in sorted(kept, key=ordinal_key)]
        data = "".join(l + "\n" for l in lines).encode("utf-8")
        gz = gzip_bytes(data)
        if len(gz) <= MAX_GZ_BYTES:
            break
        # Too big: raise both thresholds together until it fits.
        min_freq += 1
        min_freq_short = max(min_freq_short, min_freq)
        print("words.tsv.gz is %d bytes > %d; raising threshold to freq >= %d"
              % (len(gz), MAX_GZ_BYTES, min_freq), file=sys.stderr)
    with open(os.path.join(OUT_DIR, "words.tsv.gz"), "wb") as f:
        f.write(gz)
    return {
        "source_entries": len(entries),
        "lines": len(lines),
        "bytes": len(gz),
        "min_freq": min_freq,
        "min_freq_short_cjk": min_freq_short,
        "domain_added": added,
        "domain_source_freq": {w: entries.get(w) for w in DOMAIN_WORDS},
    }


# ---------------------------------------------------------------- t2s.tsv

def read_tscharacters_text():
    for path in OPENCC_TEXT_CANDIDATES:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return f.read(), path
    if not os.path.exists(OPENCC_OCD2):
        sys.exit("TSCharacters not found: apt-get install -y libopencc1.1 opencc")
    tool = shutil.which("opencc_dict")
    if not tool:
        sys.exit("opencc_dict not found: apt-get install -y opencc")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "TSCharacters.txt")
        subprocess.run([tool, "-i", OPENCC_OCD2, "-f", "ocd2", "-o", out, "-t", "text"],
                       check=True)
        with open(out, encoding="utf-8") as f:
            return f.read(), OPENCC_OCD2 + " (via opencc_dict)"


def build_t2s():
    text, source = read_tscharacters_text()
    pairs = {}
    for line in text.splitlines():
        line = line.lstrip("\ufeff")
        if not line.strip() or line.startswith("#"):
            continue
        trad, _, rest = line.partition("\t")
        candidates = rest.split()
        if not candidates:
            continue
        simp = candidates[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            pairs[trad] = simp
    lines = ["%s\t%s" % (t, pairs[t]) for t in sorted(pairs, key=ordinal_key)]
    size = write_text(os.path.join(OUT_DIR, "t2s.tsv"), lines)
    return {"source": source, "lines": len(lines), "bytes": size}


# ---------------------------------------------------------------- pinyin.tsv

def read_unihan_readings():
    for path in UNIHAN_CANDIDATES:
        if not os.path.exists(path):
            continue
        if path.endswith(".bz2"):
            with bz2.open(path, "rt", encoding="utf-8") as f:
                return f.read(), path
        if path.endswith(".zip"):
            with zipfile.ZipFile(path) as z:
                return z.read("Unihan_Readings.txt").decode("utf-8"), path
        with open(path, encoding="utf-8") as f:
            return f.read(), path
    sys.exit("Unihan_Readings.txt not found: apt-get install -y unicode-data")


def plain_syllable(reading):
    """'lǜ' -> 'lv', 'zhòng' -> 'zhong': ASCII lower case, no tone."""
    s = unicodedata.normalize("NFD", reading.lower())
    s = s.replace("u\u0308", "v")              # ü (any tone) -> v
    s = "".join(c for c in s if not unicodedata.combining(c))
    if not re.fullmatch("[a-z]+", s):
        raise ValueError("unexpected kMandarin reading %r -> %r" % (reading, s))
    return s


def build_pinyin():
    text, source = read_unihan_readings()
    readings = {}
    for line in text.splitlines():
        if not line.startswith("U+"):
            continue
        cp, field, value = line.split("\t", 2)
        if field != "kMandarin":
            continue
        char = chr(int(cp[2:], 16))
        readings[char] = plain_syllable(value.split()[0])
    lines = ["%s\t%s" % (c, readings[c]) for c in sorted(readings, key=ordinal_key)]
    size = write_text(os.path.join(OUT_DIR, "pinyin.tsv"), lines)
    basic = sum(1 for c in readings if 0x4E00 <= ord(c) <= 0x9FFF)
    ext_a = sum(1 for c in readings if 0x3400 <= ord(c) <= 0x4DBF)
    return {"source": source, "lines": len(lines), "bytes": size,
            "basic_block": basic, "ext_a": ext_a,
            "supplementary": sum(1 for c in readings if ord(c) > 0xFFFF)}


# ---------------------------------------------------------------- pinyin-words.tsv
# Readings for addresses: a character whose most frequent reading is not Unihan's first (地 di),
# and words where a character's most frequent reading is wrong (重庆 chongqing, 银行 yinhang). Source: the Android Open Source Project's Pinyin IME dictionary (Apache-2.0), as
# shipped compiled by libpyzy-1.0-0v5 in /usr/share/pyzy/db/android.db. Syllables are stored
# there as (initial id, final id) pairs; each pair is named by the usual reading most of the
# single characters stored with it have in Unihan (pinyin.tsv), so no id table is needed.

PYZY_ANDROID_DB = "/usr/share/pyzy/db/android.db"
WORD_READING_LENGTHS = range(2, 5)


def build_pinyin_words(readings):
    import sqlite3
    from collections import Counter, defaultdict
    if not os.path.exists(PYZY_ANDROID_DB):
        sys.exit("android.db not found: apt-get install -y libpyzy-1.0-0v5")
    db = sqlite3.connect(PYZY_ANDROID_DB)
    votes = defaultdict(Counter)
    for char, s0, y0 in db.execute("SELECT phrase, s0, y0 FROM py_phrase_0"):
        if char in readings:
            votes[(s0, y0)][readings[char]] += 1
    syllable = {pair: counter.most_common(1)[0][0] for pair, counter in votes.items()}
    best = {}
    for char, freq, s0, y0 in db.execute("SELECT phrase, freq, s0, y0 FROM py_phrase_0"):
        if char in readings and (s0, y0) in syllable and (char not in best or freq > best[char][0]):
            best[char] = (freq, syllable[(s0, y0)])
    # A character's most frequent reading in the dictionary (地 di, not Unihan's first, de).
    single = {c: r for c, (f, r) in best.items()}
    for length in WORD_READING_LENGTHS:
        columns = ", ".join("s%d, y%d" % (i, i) for i in range(length))
        for row in db.execute("SELECT phrase, freq, %s FROM py_phrase_%d" % (columns, length - 1)):
            phrase, freq, ids = row[0], row[1], row[2:]
            if len(phrase) != length or any(c not in readings for c in phrase):
                continue
            pairs = [(ids[2 * i], ids[2 * i + 1]) for i in range(length)]
            if any(p not in syllable for p in pairs):
                continue
            reading = "".join(syllable[p] for p in pairs)
            if phrase not in best or freq > best[phrase][0]:
                best[phrase] = (freq, reading)
    usual = lambda phrase: "".join(single.get(c, readings[c]) if len(phrase) > 1 else readings[c] for c in phrase)
    kept = {w: r for w, (f, r) in best.items() if r != usual(w)}
    lines = ["%s\t%s" % (w, kept[w]) for w in sorted(kept, key=ordinal_key)]
    size = write_text(os.path.join(OUT_DIR, "pinyin-words.tsv"), lines)
    return {"source": PYZY_ANDROID_DB, "lines": len(lines), "bytes": size, "words": len(best)}


def main():
    w = build_words()
    print("words.tsv.gz: %(lines)d lines, %(bytes)d bytes (from %(source_entries)d entries; "
          "freq >= %(min_freq)d, or 2-4 CJK chars with freq >= %(min_freq_short_cjk)d)" % w)
    print("  domain words added with freq %d: %s" % (DOMAIN_FREQ, " ".join(w["domain_added"]) or "none"))
    print("  domain words already in dict.txt: %s" % " ".join(
        "%s=%d" % (k, v) for k, v in w["domain_source_freq"].items() if v is not None))
    t = build_t2s()
    print("t2s.tsv: %(lines)d lines, %(bytes)d bytes (from %(source)s)" % t)
    p = build_pinyin()
    readings = dict(line.split("\t") for line in open(os.path.join(OUT_DIR, "pinyin.tsv"), encoding="utf-8").read().splitlines())
    pw = build_pinyin_words(readings)
    print("pinyin-words.tsv: %(lines)d lines, %(bytes)d bytes (word readings that differ from the usual ones, of %(words)d words in %(source)s)" % pw)
    print("pinyin.tsv: %(lines)d lines, %(bytes)d bytes (from %(source)s; "
          "basic block %(basic_block)d, Ext A %(ext_a)d, supplementary %(supplementary)d)" % p)


if __name__ == "__main__":
    main()
