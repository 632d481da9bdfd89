#!/usr/bin/env python3
"""Build corpus.jsonl (the relevance-evaluation corpus) from the source corpus.

Usage:  python3 make_corpus.py [CORPUS_DIR] [OUTPUT_FILE]

Defaults: CORPUS_DIR = ../../../../shared/corpus (relative to this script),
          OUTPUT_FILE = corpus.jsonl next to this script.

The source files are plain text extracted from PDFs: hard line breaks every
20-30 characters (or one paragraph per line), stray spaces inside words, and,
in 003, column fragments that start or stop in mid-sentence. This script

  1. joins the wrapped lines back into paragraphs and drops headings, bylines,
     author notes and photo credits,
  2. removes the extraction spaces (between two CJK characters, and between a
     CJK character and a digit, an upper-case Latin letter or ASCII punctuation),
  3. trims sentence fragments left over from the column layout,
  4. cuts paragraphs into passages (at least 80 Chinese characters, at most
     400 characters in all) at sentence ends
     (merging short paragraphs with a neighbour of the same section).

Everything is deterministic. The only hand-written data are the titles (TITLES,
keyed by passage id) and the few per-file overrides below. If the split changes,
the script stops and lists passages without a title (run with --draft to print
the passages and their section headings instead).
"""
import glob
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "corpus"))
DEFAULT_OUT = os.path.join(HERE, "corpus.jsonl")

MIN_LEN, MAX_LEN = 80, 400  # MIN_LEN counts Chinese characters, MAX_LEN all characters


def han(text):
    """Number of Chinese characters (CJK ideographs) in text."""
    return len(re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", text))

# Line width of the wrapped files, in characters after cleaning (None = one
# paragraph per line).
WIDTH = {
    "000_58820c49801f381c.txt": 20,
    "001_7ba3880e2df1f891.txt": None,
    "002_9375ef805f7ff48a.txt": 29,
    "003_d1a14d0966d9fe60.txt": None,
    "004_8a6f72cf568e5342.txt": 27,
}

# Unwrapped files: lines that continue on the next line although the
# heuristics would end the paragraph there (matched by prefix of the cleaned line).
JOIN_WITH_NEXT = {
    "001_7ba3880e2df1f891.txt": ["减重、洗牙等过去常被视为职工生活中的"],
    "003_d1a14d0966d9fe60.txt": [
        "习近平总书记以发扬奋斗精神作为讲话收尾",
        "二是坚持围绕中心、服务大局",
        "我们要认真学习领会其精神要义",
    ],
}

# Unwrapped files where a line cut in mid-sentence is a column fragment, not a
# wrapped paragraph: only the lines listed in JOIN_WITH_NEXT are joined.
JOIN_ONLY_LISTED = {"003_d1a14d0966d9fe60.txt"}

# Paragraphs that begin in mid-sentence (column fragments of 003): drop the
# text up to and including the first sentence end. Matched by prefix.
TRIM_LEADING_FRAGMENT = {
    "003_d1a14d0966d9fe60.txt": [
        "干部不忘初心、牢记使命",
        "扛起引导职工群众坚定不移听党话",
        "为做好新时代职工思想政治工作",
        "的要求。要坚持用习近平",
        "伍建设改革，实施大国工匠",
        "强队伍，深化产业工人队伍建设改革",
        "受党的领导这一优良传统",
    ],
}

# Paragraphs that are nothing but a fragment (matched by prefix).
DROP_PARAGRAPH = {
    "003_d1a14d0966d9fe60.txt": ["自觉用百年工运史光辉历程", "跟党走。"],
}

CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
NEAR = r"0-9A-Z.,:;()%+\-"
SENT_END = "。！？；"
END_CHARS = "。！？"
HEADING_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def clean(text):
    """Collapse whitespace and remove the spaces the PDF extraction left inside words."""
    text = re.sub(r"\s+", " ", text).strip()
    for _ in range(2):
        text = re.sub(r"(?<=[%s]) (?=[%s%s])" % (CJK, CJK, NEAR), "", text)
        text = re.sub(r"(?<=[%s]) (?=[%s])" % (NEAR, CJK), "", text)
    return text


def join(parts):
    out = ""
    for p in parts:
        if out and re.match(r"[A-Za-z]", p) and re.search(r"[A-Za-z]$", out):
            out += " "
        out += p
    return clean(out)


def ends_sentence(line):
    line = line.rstrip("”’）)")
    return bool(line) and line[-1] in END_CHARS


def is_heading_line(line):
    return len(line) <= 45 and not ends_sentence(line)


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [c for c in (clean(l) for l in f) if c]


def blocks_of(name, lines):
    """Group lines into blocks (paragraphs, headings, bylines)."""
    width = WIDTH[name]
    joins = JOIN_WITH_NEXT.get(name, [])
    blocks, cur = [], []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if cur and (HEADING_PREFIX.match(line) or (width and line.startswith("——"))):
            blocks.append(cur)
            cur = []
        cur.append(line)
        n = len(line)
        if nxt is None:
            brk = True
        elif width is None:
            if any(line.startswith(p) for p in joins):
                brk = False
            elif ends_sentence(line) or n <= 45 or name in JOIN_ONLY_LISTED:
                brk = True
            else:  # a long line cut in mid-sentence: continue unless a heading follows
                brk = is_heading_line(nxt)
        else:
            full = n >= width - 1
            if ends_sentence(line):
                brk = (not full) or len(nxt) <= width - 2
            elif HEADING_PREFIX.match(cur[0]):
                # a numbered heading ends where a full-width line follows
                brk = len(nxt) >= width - 3
            else:
                brk = n < width - 3
        if brk:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return [join(b) for b in blocks]


BYLINE = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|习近平)$")
DROP_BLOCK = re.compile(r"^(?:（作者系|——在|（\d{4}年|各位代表|本报记者|本报通讯员|\d{4}年)")


def paragraphs_of(name, blocks):
    """Classify blocks; return (section heading, paragraph) pairs."""
    heading = ""
    out = []
    for b in blocks:
        if BYLINE.match(b) or (DROP_BLOCK.match(b) and len(b) < 60):
            if b.startswith("（作者系"):
                heading = ""  # end of an article
            continue
        if is_heading_line(b) or (HEADING_PREFIX.match(b) and len(b) <= 45):
            heading = b
            continue
        if any(b.startswith(p) for p in DROP_PARAGRAPH.get(name, [])):
            continue
        if any(b.startswith(p) for p in TRIM_LEADING_FRAGMENT.get(name, [])):
            m = re.search("[%s]" % END_CHARS, b)
            b = b[m.end():]
        # photo credits at the end of a news item
        b = re.sub(r"本报记者[^。]*摄$", "", b).strip()
        # trailing fragment cut off by the column layout
        if not ends_sentence(b):
            m = list(re.finditer("[%s]”?" % SENT_END, b))
            b = b[: m[-1].end()] if m else ""
        if b:
            out.append((heading, b))
    return out


def sentences(text):
    return [s for s in re.findall("[^%s]*[%s]”?|[^%s]+$" % (SENT_END, SENT_END, SENT_END), text) if s]


def split_long(text):
    if len(text) <= MAX_LEN:
        return [text]
    sents = sentences(text)
    k = math.ceil(len(text) / MAX_LEN)
    while True:
        target = len(text) / k
        parts, cur = [], ""
        for s in sents:
            if cur and len(cur) + len(s) > target * 1.15 and len(parts) < k - 1:
                parts.append(cur)
                cur = ""
            cur += s
        parts.append(cur)
        if all(len(p) <= MAX_LEN for p in parts) and all(han(p) >= MIN_LEN for p in parts):
            return parts
        k += 1
        if k > 10:
            raise ValueError("cannot split: " + text[:40])


def passages_of(paras):
    """Merge short paragraphs with a neighbour of the same section, split long ones."""
    merged = []
    pending = None  # (heading, text) shorter than MIN_LEN waiting for the next paragraph
    for heading, text in paras:
        if pending:
            if pending[0] == heading and len(pending[1]) + len(text) <= MAX_LEN:
                text = pending[1] + text
            elif merged and merged[-1][0] == pending[0] and len(merged[-1][1]) + len(pending[1]) <= MAX_LEN:
                merged[-1] = (merged[-1][0], merged[-1][1] + pending[1])
            pending = None
        if han(text) < MIN_LEN:
            pending = (heading, text)
            continue
        merged.append((heading, text))
    if pending and merged and merged[-1][0] == pending[0] and len(merged[-1][1]) + len(pending[1]) <= MAX_LEN:
        merged[-1] = (merged[-1][0], merged[-1][1] + pending[1])
    out = []
    for heading, text in merged:
        for part in split_long(text):
            out.append((heading, part))
    return out


def build(corpus_dir):
    docs = []
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(corpus_dir, "*.txt")))
    if sorted(WIDTH) != files:
        raise SystemExit("unexpected corpus files: %s" % files)
    for name in files:
        lines = read_lines(os.path.join(corpus_dir, name))
        paras = paragraphs_of(name, blocks_of(name, lines))
        for heading, body in passages_of(paras):
            docs.append({"id": "d%03d" % (len(docs) + 1), "heading": heading, "body": body, "source": name})
    for d in docs:
        assert han(d["body"]) >= MIN_LEN and len(d["body"]) <= MAX_LEN, (d["id"], len(d["body"]))
        assert not re.search(r"[%s] [%s]" % (CJK, CJK), d["body"]), d["id"]
    return docs


TITLES = {
    "d001": "工会助力共同富裕的使命担当",
    "d002": "全总百年奋斗的历史功勋",
    "d003": "新时代工会促进职工共同富裕",
    "d004": "建立健全维权服务长效机制",
    "d005": "工会做职工信赖的娘家人",
    "d006": "思想政治引领与弘扬劳模精神",
    "d007": "深化产业工人队伍建设改革",
    "d008": "维权服务与工会驿站建设",
    "d009": "激发劳动者热情推进共同富裕",
    "d010": "切实维护职工劳动经济权益",
    "d011": "提升服务职工的质量水平",
    "d012": "推动构建新时代和谐劳动关系",
    "d013": "工会在深化改革之年推进共同富裕",
    "d014": "叫响做实中国工人大思政课",
    "d015": "党的领导是大思政课根本保证",
    "d016": "大思政课的主体责任与组织保障",
    "d017": "大思政课工作方案与百千万亿目标",
    "d018": "大思政课课程与师资队伍建设",
    "d019": "劳模工匠进校园与资源共享",
    "d020": "工会资源与学校思政课互通",
    "d021": "数智技术赋能大思政课学习专区",
    "d022": "数据画像与智能技术赋能思政课堂",
    "d023": "全面加强工会系统党的建设",
    "d024": "把党的政治建设摆在首位",
    "d025": "加强党的思想建设与职工引领",
    "d026": "用党的创新理论引导职工思想",
    "d027": "夯实党的组织建设推进工会改革",
    "d028": "强化作风建设落实八项规定",
    "d029": "改进作风常态化联系基层职工",
    "d030": "从严抓好党的纪律建设",
    "d031": "风腐同查同治与廉洁文化建设",
    "d032": "扎实推进工会系统党的建设",
    "d033": "庆祝建党105周年重要讲话",
    "d034": "工会学习贯彻党建思想的要求",
    "d035": "自觉接受党的领导是工会传统",
    "d036": "建党初期领导工人运动与全总成立",
    "d037": "工会章程与工会法坚持党的领导",
    "d038": "工会发展道路的六个坚持",
    "d039": "坚持党的全面领导的历史启示",
    "d040": "团结职工为党的中心任务奋斗",
    "d041": "百余年来工会的桥梁纽带作用",
    "d042": "新民主主义革命时期的工会",
    "d043": "社会主义革命和建设时期的工会",
    "d044": "改革开放以来和新时代的工会",
    "d045": "党的中心任务与工运时代主题",
    "d046": "解决职工群众的急难愁盼问题",
    "d047": "依靠工人阶级提升劳动者素质",
    "d048": "运用党建思想推进全面从严治党",
    "d049": "工会系统党的建设历程",
    "d050": "工会系统党建质量影响工会工作",
    "d051": "健全工会全面从严治党体系",
    "d052": "党建与业务融合及以党建带工建",
    "d053": "山西省政府与省总工会联席会议",
    "d054": "联席会议审议电子劳动合同等议题",
    "d055": "山西构建多层次职工文体活动",
    "d056": "山西工会文旅融合与职工共享空间",
    "d057": "工会会员特惠文旅消费服务",
    "d058": "吉林启动劳模工匠助企行专项行动",
    "d059": "“1+21+N”劳模工匠技术服务队",
    "d060": "技术服务队队员的遴选组建",
    "d061": "点餐式提需求送餐式破难题",
    "d062": "劳模工匠进车间宣讲与名师带徒",
    "d063": "朝阳区职工文体素养培训班",
    "d064": "工人文化宫打造工余充电新阵地",
    "d065": "文艺体育培训课程与课程优化",
    "d066": "项目部工会为工友送清凉",
    "d067": "内蒙古工会为国门学校送示范课",
    "d068": "柳编职业技能竞赛在临沭举办",
    "d069": "新站工人文化宫健身馆里的职工",
    "d070": "减重挑战赛与普惠洗牙受追捧",
    "d071": "小需求大服务与职工健康问题",
    "d072": "调研发现职工健康管理困扰",
    "d073": "合肥新站推出职工健康服务项目",
    "d074": "健康服务项目受到职工欢迎",
    "d075": "中国工会十八大的主题",
    "d076": "党中央关心关爱工人阶级",
    "d077": "职工队伍团结奋斗的时代风采",
    "d078": "中国工会十七大以来的工作",
    "d079": "学习贯彻党的创新理论的成效",
    "d080": "加强职工思想政治引领的成效",
    "d081": "劳动和技能竞赛及劳模表彰成就",
    "d082": "产业工人队伍建设改革的进展",
    "d083": "困难职工帮扶与重点群体维权",
    "d084": "农民工法律服务与户外劳动者站点",
    "d085": "构建和谐劳动关系防范劳动风险",
    "d086": "新就业形态劳动者入会与工会改革",
    "d087": "模范机关建设与对外交流",
    "d088": "成就取得的根本原因与致谢",
    "d089": "工会工作存在的差距和不足",
    "d090": "两个确立的决定性意义",
    "d091": "党的中心任务与工人阶级使命",
    "d092": "以更加豪迈的姿态奋勇前进",
    "d093": "总书记关于工会工作的重要指示",
    "d094": "思想引领与维权服务等重要要求",
    "d095": "关于工人阶级和工会工作的重要论述",
    "d096": "深入学习贯彻重要论述",
    "d097": "今后五年工作的总体要求",
    "d098": "用党的创新理论凝心铸魂",
    "d099": "强化职工思想政治引领与宣传",
    "d100": "深化产业工人队伍建设改革任务",
    "d101": "广泛开展劳动和技能竞赛",
    "d102": "发挥劳模工匠示范引领作用",
    "d103": "引导企业发挥主体作用",
    "d104": "维护职工劳动经济权益",
    "d105": "大力开展服务帮扶工作",
    "d106": "企事业单位民主管理制度建设",
    "d107": "推动构建和谐劳动关系",
    "d108": "加强工会意识形态工作",
    "d109": "维护劳动领域政治安全体系建设",
    "d110": "防范化解劳动领域重大风险",
    "d111": "实施大抓基层三年行动",
    "d112": "推进互联网平台企业建会",
    "d113": "加强对基层工会的指导帮扶",
    "d114": "推动完善劳动法律法规体系",
    "d115": "工会法治宣传与法律服务",
    "d116": "持续深化工会机关改革",
    "d117": "健全完善工会组织体系",
    "d118": "工会资金资产管理与经审监督",
    "d119": "全面加快工会系统数字化建设",
    "d120": "与港澳台工会交流合作",
    "d121": "工会双边多边国际交流",
    "d122": "落实全面从严治党政治责任",
    "d123": "强化党组织政治和组织功能",
    "d124": "加强工会干部队伍建设",
    "d125": "正风肃纪反腐与纪律建设",
    "d126": "报告结语：组织动员职工团结奋斗",
    "d127": "全总成立100周年大会重要讲话",
    "d128": "坚持党的领导的宝贵经验",
    "d129": "劳动模范是民族的精英",
    "d130": "重要讲话是纲领性文献",
    "d131": "坚持正确政治方向团结职工",
    "d132": "围绕中心任务汇聚劳动群众力量",
    "d133": "推动工会工作高质量发展",
    "d134": "坚定拥护两个确立做到两个维护",
    "d135": "以劳动模范和先进工作者为榜样",
    "d136": "讲好劳模故事与正风肃纪",
    "d137": "守正创新做好职工思政工作",
    "d138": "更加注重发挥工人阶级主力军作用",
    "d139": "围绕中心任务开展竞赛和创新",
    "d140": "把握百年工运的光辉历程",
    "d141": "工运事业理论创新的最重要成果",
    "d142": "重要讲话标注新的历史坐标",
    "d143": "党的全面领导与工会经审工作",
    "d144": "中国特色社会主义工会发展道路",
    "d145": "落实工会发展道路的具体要求",
    "d146": "工匠人才培养与劳模评选表彰",
    "d147": "防风险促法治维护政治安全",
    "d148": "新征程上工会人的使命担当",
    "d149": "围绕中心团结服务职工群众",
    "d150": "艰苦奋斗团结奋斗不懈奋斗",
    "d151": "发扬奋斗精神应对风险挑战",
    "d152": "奋斗精神与劳模劳动工匠精神",
    "d153": "产业工会学习宣传重要讲话",
    "d154": "坚持全面学习全面落实",
    "d155": "围绕中心服务大局帮扶困难企业",
    "d156": "坚持不懈奋斗守正创新",
    "d157": "我国工会的三个不愧是",
    "d158": "汲取信心推动改革任务落实",
    "d159": "工会工作实现全方位进步",
    "d160": "坚持党对工会的全面领导",
    "d161": "凝心铸魂与职工思想政治工作",
    "d162": "组织动员亿万职工建功新时代",
    "d163": "用心用情做好维权服务工作",
    "d164": "工会是职工之家与基层工会建设",
    "d165": "各级党委加强对工会的领导",
}


def main(argv):
    draft = "--draft" in argv
    args = [a for a in argv if not a.startswith("--")]
    corpus_dir = args[0] if args else DEFAULT_CORPUS
    out_path = args[1] if len(args) > 1 else DEFAULT_OUT
    docs = build(corpus_dir)
    if draft:
        for d in docs:
            print("%s\t%s\t%d\t[%s]\t%s\n%s\n" % (d["id"], d["source"][:3], len(d["body"]), d["heading"],
                                                TITLES.get(d["id"], ""), d["body"]))
        return
    missing = [d["id"] for d in docs if d["id"] not in TITLES]
    extra = sorted(set(TITLES) - {d["id"] for d in docs})
    if missing or extra:
        raise SystemExit("titles out of date; missing: %s; unknown: %s" % (missing, extra))
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        for d in docs:
            rec = {"id": d["id"], "title": TITLES[d["id"]], "body": d["body"], "source": d["source"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("wrote %d documents to %s" % (len(docs), out_path))


if __name__ == "__main__":
    main(sys.argv[1:])
