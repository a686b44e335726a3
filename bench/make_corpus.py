"""Generate the benchmark corpus under bench/corpus/ (run by bench/run.py with the project venv).

    .venv/bin/python bench/make_corpus.py [--out bench/corpus] [--seeds ../shared/corpus/seeds]

Corpus model (see bench/README.md, "Corpus"):

- A report is a fictional 2021-format 政府信息公开工作年度报告 (国办公开办函〔2021〕30号): title,
  date, preamble (basis, statistics period, contact), the six parts 一 … 六, part 一 split into
  （一）…（五） with numbered points 1. 2. …, and the three statistics tables: 表二 (4 columns,
  row merges), 表三 (10 × 28 grid with the real merged header and merged label columns) and 表四
  (15 × 4 with merged headers). Table figures are random per file but satisfy every identity of
  the format; part 三 restates them in prose.
- One page = 700 characters of prose (Chinese text and punctuation, headings included). The
  tables come on top of that, once per report (about two more printed pages).
- "5p" and "30p" are one report each. "300p" is a compiled volume: 第一部分 … 第十部分, each a
  complete 30-page report body (six parts and the three tables) for one department, so text and
  tables both grow ×10.
- Every report exists as .docx (python-docx: styles 仿宋/黑体/楷体, merged tables) and .md
  (GFM pipe tables with flattened column names, as govlint's Markdown reader expects).
- batch/: 200 distinct 10-page reports (100 .docx + 100 .md; different issuers, years
  2021–2024, figures and prose) for the --jobs measurements.
- seeds/: the hand-checked seed texts of ../shared/corpus/seeds copied as .txt, plus a .docx of
  each (one paragraph per non-empty line) so the Word path sees real scraped text too.

Deterministic: the same arguments give the same text (a fixed random seed per file).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE_CHARS = 700
FIXED_CHARS = 900  # preamble, headings and the sentences that restate the tables (calibrated)
SIZES = {"5p": 5, "30p": 30, "300p": 300}
BATCH_FILES = 200
BATCH_PAGES = 10
CORPUS_VERSION = 3  # bump when the model changes; run.py regenerates on a mismatch

PLACES = [
    ("江南市", "清河区"), ("临江市", "东湖区"), ("云山市", "北塘区"), ("青州市", "西城区"),
    ("安平市", "南湖县"), ("瑞丰市", "长宁区"), ("宁远市", "新城区"), ("丰泽市", "白沙县"),
    ("嘉禾市", "江北区"), ("和平市", "石桥镇"), ("永安市", "桃源县"), ("长丰市", "滨海新区"),
]
DEPARTMENTS = ["发展和改革委员会", "教育局", "公安局", "民政局", "财政局", "人力资源和社会保障局",
               "自然资源和规划局", "住房和城乡建设局", "交通运输局", "卫生健康委员会", "市场监督管理局",
               "生态环境局"]
ROADS = ["府前路", "人民路", "解放路", "中山路", "政通路", "建设大道"]

# ------------------------------------------------------------------------------------------
# prose: sentence templates per topic; {n} {m} {k} {p} are filled with plausible figures

TOPICS: dict[str, list[str]] = {
    "intro": [
        "{year}年，{who}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真落实《条例》和上级关于政务公开工作的部署要求。",
        "围绕全区中心工作，坚持以公开促落实、促规范、促服务，政府信息公开工作质量和实效进一步提升。",
        "年初印发本年度政务公开工作要点，将{n}项重点任务分解到各责任单位，明确完成时限和工作要求。",
        "全年召开政务公开工作专题会议{k}次，研究部署政务公开重点工作，协调解决工作中遇到的问题。",
        "对照国家和省、市关于政务公开工作的考核指标，逐项梳理短板弱项，制定整改清单并按月跟踪落实。",
    ],
    "active": [
        "全年通过政府门户网站主动公开政府信息{n}条，其中政策文件{m}件，涵盖财政预决算、重大建设项目、公共资源配置等重点领域。",
        "围绕优化营商环境、养老服务、义务教育招生等社会关注事项，发布文字、图表、视频等形式政策解读材料{k}件。",
        "召开新闻发布会{k}场，主要负责同志出席发布会{s}次，及时回应社会关切，主动发布权威信息。",
        "按照“谁起草、谁解读”的原则，推行政策文件与解读材料同步起草、同步审签、同步发布，解读材料与政策文件关联率达到{p}。",
        "财政预决算和“三公”经费信息按规定在批复后二十日内公开，公开部门预决算{m}个，做到应公开尽公开。",
        "重大建设项目批准和实施领域公开项目信息{m}条，公共资源交易领域公开交易公告和结果信息{n}条。",
        "在门户网站设立“优化营商环境”专栏，集中公开涉企政策、惠企措施和办事指南，累计发布信息{m}条。",
        "及时公开规划、征收补偿、保障性住房分配等民生领域信息，全年发布相关信息{m}条。",
        "持续做好重要政策文件的宣传解读，通过政务新媒体推送政策问答、一图读懂等解读产品{k}期。",
    ],
    "request": [
        "进一步规范依申请公开工作流程，统一受理、登记、审查、答复各环节的文书格式和办理时限。",
        "对疑难复杂申请实行集体会商制度，重点答复事项经法律顾问审核后出具答复书，全年组织会商{k}次。",
        "建立依申请公开转主动公开机制，对多次被申请的同类信息研究纳入主动公开范围，全年转为主动公开信息{m}条。",
        "加强与申请人的沟通，对申请内容不明确的及时一次性告知补正，确保答复内容准确、依据充分、说理清楚。",
        "申请内容主要集中在征地拆迁补偿、规划建设审批、行政执法和社会保障等方面，均在法定期限内答复。",
    ],
    "manage": [
        "严格执行公开前保密审查和“先审查、后公开”制度，明确拟公开信息的审查主体和审查程序。",
        "全年对门户网站已公开的政府信息开展{k}轮全面排查，对失效的政策文件及时标注，对涉及个人隐私的内容及时处理。",
        "按照国家和省相关领域基层政务公开标准目录，动态调整主动公开基本目录，新增公开事项{k}项。",
        "开展行政规范性文件集中清理，对不符合上位法规定或者不适应经济社会发展需要的文件予以废止或修改。",
        "规范政府信息公开属性源头认定，在公文办理环节同步明确公开方式，全年经审查确定为主动公开的公文{m}件。",
    ],
    "platform": [
        "持续优化政府门户网站“政府信息公开”专栏，完善政策文件库检索功能，实现按主题、按机关、按年度分类查询。",
        "规范政务新媒体管理，全区在运营政务新媒体账号{k}个，全年发布信息{n}条，未发生严重表述错误。",
        "在政务服务中心设立政府信息公开查阅点，为群众提供现场查阅和申请服务，全年接待群众查阅{m}人次。",
        "全年编印政府公报{s}期，免费向社会发放，并在门户网站同步发布电子版。",
        "推进政务公开专区标准化建设，在各街道便民服务中心设置政务公开专区{s}个，提供政策咨询和信息查询服务。",
    ],
    "oversight": [
        "调整政务公开工作领导小组，配备专职工作人员{s}名，各部门明确分管负责同志和具体经办人员。",
        "全年组织政务公开业务培训{s}场，培训各部门、各街道工作人员{m}人次，提升业务能力。",
        "将政务公开工作纳入综合绩效考核，年终对各部门、各街道逐一考核并通报结果，考核结果与评先评优挂钩。",
        "聘请政务公开社会监督员{k}名，通过问卷和座谈开展社会评议，评议结果总体满意。",
        "全年未发生因政府信息公开工作违法违规而被追究责任的情况。",
    ],
    "problems": [
        "一是部分部门政策解读形式较为单一，图解、视频等解读比例不高；二是个别依申请公开答复告知书说理不够充分，规范化水平有待提升。",
        "三是基层政务公开标准化规范化建设推进不够平衡，个别专区内容更新不及时。",
        "下一步，将推行政策文件与解读材料同步起草、同步审签、同步发布，提高图解、视频解读比例。",
        "制定依申请公开答复文书范本，实行重点答复集体会商和法律顾问审核，进一步提升答复质量。",
        "以街道为单位开展基层政务公开标准化规范化建设对标检查，推动各街道均衡发展。",
        "上年度报告所列问题的整改情况：针对政务新媒体更新不及时的问题，已完成政务新媒体账号清理整合，建立季度检查通报机制，相关问题已整改到位。",
    ],
    "other": [
        "全年承办人大代表建议{m}件、政协委员提案{m}件，均按期办结，办理复文和办理结果按规定公开。",
        "认真落实上级政务公开工作要点，各项任务均按期完成，落实情况已在门户网站专栏公开。",
        "按照《政府信息公开信息处理费管理办法》的规定，本年度未收取信息处理费。",
    ],
}

POINT_TITLES = {
    "active": ["聚焦重点领域公开", "加强政策解读", "回应社会关切", "做好财政信息公开", "优化营商环境信息公开"],
    "request": ["规范办理流程", "提升答复质量", "加强沟通协调"],
    "manage": ["严格保密审查", "动态更新公开目录", "清理规范性文件"],
    "platform": ["优化门户网站", "规范政务新媒体", "建设政务公开专区"],
    "oversight": ["加强组织领导", "开展业务培训", "强化考核监督"],
}
SUBSECTIONS = [("（一）主动公开", "active"), ("（二）依申请公开", "request"), ("（三）政府信息管理", "manage"),
               ("（四）政府信息公开平台建设", "platform"), ("（五）监督保障", "oversight")]


def fill(rng: random.Random, tpl: str, year: int, who: str) -> str:
    return tpl.format(year=year, who=who, n=rng.randint(1200, 9800), m=rng.randint(12, 480),
                      k=rng.randint(3, 40), s=rng.randint(2, 12), p=f"{rng.randint(85, 100)}%")


def paragraph(rng: random.Random, topic: str, year: int, who: str, target: int = 260) -> str:
    """Sentences of one topic, in random order and without repeats, until `target` characters."""
    out = ""
    pool: list[str] = []
    while len(out) < target:
        if not pool:
            pool = rng.sample(TOPICS[topic], len(TOPICS[topic]))
        out += fill(rng, pool.pop(), year, who)
    return out


# ------------------------------------------------------------------------------------------
# tables (figures random per file, every identity of the 2021 format holding)

T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
T3_MD_COLS = ("申请人情况：自然人", "法人或其他组织：商业企业", "法人或其他组织：科研机构",
              "法人或其他组织：社会公益组织", "法人或其他组织：法律服务机构", "法人或其他组织：其他",
              "申请人情况：总计")
RESULTS = "三、本年度办理结果"
T3_LABELS = [
    ("一、本年新收政府信息公开申请数量", "", ""), ("二、上年结转政府信息公开申请数量", "", ""),
    (RESULTS, "（一）予以公开", ""), (RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    (RESULTS, "（三）不予公开", "1.属于国家秘密"), (RESULTS, "（三）不予公开", "2.其他法律行政法规禁止公开"),
    (RESULTS, "（三）不予公开", "3.危及“三安全一稳定”"), (RESULTS, "（三）不予公开", "4.保护第三方合法权益"),
    (RESULTS, "（三）不予公开", "5.属于三类内部事务信息"), (RESULTS, "（三）不予公开", "6.属于四类过程性信息"),
    (RESULTS, "（三）不予公开", "7.属于行政执法案卷"), (RESULTS, "（三）不予公开", "8.属于行政查询事项"),
    (RESULTS, "（四）无法提供", "1.本机关不掌握相关政府信息"), (RESULTS, "（四）无法提供", "2.没有现成信息需要另行制作"),
    (RESULTS, "（四）无法提供", "3.补正后申请内容仍不明确"), (RESULTS, "（五）不予处理", "1.信访举报投诉类申请"),
    (RESULTS, "（五）不予处理", "2.重复申请"), (RESULTS, "（五）不予处理", "3.要求提供公开出版物"),
    (RESULTS, "（五）不予处理", "4.无正当理由大量反复申请"), (RESULTS, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    (RESULTS, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    (RESULTS, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    (RESULTS, "（六）其他处理", "3.其他"), (RESULTS, "（七）总计", ""), ("四、结转下年度继续办理", "", ""),
]
T4_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")
T4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


@dataclass
class TableSpec:
    grid: list[list[str]]            # every slot's text (a merged region: text in its top-left slot)
    merges: list[tuple[int, int, int, int]]  # (r1, c1, r2, c2), 1-based, inclusive
    gfm: list[list[str]]             # header row + body rows for Markdown


def figures_t3(rng: random.Random) -> list[list[int]]:
    weights = (8, 3, 1, 1, 1, 1)  # natural persons file most requests
    results = [[0] * 6 for _ in range(21)]
    for i in range(21):
        scale = 20 if i < 2 else (2 if i in (12, 15) else 1)
        for c in range(6):
            if rng.random() < (0.9 if i < 2 else 0.4):
                results[i][c] = rng.randint(0, scale * weights[c])
    carried_in = [rng.randint(0, 3 * w // 2) for w in weights]
    carried_out = [rng.randint(0, w) for w in weights]
    closed = [sum(results[i][c] for i in range(21)) for c in range(6)]
    received = [closed[c] + carried_out[c] - carried_in[c] for c in range(6)]
    for c in range(6):  # keep 本年新收 non-negative by carrying more out
        if received[c] < 0:
            carried_out[c] -= received[c]
            received[c] = 0
    rows = [received, carried_in, *results, closed, carried_out]
    rows = [[*r, sum(r)] for r in rows]
    for c in range(7):
        assert rows[0][c] + rows[1][c] == rows[23][c] + rows[24][c]
        assert rows[23][c] == sum(r[c] for r in rows[2:23])
    return rows


def figures_t4(rng: random.Random) -> list[int]:
    out: list[int] = []
    for _ in T4_GROUPS:
        g = [rng.randint(0, 6), rng.randint(0, 2), rng.randint(0, 2), rng.randint(0, 1)]
        out += [*g, sum(g)]
    return out


def table2(rng: random.Random) -> tuple[TableSpec, dict]:
    facts = {"made": rng.randint(0, 12), "repealed": rng.randint(0, 5), "valid": rng.randint(20, 90),
             "licence": rng.randint(800, 9000), "penalty": rng.randint(200, 4000), "coercion": rng.randint(0, 80),
             "fees": f"{rng.randint(10, 900)}.{rng.randint(10, 99)}"}

    def block(item, cols, rows):
        pad = lambda cells: cells + [""] * (4 - len(cells))  # noqa: E731
        return [pad([f"第二十条第（{item}）项"]), pad(["信息内容", *cols]), *(pad(r) for r in rows)]

    grid = (block("一", ["本年制发件数", "本年废止件数", "现行有效件数"],
                  [["规章", "0", "0", "0"],
                   ["行政规范性文件", str(facts["made"]), str(facts["repealed"]), str(facts["valid"])]])
            + block("五", ["本年处理决定数量"], [["行政许可", str(facts["licence"])]])
            + block("六", ["本年处理决定数量"], [["行政处罚", str(facts["penalty"])], ["行政强制", str(facts["coercion"])]])
            + block("八", ["本年收费金额（单位：万元）"], [["行政事业性收费", facts["fees"]]]))
    merges = []
    for r, row in enumerate(grid, start=1):
        if row[0].startswith("第二十条"):
            merges.append((r, 1, r, 4))
        elif row[2] == "" and row[1]:
            merges.append((r, 2, r, 4))
    return TableSpec(grid, merges, grid), facts


def table3(rows: list[list[int]]) -> TableSpec:
    header = [[T3_CORNER, "", "", "申请人情况", "", "", "", "", "", ""],
              ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
              ["", "", "", "", *T3_APPLICANTS[1:6], ""]]
    grid = [list(r) for r in header]
    gfm = [[T3_CORNER, "", "", *T3_MD_COLS]]
    for labels, figs in zip(T3_LABELS, rows, strict=True):
        row = [*labels, *(str(v) for v in figs)]
        grid.append(row)
        gfm.append(list(row))
    merges = [(1, 1, 3, 3), (1, 4, 1, 10), (2, 4, 3, 4), (2, 5, 2, 9), (2, 10, 3, 10),
              (4, 1, 4, 3), (5, 1, 5, 3), (28, 1, 28, 3), (6, 1, 27, 1),
              (6, 2, 6, 3), (7, 2, 7, 3), (27, 2, 27, 3),
              (8, 2, 15, 2), (16, 2, 18, 2), (19, 2, 23, 2), (24, 2, 26, 2)]
    return TableSpec(grid, merges, gfm)


def table4(figs: list[int]) -> TableSpec:
    cells = [str(v) for v in figs]
    grid = [["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
            ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
            [*T4_RESULTS * 3], cells]
    merges = [(1, 1, 2, 5), (1, 6, 1, 15), (2, 6, 2, 10), (2, 11, 2, 15)]
    gfm = [[f"{g}：{r}" for g in T4_GROUPS for r in T4_RESULTS], cells]
    return TableSpec(grid, merges, gfm)


def pct(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "0%"


# ------------------------------------------------------------------------------------------
# a report as blocks: ("title"|"date"|"part"|"h1"|"h2"|"h3"|"p", text) or ("table", TableSpec)


def body(rng: random.Random, pages: int, year: int, who: str) -> list[tuple]:
    """The six parts of one report with about pages*700 characters of prose (tables extra)."""
    budget = pages * PAGE_CHARS - FIXED_CHARS  # the preamble and table captions are fixed text
    # share of the prose budget per part; part 一 is split over its five subsections
    shares = {"一": 0.62, "二": 0.06, "三": 0.12, "四": 0.05, "五": 0.10, "六": 0.05}
    t2, f2 = table2(rng)
    t3rows = figures_t3(rng)
    t4 = figures_t4(rng)
    blocks: list[tuple] = []

    def fill_chars(topic: str, chars: int) -> None:
        used = 0
        while True:
            p = paragraph(rng, topic, year, who, min(260, max(40, chars - used - 30)))
            blocks.append(("p", p))
            used += len(p)
            if used >= chars - 60:
                return

    def prose(topic: str, chars: int, points: bool) -> None:
        if points and chars > 1200:  # long subsections get numbered points 1. 2. … as headings
            titles = POINT_TITLES[topic]
            n = max(1, min(len(titles), chars // 900))
            for i in range(n):
                blocks.append(("h3", f"{i + 1}.{titles[i]}"))
                fill_chars(topic, chars // n - len(titles[i]) - 2)
        else:
            fill_chars(topic, chars)

    blocks.append(("h1", "一、总体情况"))
    blocks.append(("p", paragraph(rng, "intro", year, who, 200)))
    for title, topic in SUBSECTIONS:
        blocks.append(("h2", title))
        prose(topic, int(budget * shares["一"] / len(SUBSECTIONS)), True)
    blocks.append(("h1", "二、主动公开政府信息情况"))
    blocks.append(("p", f"本年度主动公开政府信息情况如下表。全年制发行政规范性文件{f2['made']}件，废止{f2['repealed']}件，"
                        f"现行有效{f2['valid']}件；公开行政许可决定{f2['licence']}件、行政处罚决定{f2['penalty']}件、"
                        f"行政强制决定{f2['coercion']}件。"))
    prose("active", int(budget * shares["二"]), False)
    blocks.append(("table", t2))
    blocks.append(("h1", "三、收到和处理政府信息公开申请情况"))
    r = t3rows
    received, carried_in, closed, carried_out = r[0][6], r[1][6], r[23][6], r[24][6]
    refused = sum(x[6] for x in r[4:12])
    unavailable = sum(x[6] for x in r[12:15])
    not_handled = sum(x[6] for x in r[15:20])
    other = sum(x[6] for x in r[20:23])
    blocks.append(("p", f"全年共收到政府信息公开申请{received}件，上年结转{carried_in}件，办结{closed}件，结转下年度{carried_out}件。"
                        f"从申请人类型看，自然人申请{r[0][0]}件，占{pct(r[0][0], received)}；法人或其他组织申请"
                        f"{received - r[0][0]}件，占{pct(received - r[0][0], received)}。"))
    blocks.append(("p", f"从办理结果看，予以公开{r[2][6]}件，部分公开{r[3][6]}件，不予公开{refused}件，无法提供{unavailable}件，"
                        f"不予处理{not_handled}件，其他处理{other}件。具体情况如下表。"))
    prose("request", int(budget * shares["三"]), False)
    blocks.append(("table", table3(t3rows)))
    blocks.append(("h1", "四、政府信息公开行政复议、行政诉讼情况"))
    blocks.append(("p", f"全年因政府信息公开工作被申请行政复议{t4[4]}件，其中结果维持{t4[0]}件、结果纠正{t4[1]}件；"
                        f"未经复议直接起诉{t4[9]}件，复议后起诉{t4[14]}件。对复议纠正的案件，已督促承办单位重新作出答复。"))
    prose("oversight", int(budget * shares["四"]), False)
    blocks.append(("table", table4(t4)))
    blocks.append(("h1", "五、存在的主要问题及改进情况"))
    prose("problems", int(budget * shares["五"]), False)
    blocks.append(("h1", "六、其他需要报告的事项"))
    prose("other", int(budget * shares["六"]), False)
    return blocks


def report(seed: int, pages: int, parts: int = 1) -> tuple[str, list[tuple]]:
    rng = random.Random(seed)
    city, district = PLACES[seed % len(PLACES)]
    year = 2021 + seed % 4
    issuer = f"{city}{district}人民政府"
    office = f"{city}{district}人民政府办公室"
    title = f"{issuer}{year}年政府信息公开工作年度报告"
    phone = f"0{rng.randint(510, 599)}-{rng.randint(82000000, 89999999)}"
    host = f"www.{['qh', 'dh', 'bt', 'xc', 'nh', 'cn', 'xq', 'bs'][seed % 8]}{seed % 97}.example.gov.cn"
    blocks: list[tuple] = [
        ("title", title),
        ("date", f"{year + 1}年1月{rng.randint(10, 28)}日"),
        ("p", f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和《中华人民共和国政府信息公开"
              f"工作年度报告格式》（国办公开办函〔2021〕30号）的要求，由{office}编制。本报告所列数据统计期限自{year}年"
              f"1月1日至{year}年12月31日。本报告电子版可在{district}人民政府门户网站（https://{host}）“政府信息公开”专栏查阅和下载。"),
        ("p", f"如对本报告有疑问，请与{office}联系（地址：{city}{district}{rng.choice(ROADS)}{rng.randint(1, 199)}号，"
              f"邮编：{rng.randint(100000, 850000)}，电话：{phone}，电子邮箱：zwgk@{host[4:]}）。"),
    ]
    if parts == 1:
        blocks += body(rng, pages, year, district)
    else:
        cn = "一二三四五六七八九十"
        for i in range(parts):
            dept = f"{district}{DEPARTMENTS[i % len(DEPARTMENTS)]}"
            blocks.append(("part", f"第{cn[i]}部分 {dept}"))
            blocks += body(rng, pages // parts, year, dept)
    return title, blocks


# ------------------------------------------------------------------------------------------
# writers


def render_markdown(blocks: list[tuple]) -> str:
    out = []
    for kind, content in blocks:
        if kind == "title":
            out.append(f"# {content}")
        elif kind == "part":
            out.append(f"## {content}")
        elif kind == "h1":
            out.append(f"## {content}")
        elif kind == "h2":
            out.append(f"### {content}")
        elif kind == "h3":
            out.append(f"#### {content}")
        elif kind in ("p", "date"):
            out.append(content)
        elif kind == "table":
            rows = content.gfm
            row = lambda cells: "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"  # noqa: E731
            out.append("\n".join([row(rows[0]), "|" + "---|" * len(rows[0]), *(row(r) for r in rows[1:])]))
    return "\n\n".join(out) + "\n"


def _fonts(style, name: str) -> None:
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)


def _new_document(title: str):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    d = docx.Document()
    for name, font, size in (("Normal", "仿宋_GB2312", 16), ("Title", "方正小标宋简体", 22),
                             ("Heading 1", "黑体", 16), ("Heading 2", "楷体_GB2312", 16),
                             ("Heading 3", "仿宋_GB2312", 16)):
        st = d.styles[name]
        _fonts(st, font)
        st.font.size = Pt(size)
        st.paragraph_format.line_spacing = Pt(28)
    d.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for s in d.sections:
        s.page_width, s.page_height = Cm(21.0), Cm(29.7)
        s.left_margin, s.right_margin, s.top_margin, s.bottom_margin = Cm(2.8), Cm(2.6), Cm(3.7), Cm(3.5)
    d.core_properties.title = title
    return d


def _add_table(d, spec: TableSpec) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    nrows, ncols = len(spec.grid), len(spec.grid[0])
    t = d.add_table(rows=nrows, cols=ncols)
    t.style = d.styles["Table Grid"]
    covered = set()
    for r1, c1, r2, c2 in spec.merges:
        t.cell(r1 - 1, c1 - 1).merge(t.cell(r2 - 1, c2 - 1))
        covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
    cells = t._cells  # one pass over the grid instead of t.cell() per slot (quadratic in python-docx)
    for r in range(nrows):
        for c in range(ncols):
            text = spec.grid[r][c]
            if (r + 1, c + 1) in covered or not text:
                continue
            p = cells[r * ncols + c].paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(text)
            run.font.size = Pt(9 if ncols > 4 else 10.5)


def render_docx(title: str, blocks: list[tuple], path: Path) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = _new_document(title)
    style = {"title": "Title", "part": "Heading 1", "h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3"}
    for kind, content in blocks:
        if kind == "table":
            _add_table(d, content)
        elif kind in style:
            d.add_paragraph(content, style=style[kind])
        elif kind == "date":
            d.add_paragraph(content).alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            d.add_paragraph(content).paragraph_format.first_line_indent = Pt(32)
    d.save(str(path))


def text_docx(lines: list[str], path: Path) -> None:
    d = _new_document(lines[0] if lines else "")
    for line in lines:
        d.add_paragraph(line)
    d.save(str(path))


def prose_chars(blocks: list[tuple]) -> int:
    return sum(len(c) for k, c in blocks if k != "table")


# ------------------------------------------------------------------------------------------


def generate(out: Path, seeds: Path | None, batch: int = BATCH_FILES) -> dict:
    if out.exists():
        shutil.rmtree(out)
    (out / "batch").mkdir(parents=True)
    (out / "seeds").mkdir()
    manifest: dict = {"version": CORPUS_VERSION, "page_chars": PAGE_CHARS, "reports": {}, "seeds": [], "batch": []}
    for name, pages in SIZES.items():
        parts = 10 if pages >= 300 else 1
        title, blocks = report(1000 + pages, pages, parts)
        (out / f"report-{name}.md").write_text(render_markdown(blocks), encoding="utf-8")
        render_docx(title, blocks, out / f"report-{name}.docx")
        manifest["reports"][name] = {
            "pages": pages, "prose_chars": prose_chars(blocks), "tables": sum(k == "table" for k, _ in blocks),
            "blocks": len(blocks), "md_bytes": (out / f"report-{name}.md").stat().st_size,
            "docx_bytes": (out / f"report-{name}.docx").stat().st_size}
    for i in range(batch):
        title, blocks = report(i, BATCH_PAGES)
        stem = out / "batch" / f"r{i:03d}"
        if i % 2:
            stem.with_suffix(".md").write_text(render_markdown(blocks), encoding="utf-8")
            manifest["batch"].append(stem.name + ".md")
        else:
            render_docx(title, blocks, stem.with_suffix(".docx"))
            manifest["batch"].append(stem.name + ".docx")
    if seeds and seeds.is_dir():
        for src in sorted(seeds.glob("*.txt")):
            text = src.read_text(encoding="utf-8")
            (out / "seeds" / src.name).write_text(text, encoding="utf-8")
            lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
            text_docx(lines, out / "seeds" / (src.stem + ".docx"))
            manifest["seeds"].append({"name": src.stem, "chars": len(text), "lines": len(lines)})
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    ap.add_argument("--seeds", type=Path, default=HERE.parent.parent / "shared" / "corpus" / "seeds")
    ap.add_argument("--batch", type=int, default=BATCH_FILES)
    args = ap.parse_args(argv)
    m = generate(args.out, args.seeds, args.batch)
    print(json.dumps({k: m[k] for k in ("reports",)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
