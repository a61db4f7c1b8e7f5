//! The task verbs an owner comes before (`张三负责…`), shared by the scanner's parts.

/// Verbs that follow an owner (`张三负责…`, `由李四牵头…`).
pub(super) const VERBS: &[&str] = &[
    "负责", "牵头", "跟进", "落实", "对接", "协调", "整理", "准备", "完成", "提交", "组织", "确认", "梳理",
    "排查", "推进", "联系", "评估", "制定", "编写", "出具", "起草", "安排", "核实", "补充", "更新", "修订",
    "开展", "输出", "提供", "发起", "反馈", "督促", "复核", "测试", "部署", "上线", "通知", "汇总", "统计",
    "检查", "研究", "审核", "撰写", "修改", "处理", "收集", "开发", "发出", "发送", "召集", "约", "来",
    // `11月6日前提测`: hand a build over for testing.
    "提测", // `将培训课件上传学习平台`: put a file where others fetch it.
    "上传", // `由某某补录…预提费用差异`: enter what was left out.
    "补录", // `编制…时间表`, `拟定…方案`: draw a document up.
    "编制", "拟定", "拟订",
];

/// Whether the text holds a task verb (two characters or more).
pub(crate) fn has_task_verb(text: &str) -> bool {
    VERBS.iter().any(|v| v.chars().count() >= 2 && text.contains(v))
}
