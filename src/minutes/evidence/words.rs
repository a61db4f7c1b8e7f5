//! The words the evidence is read from (data): modal and task words, status, figures, small talk,
//! standing rules, meeting records and the rest.

/// Modal and request words (`要`, `需`, `请` …), checked after [`NOT_MODAL`] words are removed.
pub(super) const MODAL: &[&str] = &[
    "要", "需", "须", "请", "责成", "务必", "应当", "确保", "负责", "牵头", "跟进", "落实", "给到", "对齐",
    "to ", "will ", "please", "'ll ", "’ll ",
];

/// Words holding a modal character that ask for nothing (`要求`, `需求`, `重要`).
pub(super) const NOT_MODAL: &[&str] = &[
    "要求",
    "需求",
    "重要",
    "主要",
    "概要",
    "摘要",
    "必要",
    "需要一",
    "只要",
];

/// Single-character task verbs that the scanner's list leaves out (`出`, `给`, `交`, `发`).
pub(super) const SHORT_VERBS: &[&str] = &[
    "出",
    "给",
    "交",
    "发",
    "报",
    "做",
    "收",
    "定",
    "改",
    "拿",
    "写",
    "查",
    "建",
    "办",
    "签",
    "约",
    "订",
    // Colloquial `做` (`方志远自己弄`, `搞一版`) and `跟进` (`黄蕾这边跟一下`).
    "弄",
    "搞",
    "跟一下",
    "盯一下",
    "沟通",
    "值守",
    "值班",
    "碰头",
    "定稿",
    "补",
    "盘一下",
    // `你跟合规对一下话术`: colloquial 核对.
    "对一下",
    "盘点",
    "抽取",
    "抽查",
    "核对",
    // `各营业部推荐候选人`, `过期灭火器…更换完毕`: naming people for a role, replacing worn kit.
    "推荐",
    "更换",
    "finalize",
    "renew",
    "check",
    "confirm",
    "fix",
    "schedule",
    "organi",
    "prepare",
    "send",
    "update",
    "review",
    "submit",
    "refresh",
    "draft",
    "set up",
    "sign",
    "调整",
    "归档",
    "验证",
    "校准",
    "排出",
    "优化",
    "整改",
    "上报",
    "盘点",
    "回访",
    "拜访",
    "设计",
    "谈判",
    "redline",
    "benchmark",
    "follow up",
    // `Grace will brief the sales team`, `Mark to chase the client`: more English work verbs.
    "brief the",
    "chase",
    "circulate",
    "book ",
    "collect",
    "arrange",
    "coordinate",
    "compile",
    // `today I'll finish the page`, `rebuild the table`, `raise a ticket`.
    "finish",
    "rebuild",
    "raise a",
    "write",
    "deliver",
    // `Tommy to publish a flash note`, `Angela will ask sales for the list`, `translate the
    // weekly`: a research desk's work.
    "publish",
    " ask ",
    "translate",
    "co-write",
    "pull the",
    "share the",
    "run the",
    "set the",
    "contact",
    "call the",
];

/// Completion and status words.
pub(super) const DONE: &[&str] = &[
    "已完成",
    "已上线",
    "已关闭",
    "已执行",
    "已修复",
    "已交齐",
    "已报送",
    "已提交",
    "已落实",
    "已办结",
    "已解决",
    "已到位",
    "已经",
    "已于",
    "已做完",
    "已签",
    "已发",
    "已通过",
    "已部署",
    "已结束",
    "已处理",
    "已整改",
    "已回收",
    "已收到",
    "已报",
    "已全部",
    "已按",
    "做完了",
    "完成了",
    "无需",
    "不另行安排",
    // `…由骆文涛更新（现行做法，不变）`, `（按割接方案执行，不另安排）`, `（…，不单列）`: as it is.
    "现行做法",
    "不另安排",
    "不单列",
    "不再跟踪",
    // `…由某某另行安排，不在本次布置范围`: not among the work given out here.
    "不在本次布置",
    "不在本次会议布置",
    // Told for information, or someone else's work (`（仅通报）`, `（我方不跟踪）`).
    "仅通报",
    "仅供参考",
    "仅供知悉",
    "知悉即可",
    // `…分别负责节日期间的远程监控，按值班表执行即可`: a rota already out, nothing new given.
    "执行即可",
    "照常执行",
    "请知悉",
    "请各位知悉",
    "请大家知悉",
    "特此提醒",
    "仅作记录",
    "不跟踪",
    "无需跟踪",
    "不需跟踪",
    "不纳入督办",
    "不列入待办",
    "for info only",
    "fyi only",
    "not tracked",
    "no action needed",
    // `already confirmed by X, no action.`, `no further action`, `no action required`.
    "no action",
    "no further action",
    "不再单独",
    "按期完成",
    "均已",
    "顺利完成",
    "all closed",
    "done",
    "completed",
    "on track",
    "passed",
    "was delayed",
    // `hotfix 2.8.3 released to prod`, `deployed to UAT`, `went live`.
    "released to",
    "deployed to",
    "went live",
    "delayed by",
    // `某某班组获评本月“服务之星”`: an award reported, not work.
    "获评",
    "荣获",
    "被评为",
];

/// Figures and comparisons.
pub(super) const FIGURES: &[&str] = &["%", "％", "百分点", "万元", "亿元", "万户", "yoy"];

/// Conversation and reported speech that assign nothing.
pub(super) const CHATTER: &[&str] = &[
    "我这边",
    "我们这边",
    "大概",
    "可能",
    "辛苦了",
    "辛苦大家",
    "散会",
    "谢谢",
    "大家",
    "我来",
    "说下",
    "说上",
    "说这",
    "说那",
    "说我",
    "说他",
    "说她",
    // `你说周报汇总第一次做，口径不清楚。`: the other one's words retold (a one-to-one talk).
    "你说",
    "提到",
    "介绍了",
    "表示",
    "认为",
    // `某某觉得可以先…`: an opinion given at the meeting, like `认为`.
    "觉得",
    "汇报了",
    "通报了",
    "讨论了",
    "汇报：",
    "介绍：",
    "通报：",
    "说：",
    "补充，",
    "如有",
    // Live notes of what was not heard (`…（后半句没听清）`): nothing to hold anyone to.
    "没听清",
    "听不清",
    "未听清",
    // Closings and acknowledgements.
    "先到这",
    "就到这",
    // `…，今天先这样。`: a closing; its `今天` is the meeting's day, not a deadline.
    "先这样",
    "到这里吧",
    // `小魏你那边情况怎么样？`: asking how things stand asks for a report, not work.
    "情况怎么样",
    "进展怎么样",
    "进度怎么样",
    "情况如何",
    "进展如何",
];

/// Acknowledgements (`好的。`, `收到，`): small talk where they open a sentence or a clause, not
/// inside one (`这个是好的`, `收到后三天内反馈`).
pub(super) const ACKS: &[&str] = &["好的", "收到", "没问题", "明白"];

/// The opening of a meeting and who attended it (`召开了…会，马总主持，…参加`, `人到齐了，我们
/// 开始`, `陈浩你先说说数据`): a record of the meeting, not a task.
pub(super) const MEETING_RECORD: &[&str] = &[
    "召开了",
    "召开的",
    "主持召开",
    "主持，",
    "主持；",
    "主持：",
    "主持:",
    "参加。",
    "参加，",
    "参会：",
    "参会:",
    "参加：",
    // `到会：某某（负责人）、某某`, `在场：…`, `实到：…`: who came, whatever the label.
    "到会：",
    "到会:",
    "在场：",
    "在场:",
    "实到：",
    "实到:",
    // `… 16:00, attendees: 某某, 某某`: who came, in English.
    "attendees:",
    "attendees：",
    "participants:",
    "attendance:",
    // `9月9日　检查组：某某、某某`: who carried out an inspection.
    "检查组：",
    "检查人：",
    // `4月22日评审，参与：@某某 @某某`: who took part.
    "参与：",
    "参与:",
    "参加:",
    "与会：",
    "与会:",
    "参会人",
    "出席",
    "列席",
    "人到齐",
    "我们开始",
    "先说说",
    "先说一下",
    // `田宇你先说情况`, `某某你先说报盘机`: the floor given, not work.
    "你先说",
    "先介绍",
    "先讲",
    // A question asked and answered at the meeting (`聂文解答：需要，按办法执行`).
    "解答：",
    "回答：",
    "提问",
    "简单通报",
    "简单说",
    "简单讲",
    "简单汇报",
    "简单过一下",
    "主要聊",
    "主要说",
    "主要讨论",
    "记录：",
    "记录 ",
    // `创建人：@某某 更新于 3月4日 17:00`: a shared document's header, not work.
    "创建人：",
    "创建人:",
    "创建者：",
];

/// An open item put off to a new date (`延期，原定5月15日，改为5月22日完成`): still to do.
pub(super) const RESCHEDULED: &[&str] = &[
    "延期",
    "顺延",
    "推迟至",
    "推迟到",
    "延后至",
    "延至",
    "改为",
    // `…跟进，排期新定为12月18日前交付测试`: a new date for work under way.
    "新定为",
    "改定为",
    "重新定为",
];

/// A request opening a clause (`请将整改报告报…`, `请于周五前…`): the readers are asked to act.
/// Units addressed as a whole (`各营业部…`): with a date, they are told to act.
pub(super) const UNITS_TOLD: &[&str] = &["各营业部", "各部门", "各分公司", "各单位", "各相关部门"];
pub(super) const REQUESTS: &[&str] = &["请将", "请把", "请于", "请在"];

/// Labels of a note under a list or a table (`说明：…才能排期`, `备注：`): an explanation.
pub(super) const NOTE_LABELS: &[&str] = &[
    "说明：",
    "说明:",
    "备注：",
    "备注:",
    "注：",
    "注:",
    "note:",
    // `主题：下半年资产配置展望`: what an event is about.
    "主题：",
    "主题:",
    // `Risk: 如果审批晚于…，上线顺延`: a risk noted, not work.
    "risk:",
    "risk：",
    "风险：",
    "风险:",
    "风险点：",
    "风险提示：",
    // `涉及：集中交易柜台、营业部网关`: what the work touches, described.
    "涉及：",
    "涉及:",
    "影响范围：",
    "影响范围:",
];

/// Standing rules.
pub(super) const STANDING: &[&str] = &[
    "每月",
    "每周",
    "每天",
    "每日",
    "每季",
    "每两周",
    "每双周",
    "每半月",
    "每个月",
    "每隔",
    "定期",
    "常态化",
    "长期",
    // `各客户经理持续做好存量客户维护`: keeping up a duty, no new task.
    "持续做好",
    "下次会议",
    "下次例会",
    // `下次1:1还是月底，到时候再约`: when the next talk is, no one's work.
    "下次1:1",
    "下次1：1",
    "下次一对一",
    "下次面谈",
    // `下周例会改到周二上午`, `例会由某某主持`: when and by whom the meeting is held, not work.
    "例会改到",
    "例会改在",
    "例会改期",
    "例会顺延",
    "例会暂停",
    "例会由",
    // Carried on as before, not a new task.
    "常规工作",
    // `…的技术保障——这是常规值守，每场都要`, `每周一发（这个是常规）`.
    "常规值守",
    "是常规",
    "（常规）",
    // `…，此为日常职责`: the same said of a duty.
    "日常职责",
    "此为日常",
    "属于日常",
    "属日常",
    "按原流程",
    "按惯例",
    "惯例",
    "按现行",
    "按原计划",
    "照旧",
    // `模板暂用去年版本，不改`: kept as it is for now.
    "暂用",
    "照常",
    "例行",
    "沿用",
    "固定议程",
    // A rule from now on (`即日起一律先审后发`, `各处室要严格落实值班制度`), not a task.
    "一律",
    "严格落实",
    "严格执行",
    "严禁",
    // `中秋、国庆期间的值班，按总部统一安排`, `应急值守，按常规执行`: arranged as it always is.
    "按总部统一安排",
    "按统一安排",
    "按常规执行",
    // `…，此为常规要求`: a standing requirement restated, not a new task.
    "常规要求",
    "此为常规",
    "属于常规",
    "属常规",
];

/// A question that asks someone to commit (`月内报给总部没问题吧？`) is not small talk.
pub(super) const NOT_CHATTER: &[&str] = &[
    // `我觉得要，我先起草…`: the speaker's own view, often before taking the work on (a
    // reported one, `某某觉得…`, is hearsay).
    "我觉得",
    "我们觉得",
    // `蒲经理说他去催`: the one speaking takes it on.
    "说他去",
    "说她去",
    "说他来",
    "说她来",
    "没问题吧",
    "没问题吗",
    "没问题？",
    "给大家",
    "发大家",
    "告知大家",
    "告诉大家",
    "提醒大家",
];

/// Words before a figure that make it a target, not a report (`不少于20笔`).
pub(super) const TARGET_WORDS: &[&str] = &[
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "至少",
    "达到",
    "控制在",
    "提升至",
    "提高到",
    "降至",
    "降到",
    // A threshold that selects (`维持担保比例低于140%的名单`), not a figure reported.
    "低于",
    "高于",
    "超过",
];

/// Something settled at the meeting, not a task (`升级窗口确定为8月8日`).
pub(super) const SETTLED: &[&str] = &[
    "确定为",
    "定为",
    "定于",
    // `年会暂定元旦后一周举行`: an arrangement made for now, no one's work.
    "暂定",
    // `归档期限缩短为30日`, `公示期缩短至10天`: a rule changed, no one's work.
    "缩短为",
    "缩短至",
    "联系人：",
    "联络人：",
    // `各营业部汇报一季度情况（略，见附件汇报材料）`: what was reported, left out of the minutes.
    "（略，",
    "（略）",
    "期间为",
    // Who holds a role (`检查组由卢俊杰任组长，施雨桐为组员`).
    "任组长",
    "任副组长",
    "为组员",
    "任组员",
    "担任",
    // `晨会时间自下周起调整为8:30`: a rule changed from a date on.
    "起调整为",
    "起改为",
    "起实行",
    "起施行",
    // `试点目标仍为6月22日上线`: a target restated, unchanged.
    "仍为",
    "仍定于",
];

/// Words with `已` that do not report completion (`对已开户客户…`).
pub(super) const NOT_DONE: &[&str] = &[
    "已开户",
    "已有",
    "已持仓",
    "已签约客户",
    "已入职",
    "已注册",
    "已上市",
];

/// Units after a figure (`3笔`, `1.2万`, `62人`).
pub(super) const FIGURE_UNITS: &[char] = &['万', '亿', '户', '笔', '%', '倍'];

/// `复核中发现问题的整改，按《合规检查管理办法》执行`, `运维值班按现行排班表执行`: a clause that
/// says work goes on by an existing rule (`按…执行`) is a standing duty, not a new task.
pub(super) fn by_the_rules(lower: &str) -> bool {
    lower.split(['，', ',', '。', '；', ';']).any(|c| {
        // `仍按双人复核执行（常规）`: a remark after it changes nothing.
        let c = c.trim();
        let c = c
            .strip_suffix(['）', ')'])
            .and_then(|r| r.rsplit_once(['（', '(']))
            .map_or(c, |(head, _)| head.trim_end());
        // `按值班表保障`: kept up by a standing arrangement, too; `按既有流程处理`, `照此执行`,
        // `参照去年做法办理`: any rule or precedent (`按`, `照`) carried on by any doing verb.
        ["执行", "保障", "处理", "办理"].iter().any(|end| {
            c.ends_with(end)
                && c.find(['按', '照'])
                    .is_some_and(|i| i + '按'.len_utf8() < c.len() - end.len())
        })
    })
}

/// `第四批迁移计划于国庆后另行部署`: work to be arranged at another time, not asked now (read
/// only where no one is named).
pub(super) fn arranged_later(lower: &str) -> bool {
    [
        "另行部署",
        "另行安排",
        "另行研究",
        "另行通知",
        "另行商定",
        "另行确定",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// `- 年度优秀客户经理评选方案` under a to-do heading: an item that is only the document to
/// produce (a plan, a report, a list) names the work.
pub(super) fn names_deliverable(text: &str) -> bool {
    const DOCS: &[&str] = &[
        "方案", "计划", "报告", "清单", "名单", "制度", "标准", "规划", "预案", "细则", "办法", "总结",
    ];
    let t = text.trim().trim_end_matches(['。', '；', ';', '.']);
    DOCS.iter().any(|d| t.ends_with(d))
}
