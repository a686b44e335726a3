"""A small 2021-format report built in code, in the corpus's pipe-row style: 表二, 表三 (25 data
rows) and 表四, every identity holding, with optional prose; helpers to change one cell."""

from __future__ import annotations

from govlint import engine
from govlint.analyze import analyze_document
from govlint.readers import markdown
from tests.kinds.tables_packs import packset

ROWS3 = [
    ("一、本年新收政府信息公开申请数量",),
    ("二、上年结转政府信息公开申请数量",),
    ("三、本年度办理结果", "（一）予以公开"),
    ("三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    *[("三、本年度办理结果", "（三）不予公开", x) for x in (
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项")],
    *[("三、本年度办理结果", "（四）无法提供", x) for x in (
        "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")],
    *[("三、本年度办理结果", "（五）不予处理", x) for x in (
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息")],
    *[("三、本年度办理结果", "（六）其他处理", x) for x in (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他")],
    ("三、本年度办理结果", "（七）总计"),
    ("四、结转下年度继续办理",),
]

# Six applicant columns per result row (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他).
RESULTS = [
    [30, 4, 1, 1, 1, 0], [6, 1, 0, 0, 1, 0],
    [0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0],
    [1, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], [3, 0, 0, 0, 0, 0],
    [12, 2, 0, 0, 1, 0], [2, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0],
    [3, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
    [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0],
]
NEW = [70, 9, 1, 1, 3, 1]
CARRIED = [3, 0, 0, 0, 0, 0]


def table3_values(new=NEW, carried=CARRIED, results=RESULTS) -> list[list[int]]:
    """25 rows × 7 values (six columns + 总计) with every identity of the format holding."""
    done = [sum(col) for col in zip(*results, strict=False)]
    left = [n + c - d for n, c, d in zip(new, carried, done, strict=False)]
    rows = [new, carried, *results, done, left]
    return [[*r, sum(r)] for r in rows]


TABLE4 = [3, 1, 0, 0, 4, 1, 0, 1, 1, 3, 1, 0, 0, 0, 1]


def table3_md(values: list[list[object]]) -> str:
    lines = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况",
             " | 自然人 | 法人或其他组织：商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计"]
    for labels, vals in zip(ROWS3, values, strict=False):
        lines.append(" | ".join([*labels, *(str(v) for v in vals)]))
    return "\n".join(lines)


def table4_md(values: list[object] = TABLE4) -> str:
    head = ("行政复议：结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉：结果维持 | 结果纠正 | "
            "其他结果 | 尚未审结 | 总计 | 复议后起诉：结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计")
    return "\n".join(["行政复议 | 行政诉讼", head, " | ".join(str(v) for v in values)])


TABLE2 = """第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | {reg} | 0 | {reg_now}
行政规范性文件 | 6 | 2 | 48
第二十条第（五）项
信息内容 | 本年处理决定数量
行政许可 | 4218
第二十条第（六）项
信息内容 | 本年处理决定数量
行政处罚 | 1365
行政强制 | 27
第二十条第（八）项
信息内容 | 本年收费金额（单位：万元）
行政事业性收费 | 286.45"""


def report(t3: list[list[object]] | None = None, t4: list[object] | None = None, prose: str = "",
           issuer: str = "江南市清河区人民政府", year: int = 2023, reg: object = 0, reg_now: object = 0) -> str:
    t3 = t3 if t3 is not None else table3_values()
    t4 = t4 if t4 is not None else TABLE4
    return "\n\n".join([
        f"{issuer}{year}年政府信息公开工作年度报告",
        f"本报告所列数据统计期限自{year}年1月1日至{year}年12月31日。",
        "一、总体情况", prose or "稳步推进。",
        "二、主动公开政府信息情况", TABLE2.format(reg=reg, reg_now=reg_now),
        "三、收到和处理政府信息公开申请情况", table3_md(t3),
        "四、政府信息公开行政复议、行政诉讼情况", table4_md(t4),
        "五、存在的主要问题及改进情况", "问题如下。", "六、其他需要报告的事项", "无。",
    ]) + "\n"


def doc_of(src: str, name: str = "draft.md"):
    return analyze_document(markdown.read_text(name, src))


def lint(src: str, select=("GL1", "GL3"), previous=None):
    settings = engine.Settings(select=list(select), previous=doc_of(previous) if isinstance(previous, str) else previous)
    return engine.lint(doc_of(src), packset(), settings)
