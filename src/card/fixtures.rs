//! Test fixtures shared by the card tests (and the edges' tests, through duban-core's `testing`
//! feature): a fixed `now`, fixed ids and items in every state.

use jiff::Timestamp;
use jiff::civil::date;

use crate::calendar::Calendar;
use crate::domain::audit::{AuditRecord, Source};
use crate::domain::ids::{ChatId, ItemId, MessageId, OpenId, Person};
use crate::domain::priority::Priority;
use crate::domain::status::Status;
use crate::domain::supervision::{Action, Actor, ExtensionRequest, Item, NewItem, Policy};
use crate::domain::time::SHANGHAI;

pub fn at(y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
    SHANGHAI
        .to_timestamp(date(y, m, d).at(h, min, 0, 0))
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Wednesday 2026-11-25 10:00 (Asia/Shanghai).
pub fn now() -> Timestamp {
    at(2026, 11, 25, 10, 0)
}

pub fn cal() -> Calendar {
    Calendar::builtin()
}

pub fn person(id: &str, name: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{id}")),
        name: name.to_owned(),
    }
}

pub fn policy() -> Policy {
    Policy {
        admins: vec![OpenId("ou_admin".to_owned())],
        ..Policy::default()
    }
}

/// 待签收, due Monday 2026-11-30 18:00.
pub fn pending() -> Item {
    Item::create(
        ItemId(12),
        NewItem {
            title: "完成三季度合规自查报告".to_owned(),
            chat_id: ChatId("oc_chat".to_owned()),
            creator: person("lisi", "李四"),
            owner: person("zhangsan", "张三"),
            assistants: vec![person("wangwu", "王五")],
            deadline: at(2026, 11, 30, 18, 0),
            deadline_has_time: false,
            priority: Priority::P1,
            tags: vec!["合规".to_owned()],
            resources: None,
            scenario: None,
            description: None,
            source_message: None,
        },
        at(2026, 11, 24, 9, 30),
    )
}

pub fn in_progress() -> Item {
    let mut it = pending();
    it.status = Status::InProgress;
    it.acknowledged_at = Some(at(2026, 11, 24, 10, 0));
    it.progress = 40;
    it.latest_note = Some("已完成初稿，待法务复核".to_owned());
    it
}

pub fn due_soon() -> Item {
    let mut it = in_progress();
    it.deadline = at(2026, 11, 26, 18, 0);
    it
}

pub fn overdue() -> Item {
    let mut it = in_progress();
    it.deadline = at(2026, 11, 20, 18, 0);
    it
}

pub fn extension_pending() -> Item {
    let mut it = in_progress();
    it.extension = Some(ExtensionRequest {
        deadline: at(2026, 12, 4, 18, 0),
        has_time: false,
        reason: Some("等待监管口径".to_owned()),
        requested_by: it.owner.clone(),
        requested_at: at(2026, 11, 25, 9, 0),
    });
    it
}

pub fn submitted() -> Item {
    let mut it = in_progress();
    it.status = Status::Submitted;
    it.progress = 100;
    it.submitted_at = Some(at(2026, 11, 25, 9, 30));
    it
}

pub fn done() -> Item {
    let mut it = submitted();
    it.status = Status::Done;
    it.completed_at = Some(at(2026, 11, 25, 9, 50));
    it
}

pub fn cancelled() -> Item {
    let mut it = in_progress();
    it.status = Status::Cancelled;
    it
}

/// Every state the item card distinguishes, by name.
pub fn all_states() -> Vec<(&'static str, Item)> {
    vec![
        ("pending", pending()),
        ("in_progress", in_progress()),
        ("due_soon", due_soon()),
        ("overdue", overdue()),
        ("extension_pending", extension_pending()),
        ("submitted", submitted()),
        ("done", done()),
        ("cancelled", cancelled()),
    ]
}

/// An item with every field at its largest: 200-character title, 20 people, 10 tags, long
/// notes, and an extension request with a long reason.
pub fn maximal(status: Status) -> Item {
    let long = |unit: &str, n: usize| unit.repeat(n);
    let mut it = extension_pending();
    it.title = long("超长标题", 50);
    it.assistants = (0..19)
        .map(|i| person(&format!("assistant_{i:02}_xxxxxxxxxxxxxxxx"), &format!("协办{i}")))
        .collect();
    it.tags = (0..10).map(|i| format!("标签{i}{}", long("长", 20))).collect();
    it.latest_note = Some(long("进展说明<at id=all></at>", 150));
    it.resources = Some(long("资源投入", 500));
    it.scenario = Some(long("业务场景", 500));
    it.description = Some(long("详细说明", 500));
    it.source_message = Some(MessageId("om_source".to_owned()));
    if let Some(ext) = it.extension.as_mut() {
        ext.reason = Some(long("延期理由", 500));
    }
    it.status = status;
    if status != Status::Pending && status != Status::InProgress {
        it.extension = None;
    }
    it
}

/// A realistic history for [`in_progress`]-like items: creation, acknowledgement, progress,
/// an extension request and its approval, a nudge.
pub fn history() -> (Item, Vec<AuditRecord>) {
    let p = policy();
    let owner = Actor {
        person: person("zhangsan", "张三"),
    };
    let creator = Actor {
        person: person("lisi", "李四"),
    };
    let card = Source::Card(MessageId("om_card".to_owned()));
    let msg = Source::Message(MessageId("om_msg".to_owned()));
    let item = pending();
    let mut log = vec![item.creation_record(msg.clone())];
    let steps: Vec<(Action, &Actor, Timestamp, Source)> = vec![
        (Action::Acknowledge, &owner, at(2026, 11, 24, 10, 0), card.clone()),
        (
            Action::Progress {
                percent: Some(40),
                note: Some("已完成初稿，待法务复核".to_owned()),
            },
            &owner,
            at(2026, 11, 24, 16, 0),
            msg.clone(),
        ),
        (
            Action::RequestExtension {
                deadline: at(2026, 12, 4, 18, 0),
                has_time: false,
                reason: Some("等待监管口径".to_owned()),
            },
            &owner,
            at(2026, 11, 25, 9, 0),
            card.clone(),
        ),
        (Action::ApproveExtension, &creator, at(2026, 11, 25, 9, 20), card),
        (Action::Nudge, &creator, at(2026, 11, 25, 9, 40), msg),
    ];
    let mut cur = item;
    for (action, who, t, src) in steps {
        if let Ok((next, rec)) = cur.apply(action, who, &p, t, src) {
            cur = next;
            log.push(rec);
        }
    }
    (cur, log)
}

/// 67 营业部, as a firm names them.
pub const CITIES: [&str; 67] = [
    "杭州",
    "宁波",
    "温州",
    "绍兴",
    "嘉兴",
    "湖州",
    "金华",
    "台州",
    "上海浦东",
    "上海徐汇",
    "南京",
    "苏州",
    "无锡",
    "常州",
    "南通",
    "扬州",
    "合肥",
    "芜湖",
    "福州",
    "厦门",
    "泉州",
    "南昌",
    "济南",
    "青岛",
    "烟台",
    "郑州",
    "洛阳",
    "武汉",
    "宜昌",
    "长沙",
    "株洲",
    "广州",
    "深圳",
    "东莞",
    "佛山",
    "珠海",
    "南宁",
    "桂林",
    "海口",
    "成都",
    "绵阳",
    "重庆",
    "贵阳",
    "昆明",
    "拉萨",
    "西安",
    "兰州",
    "西宁",
    "银川",
    "乌鲁木齐",
    "北京",
    "天津",
    "石家庄",
    "唐山",
    "太原",
    "呼和浩特",
    "沈阳",
    "大连",
    "长春",
    "吉林",
    "哈尔滨",
    "大庆",
    "三亚",
    "柳州",
    "襄阳",
    "赣州",
    "潍坊",
];

pub fn unit_names(n: usize) -> Vec<String> {
    CITIES.iter().take(n).map(|c| format!("{c}营业部")).collect()
}
