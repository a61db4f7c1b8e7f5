//! The sandbox's seeded tenant (pure): five people, three groups (the head office's 督办 group,
//! a branch office's group, the requirement managers' group), a 1:1 chat with the bot per
//! person, and the fixed credentials of the emulated app.

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

/// Everyone, in the order the page lists them.
pub const PEOPLE: [SeedPerson; 5] = [BOSS, ZHANG, LI, WANG, ADMIN];

/// The requirement managers' group (`requirements.manager_chat`): triage cards land here.
pub const MANAGER_CHAT: &str = "oc_5c1e9a7d3f2b8c64a0e6d2b9f4c7a381";

/// The seeded groups.
pub const GROUPS: [SeedGroup; 3] = [
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
