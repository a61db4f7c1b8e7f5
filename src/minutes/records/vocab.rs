//! The words of records (pure), kept once: the brackets around a tag or a label, the words of a
//! label that names a card's owner, helpers, deadline or state, and the states a card or a value
//! says (open, done, put off). [`super::bracketed`] looks for an owner or a deadline word inside a
//! label, [`super::kanban`] wants the label to be the word or end with it, [`super::role`] reads a
//! value; each adds the few words its way of reading needs, beside the shared ones.

/// Brackets a writer puts around a tag (`【卡片】`, `[Task]`) or a label (`〔时限〕…`).
pub(super) const BRACKETS: &[(char, char)] = &[('【', '】'), ('[', ']'), ('〔', '〕'), ('［', '］')];
/// [`BRACKETS`], and the rarer ones a card of bracketed labels also uses (`〖时限〗`, `「责任人」`);
/// read only in a card whose labels name an owner or a deadline, since `「…」` also quotes.
pub(super) const LABEL_BRACKETS: &[(char, char)] = &[
    ('【', '】'),
    ('[', ']'),
    ('〔', '〕'),
    ('［', '］'),
    ('〖', '〗'),
    ('「', '」'),
];

/// Words of a label that names who does the work (`负责人`, `牵头部门`, `Owner`), read lowercased.
pub(super) const OWNER: &[&str] = &["负责", "牵头", "主办", "执行人", "跟进人", "owner"];
/// Words of a label that names when the work is due (`时限`, `截止日期`, `Due`), read lowercased.
pub(super) const DUE: &[&str] = &["截止", "时限", "期限", "due", "deadline", "ddl"];
/// Labels that name a card's state.
pub(super) const STATE: &[&str] = &["状态", "进度", "进展", "当前状态", "status", "state"];
/// Labels that name who helps.
pub(super) const HELP: &[&str] = &["配合人", "配合", "协办人", "协办", "协助"];
/// Words of a label that names who only follows the work (a task card's `关注人`, `知会人`,
/// `Followers`), read lowercased: never an owner.
/// A card's `分管领导`/`督办领导` oversees the work, not does it.
pub(super) const WATCH: &[&str] = &[
    "关注",
    "知会",
    "知悉",
    "分管领导",
    "督办领导",
    "follower",
    "watcher",
    "subscriber",
];

/// States that say the work is done or closed, by a card's state field and a field's value alike.
pub(super) const DONE: &[&str] = &[
    "已完成",
    "完成",
    "已关闭",
    "关闭",
    "已办结",
    "办结",
    "已上线",
    "已取消",
    "取消",
    "done",
    "closed",
    "finished",
    "cancelled",
];
/// Values that say the work is done besides [`DONE`] (read as written).
pub(super) const DONE_VALUE: &[&str] = &[
    "已结项",
    "已解决",
    "已撤销",
    "已落实",
    "已发布",
    "已交付",
    "已提交",
    "已归档",
    "Done",
    "DONE",
    "Closed",
    "Completed",
    "completed",
    "Finished",
    "Cancelled",
];
pub(super) const OPEN: &[&str] = &[
    "进行中",
    "待开始",
    "未开始",
    "待启动",
    "未启动",
    "处理中",
    "推进中",
    "跟进中",
    "待处理",
    "未完成",
    "已延期",
    "延期",
    "待办",
    "规划中",
    "筹备中",
    "开发中",
    "测试中",
    "实施中",
    "整改中",
    "In progress",
    "in progress",
    "To do",
    "To Do",
    "TODO",
    "todo",
    "Todo",
    "Open",
    "open",
    "Pending",
    "pending",
    "WIP",
    "Blocked",
    "Not started",
    "not started",
    "Doing",
    "doing",
];
pub(super) const SHELVED: &[&str] = &[
    "暂缓",
    "搁置",
    "挂起",
    "不通过",
    "否决",
    "驳回",
    "暂停",
    "On hold",
    "on hold",
    "Rejected",
    "rejected",
];
