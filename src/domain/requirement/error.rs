//! Why a requirement action was refused, in the plain Chinese the user reads.

/// Why a requirement action was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequirementError {
    /// Not allowed in this status.
    #[error("需求当前为“{status}”，不能{action}")]
    WrongState {
        /// The verb.
        action: &'static str,
        /// The status label.
        status: &'static str,
    },
    /// The actor may not do this.
    #[error("只有{who}可以{action}")]
    Forbidden {
        /// The verb.
        action: &'static str,
        /// Who may.
        who: String,
    },
    /// Nobody is configured to triage.
    #[error(
        "还没有配置需求管理员，暂时无人可以{action}：请系统管理员在配置文件的 [requirements] managers \
         中填写需求管理员的 open_id（ou_ 开头），重启后生效"
    )]
    NoManagers {
        /// The verb.
        action: &'static str,
    },
    /// A reason / question / text is required.
    #[error("{action}时请写明{what}")]
    MissingText {
        /// The verb.
        action: &'static str,
        /// What is missing (原因 / 需要补充的内容 …).
        what: &'static str,
    },
    /// Merging into itself.
    #[error("不能把需求合并到它自己")]
    SelfMerge,
    /// A rating outside 1–5.
    #[error("评分请选择1到5星，收到的是{rating}")]
    BadRating {
        /// The value given.
        rating: u8,
    },
    /// Feedback before the project delivered.
    #[error("需求对应的项目到“效果反馈”阶段后才能评价，目前进度：{status}")]
    FeedbackTooEarly {
        /// The loop status label.
        status: &'static str,
    },
}
