"""Write the example reports in this folder: a clean 2023 annual report and a defective copy.

    .venv/bin/python examples/make_examples.py            # rewrites examples/*.md and *.docx
    .venv/bin/python examples/make_examples.py --out DIR  # writes them into DIR instead

Output is deterministic: the same bytes on every run (fixed DOCX metadata and zip timestamps).

good-2023.md / good-2023.docx — 江南市清河区人民政府2023年政府信息公开工作年度报告, a fictional
issuer, in the 2021 national format (国办公开办函〔2021〕30号): title, date, preamble, the six parts,
tables 二 三 四 with every identity of the format holding, prose that restates the tables exactly.

bad-2023.md / bad-2023.docx — the same report with these deliberate defects (and the rule each
should trigger; see also examples/README.md):

  1. GL201  the statistics-period sentence (本报告所列数据统计期限自…) is removed from the preamble.
  2. GL101  part 五、存在的主要问题及改进情况 is removed …
     GL108  … and 六、其他需要报告的事项 keeps its number, so the top-level numbering skips 五.
  3. GL204  the contact phone lost digits: 0571-87654 (good: 0571-87654321). The brief asked for
            0571-8765432, but a 4-digit area code with a 7-digit number is a valid Chinese
            landline format, which GL204 rightly accepts; 9 digits cannot be dialled anywhere.
  4. GL502  a draft placeholder in prose: 政策解读材料XX件 (good: 24件).
  5. GL301  表四 行政复议 总计 is 5 while 结果维持+结果纠正+其他结果+尚未审结 = 3+1+0+0 = 4.
            (The prose 被申请行政复议4件 now also disagrees with that cell: GL302 may fire too.)
  6. GL304  表三 one cell changed: 四、结转下年度继续办理 / 总计 is 7 (good: 6). The 总计 column no
            longer balances (85 + 3 ≠ 82 + 7) → GL304; the row's own total no longer adds up
            (5+1+0+0+0+0 = 6 ≠ 7) → GL301; the prose 结转下年度6件 disagrees with it → GL302.
  7. GL302  the prose says 收到政府信息公开申请86件 while 表三 一、本年新收 / 总计 is 85. (The shares
            in the same paragraph are still computed on 85; a percentage check may add GL303.)
  8. GL403  the format notice is cited as 国办政务公开办函〔2021〕30号 (good: 国办公开办函〔2021〕30号).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent

ISSUER = "江南市清河区人民政府"
OFFICE = "江南市清河区人民政府办公室"
YEAR = 2023
TITLE = f"{ISSUER}{YEAR}年政府信息公开工作年度报告"
DATE = "2024年1月20日"
WEBSITE = "https://www.qinghe.example.gov.cn"
EMAIL = "zwgk@qinghe.example.gov.cn"
PHONE_GOOD = "0571-87654321"
PHONE_BAD = "0571-87654"
FORMAT_NOTICE_GOOD = "国办公开办函〔2021〕30号"
FORMAT_NOTICE_BAD = "国办政务公开办函〔2021〕30号"

# ---------------------------------------------------------------------------------------------
# the figures

# 表二 (2021): rows of (label, values); 本年收费金额 in 万元
T2_RULES = ("规章", 0, 0, 0)
T2_NORMATIVE = ("行政规范性文件", 6, 2, 48)
T2_LICENSING = 4218  # 行政许可 本年处理决定数量
T2_PENALTY = 1365  # 行政处罚
T2_COERCION = 27  # 行政强制
T2_FEES = "286.45"  # 行政事业性收费 本年收费金额（单位：万元）

T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
T3_MD_COLUMNS = (
    "申请人情况：自然人",
    "法人或其他组织：商业企业",
    "法人或其他组织：科研机构",
    "法人或其他组织：社会公益组织",
    "法人或其他组织：法律服务机构",
    "法人或其他组织：其他",
    "申请人情况：总计",
)
RESULTS = "三、本年度办理结果"
# (column-1 label, column-2 label, column-3 label, six applicant-column figures); 总计 is computed
T3_ROWS: tuple[tuple[str, str, str, tuple[int, ...]], ...] = (
    ("一、本年新收政府信息公开申请数量", "", "", (70, 9, 1, 1, 3, 1)),
    ("二、上年结转政府信息公开申请数量", "", "", (3, 0, 0, 0, 0, 0)),
    (RESULTS, "（一）予以公开", "", (30, 4, 1, 1, 1, 0)),
    (RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", (6, 1, 0, 0, 1, 0)),
    (RESULTS, "（三）不予公开", "1.属于国家秘密", (0, 0, 0, 0, 0, 0)),
    (RESULTS, "（三）不予公开", "2.其他法律行政法规禁止公开", (1, 0, 0, 0, 0, 0)),
    (RESULTS, "（三）不予公开", "3.危及“三安全一稳定”", (0, 0, 0, 0, 0, 0)),
    (RESULTS, "（三）不予公开", "4.保护第三方合法权益", (2, 1, 0, 0, 0, 0)),
    (RESULTS, "（三）不予公开", "5.属于三类内部事务信息", (1, 0, 0, 0, 0, 0)),
    (RESULTS, "（三）不予公开", "6.属于四类过程性信息", (2, 0, 0, 0, 0, 0)),
    (RESULTS, "（三）不予公开", "7.属于行政执法案卷", (1, 0, 0, 0, 0, 0)),
    (RESULTS, "（三）不予公开", "8.属于行政查询事项", (3, 0, 0, 0, 0, 0)),
    (RESULTS, "（四）无法提供", "1.本机关不掌握相关政府信息", (12, 2, 0, 0, 1, 0)),
    (RESULTS, "（四）无法提供", "2.没有现成信息需要另行制作", (2, 0, 0, 0, 0, 0)),
    (RESULTS, "（四）无法提供", "3.补正后申请内容仍不明确", (1, 0, 0, 0, 0, 0)),
    (RESULTS, "（五）不予处理", "1.信访举报投诉类申请", (3, 0, 0, 0, 0, 1)),
    (RESULTS, "（五）不予处理", "2.重复申请", (2, 0, 0, 0, 0, 0)),
    (RESULTS, "（五）不予处理", "3.要求提供公开出版物", (0, 0, 0, 0, 0, 0)),
    (RESULTS, "（五）不予处理", "4.无正当理由大量反复申请", (0, 0, 0, 0, 0, 0)),
    (RESULTS, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", (0, 0, 0, 0, 0, 0)),
    (
        RESULTS,
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        (1, 0, 0, 0, 0, 0),
    ),
    (
        RESULTS,
        "（六）其他处理",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        (0, 0, 0, 0, 0, 0),
    ),
    (RESULTS, "（六）其他处理", "3.其他", (1, 0, 0, 0, 0, 0)),
    (RESULTS, "（七）总计", "", ()),  # computed: sum of the 22 result rows above
    ("四、结转下年度继续办理", "", "", (5, 1, 0, 0, 0, 0)),
)

T4_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")
T4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
# per group: 结果维持, 结果纠正, 其他结果, 尚未审结 (总计 computed)
T4_DATA = ((3, 1, 0, 0), (1, 0, 1, 1), (1, 0, 0, 0))


def table3_figures() -> list[list[int]]:
    """The 25 data rows of 表三, 7 figures each (总计 column and （七）总计 row computed), with
    every identity of the format checked: T3-1 balance, T3-2 result sum, T3-3 row total."""
    rows: list[list[int]] = []
    for _, label2, _, figs in T3_ROWS:
        if label2 == "（七）总计":
            figs = tuple(sum(r[c] for r in rows[2:24]) for c in range(6))
        rows.append([*figs, sum(figs)])
    assert len(rows) == 25
    for c in range(7):
        assert rows[0][c] + rows[1][c] == rows[23][c] + rows[24][c], c  # T3-1
        assert rows[23][c] == sum(r[c] for r in rows[2:23]), c  # T3-2
    for r in rows:
        assert r[6] == sum(r[:6])  # T3-3
    return rows


def table4_figures() -> list[int]:
    out: list[int] = []
    for group in T4_DATA:
        out += [*group, sum(group)]  # T4-1
    return out


def pct(part: int, whole: int) -> str:
    """A share rounded half-up to one decimal, as officers compute it by hand: 37/82 → 45.1%."""
    q = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{q}%"


# ---------------------------------------------------------------------------------------------
# the report as blocks: ("title" | "date" | "h1" | "h2" | "p", text) or ("table", TableSpec)


@dataclass(frozen=True)
class TableSpec:
    """One statistics table in both shapes. Word: `grid` (every slot's text; a merged region
    shows the text of its top-left slot), `merges` as (r1, c1, r2, c2), 1-based, `labels` (the
    grid columns holding row labels, left-aligned) and `header_rows` (bold). GFM: `gfm`, one
    header row of flattened column names, then the body rows."""

    grid: list[list[str]]
    merges: list[tuple[int, int, int, int]]
    header_rows: int
    labels: int
    gfm: list[list[str]]
    widths_cm: tuple[float, ...]
    bold_rows: tuple[int, ...] = ()  # further 1-based rows set in bold (table 二's block headers)

    def covered(self) -> set[tuple[int, int]]:
        """1-based slots inside a merge other than its top-left one."""
        out = set()
        for r1, c1, r2, c2 in self.merges:
            out |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
        return out


def table2() -> TableSpec:
    def block(item: str, columns: list[str], rows: list[list[str]]) -> list[list[str]]:
        pad = lambda cells: cells + [""] * (4 - len(cells))  # noqa: E731
        return [pad([f"第二十条第（{item}）项"]), pad(["信息内容", *columns]), *(pad(r) for r in rows)]

    grid = (
        block(
            "一",
            ["本年制发件数", "本年废止件数", "现行有效件数"],
            [[T2_RULES[0], *map(str, T2_RULES[1:])], [T2_NORMATIVE[0], *map(str, T2_NORMATIVE[1:])]],
        )
        + block("五", ["本年处理决定数量"], [["行政许可", str(T2_LICENSING)]])
        + block("六", ["本年处理决定数量"], [["行政处罚", str(T2_PENALTY)], ["行政强制", str(T2_COERCION)]])
        + block("八", ["本年收费金额（单位：万元）"], [["行政事业性收费", T2_FEES]])
    )
    merges, bold = [], []
    for r, row in enumerate(grid, start=1):
        if row[0].startswith("第二十条"):
            merges.append((r, 1, r, 4))  # the block header spans the table
        elif row[2] == "" and row[1]:
            merges.append((r, 2, r, 4))  # one figure column: it spans the three
        if row[0].startswith("第二十条") or row[0] == "信息内容":
            bold.append(r)
    return TableSpec(grid, merges, 0, 1, grid, (5.0, 4.0, 4.0, 4.0), tuple(bold))


def table3(bad: bool) -> TableSpec:
    figures = table3_figures()
    if bad:
        figures[24][6] += 1  # 四、结转下年度继续办理 / 总计: 6 → 7 (defect t3-carry)
    header = [
        [T3_CORNER, "", "", "申请人情况", "", "", "", "", "", ""],
        ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", "", "", *T3_COLUMNS[1:6], ""],
    ]
    grid = [list(r) for r in header]
    gfm = [[T3_CORNER, "", "", *T3_MD_COLUMNS]]
    for (l1, l2, l3, _), figs in zip(T3_ROWS, figures, strict=True):
        row = [l1, l2, l3, *(str(v) for v in figs)]
        grid.append(row)  # labels repeated; Word keeps the text of a merged cell once
        gfm.append(list(row))  # GFM: repeated labels read as one cell spanning the rows
    merges = [(1, 1, 3, 3), (1, 4, 1, 10), (2, 4, 3, 4), (2, 5, 2, 9), (2, 10, 3, 10)]
    merges += [(4, 1, 4, 3), (5, 1, 5, 3), (28, 1, 28, 3)]  # 一、 二、 四、 span the label columns
    merges += [(6, 1, 27, 1)]  # 三、本年度办理结果, vertically over its 22 rows
    merges += [(6, 2, 6, 3), (7, 2, 7, 3), (27, 2, 27, 3)]  # （一） （二） （七）
    merges += [(8, 2, 15, 2), (16, 2, 18, 2), (19, 2, 23, 2), (24, 2, 26, 2)]  # （三）…（六）
    return TableSpec(grid, merges, 3, 3, gfm, (1.5, 2.4, 5.0, *([1.2] * 7)))


def table4(bad: bool) -> TableSpec:
    figures = [str(v) for v in table4_figures()]
    if bad:
        figures[4] = "5"  # 行政复议 总计: 3+1+0+0 = 4, written 5 (defect t4-total)
    grid = [
        ["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
        ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        [*T4_RESULTS * 3],
        figures,
    ]
    merges = [(1, 1, 2, 5), (1, 6, 1, 15), (2, 6, 2, 10), (2, 11, 2, 15)]
    gfm = [[f"{g}：{r}" for g in T4_GROUPS for r in T4_RESULTS], figures]
    return TableSpec(grid, merges, 3, 0, gfm, tuple([1.13] * 15))


def report(bad: bool) -> list[tuple]:
    t3 = table3_figures()
    received, carried_in, closed, carried_out = t3[0][6], t3[1][6], t3[23][6], t3[24][6]
    natural = t3[0][0]
    legal = received - natural
    disclosed, partly = t3[2][6], t3[3][6]
    refused = sum(r[6] for r in t3[4:12])
    unavailable = sum(r[6] for r in t3[12:15])
    not_handled = sum(r[6] for r in t3[15:20])
    other = sum(r[6] for r in t3[20:23])
    assert disclosed + partly + refused + unavailable + not_handled + other == closed
    t4 = table4_figures()
    review_total = t4[4]
    suits = [t4[5 + i] + t4[10 + i] for i in range(5)]  # 诉讼: both groups together
    assert suits[4] == sum(suits[:4])

    notice = FORMAT_NOTICE_BAD if bad else FORMAT_NOTICE_GOOD
    phone = PHONE_BAD if bad else PHONE_GOOD
    stated_received = received + 1 if bad else received  # defect prose-86
    readings = "XX" if bad else "24"  # defect placeholder
    period = "" if bad else f"本报告所列数据统计期限自{YEAR}年1月1日至{YEAR}年12月31日。"

    blocks: list[tuple] = [
        ("title", TITLE),
        ("date", DATE),
        (
            "p",
            f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和《中华人民共和国"
            f"政府信息公开工作年度报告格式》（{notice}）的要求，由{OFFICE}编制。{period}"
            f"本报告电子版可在清河区人民政府门户网站（{WEBSITE}）“政府信息公开”专栏查阅和下载。",
        ),
        (
            "p",
            f"如对本报告有疑问，请与{OFFICE}联系（地址：江南市清河区府前路18号，邮编：310099，"
            f"电话：{phone}，电子邮箱：{EMAIL}）。",
        ),
        ("h1", "一、总体情况"),
        (
            "p",
            f"{YEAR}年，清河区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，"
            "认真落实《条例》和上级关于政务公开工作的部署要求，坚持以公开促落实、促规范、促服务，"
            "政府信息公开工作质量和实效进一步提升。",
        ),
        ("h2", "（一）主动公开"),
        (
            "p",
            "全年通过区政府门户网站主动公开政府信息3126条，涵盖政策文件、财政预决算、重大建设项目、"
            f"公共资源配置等重点领域。全年制发行政规范性文件{T2_NORMATIVE[1]}件，废止{T2_NORMATIVE[2]}件，"
            f"截至年底现行有效行政规范性文件{T2_NORMATIVE[3]}件，均在门户网站“行政规范性文件”栏目集中公开。"
            f"依法公开行政许可决定{T2_LICENSING}件、行政处罚决定{T2_PENALTY}件、行政强制决定{T2_COERCION}件。",
        ),
        (
            "p",
            f"围绕优化营商环境、养老服务、义务教育招生等社会关注事项，发布文字、图表、视频等形式政策解读材料"
            f"{readings}件；召开新闻发布会9场，及时回应社会关切。",
        ),
        ("h2", "（二）依申请公开"),
        (
            "p",
            f"全年共收到政府信息公开申请{stated_received}件，上年结转{carried_in}件，办结{closed}件，"
            f"结转下年度{carried_out}件（均为年末收到、尚在法定答复期限内的申请）。从申请人类型看，"
            f"自然人申请{natural}件，占{pct(natural, received)}；法人或其他组织申请{legal}件，"
            f"占{pct(legal, received)}。申请内容主要集中在征地拆迁补偿、规划建设审批和行政执法等方面。",
        ),
        (
            "p",
            f"从办理结果看，予以公开{disclosed}件，占办结总数的{pct(disclosed, closed)}；部分公开{partly}件，"
            f"占{pct(partly, closed)}；不予公开{refused}件，占{pct(refused, closed)}；无法提供{unavailable}件，"
            f"占{pct(unavailable, closed)}；不予处理{not_handled}件，占{pct(not_handled, closed)}；"
            f"其他处理{other}件，占{pct(other, closed)}。所有申请均在法定期限内答复。",
        ),
        (
            "p",
            f"全年因政府信息公开工作被申请行政复议{review_total}件，其中结果维持{t4[0]}件、结果纠正{t4[1]}件；"
            f"被提起行政诉讼{suits[4]}件，其中结果维持{suits[0]}件、其他结果{suits[2]}件、"
            f"尚未审结{suits[3]}件。对复议纠正的案件，已督促承办单位重新作出答复。",
        ),
        ("h2", "（三）政府信息管理"),
        (
            "p",
            "严格执行公开前保密审查和“先审查、后公开”制度，明确拟公开信息的审查主体和审查程序。"
            "全年对门户网站已公开的政府信息开展两轮全面排查，对失效的政策文件及时标注，"
            "对涉及个人隐私的内容及时处理。按照国家和省相关领域基层政务公开标准目录，动态调整区级主动公开基本目录。",
        ),
        ("h2", "（四）政府信息公开平台建设"),
        (
            "p",
            "持续优化区政府门户网站“政府信息公开”专栏，完善政策文件库检索功能。规范政务新媒体管理，"
            "全区在运营政务新媒体账号12个，全年未发生严重表述错误。在区政务服务中心设立政府信息公开查阅点，"
            "为群众提供现场查阅和申请服务。全年编印《清河区人民政府公报》12期，免费向社会发放。",
        ),
        ("h2", "（五）监督保障"),
        (
            "p",
            "调整区政务公开工作领导小组，区政府办公室配备专职工作人员3名。全年组织政务公开业务培训4场，"
            "培训各部门、各街道工作人员320人次。",
        ),
        (
            "p",
            "工作考核、社会评议和责任追究结果情况：区政府将政务公开工作纳入全区综合绩效考核，"
            "年终对各部门、各街道逐一考核并通报结果；聘请10名政务公开社会监督员，通过问卷和座谈开展社会评议，"
            "评议结果总体满意；全年未发生因政府信息公开工作违法违规而被追究责任的情况。",
        ),
        ("h1", "二、主动公开政府信息情况"),
        ("p", "本年度主动公开政府信息情况如下表。本机关不具有规章制定权，表中规章各项均为0。"),
        ("table", table2()),
        ("h1", "三、收到和处理政府信息公开申请情况"),
        ("p", "本年度收到和处理政府信息公开申请情况如下表。"),
        ("table", table3(bad)),
        ("h1", "四、政府信息公开行政复议、行政诉讼情况"),
        ("p", "本年度因政府信息公开工作被申请行政复议、提起行政诉讼情况如下表。"),
        ("table", table4(bad)),
    ]
    if not bad:  # defect no-part-5
        blocks += [
            ("h1", "五、存在的主要问题及改进情况"),
            (
                "p",
                f"{YEAR}年，我区政府信息公开工作取得了一定成效，但对照新要求和群众新期待，仍有一些不足："
                "一是部分部门政策解读形式较为单一，图解、视频等解读比例不高；二是个别依申请公开答复告知书说理"
                "不够充分，规范化水平有待提升；三是基层政务公开标准化规范化建设推进不够平衡。",
            ),
            (
                "p",
                "下一步，我区将重点做好以下工作：一是推行政策文件与解读材料同步起草、同步审签、同步发布，"
                "提高图解、视频解读比例；二是制定依申请公开答复文书范本，实行重点答复集体会商和法律顾问审核；"
                "三是以街道为单位开展基层政务公开标准化规范化建设对标检查，推动均衡发展。",
            ),
            (
                "p",
                "上年度报告所列问题的整改情况：针对政务新媒体更新不及时的问题，已完成政务新媒体账号清理整合，"
                "建立季度检查通报机制，相关问题已整改到位。",
            ),
        ]
    blocks += [
        ("h1", "六、其他需要报告的事项"),
        ("p", f"{YEAR}年，本机关未收取政府信息公开信息处理费。"),
        (
            "p",
            f"{YEAR}年，区政府承办人大代表建议56件、政协委员提案72件，均按期办结，办理复文和办理结果按规定公开。"
            "认真落实上级政务公开工作要点，各项任务均按期完成。",
        ),
    ]
    return blocks


# ---------------------------------------------------------------------------------------------
# Markdown


def _gfm_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def render_markdown(blocks: list[tuple]) -> str:
    out: list[str] = []
    for kind, content in blocks:
        if kind == "title":
            out.append(f"# {content}")
        elif kind == "h1":
            out.append(f"## {content}")
        elif kind == "h2":
            out.append(f"### {content}")
        elif kind in ("p", "date"):
            out.append(content)
        elif kind == "table":
            rows = content.gfm
            lines = [_gfm_row(rows[0]), "|" + "---|" * len(rows[0])]
            lines += [_gfm_row(r) for r in rows[1:]]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# DOCX

FIXED_TIME = dt.datetime(2024, 1, 20, 9, 0, 0)
ZIP_TIME = (2024, 1, 20, 9, 0, 0)


def _east_asian_font(style_or_run, name: str) -> None:
    from docx.oxml.ns import qn

    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def _setup_styles(document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    styles = document.styles
    for name, font, size, bold in (
        ("Normal", "仿宋", 16, False),
        ("Title", "宋体", 22, True),
        ("Heading 1", "黑体", 16, False),
        ("Heading 2", "楷体", 16, False),
    ):
        st = styles[name]
        _east_asian_font(st, font)
        st.font.size = Pt(size)
        st.font.bold = bold
        st.font.italic = False
        st.font.color.rgb = RGBColor(0, 0, 0)
        pf = st.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.line_spacing = Pt(28)
    title = styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    title.paragraph_format.line_spacing = Pt(36)
    # the template's Title style draws a bottom border; an official report has none
    ppr = title.element.pPr
    if ppr is not None:
        from docx.oxml.ns import qn

        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
    for name in ("Heading 1", "Heading 2"):
        styles[name].paragraph_format.first_line_indent = Pt(32)


def _add_table(document, spec: TableSpec) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    nrows, ncols = len(spec.grid), len(spec.grid[0])
    table = document.add_table(rows=nrows, cols=ncols)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for c, w in enumerate(spec.widths_cm):
        table.columns[c].width = Cm(w)
        for r in range(nrows):
            table.cell(r, c).width = Cm(w)
    for r1, c1, r2, c2 in spec.merges:
        table.cell(r1 - 1, c1 - 1).merge(table.cell(r2 - 1, c2 - 1))
    covered = spec.covered()
    size = Pt(10.5 if ncols == 4 else 9)
    for r in range(1, nrows + 1):
        for c in range(1, ncols + 1):
            if (r, c) in covered:
                continue
            text = spec.grid[r - 1][c - 1]
            cell = table.cell(r - 1, c - 1)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            para = cell.paragraphs[0]
            para.paragraph_format.first_line_indent = Pt(0)
            para.paragraph_format.line_spacing = 1.0
            header = r <= spec.header_rows or r in spec.bold_rows
            left = c <= spec.labels and not header
            para.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
            if text:
                run = para.add_run(text)
                run.font.size = size
                run.font.bold = header


def render_docx(blocks: list[tuple], path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    _setup_styles(document)
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    props = document.core_properties
    props.title = TITLE
    props.author = OFFICE
    props.last_modified_by = OFFICE
    props.subject = f"{YEAR}年政府信息公开工作年度报告"
    props.keywords = "政府信息公开;年度报告"
    props.comments = "govlint example, generated by examples/make_examples.py"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    for kind, content in blocks:
        if kind == "title":
            document.add_paragraph(content, style="Title")
        elif kind == "date":
            p = document.add_paragraph(content)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(12)
        elif kind == "h1":
            document.add_paragraph(content, style="Heading 1")
        elif kind == "h2":
            document.add_paragraph(content, style="Heading 2")
        elif kind == "p":
            p = document.add_paragraph(content)
            p.paragraph_format.first_line_indent = Pt(32)
        elif kind == "table":
            _add_table(document, content)
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(_stable_zip(buf.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed member timestamps and attributes, so equal input gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 3
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------


def write_all(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, bad in (("good-2023", False), ("bad-2023", True)):
        blocks = report(bad)
        md = outdir / f"{stem}.md"
        md.write_text(render_markdown(blocks), encoding="utf-8", newline="\n")
        dx = outdir / f"{stem}.docx"
        render_docx(blocks, dx)
        written += [md, dx]
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: this script's folder)")
    args = ap.parse_args(argv)
    for path in write_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
