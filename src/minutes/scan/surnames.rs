//! Chinese surnames (pure): the common ones, those said with a title (`杭经理`), the compound ones
//! (`欧阳`), the rest of the 百家姓, and the forms built on them (`老王`).

/// Common surnames: a two- or three-character word starting with one of these may be a name.
pub(crate) const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤";

/// Less common surnames (from the hundred family names), read as a surname only before a title
/// (`杭经理`, `时总助`) of two characters: alone they are too often an ordinary word's first
/// character.
pub(crate) const TITLED_SURNAMES: &str = "傅康易乔赖文庞樊兰殷施洪翟颜倪牛温季俞章鲁葛伍申尤毕聂焦柳邢岳齐梅庄辛管祝左涂谷祁时舒耿牟卜詹苗凌费纪靳盛童欧甄曲游裴席卫查屈鲍霍翁隋甘景薄柏宁柯阮桂闵柴车冉房边吉饶刁瞿戚古米滕晋苑邬臧宫苟褚廉简娄盖符奚穆党燕郎邸冀谈姬屠郜晏栾郁蒙喻揭窦迟敖鄢卓仇艾蓝巩仲虞卞封竺佟栗匡宗巫鞠桑荆岑习胥蔺杭";

/// Two-character surnames, often said alone.
pub(super) const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "诸葛", "上官", "司马", "司徒", "东方", "皇甫", "慕容", "令狐", "夏侯", "公孙", "长孙", "宇文",
    "尉迟", "端木", "南宫", "独孤", "西门", "轩辕", "澹台", "钟离", "申屠", "呼延", "闻人", "万俟",
];

/// Surnames of the 百家姓 beyond the common and titled ones, less those that are common words
/// too (`和`, `全`, `年`, `文`, …).
const MORE_SURNAMES: &str = "褚卫华云水凤花酆费雷殷乐皮伍元卜湛祁禹狄贝伏茅项麻强路危骆支昝缪干解宣贲单包\
    诸嵇钮滑裴荣荀羊於惠芮羿储汲邴糜松段巫乌巴弓牧隗宓蓬郗班仰仲伊暴钭厉戎祖武刘叶幸司韶郜蓟宿\
    怀蒲邰鄂索咸籍蔺阴鬱胥苍双闻莘翟贡劳逄扈郏浦尚农晏阎充慕连茹宦鱼容向戈庾终暨居衡步匡寇禄\
    阙殳蔚夔隆师巩厍晁勾融冷訾阚那简饶沙乜养须丰巢蒯查荆红游竺权逯益桓仉督帅缑亢况郈琴归楚闫\
    汝鄢涂钦商牟佘佴伯赏墨哈谯笪佟邝区恒";

/// Whether `w` opens with a known surname (common, titled, compound or of the 百家姓):
/// `（二季度）`, `（中英文）` are no one.
pub(crate) fn has_known_surname(w: &str) -> bool {
    COMPOUND_SURNAMES.iter().any(|s| w.starts_with(s))
        || w.chars()
            .next()
            .is_some_and(|c| SURNAMES.contains(c) || TITLED_SURNAMES.contains(c) || MORE_SURNAMES.contains(c))
}

/// `老王`, `小李` → `王`, `李`: a familiar form of address before a common surname.
pub(crate) fn familiar_surname(name: &str) -> Option<&str> {
    let rest = name.strip_prefix('老').or_else(|| name.strip_prefix('小'))?;
    let first = rest.chars().next()?;
    (rest.len() == first.len_utf8() && SURNAMES.contains(first)).then_some(rest)
}
