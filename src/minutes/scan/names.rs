//! Who a name is (pure): mentions, group members matched exactly, `张总` for a unique surname,
//! plausible Chinese names; anything else stays as written.

use super::ctx::{Ctx, is_cjk, push_unique};
use super::surnames::{SURNAMES, TITLED_SURNAMES, familiar_surname};
use crate::minutes::owner::OwnerRef;

/// Title suffixes after a surname (`张总`, `王经理`).
pub(crate) const TITLES: &[&str] = &[
    "总监", "经理", "主任", "部长", "行长", "老师", "总", "工", "处", "哥", "姐", "总助",
];

/// Words that look like names but are not (`周五：`, `高风险`).
/// The other side of a piece of work (`与客户约定`, `和对方确认`): whom it is done with.
const COUNTERPARTS: &[&str] = &["客户", "对方", "行方", "厂商", "供应商"];

pub(crate) const NOT_NAMES: &[&str] = &[
    "谢谢",
    // `（例行）`, `（常规）` in brackets beside a duty: how often, not who.
    "例行",
    "常规",
    "日常",
    "定期",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
    "周末",
    "高层",
    "高管",
    "马上",
    "于是",
    "方面",
    "方案",
    "程序",
    "金额",
    "金融",
    "江苏",
    "石油",
    "任务",
    "张贴",
    "黄金",
    "周报",
    "周会",
    "万元",
    "严格",
    "龙头",
    "杨树",
    "白名单",
    "孙公司",
    "陆续",
    "余额",
    "许可",
    "高频",
    // `PT-01 ｜高危｜…`: a rating, not 高某.
    "高危",
    "中危",
    "低危",
    "雷同",
    "段落",
    "邱",
    "史上",
    "付款",
    "董事",
    "董事会",
    "罗列",
    "钱包",
    "汪",
    "何时",
    "曾经",
    "高优",
    "武汉",
    "江西",
    "苏州",
    "沈阳",
];

impl Ctx<'_> {
    /// Resolves one name: a mention key, an exact member name, or `张总` for a unique surname.
    pub(crate) fn resolve(&self, name: &str) -> OwnerRef {
        let name = name.trim().trim_start_matches(['@', '＠']).trim();
        if let Some(m) = self.mentions.iter().find(|m| m.key == name) {
            return OwnerRef::Person(m.person.clone());
        }
        if let Some(p) = self.members.iter().find(|p| p.name == name) {
            return OwnerRef::Person(p.clone());
        }
        // `李明说`, `赵倩参(与)`: a member's name with a verb glued on is the member.
        if let Some(p) = self.members.iter().find(|p| {
            p.name.chars().count() >= 2
                && name.strip_prefix(p.name.as_str()).is_some_and(|r| {
                    [
                        "说", "讲", "称", "提", "表", "问", "答", "认", "觉", "参", "配", "协", "负", "牵",
                        "跟", "对", "来", "去", "把", "将", "在", "于", "等", "们", "也", "都", "再", "先",
                        "会", "要", "需",
                    ]
                    .contains(&r)
                })
        }) {
            return OwnerRef::Person(p.clone());
        }
        // `明轩`, `志强`: a given name, the one member whose name ends with it.
        if name.chars().count() == 2 && name.chars().all(is_cjk) {
            let mut hits = self
                .members
                .iter()
                .filter(|p| p.name.chars().count() == 3 && p.name.ends_with(name));
            if let (Some(p), None) = (hits.next(), hits.next()) {
                return OwnerRef::Person(p.clone());
            }
        }
        if let Some(p) = self.familiar_member(name) {
            return OwnerRef::Person(p.clone());
        }
        if let Some(surname) = surname_with_title(name).or_else(|| familiar_surname(name)) {
            let mut hits = self.members.iter().filter(|p| p.name.starts_with(surname));
            if let (Some(p), None) = (hits.next(), hits.next()) {
                return OwnerRef::Person(p.clone());
            }
        }
        super::nickname::owner_called(self.members, name)
    }
    /// The people in a field: the names when some parts are names (`合规部 张学友`,
    /// `风险管理部/梁朝伟` → the person), else every part as written (`合规部`).
    pub(crate) fn people(&self, value: &str) -> Vec<OwnerRef> {
        if let Some(one) = latin_given_name(value) {
            return vec![self.resolve(one)];
        }
        let all = self.names(value);
        // `葛峰（主办）、夏雨`: a remark in parentheses is no part of the name.
        let parts: Vec<&str> = value
            .split(['、', '，', ',', '/', '&', ' ', '和', '及'])
            .map(|p| self.without_role(strip_remark(p).trim()))
            .filter(|p| !p.is_empty())
            .collect();
        // `运营管理部 房山`: after a department, a word shaped like a name is its person.
        let named: Vec<OwnerRef> = parts
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                self.is_name(p)
                    || (*i > 0
                        && parts.get(i - 1).is_some_and(|d| d.ends_with(DEPARTMENT_ENDS))
                        && self.is_loose_name(p))
            })
            .map(|(_, p)| self.resolve(p))
            .collect();
        if named.is_empty() { all } else { named }
    }
    /// A list of names (`张三、李四和王五`).
    pub(crate) fn names(&self, value: &str) -> Vec<OwnerRef> {
        let mut out = Vec::new();
        if let Some(one) = latin_given_name(value) {
            return vec![self.resolve(one)];
        }
        for part in value.split(['、', '，', ',', '/', '&', '；', ';']) {
            // `Owner: 方总.`: the sentence's full stop is no part of the name.
            let part = strip_remark(part)
                .trim()
                .trim_start_matches(['@', '＠'])
                .trim_end_matches(['.', '。'])
                .trim();
            let part = self.without_role(part);
            // `陈思远牵头、何敏配合`: read after the lead's name, `牵头` alone is its verb.
            if part.is_empty() || is_placeholder(part) || ROLE_SUFFIXES.contains(&part) {
                continue;
            }
            if self.members.iter().any(|p| p.name == part) {
                push_unique(&mut out, self.resolve(part));
                continue;
            }
            // `经纪业务部袁立`: a department, then one of the group.
            if let Some(p) = self.members.iter().find(|p| {
                part.strip_suffix(p.name.as_str())
                    .is_some_and(|d| !d.is_empty() && d.ends_with(DEPARTMENT_ENDS))
            }) {
                push_unique(&mut out, self.resolve(&p.name));
                continue;
            }
            let mut split = split_names(part);
            // `Kevin 叶凯`: an English name beside a member's name is the same person.
            // (`Kelly + 高翔` is two people.)
            if !part.contains(['+', '＋'])
                && split.iter().any(|n| self.members.iter().any(|p| p.name == *n))
                && split.iter().all(|n| {
                    self.members.iter().any(|p| p.name == *n) || n.chars().all(|c| c.is_ascii_alphabetic())
                })
            {
                split.retain(|n| self.members.iter().any(|p| p.name == *n));
            }
            for name in split {
                let name = self.without_role(&name);
                // `人力资源部牵头`: once the unit is parted off, its verb is nobody.
                if !name.is_empty() && !is_placeholder(name) && !ROLE_SUFFIXES.contains(&name) {
                    push_unique(&mut out, self.resolve(name));
                }
            }
        }
        // Beside a person, a region or a group of units is where the work happens, not who
        // does it (`阿朱、华东区`, `邵华牵头、各营业部配合`); the other side of it (`宁某与客户约定…`)
        // is whom it is done with.
        if out.iter().any(|o| matches!(o, OwnerRef::Person(_))) {
            out.retain(|o| match o {
                OwnerRef::Person(_) => true,
                OwnerRef::Unresolved(w) => !is_place_or_units(w) && !COUNTERPARTS.contains(&w.as_str()),
            });
        }
        out
    }

    /// `邵华牵头` → `邵华`, `毛静你` → `毛静`: a member's name (or a plausible name) followed
    /// by a role word or the second person.
    fn without_role<'a>(&self, part: &'a str) -> &'a str {
        for role in ROLE_SUFFIXES {
            if let Some(name) = part.strip_suffix(role).map(str::trim)
                && !name.is_empty()
                && self.is_name(name)
            {
                return name;
            }
        }
        // `沈佳会跟进`, `华峰同学`: a member followed by an auxiliary or a form of address.
        for word in MEMBER_SUFFIXES {
            if let Some(name) = part.strip_suffix(word).map(str::trim)
                && self.members.iter().any(|p| p.name == name)
            {
                return name;
            }
        }
        part
    }
    /// A member's name (or a mention key) at the very start of the line, followed by a space:
    /// `陈晓 整理…`, `Amy Chen to prepare…`.
    pub(crate) fn leading_member(&self, text: &str) -> Option<(Vec<OwnerRef>, String)> {
        let mut t = text.trim_start();
        let mut found = Vec::new();
        loop {
            let name = self
                .members
                .iter()
                .map(|p| p.name.as_str())
                .chain(self.mentions.iter().map(|m| m.key.as_str()))
                .filter(|n| !n.is_empty() && t.starts_with(n))
                .max_by_key(|n| n.len())?;
            found.push(self.resolve(name));
            let rest = t.get(name.len()..)?;
            // `Daniel + 吴磊 to document…`, `薛宝钗 & 贾宝玉 – …`
            match [" + ", " & ", " and ", "+", "&", "、", "/"]
                .iter()
                .find_map(|sep| rest.strip_prefix(sep))
            {
                Some(r) => t = r.trim_start(),
                None => {
                    return rest
                        .starts_with([' ', '\t'])
                        .then(|| (found, rest.trim_start().to_owned()));
                }
            }
        }
    }
    /// Whether a word could be a name at all (not a known non-name, not a time word).
    pub(crate) fn is_name_shape(&self, w: &str) -> bool {
        // `方案谁来写？`: a question word is nobody.
        // `方案回来之前`, `结果出来后`: a thing coming back or out, not `某某来…`.
        !NOT_NAMES.contains(&w)
            && !super::common_words::COMMON_WORDS.contains(&w)
            && !looks_like_time(w)
            && !w.contains(['谁', '啥'])
            && !w.ends_with(['回', '出', '了'])
            // `周要把`, `丁来了`: a function word inside is no given name.
            && !w.chars().skip(1).any(|c| "把要的是在给".contains(c))
            && !super::common_words::verb_after_surname(w)
    }
    /// Whether `word` reads as a person: a member, a mention key, or a plausible Chinese name.
    pub(crate) fn is_name(&self, word: &str) -> bool {
        let w = word.trim();
        if w.is_empty() {
            return false;
        }
        if self.members.iter().any(|p| p.name == w) || self.mentions.iter().any(|m| m.key == w) {
            return true;
        }
        if !self.is_name_shape(w) {
            return false;
        }
        let n = w.chars().count();
        let cjk = w.chars().all(is_cjk);
        if surname_with_title(w).is_some() || super::nickname::member_called(self.members, w).is_some() {
            return true;
        }
        // `明轩`: the given name of one of the group.
        if n == 2
            && cjk
            && self
                .members
                .iter()
                .filter(|p| p.name.chars().count() == 3 && p.name.ends_with(w))
                .count()
                == 1
        {
            return true;
        }
        if self.familiar_member(w).is_some() {
            return true;
        }
        // `老王`, `小李`: one of the group with that surname.
        if let Some(surname) = familiar_surname(w)
            && self
                .members
                .iter()
                .filter(|p| p.name.starts_with(surname))
                .count()
                == 1
        {
            return true;
        }
        cjk && (2..=3).contains(&n) && w.chars().next().is_some_and(|c| SURNAMES.contains(c))
    }
    /// `老晏`, `小上官`: 老 or 小 before the surname (one or two characters, however rare) of
    /// exactly one of the group.
    fn familiar_member(&self, w: &str) -> Option<&crate::domain::ids::Person> {
        let rest = w.strip_prefix('老').or_else(|| w.strip_prefix('小'))?;
        if !(1..=2).contains(&rest.chars().count()) || !rest.chars().all(is_cjk) {
            return None;
        }
        let hits: Vec<&crate::domain::ids::Person> = self
            .members
            .iter()
            .filter(|p| p.name.starts_with(rest) && p.name.chars().count() > rest.chars().count())
            .collect();
        // `小王` said by 王振华 with 王小燕 in the group: nobody calls themselves so.
        let speaking =
            |p: &&crate::domain::ids::Person| self.speaker.as_ref().is_some_and(|s| s.person() == Some(*p));
        match hits.as_slice() {
            [p] => Some(p),
            [_, _, ..] => {
                let mut others = hits.iter().filter(|p| !speaking(p));
                match (others.next(), others.next()) {
                    (Some(p), None) if hits.iter().any(speaking) => Some(p),
                    _ => None,
                }
            }
            [] => None,
        }
    }
    pub(crate) fn names_if_all(&self, s: &str) -> Option<Vec<OwnerRef>> {
        let whole = strip_remark(s).trim();
        if self.members.iter().any(|p| p.name == whole) {
            return Some(vec![self.resolve(whole)]);
        }
        let parts = split_names(whole);
        // `某某跟踪进度`, `某某跟进`: 跟 opens a verb there, not a second name.
        let verb_gen = ["跟踪", "跟进", "跟单"].iter().any(|v| whole.contains(v));
        if parts.is_empty() || parts.len() > 6 || verb_gen {
            return None;
        }
        // `时迁、戴宗`: beside a name, a word shaped like a name is one too (an uncommon surname).
        let named = parts.iter().filter(|p| self.is_name(p)).count();
        let listed = parts.len() > 1 && !whole.contains(['，', ',', ' ']);
        if named == 0
            || parts
                .iter()
                .any(|p| !(self.is_name(p) || (listed && self.is_loose_name(p))))
        {
            return None;
        }
        Some(self.names(s))
    }
    /// A word shaped like a person's name whatever its surname: two or three Chinese characters,
    /// not a time, not a department or a known non-name (`法正` in `法正负责`).
    pub(crate) fn is_loose_name(&self, w: &str) -> bool {
        let w = w.trim();
        (2..=3).contains(&w.chars().count())
            && w.chars().all(is_cjk)
            && self.is_name_shape(w)
            && !w.ends_with(NOT_NAME_ENDS)
            && !w.starts_with(NOT_NAME_STARTS)
            && !is_place_or_units(w)
    }
    /// `@_user_2` and `@张三` anywhere in the line; returns them and the line without them.
    pub(crate) fn take_mentions(&self, text: &str) -> (Vec<OwnerRef>, String) {
        let mut found = Vec::new();
        let mut rest = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c != '@' && c != '＠' {
                rest.push(c);
                continue;
            }
            // `@Grace 林`: a member whose name holds a space.
            let after = text.get(at + c.len_utf8()..).unwrap_or_default();
            if let Some(p) = self
                .members
                .iter()
                .filter(|p| p.name.contains(' ') && after.starts_with(p.name.as_str()))
                .max_by_key(|p| p.name.len())
            {
                found.push(OwnerRef::Person(p.clone()));
                let end = at + c.len_utf8() + p.name.len();
                while chars.peek().is_some_and(|(i, _)| *i < end) {
                    chars.next();
                }
                continue;
            }
            let mut word = String::new();
            while let Some(&(_, n)) = chars.peek() {
                if n.is_alphanumeric() || n == '_' || is_cjk(n) {
                    word.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            // `@Grace 林 prepare…`: an English name, a space and a Chinese surname.
            if !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic()) {
                let tail = text.get(at + c.len_utf8() + word.len()..).unwrap_or_default();
                let han: String = tail
                    .strip_prefix(' ')
                    .unwrap_or_default()
                    .chars()
                    .take_while(|c| is_cjk(*c))
                    .collect();
                let after_han = tail.get(1 + han.len()..).unwrap_or_default();
                if (1..=2).contains(&han.chars().count())
                    && (after_han.is_empty() || after_han.starts_with([' ', ',', '，']))
                {
                    let end = at + c.len_utf8() + word.len() + 1 + han.len();
                    while chars.peek().is_some_and(|(i, _)| *i < end) {
                        chars.next();
                    }
                    found.push(self.resolve(&format!("{word} {han}")));
                    continue;
                }
            }
            let key = format!("@{word}");
            // `@all`, `@所有人`: everyone, no one in particular.
            if ["all", "所有人", "全体成员", "everyone", "here", "channel"]
                .contains(&word.to_lowercase().as_str())
            {
                continue;
            }
            if let Some(m) = self.mentions.iter().find(|m| m.key == key || m.key == word) {
                found.push(OwnerRef::Person(m.person.clone()));
            } else if let Some(name) = self.longest_member_prefix(&word) {
                found.push(self.resolve(&name));
                rest.push_str(word.get(name.len()..).unwrap_or_default());
            } else if !word.is_empty() && word.chars().count() <= 4 && !word.starts_with("_user_") {
                found.push(self.resolve(&word));
            } else {
                rest.push(c);
                rest.push_str(&word);
            }
        }
        (found, rest)
    }
    /// `立新一起…`, `老龙和…`: the first two or three characters of `word` calling one of the
    /// group by the given name or by 老/小 and the surname; that member's full name.
    pub(crate) fn called_member_prefix(&self, word: &str) -> Option<String> {
        [3, 2].iter().find_map(|&n| {
            let w: String = word.chars().take(n).collect();
            (w.chars().count() == n && self.is_name(&w))
                .then(|| self.resolve(&w))
                .and_then(|r| r.person().map(|p| p.name.clone()))
        })
    }
    pub(crate) fn longest_member_prefix(&self, word: &str) -> Option<String> {
        self.members
            .iter()
            .filter(|p| !p.name.is_empty() && word.starts_with(p.name.as_str()))
            .max_by_key(|p| p.name.len())
            .map(|p| p.name.clone())
    }
}

/// A word that reads as a time, not a name (`周四前`, `周末内`, `本周五`, `下月初`).
pub(crate) fn looks_like_time(w: &str) -> bool {
    let mut cs = w.chars();
    let first = cs.next();
    let second = cs.next();
    let weekday = w
        .char_indices()
        .any(|(i, c)| (c == '周' || w.get(i..).is_some_and(|r| r.starts_with("星期"))) && i > 0);
    w.ends_with(['前', '后', '内', '底', '末', '日', '号'])
        || (first == Some('周') && second.is_some_and(|c| "一二三四五六日天末内".contains(c)))
        || (first.is_some_and(|c| "本下上这今明后每".contains(c))
            && w.chars().skip(1).any(|c| "周月天年日号午晚早".contains(c)))
        || (weekday && first.is_some_and(|c| "本下上这每".contains(c)))
        // `（三天）`, `两周`, `半个月`: a count of days or weeks is how long, not who.
        || (first.is_some_and(|c| "一二三四五六七八九十两几半数".contains(c)) && w.ends_with(['天', '周', '月', '年', '时']))
}

/// Last characters of a word that is not a person (`各部门`, `运营端`, `双方`).
const NOT_NAME_ENDS: &[char] = &[
    '部', '组', '室', '处', '科', '行', '心', '门', '方', '司', '局', '会', '队', '端', '线', '岗', '侧',
    '业', '营', '区', '层', '们', '人', '员', '家', '你', '我', '他', '她', '的', '了', '吧', '吗',
];
/// First characters of a word that is not a person (`各营业部`, `我方`, `大家`).
const NOT_NAME_STARTS: &[char] = &[
    '各', '全', '本', '该', '我', '你', '他', '她', '大', '双', '由', '请', '就', '那', '这', '再', '都',
    '也', '还', '先', '共', '一', '两', '三', '分', '会', '要', '需', '已', '将', '把', '对', '在', '于',
    '从', '和', '可', '第', '好', '行', '嗯', '是', '不', '没', '有', '给', '让', '叫', '只', '如', '若',
    // `按计划`, `按岗位`, `转发`, `待办`: a word of doing, not a surname.
    '按', '转', '待', '照', '据',
];

/// The last character of a department's name (`合规部`, `风控组`).
pub(crate) const DEPARTMENT_ENDS: &[char] = &['部', '组', '室', '处', '科', '行', '心'];

/// Role words after a name in an owner field (`邵华牵头`, `何晨配合`, `毛静你`); never a name alone.
pub(crate) const ROLE_SUFFIXES: &[&str] = &[
    "牵头", "主责", "负责", "配合", "协同", "协助", "协办", "主办", "跟进", "你", "等",
    // `责任人：某甲起草，某乙审核`: each name with its part in the work.
    "起草", "执笔", "审核", "复核", "审定", "把关", "汇总", "指导",
];

/// `Ryan 龙`, `Daniel 石`: a Latin given name and a Chinese surname, one person.
fn latin_given_name(value: &str) -> Option<&str> {
    let v = value.trim().trim_end_matches(['、', '，', ',']).trim();
    let (given, family) = v.split_once(' ')?;
    (!given.is_empty()
        && given.chars().all(|c| c.is_ascii_alphabetic())
        && (1..=2).contains(&family.chars().count())
        && family.chars().all(is_cjk))
    .then_some(v)
}

/// Words that follow a member's name without being part of it (checked against members only).
const MEMBER_SUFFIXES: &[&str] = &["同学", "同事", "会", "将", "要", "也", "还", "就", "写"];
/// Forms of address after a name (`华峰同学`, `钟瑶老师`), member or not.
pub(crate) const ADDRESS_SUFFIXES: &[&str] = &["同学", "同事", "老师", "同志"];

/// An owner field that names nobody: `待定`, `TBD`, `未分配`, `本周五`, `—`.
pub(crate) fn is_placeholder(w: &str) -> bool {
    let w = w.trim();
    [
        "待定",
        "暂定",
        "未定",
        "无",
        "-",
        "—",
        "/",
        "TBD",
        "tbd",
        "N/A",
        "n/a",
        "未指定",
        "待指定",
        "未分配",
        "待分配",
        "未认领",
        "待认领",
        "未明确",
        "暂无",
        // `| 空缺（代管） |`: the post is empty.
        "空缺",
        "暂缺",
    ]
    .contains(&w)
        || (looks_like_time(w) && w.chars().count() <= 6)
}

/// `华东区`, `各营业部`, `全体`: a place or a set of units, not a person.
pub(crate) fn is_place_or_units(w: &str) -> bool {
    w.starts_with('各') || w.starts_with("全体") || w.ends_with("片区") || w.ends_with('区')
        // `（滨江路）`, `（解放大道）`: a street names a branch's site.
        || (w.chars().count() >= 3 && (w.ends_with('路') || w.ends_with('街') || w.ends_with("大道")))
        // `（两家）`, `（3个）`: a count, not a person.
        || (w.starts_with(|c: char| c.is_ascii_digit() || "一二两三四五六七八九十几".contains(c))
            && w.ends_with(['家', '个', '项', '户', '笔', '名', '位', '场', '批']))
}

/// `张总` → `张`.
pub(crate) fn surname_with_title(name: &str) -> Option<&str> {
    let first = name.chars().next()?;
    let rest = name.get(first.len_utf8()..)?;
    // A less common surname takes a title of two characters (`杭经理`; `燕处` ends `符晓燕处`).
    let known = SURNAMES.contains(first) || (TITLED_SURNAMES.contains(first) && rest.chars().count() >= 2);
    (known && TITLES.contains(&rest)).then(|| name.get(..first.len_utf8()))?
}

/// `孟凡（外部顾问）` → `孟凡`.
pub(crate) fn strip_remark(s: &str) -> &str {
    s.split(['（', '(']).next().unwrap_or(s)
}

pub(crate) fn split_names(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', '/', '和', '及', '&', ' ', '与', '+', '＋', '跟'])
        .map(|p| {
            p.trim()
                .trim_start_matches(['@', '＠'])
                .trim_end_matches("同志")
                .to_owned()
        })
        .filter(|p| !p.is_empty())
        .collect()
}
