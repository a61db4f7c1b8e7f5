//! The sandbox's seeded tenant (pure): nine people, ten groups (the head office's 督办 group,
//! a branch office's group, the requirement managers' group, the leaders' group and one group
//! per seeded unit), six units (four 营业部 in two 片区, two head-office departments), a 1:1
//! chat with the bot per person, and the fixed credentials of the emulated app.

use serde::Serialize;

/// The emulated app's id (`cli_` + 16 hex digits, like a real one).
pub const APP_ID: &str = "cli_5a4db0c5a7e1f2d3";
/// The emulated app's secret (only the in-process fake Feishu knows it).
pub const APP_SECRET: &str = "sandbox-app-secret-not-a-real-one";
/// The Verification Token the emulator puts in every event.
pub const VERIFICATION_TOKEN: &str = "sandbox-verification-token";
/// The Encrypt Key the emulator seals (encrypts and signs) every event with.
pub const ENCRYPT_KEY: &str = "sandbox-encrypt-key";
/// The tenant key in events.
pub const TENANT_KEY: &str = "sandbox_tenant";
/// The bot's name as members see it.
pub const BOT_NAME: &str = "督办";

/// A seeded person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeedPerson {
    /// `ou_…`.
    pub open_id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Department and role, shown under the name.
    pub title: &'static str,
}

/// A seeded group chat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeedGroup {
    /// `oc_…`.
    pub chat_id: &'static str,
    /// Group name.
    pub name: &'static str,
    /// Members' open_ids (the bot is always a member too).
    pub members: &'static [&'static str],
}

/// 张三.
pub const ZHANG: SeedPerson = SeedPerson {
    open_id: "ou_7f3a1c9e2b8d4f60a5e1c7b39d2f8a41",
    name: "张三",
    title: "合规部 · 合规专员",
};
/// 李四.
pub const LI: SeedPerson = SeedPerson {
    open_id: "ou_2c8e5a1f7b3d9e64c0a2f8b1d7e3c952",
    name: "李四",
    title: "运营管理部 · 运营专员",
};
/// 王五.
pub const WANG: SeedPerson = SeedPerson {
    open_id: "ou_9b1d7e3a5c2f8b40e6d1a9c3f7b2e863",
    name: "王五",
    title: "信息技术部 · 开发工程师",
};
/// 赵督办, the 督办人 of the demo.
pub const BOSS: SeedPerson = SeedPerson {
    open_id: "ou_4e6a2d8c1f9b3e57a0c4d2e8b6f1a974",
    name: "赵督办",
    title: "总裁办 · 督办人",
};
/// 孙管理员, in `supervision.admins` and the requirement manager (`requirements.managers`).
pub const ADMIN: SeedPerson = SeedPerson {
    open_id: "ou_1a5c9e3b7d2f6a80b4e2c8d6f3a9b185",
    name: "孙管理员",
    title: "系统管理员 · 需求管理员",
};

/// 钱明, head of 杭州营业部.
pub const QIAN: SeedPerson = SeedPerson {
    open_id: "ou_e93799df332091744586ff54a24dbf4c",
    name: "钱明",
    title: "杭州营业部 · 总经理",
};
/// 吴芳, head of 宁波营业部.
pub const WU: SeedPerson = SeedPerson {
    open_id: "ou_b678b0563b608ad185ef8d4d3df556b7",
    name: "吴芳",
    title: "宁波营业部 · 总经理",
};
/// 郑涛, head of 长沙营业部.
pub const ZHENG: SeedPerson = SeedPerson {
    open_id: "ou_b227895e166b1691b0f7d6ebddd652c7",
    name: "郑涛",
    title: "长沙营业部 · 总经理",
};
/// 冯丽, head of 武汉营业部.
pub const FENG: SeedPerson = SeedPerson {
    open_id: "ou_b5e17d2708eaf7d9a7bb13eb69f30e0a",
    name: "冯丽",
    title: "武汉营业部 · 总经理",
};

/// Everyone, in the order the page lists them.
pub const PEOPLE: [SeedPerson; 9] = [BOSS, ZHANG, LI, WANG, ADMIN, QIAN, WU, ZHENG, FENG];

/// The requirement managers' group (`requirements.manager_chat`): triage cards land here.
pub const MANAGER_CHAT: &str = "oc_5c1e9a7d3f2b8c64a0e6d2b9f4c7a381";

/// The leaders' group (`board.leaders_chat`): the firm's 晾晒.
pub const LEADERS_CHAT: &str = "oc_c9c8d1dd8fbb3ba415893e643853e169";

/// A seeded organisational unit (`[[units]]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeedUnit {
    /// The unit's name.
    pub name: &'static str,
    /// 营业部 / 总部部门.
    pub kind: &'static str,
    /// 片区, if any.
    pub region: Option<&'static str>,
    /// The unit's group (one of [`GROUPS`]).
    pub chat_id: &'static str,
    /// Its head (主办 of the unit's 下达 items).
    pub head: &'static str,
}

const HZ_CHAT: &str = "oc_86ecacb960ed0c31da4f00a20dfd6051";
const NB_CHAT: &str = "oc_00f0cd3bdc907fb6d5e4f5618e01d492";
const CS_CHAT: &str = "oc_84a444d15296e3e8b19c30d1fd5cb252";
const WH_CHAT: &str = "oc_a25fbcd1fce2a0fb7b42c35e46404bcf";
const YY_CHAT: &str = "oc_30336f6e449871cbca9ae4b5283fbfbf";
const IT_CHAT: &str = "oc_44bb9e77dff547343084819fcc9089a8";

/// The seeded units, in the order `[[units]]` would declare them.
pub const UNITS: [SeedUnit; 6] = [
    SeedUnit {
        name: "杭州营业部",
        kind: "营业部",
        region: Some("华东片区"),
        chat_id: HZ_CHAT,
        head: QIAN.open_id,
    },
    SeedUnit {
        name: "宁波营业部",
        kind: "营业部",
        region: Some("华东片区"),
        chat_id: NB_CHAT,
        head: WU.open_id,
    },
    SeedUnit {
        name: "长沙营业部",
        kind: "营业部",
        region: Some("华中片区"),
        chat_id: CS_CHAT,
        head: ZHENG.open_id,
    },
    SeedUnit {
        name: "武汉营业部",
        kind: "营业部",
        region: Some("华中片区"),
        chat_id: WH_CHAT,
        head: FENG.open_id,
    },
    SeedUnit {
        name: "运营管理部",
        kind: "总部部门",
        region: None,
        chat_id: YY_CHAT,
        head: LI.open_id,
    },
    SeedUnit {
        name: "信息技术部",
        kind: "总部部门",
        region: None,
        chat_id: IT_CHAT,
        head: WANG.open_id,
    },
];

/// The units as `[[units]]` declarations.
pub fn unit_decls() -> Vec<crate::domain::unit::UnitDecl> {
    UNITS
        .iter()
        .map(|u| crate::domain::unit::UnitDecl {
            name: u.name.to_owned(),
            kind: Some(u.kind.to_owned()),
            region: u.region.map(str::to_owned),
            chat_id: Some(u.chat_id.to_owned()),
            heads: vec![u.head.to_owned()],
        })
        .collect()
}

/// The seeded groups: the first is where the page opens.
pub const GROUPS: [SeedGroup; 10] = [
    SeedGroup {
        chat_id: "oc_3d9f1b7e5a2c8d46f0b3e9a1c7d5f218",
        name: "合规部督办群",
        members: &[
            BOSS.open_id,
            ZHANG.open_id,
            LI.open_id,
            WANG.open_id,
            ADMIN.open_id,
        ],
    },
    SeedGroup {
        chat_id: "oc_8a2e6c4f1d9b7a35e2c8f0d6b4a1e739",
        name: "营业部协同群",
        members: &[BOSS.open_id, ZHANG.open_id, WANG.open_id],
    },
    SeedGroup {
        chat_id: MANAGER_CHAT,
        name: "需求管理群",
        members: &[ADMIN.open_id, WANG.open_id],
    },
    SeedGroup {
        chat_id: LEADERS_CHAT,
        name: "领导群",
        members: &[BOSS.open_id, ADMIN.open_id],
    },
    SeedGroup {
        chat_id: HZ_CHAT,
        name: "杭州营业部工作群",
        members: &[QIAN.open_id, BOSS.open_id],
    },
    SeedGroup {
        chat_id: NB_CHAT,
        name: "宁波营业部工作群",
        members: &[WU.open_id, BOSS.open_id],
    },
    SeedGroup {
        chat_id: CS_CHAT,
        name: "长沙营业部工作群",
        members: &[ZHENG.open_id, BOSS.open_id],
    },
    SeedGroup {
        chat_id: WH_CHAT,
        name: "武汉营业部工作群",
        members: &[FENG.open_id, BOSS.open_id],
    },
    SeedGroup {
        chat_id: YY_CHAT,
        name: "运营管理部工作群",
        members: &[LI.open_id, BOSS.open_id],
    },
    SeedGroup {
        chat_id: IT_CHAT,
        name: "信息技术部工作群",
        members: &[WANG.open_id, BOSS.open_id],
    },
];

/// A seeded person by open_id.
pub fn person(open_id: &str) -> Option<&'static SeedPerson> {
    PEOPLE.iter().find(|p| p.open_id == open_id)
}

/// The name shown for `open_id` (a person, the bot, or the id itself).
pub fn display_name(open_id: &str, bot_open_id: &str) -> String {
    if open_id == bot_open_id {
        return BOT_NAME.to_owned();
    }
    person(open_id).map_or_else(|| open_id.to_owned(), |p| p.name.to_owned())
}

/// The chat id of `open_id`'s 1:1 chat with the bot (what the fake assigns to sends by open_id).
pub fn p2p_chat_id(open_id: &str) -> String {
    format!("oc_p2p_{open_id}")
}

/// A chat the sandbox knows: `(chat_type, members)` for a group or a person's 1:1 chat.
pub fn chat(chat_id: &str) -> Option<(&'static str, Vec<&'static str>)> {
    if let Some(g) = GROUPS.iter().find(|g| g.chat_id == chat_id) {
        return Some(("group", g.members.to_vec()));
    }
    let owner = chat_id.strip_prefix("oc_p2p_")?;
    person(owner).map(|p| ("p2p", vec![p.open_id]))
}

/// A seeded objective: its text and its key results' texts.
pub type SeedObjective = (&'static str, &'static [&'static str]);

/// The seeded OKRs (issue 18): per person, the objectives with their key results, the same in
/// every seeded period, so `/督办 对齐` can be tried whatever the sandbox's date.
pub const OKRS: &[(&str, &[SeedObjective])] = &[
    (
        ZHANG.open_id,
        &[
            (
                "合规风险零重大事件",
                &["季度合规自查覆盖全部营业部", "监管检查问题整改率 100%"],
            ),
            ("提升合规培训质量", &["完成 4 场合规培训", "培训考试通过率 95%"]),
        ],
    ),
    (
        LI.open_id,
        &[
            (
                "客户服务数字化",
                &["线上开户占比达到 80%", "开户平均时长降到 10 分钟"],
            ),
            ("运营流程标准化", &["发布 3 份运营操作指引"]),
        ],
    ),
    (
        WANG.open_id,
        &[
            ("交易系统稳定运行", &["核心系统可用率 99.99%", "重大故障 0 次"]),
            ("研发效率提升", &["需求平均交付周期缩短 20%"]),
        ],
    ),
    (
        QIAN.open_id,
        &[("杭州营业部业绩增长", &["新增有效户 3000 户", "两融余额增长 15%"])],
    ),
    (WU.open_id, &[("宁波营业部业绩增长", &["新增有效户 2000 户"])]),
    (ZHENG.open_id, &[("长沙营业部业绩增长", &["新增有效户 2500 户"])]),
    (FENG.open_id, &[("武汉营业部业绩增长", &["新增有效户 2500 户"])]),
];

/// The seeded OKR periods: every quarter from the year before `now` to the year after, as
/// (id, name, start ms, end ms) in Asia/Shanghai.
pub fn okr_periods(now: jiff::Timestamp) -> Vec<(String, String, i64, i64)> {
    let at = |d: jiff::civil::Date| crate::domain::time::SHANGHAI.to_timestamp(d.at(0, 0, 0, 0));
    let year = crate::domain::time::local(now).year();
    let mut out = Vec::new();
    for y in year - 1..=year + 1 {
        for q in 0..4_i8 {
            let first = 1 + q * 3;
            let day = jiff::civil::date(y, first, 1);
            let start = at(day);
            let end = day.checked_add(jiff::Span::new().months(3)).and_then(at);
            if let (Ok(s), Ok(e)) = (start, end) {
                out.push((
                    format!("{}{}", 7_100_000_000_000_000_000_i64 + i64::from(y) * 10, q + 1),
                    format!("{y} 年 {first} 月 - {} 月", first + 2),
                    s.as_millisecond(),
                    e.as_millisecond() - 1,
                ));
            }
        }
    }
    out
}

/// The seeded 例会: 营业部协同群's weekly meeting on Thursdays at 14:00, so its pre-meeting card
/// (the working day before, 16:00) is in the group after one 「+1天」 jump from the sandbox's
/// Wednesday 10:00.
pub const SERIES_CHAT: &str = "oc_8a2e6c4f1d9b7a35e2c8f0d6b4a1e739";

/// Stores the seeded 例会 `HYS-1` when the sandbox has no series yet (a fresh data dir).
///
/// # Errors
/// sled errors.
pub fn seed_series(
    store: &crate::store::Store,
    now: jiff::Timestamp,
) -> Result<(), crate::store::StoreError> {
    use crate::domain::ids::{ChatId, OpenId, Person};
    use crate::domain::series::{Series, SeriesStatus};
    if !store.all_series()?.is_empty() {
        return Ok(());
    }
    let Ok(cadence) = crate::domain::cadence::Cadence::parse("每周四 14:00") else {
        return Ok(());
    };
    let mut ch = crate::store::outbox::Changes::new();
    let boss = Person {
        open_id: OpenId(BOSS.open_id.to_owned()),
        name: BOSS.name.to_owned(),
    };
    let s = Series {
        id: ch.next_series_id(store)?,
        chat_id: ChatId(SERIES_CHAT.to_owned()),
        name: "营业部协同周例会".to_owned(),
        cadence,
        anchor: crate::domain::time::local(now).date(),
        attendees: vec![Person {
            open_id: OpenId(ZHANG.open_id.to_owned()),
            name: ZHANG.name.to_owned(),
        }],
        agenda: Some("https://example.feishu.cn/docx/SandboxAgenda".to_owned()),
        board: Some("https://bi.example.com/dashboard/sandbox".to_owned()),
        created_by: boss,
        created_at: now,
        status: SeriesStatus::Active,
        moved: std::collections::BTreeMap::new(),
        notice: None,
    };
    ch.put_new_series(store, &s)?;
    store.commit(&ch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_okr_holder_is_seeded_and_the_quarters_cover_today() {
        assert!(OKRS.iter().all(|(id, _)| person(id).is_some()));
        let now: jiff::Timestamp = "2026-03-11T10:00:00+08:00".parse().unwrap_or_default();
        let ps = okr_periods(now);
        assert_eq!(ps.len(), 12);
        let ms = now.as_millisecond();
        let current: Vec<_> = ps.iter().filter(|(_, _, s, e)| *s <= ms && ms <= *e).collect();
        assert_eq!(current.len(), 1);
        assert_eq!(current[0].1, "2026 年 1 月 - 3 月");
    }

    #[test]
    fn ids_look_like_feishu_ids() {
        assert!(crate::config::is_app_id(APP_ID));
        for p in PEOPLE {
            assert!(
                p.open_id.starts_with("ou_") && p.open_id.len() == 35,
                "{}",
                p.open_id
            );
        }
        for g in GROUPS {
            assert!(g.chat_id.starts_with("oc_") && g.chat_id.len() == 35);
        }
    }

    #[test]
    fn every_group_member_is_a_seeded_person_and_chats_resolve() {
        for g in GROUPS {
            assert!(g.members.iter().all(|m| person(m).is_some()));
            assert_eq!(chat(g.chat_id).unwrap().0, "group");
        }
        let p2p = p2p_chat_id(ZHANG.open_id);
        assert_eq!(chat(&p2p), Some(("p2p", vec![ZHANG.open_id])));
        assert_eq!(chat("oc_p2p_ou_nobody"), None);
        assert_eq!(display_name("ou_bot", "ou_bot"), BOT_NAME);
        assert_eq!(display_name(LI.open_id, "ou_bot"), "李四");
    }

    #[test]
    fn the_seeded_units_are_a_valid_registry_each_in_its_own_group_with_its_head() {
        let reg = crate::domain::unit::UnitRegistry::from_decls(&[], &unit_decls()).unwrap();
        assert_eq!(reg.regions(), ["华东片区", "华中片区"]);
        assert_eq!(reg.in_region("华东").len(), 2);
        assert_eq!(reg.of_kind(&crate::domain::unit::UnitKind::HeadOffice).len(), 2);
        for u in UNITS {
            let g = GROUPS.iter().find(|g| g.chat_id == u.chat_id).unwrap();
            assert!(
                g.name.starts_with(u.name) && g.members.contains(&u.head),
                "{}",
                u.name
            );
            assert!(person(u.head).is_some());
        }
        assert!(chat(LEADERS_CHAT).is_some());
    }
}
