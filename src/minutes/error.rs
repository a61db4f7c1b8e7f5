//! Why a draft item from minutes cannot be edited or converted (pure; messages are shown to users).

/// Why a draft item cannot be edited or converted. The message is shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MinutesError {
    /// The index does not name a draft item of this meeting.
    #[error("没有找到第{number}条待办，请刷新卡片后重试")]
    NoSuchItem {
        /// The 1-based number shown on the card.
        number: usize,
    },
    /// The draft was already converted.
    #[error("第{number}条待办已转为督办事项 {id}，无需重复操作")]
    AlreadyConverted {
        /// The 1-based number.
        number: usize,
        /// The item it became.
        id: crate::domain::ids::ItemId,
    },
    /// The draft was ignored.
    #[error("第{number}条待办已被忽略；如需跟进，请直接用“/督办”新建事项")]
    AlreadyIgnored {
        /// The 1-based number.
        number: usize,
    },
    /// Neither a resolved owner nor a deadline.
    #[error("第{number}条待办还缺负责人和截止日期：请在卡片上选择负责人和日期后再转为督办")]
    MissingOwnerAndDeadline {
        /// The 1-based number.
        number: usize,
    },
    /// No owner at all.
    #[error("第{number}条待办还没有负责人：请在卡片上选择一位负责人后再转为督办")]
    MissingOwner {
        /// The 1-based number.
        number: usize,
    },
    /// Only a department, team or post was written as responsible.
    #[error("第{number}条待办写的是由“{unit}”负责：请在卡片上选择一位具体负责人后再转为督办")]
    UnitOnly {
        /// The 1-based number.
        number: usize,
        /// The units as written.
        unit: String,
    },
    /// Owners written in the minutes that match no group member.
    #[error("第{number}条待办的负责人“{name}”不在本群成员中，无法确定是谁：请在卡片上选择负责人")]
    UnresolvedOwner {
        /// The 1-based number.
        number: usize,
        /// The name as written.
        name: String,
    },
    /// No deadline.
    #[error("第{number}条待办还没有截止日期：请在卡片上选择日期后再转为督办")]
    MissingDeadline {
        /// The 1-based number.
        number: usize,
    },
    /// A deadline was written but could not be accepted.
    #[error("第{number}条待办的截止时间“{text}”无法确定：请在卡片上选择日期后再转为督办")]
    UnreadableDeadline {
        /// The 1-based number.
        number: usize,
        /// The deadline as written.
        text: String,
    },
    /// An edit would leave the text empty.
    #[error("待办内容不能为空，请填写要做的事")]
    EmptyText,
}
