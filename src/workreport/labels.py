"""The Chinese words the product shows for its codes and column names (CLI, web pages, CSV and
xlsx headers).  One table each, so a page, a CSV and the terminal say the same thing."""
from __future__ import annotations

LEVEL_LABELS = {
    "national": "国家级",
    "province": "省级",
    "city": "市级",
    "county_district": "县区级",
    "township_street": "乡镇街道",
    "enterprise_other": "企业及其他",
}
ROLE_LABELS = {
    "achievements": "成绩",
    "highlights": "亮点",
    "problems": "问题",
    "plan": "计划",
    "suggestions": "建议",
    "overview": "概述",
    "other": "其他",
}
KIND_LABELS = {
    "actual": "实际值",
    "target": "目标",
    "rate": "比率",
    "growth": "增速",
    "placeholder": "占位符",
}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
# The kinds of problem the checker reports (a finding's ``rule``; docs/CHECKS.md lists them).
RULE_LABELS = {
    "sum_mismatch": "合计与分项不符",
    "percent_mismatch": "百分比与数字不符",
    "growth_mismatch": "增减幅度与数值不符",
    "duplicate_text": "文字重复",
    "enumeration_gap": "“一是……”缺号",
    "enumeration_duplicate": "“一是……”重号",
    "ordinal_sequence": "标题序号不连续",
    "missing_ordinal": "标题缺少序号",
    "broken_ordinal": "序号与标题断开",
    "placeholder": "遗留占位符",
    "year_mismatch": "年份前后不符",
    "org_name_variant": "单位名称前后不一",
    "typo": "错别字",
    "unbalanced_pair": "括号引号不成对",
    "mixed_width": "全角半角混用",
    "missing_section": "缺少组成部分",
}
STATUS_LABELS = {"met": "已完成", "missed": "未完成", "no_evidence": "无证据"}
FIELD_LABELS = {"org": "单位", "level": "层级", "domain": "领域", "year": "年份"}
ACTION_LABELS = {"edit": "修改", "delete_report": "删除报告", "delete_document": "删除文档"}

# Column headers of every table the product writes (CSV, xlsx): the machine name stays in JSON
# and Parquet, people get these.
COLUMN_LABELS = {
    "id": "编号",
    "document": "来源文件",
    "path": "文件路径",
    "name": "文件名",
    "line": "行",
    "end_line": "止行",
    "line_start": "起行",
    "line_end": "止行",
    "n_lines": "行数",
    "sha256": "SHA-256",
    "format": "格式",
    "encoding": "编码",
    "size": "字节数",
    "n_reports": "报告数",
    "n_paragraphs": "段落数",
    "n_indicators": "指标数",
    "n_pairs": "目标完成对数",
    "n_plan_items": "计划项数",
    "n_findings": "问题数",
    "ingested_at": "入库时间",
    "report_id": "报告编号",
    "report_start_line": "报告起行",
    "org": "单位",
    "level": "层级",
    "region": "地区",
    "domain": "领域",
    "year": "年份",
    "title": "标题",
    "rule": "规则",
    "parent_id": "上级章节",
    "depth": "层次",
    "ordinal": "序号",
    "inferred_ordinal": "推断序号",
    "heading": "标题",
    "role": "章节作用",
    "family": "序号体系",
    "section": "所在章节",
    "text": "文字",
    "measure": "指标",
    "measure_phrase": "指标原文",
    "period": "所属年份",
    "period_end": "所属止年",
    "period_kind": "期别",
    "value": "原文数值",
    "number": "数值",
    "unit": "计量单位",
    "kind": "类型",
    "normalized_value": "标准化数值",
    "normalized_unit": "标准化单位",
    "low": "下限",
    "high": "上限",
    "qualifier": "限定词",
    "span": "原文",
    "col": "列",
    "target": "目标",
    "actual": "完成",
    "completion": "完成率",
    "deadline": "时限",
    "lead_org": "牵头单位",
    "targets": "目标值",
    "severity": "严重程度",
    "message": "说明",
    "wrong": "原文",
    "right": "建议改为",
    "figures": "数值",
}
TABLE_LABELS = {
    "documents": "文档",
    "reports": "报告",
    "sections": "章节",
    "paragraphs": "段落",
    "indicators": "指标",
    "pairs": "目标完成",
    "plan_items": "计划项",
    "findings": "问题",
}


def column_label(name: str) -> str:
    return COLUMN_LABELS.get(name, name)


def level_label(code: str | None) -> str:
    return LEVEL_LABELS.get(code or "", code or "")
