//! A number that names one of a series (pure): `稳盈18号清盘公告`, `鑫享9号是否展期` — a product,
//! a fund, a room or a document named `<name>N号`, not the Nth of the month (`18号前`, `本月18号`,
//! `于9号完成` are dates).

use super::ctx::is_cjk;

/// Characters before `N号` that lead into a date: a month, a weekday, a preposition or a link.
const DATE_BEFORE: &str = "月周期拜天日一二三四五六七八九十于在到至止晚迟前是为定即本下上号及和或与、截最";
/// Characters after `N号` that continue a date: a limit, a time of day, a verb of handing in.
const DATE_AFTER: &str = "前之以当那这下上中晚早傍午内完提交报发起开截止左至日（(";

/// Whether the window from `start` is `N号` inside a name: a Chinese word right before the
/// digits and a Chinese word (not a time or limit word) right after the 号.
pub(super) fn names_a_series(chars: &[char], start: usize) -> bool {
    let digits = chars
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits == 0 || chars.get(start + digits) != Some(&'号') {
        return false;
    }
    let before = start.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let after = chars.get(start + digits + 1).copied();
    before.is_some_and(|c| is_cjk(c) && !DATE_BEFORE.contains(c))
        && after.is_some_and(|c| is_cjk(c) && !DATE_AFTER.contains(c))
}

#[cfg(test)]
mod tests {
    use super::names_a_series;

    fn at(s: &str) -> bool {
        let chars: Vec<char> = s.chars().collect();
        let start = chars.iter().position(char::is_ascii_digit).unwrap_or(0);
        names_a_series(&chars, start)
    }

    #[test]
    fn a_numbered_name_is_no_day_of_the_month() {
        assert!(at("安泰12号到期清算报告"));
        assert!(at("启航7号是否续期"));
        assert!(!at("请于18号前提交"));
        assert!(!at("本月18号完成"));
        assert!(!at("周五18号下班前"));
        assert!(!at("18号前报送"));
        assert!(!at("张三18号提交"));
    }
}
